"""A seeded generator of a plausible North-West grid company, at any scale.

Same seed and scale, same company: every random choice comes from one
random.Random(seed), and rows are created in a fixed order.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from gridportal.core.models import Branch, Company, District

from . import demo_data
from .choices import SettlementKind, SubstationKind, SubstationOwner
from .models import (
    Feeder,
    PowerCentre,
    PowerTransformer,
    ServiceAddress,
    Settlement,
    Street,
    Substation,
)
from .services import address_build, street_build


@dataclass(frozen=True)
class Scale:
    districts_per_branch: int
    settlements_per_district: int
    pcs_per_district: int
    feeders_per_pc: int
    tps_per_feeder: int
    addresses_per_tp: int

    @property
    def addresses(self) -> int:
        return (
            len(demo_data.BRANCHES)
            * self.districts_per_branch
            * self.pcs_per_district
            * self.feeders_per_pc
            * self.tps_per_feeder
            * self.addresses_per_tp
        )


SCALES = {
    "tiny": Scale(1, 2, 1, 2, 2, 3),
    "small": Scale(3, 3, 2, 3, 4, 6),
    "medium": Scale(5, 6, 5, 4, 8, 10),
    "large": Scale(8, 25, 40, 4, 11, 10),
}

TRANSFORMER_SIZES = {
    35: [Decimal("2.5"), Decimal("4"), Decimal("6.3"), Decimal("10")],
    110: [Decimal("6.3"), Decimal("10"), Decimal("16"), Decimal("25"), Decimal("40")],
    220: [Decimal("63"), Decimal("125")],
}
VOLTAGE_LEVELS = {35: "35/10", 110: "110/35/10", 220: "220/110/10"}


NEUTER_MODIFIERS = ["", "", "Большое ", "Малое ", "Новое ", "Верхнее ", "Нижнее ", "Старое "]
FEMININE_MODIFIERS = ["", "", "Большая ", "Малая ", "Новая ", "Верхняя ", "Нижняя ", "Старая "]


def _village_name(rng: random.Random, taken: set[str]) -> tuple[str, str]:
    """A village name not yet used in this branch («Малая Берёзовка», «Никольское»)."""
    for _attempt in range(50):
        root = rng.choice(demo_data.VILLAGE_ROOTS)
        ending = next(
            (end for tail, end in demo_data.VILLAGE_ENDINGS.items() if root.endswith(tail)), "ое"
        )
        modifiers = FEMININE_MODIFIERS if ending == "а" else NEUTER_MODIFIERS
        name = rng.choice(modifiers) + root + ending
        if name not in taken:
            break
    else:
        name = f"{name} {len(taken)}"
    taken.add(name)
    return name, rng.choice([SettlementKind.VILLAGE, SettlementKind.HAMLET])


def _another_street_like(kind: str, name: str, cycle: int) -> tuple[str, str]:
    """«2-я Береговая», «2-й Больничный», «проезд Ленина» once a town used up the names."""
    if name.endswith(("ая", "яя")):
        return kind, f"{cycle + 1}-я {name}"
    if name.endswith(("ый", "ий", "ой")):
        return kind, f"{cycle + 1}-й {name}"
    return "проезд", name


class _StreetAllocator:
    """Hands out consecutive houses along the streets of one settlement."""

    def __init__(self, rng, settlement, is_city):
        self.rng = rng
        self.settlement = settlement
        self.max_run = 150 if is_city else 40
        self.names = list(demo_data.STREETS)
        rng.shuffle(self.names)
        self.index = -1
        self.street = None
        self.next_house = 0
        self.run = 0
        self.new_streets = []
        self.used = set()

    def next_address_parts(self):
        if self.street is None or self.next_house > self.run:
            self.index += 1
            kind, name = self.names[self.index % len(self.names)]
            cycle = self.index // len(self.names)
            if cycle:
                kind, name = _another_street_like(kind, name, cycle)
            for spare_kind in ("туп.", "линия", "аллея", "бульвар", "мкр"):
                if (kind, name) not in self.used:
                    break
                kind = spare_kind
            base, extra = name, 2
            while (kind, name) in self.used:
                name, extra = f"{base} {extra}", extra + 1
            self.used.add((kind, name))
            self.street = street_build(settlement=self.settlement, kind=kind, name=name)
            self.new_streets.append(self.street)
            self.next_house = 1
            self.run = self.rng.randint(max(5, self.max_run // 4), self.max_run)
        house = str(self.next_house)
        roll = self.rng.random()
        if roll < 0.04:
            house += "а"
        elif roll < 0.06:
            house += "к1"
        self.next_house += 1
        return self.street, house


@transaction.atomic
def generate_company(*, scale: str = "small", seed: int = 1, progress=None) -> Company:
    spec = SCALES[scale]
    rng = random.Random(seed)
    uuid_rng = random.Random(seed + 1)
    company = Company.objects.create(**demo_data.COMPANY)
    tp_counter = 0
    for b_index, (code, name, name_en, region, region_en, lat, lon, towns) in enumerate(
        demo_data.BRANCHES
    ):
        branch = Branch.objects.create(
            company=company,
            code=code,
            name=name,
            name_en=name_en,
            region=region,
            region_en=region_en,
            latitude=lat,
            longitude=lon,
            hotline_phone=f"8-800-333-0{b_index}-52",
        )
        pc_counter = 0
        taken: set[str] = set()
        for d_index in range(spec.districts_per_branch):
            town = towns[d_index % len(towns)]
            suffix = "" if d_index < len(towns) else f" {d_index // len(towns) + 1}"
            d_lat = lat + (rng.uniform(-1.2, 1.2) if d_index else 0)
            d_lon = lon + (rng.uniform(-2.0, 2.0) if d_index else 0)
            district = District.objects.create(
                branch=branch,
                code=f"{code}-{d_index + 1}",
                name=f"РЭС «{town}»{suffix}",
                name_en=f"{town} distribution zone{suffix}",
                latitude=d_lat,
                longitude=d_lon,
            )
            settlements = [
                Settlement(
                    branch=branch,
                    district=district,
                    name=town,
                    kind=SettlementKind.CITY,
                    latitude=d_lat,
                    longitude=d_lon,
                )
            ]
            taken.add(town)
            while len(settlements) < spec.settlements_per_district:
                v_name, v_kind = _village_name(rng, taken)
                settlements.append(
                    Settlement(
                        branch=branch,
                        district=district,
                        name=v_name,
                        kind=v_kind,
                        latitude=d_lat + rng.uniform(-0.35, 0.35),
                        longitude=d_lon + rng.uniform(-0.6, 0.6),
                    )
                )
            Settlement.objects.bulk_create(settlements)
            allocators = [
                _StreetAllocator(rng, s, s.kind == SettlementKind.CITY) for s in settlements
            ]
            pcs, transformers, feeders = [], [], []
            for _ in range(spec.pcs_per_district):
                pc_counter += 1
                voltage = rng.choices([35, 110, 220], weights=[30, 62, 8])[0]
                pc = PowerCentre(
                    branch=branch,
                    district=district,
                    name=f"ПС {voltage} кВ «{rng.choice(demo_data.PC_NAMES)}»",
                    dispatch_number=f"ПС-{pc_counter}",
                    voltage_kv=voltage,
                    voltage_levels=VOLTAGE_LEVELS[voltage],
                    latitude=d_lat + rng.uniform(-0.3, 0.3),
                    longitude=d_lon + rng.uniform(-0.5, 0.5),
                )
                pcs.append(pc)
            PowerCentre.objects.bulk_create(pcs)
            for pc in pcs:
                count = rng.choices([1, 2, 3], weights=[10, 78, 12])[0]
                size = rng.choice(TRANSFORMER_SIZES[pc.voltage_kv])
                for t in range(count):
                    transformers.append(
                        PowerTransformer(
                            power_centre=pc,
                            name=f"Т-{t + 1}",
                            rated_mva=size,
                            voltage=pc.voltage_levels.split("/", 1)[0] + "/10",
                        )
                    )
                for f in range(spec.feeders_per_pc):
                    feeders.append(
                        Feeder(
                            power_centre=pc,
                            branch=branch,
                            district=district,
                            name=f"Ф-{f + 1}",
                            voltage_kv=Decimal("10") if rng.random() < 0.8 else Decimal("6"),
                            latitude=pc.latitude,
                            longitude=pc.longitude,
                        )
                    )
            PowerTransformer.objects.bulk_create(transformers)
            Feeder.objects.bulk_create(feeders)
            substations, served_by = [], []
            for feeder in feeders:
                for _ in range(spec.tps_per_feeder):
                    tp_counter += 1
                    # Half the substations are in the district's town.
                    s_index = 0 if rng.random() < 0.5 else rng.randrange(len(settlements))
                    settlement = settlements[s_index]
                    substations.append(
                        Substation(
                            feeder=feeder,
                            branch=branch,
                            district=district,
                            name=f"ТП-{tp_counter}",
                            kind=SubstationKind.KTP if rng.random() < 0.3 else SubstationKind.TP,
                            rated_kva=rng.choice([100, 160, 250, 400, 630, 1000]),
                            # Every 25th is a consumer's own ТП (a works, a farm, a shop
                            # centre): supplied at the feeder's voltage. No draw from rng, so
                            # the rest of the demo network stays as it was.
                            owner=(
                                SubstationOwner.CONSUMER
                                if tp_counter % 25 == 0
                                else SubstationOwner.COMPANY
                            ),
                            latitude=settlement.latitude + rng.uniform(-0.01, 0.01),
                            longitude=settlement.longitude + rng.uniform(-0.02, 0.02),
                        )
                    )
                    served_by.append(s_index)
            Substation.objects.bulk_create(substations)
            parts = []
            for tp, s_index in zip(substations, served_by, strict=True):
                allocator = allocators[s_index]
                is_city = s_index == 0
                for _ in range(spec.addresses_per_tp):
                    street, house = allocator.next_address_parts()
                    parts.append((street, house, tp, is_city))
            streets = [s for a in allocators for s in a.new_streets]
            Street.objects.bulk_create(streets, batch_size=2000)
            addresses = [
                address_build(
                    street=street,
                    house=house,
                    substation=tp,
                    customer_count=rng.randint(12, 180) if is_city and rng.random() < 0.6 else 1,
                    latitude=tp.latitude + rng.uniform(-0.002, 0.002),
                    longitude=tp.longitude + rng.uniform(-0.004, 0.004),
                    fias_id=uuid.UUID(int=uuid_rng.getrandbits(128), version=4),
                )
                for street, house, tp, is_city in parts
            ]
            ServiceAddress.objects.bulk_create(addresses, batch_size=5000)
            if progress:
                progress(f"{branch.code}: {district.name}: {len(addresses)} addresses")
    return company
