"""Import the network and addresses from CSV or GeoJSON, atomically.

Every row is checked first; a file with any bad row is rejected whole, with
row-numbered, human-readable errors. Rows are matched on their natural key
(branch + dispatch number, + name, street + house), so importing the same file
twice changes nothing. Formats: docs/formats/grid-import.md.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from gridportal.core.models import Branch, District
from gridportal.core.tabular import (
    Budget,
    ImportRejected,
    quote,
    row_check,
    table_open,
    table_rows,
    text_decode,
)

from .addressing import house_key
from .choices import POWER_CENTRE_VOLTAGES_KV, SettlementKind, SubstationKind, SubstationOwner
from .models import (
    Feeder,
    PowerCentre,
    PowerTransformer,
    ServiceAddress,
    Settlement,
    Substation,
)
from .services import address_build, street_get_or_create

KINDS = ("power_centres", "transformers", "feeders", "substations", "addresses")

COLUMNS = {
    "power_centres": (
        ["branch", "dispatch_number", "name", "voltage_kv"],
        ["district", "voltage_levels", "latitude", "longitude"],
    ),
    "transformers": (["branch", "power_centre", "name", "rated_mva"], ["voltage"]),
    "feeders": (["branch", "power_centre", "name", "voltage_kv"], ["district"]),
    "substations": (
        ["branch", "power_centre", "feeder", "name", "rated_kva"],
        ["kind", "owner", "district", "latitude", "longitude"],
    ),
    "addresses": (
        ["branch", "settlement", "street", "house"],
        [
            "district",
            "settlement_kind",
            "street_kind",
            "substation",
            "customer_count",
            "fias_id",
            "latitude",
            "longitude",
        ],
    ),
}

SETTLEMENT_KINDS = {
    "city": SettlementKind.CITY,
    "г": SettlementKind.CITY,
    "г.": SettlementKind.CITY,
    "town": SettlementKind.TOWN,
    "пгт": SettlementKind.TOWN,
    "village": SettlementKind.VILLAGE,
    "с": SettlementKind.VILLAGE,
    "с.": SettlementKind.VILLAGE,
    "hamlet": SettlementKind.HAMLET,
    "д": SettlementKind.HAMLET,
    "д.": SettlementKind.HAMLET,
}
SUBSTATION_OWNERS = {
    "company": SubstationOwner.COMPANY,
    "сетевая": SubstationOwner.COMPANY,
    "consumer": SubstationOwner.CONSUMER,
    "потребитель": SubstationOwner.CONSUMER,
}
SUBSTATION_KINDS = {
    "tp": SubstationKind.TP,
    "тп": SubstationKind.TP,
    "ktp": SubstationKind.KTP,
    "ктп": SubstationKind.KTP,
    "rp": SubstationKind.RP,
    "рп": SubstationKind.RP,
}


# One exception for every import (core.tabular); the old name stays for callers.
ImportFailed = ImportRejected


@dataclass
class ImportResult:
    kind: str
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def read_rows(data: bytes, *, filename: str) -> list[dict]:
    """Rows of a CSV (UTF-8 or Windows-1251, comma or semicolon) or GeoJSON file as dicts
    of strings. The type comes from the content; reading stops at the budgets of
    `core.tabular` (rows, columns, cell size, time)."""
    upload = table_open(
        name=filename,
        content=data,
        kinds=("csv", "json"),
        refusal=_("Upload a .csv or .geojson file."),
    )
    budget = Budget.from_settings()
    if upload.kind == "json":
        return _geojson_rows(text_decode(upload.content), budget)
    rows = table_rows(upload, budget=budget)
    try:
        _number, header = next(rows)
    except StopIteration:
        return []
    keys = [str(h).strip() for h in header]
    result = []
    for _number, values in rows:
        if not values:
            continue  # a blank line
        row = dict.fromkeys(keys, "")
        for key, value in zip(keys, values, strict=False):
            row[key] = str(value).strip()
        result.append(row)
    return result


def _geojson_rows(text: str, budget: Budget) -> list[dict]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed([_("The file is not valid JSON: {error}").format(error=error)]) from None
    except RecursionError:
        raise ImportFailed([_("The file is not valid JSON: it is nested too deeply.")]) from None
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        raise ImportFailed([_("A GeoJSON FeatureCollection with features is expected.")])
    if len(features) > budget.rows:
        raise ImportFailed([_("The file has more than {n} rows; split it.").format(n=budget.rows)])
    rows = []
    # Row 1 is the header of a CSV file; features are numbered from 2 like data rows.
    for number, feature in enumerate(features, start=2):
        feature = feature if isinstance(feature, dict) else {}
        props = feature.get("properties")
        props = dict(props) if isinstance(props, dict) else {}
        geometry = feature.get("geometry")
        geometry = geometry if isinstance(geometry, dict) else {}
        coordinates = geometry.get("coordinates")
        if (
            geometry.get("type") == "Point"
            and isinstance(coordinates, list)
            and len(coordinates) >= 2
        ):
            props.setdefault("longitude", coordinates[0])
            props.setdefault("latitude", coordinates[1])
        values = ["" if v is None else str(v) for v in props.values()]
        row_check(number, values, budget)
        rows.append({str(k): "" if v is None else str(v) for k, v in props.items()})
    return rows


class _RowChecker:
    def __init__(self, kind: str):
        self.kind = kind
        self.errors: list[str] = []
        self.row = 0

    def error(self, message: str):
        self.errors.append(_("Row {row}: {message}").format(row=self.row, message=message))

    def required(self, row: dict, name: str) -> str:
        value = row.get(name, "").strip()
        if not value:
            self.error(_("the column «{name}» is empty.").format(name=name))
        return value

    def decimal(self, row: dict, name: str, *, positive=True, required=False) -> Decimal | None:
        raw = row.get(name, "").strip().replace(",", ".")
        if not raw:
            if required:
                self.error(_("the column «{name}» is empty.").format(name=name))
            return None
        try:
            value = Decimal(raw) if len(raw) <= 40 else Decimal("NaN")
        except InvalidOperation:
            value = Decimal("NaN")
        # NaN, infinities and 1e999999999 are no measure of anything (and NaN cannot be compared).
        if not value.is_finite() or value.adjusted() >= 9:
            self.error(
                _("«{value}» in «{name}» is not a number.").format(value=quote(raw), name=name)
            )
            return None
        if positive and value <= 0:
            self.error(_("«{name}» must be greater than zero.").format(name=name))
            return None
        return value

    def coordinate(self, row: dict, name: str, low: float, high: float) -> float | None:
        value = self.decimal(row, name, positive=False)
        if value is None:
            return None
        if not low <= float(value) <= high:
            self.error(
                _("«{name}» must be between {low} and {high}.").format(
                    name=name, low=low, high=high
                )
            )
            return None
        return float(value)


def _check_columns(kind: str, rows: list[dict]) -> None:
    required, optional = COLUMNS[kind]
    if not rows:
        raise ImportFailed([_("The file has no rows.")])
    present = set(rows[0].keys())
    missing = [c for c in required if c not in present]
    if missing:
        raise ImportFailed([_("Missing columns: {columns}.").format(columns=", ".join(missing))])


def import_rows(*, kind: str, rows: list[dict]) -> ImportResult:
    if kind not in KINDS:
        raise ImportFailed([_("Unknown kind «{kind}».").format(kind=kind)])
    _check_columns(kind, rows)
    with transaction.atomic():
        result = globals()[f"_import_{kind}"](rows)
        if result.errors:
            transaction.set_rollback(True)
            raise ImportFailed(result.errors)
    return result


def import_file(*, kind: str, data: bytes, filename: str) -> ImportResult:
    return import_rows(kind=kind, rows=read_rows(data, filename=filename))


def _lookups():
    branches = {b.code: b for b in Branch.objects.all()}
    districts = {d.code: d for d in District.objects.all()}
    return branches, districts


def _branch_and_district(check, row, branches, districts):
    branch = branches.get(check.required(row, "branch"))
    if row.get("branch") and branch is None:
        check.error(_("unknown branch «{code}».").format(code=quote(row["branch"])))
    district = None
    if row.get("district"):
        district = districts.get(row["district"])
        if district is None:
            check.error(_("unknown district «{code}».").format(code=quote(row["district"])))
        elif branch is not None and district.branch_id != branch.pk:
            check.error(
                _("district «{code}» is not in this branch.").format(code=quote(row["district"]))
            )
    return branch, district


def _enumerate(rows: Iterable[dict], check: _RowChecker):
    # Row 1 is the header of a CSV file; data rows start at 2.
    for index, row in enumerate(rows, start=2):
        check.row = index
        yield row


def _save(result: ImportResult, obj, created: bool):
    obj.save()
    if created:
        result.created += 1
    else:
        result.updated += 1


def _import_power_centres(rows):
    check, result = _RowChecker("power_centres"), ImportResult("power_centres")
    branches, districts = _lookups()
    seen = set()
    for row in _enumerate(rows, check):
        errors_before = len(check.errors)
        branch, district = _branch_and_district(check, row, branches, districts)
        number = check.required(row, "dispatch_number")
        name = check.required(row, "name")
        voltage = check.decimal(row, "voltage_kv", required=True)
        if voltage is not None and int(voltage) not in POWER_CENTRE_VOLTAGES_KV:
            check.error(_("«voltage_kv» must be one of 35, 110, 150, 220, 330."))
        lat = check.coordinate(row, "latitude", -90, 90)
        lon = check.coordinate(row, "longitude", -180, 180)
        if (row.get("branch"), number) in seen:
            check.error(_("the power centre «{n}» appears twice.").format(n=quote(number)))
        seen.add((row.get("branch"), number))
        if len(check.errors) > errors_before:
            continue
        pc = PowerCentre.objects.filter(branch=branch, dispatch_number=number).first()
        created = pc is None
        pc = pc or PowerCentre(branch=branch, dispatch_number=number)
        pc.name, pc.district, pc.voltage_kv = name, district, int(voltage)
        pc.voltage_levels = row.get("voltage_levels") or f"{int(voltage)}/10"
        pc.latitude, pc.longitude = lat, lon
        _save(result, pc, created)
    result.errors = check.errors
    return result


def _power_centre(check, row, branch):
    number = check.required(row, "power_centre")
    if branch is None or not number:
        return None
    pc = PowerCentre.objects.filter(branch=branch, dispatch_number=number).first()
    if pc is None:
        check.error(_("unknown power centre «{n}» in this branch.").format(n=quote(number)))
    return pc


def _import_transformers(rows):
    check, result = _RowChecker("transformers"), ImportResult("transformers")
    branches, districts = _lookups()
    for row in _enumerate(rows, check):
        errors_before = len(check.errors)
        branch, _district = _branch_and_district(check, row, branches, districts)
        pc = _power_centre(check, row, branch)
        name = check.required(row, "name")
        rated = check.decimal(row, "rated_mva", required=True)
        if len(check.errors) > errors_before:
            continue
        t = PowerTransformer.objects.filter(power_centre=pc, name=name).first()
        created = t is None
        t = t or PowerTransformer(power_centre=pc, name=name)
        t.rated_mva, t.voltage = rated, row.get("voltage", "")
        _save(result, t, created)
    result.errors = check.errors
    return result


def _import_feeders(rows):
    check, result = _RowChecker("feeders"), ImportResult("feeders")
    branches, districts = _lookups()
    for row in _enumerate(rows, check):
        errors_before = len(check.errors)
        branch, district = _branch_and_district(check, row, branches, districts)
        pc = _power_centre(check, row, branch)
        name = check.required(row, "name")
        voltage = check.decimal(row, "voltage_kv", required=True)
        if voltage is not None and not Decimal("0.4") <= voltage <= Decimal("35"):
            check.error(_("«voltage_kv» of a feeder must be between 0.4 and 35."))
        if len(check.errors) > errors_before:
            continue
        f = Feeder.objects.filter(power_centre=pc, name=name).first()
        created = f is None
        f = f or Feeder(power_centre=pc, name=name, branch=branch)
        f.voltage_kv = voltage
        f.district = district or pc.district
        f.latitude, f.longitude = pc.latitude, pc.longitude
        _save(result, f, created)
    result.errors = check.errors
    return result


def _import_substations(rows):
    check, result = _RowChecker("substations"), ImportResult("substations")
    branches, districts = _lookups()
    for row in _enumerate(rows, check):
        errors_before = len(check.errors)
        branch, district = _branch_and_district(check, row, branches, districts)
        pc = _power_centre(check, row, branch)
        feeder_name = check.required(row, "feeder")
        feeder = None
        if pc is not None and feeder_name:
            feeder = Feeder.objects.filter(power_centre=pc, name=feeder_name).first()
            if feeder is None:
                check.error(
                    _("unknown feeder «{n}» of this power centre.").format(n=quote(feeder_name))
                )
        name = check.required(row, "name")
        rated = check.decimal(row, "rated_kva", required=True)
        kind = SUBSTATION_KINDS.get((row.get("kind") or "tp").lower())
        if kind is None:
            check.error(_("«kind» must be TP, KTP or RP."))
        owner = SUBSTATION_OWNERS.get((row.get("owner") or "company").strip().lower())
        if owner is None:
            check.error(_("«owner» must be company or consumer."))
        lat = check.coordinate(row, "latitude", -90, 90)
        lon = check.coordinate(row, "longitude", -180, 180)
        if len(check.errors) > errors_before:
            continue
        s = Substation.objects.filter(branch=branch, name=name).first()
        created = s is None
        s = s or Substation(branch=branch, name=name)
        s.feeder, s.kind, s.rated_kva, s.owner = feeder, kind, int(rated), owner
        s.district = district or feeder.district
        s.latitude, s.longitude = lat, lon
        _save(result, s, created)
    result.errors = check.errors
    return result


def _import_addresses(rows):
    check, result = _RowChecker("addresses"), ImportResult("addresses")
    branches, districts = _lookups()
    for row in _enumerate(rows, check):
        errors_before = len(check.errors)
        branch, district = _branch_and_district(check, row, branches, districts)
        settlement_name = check.required(row, "settlement")
        street_name = check.required(row, "street")
        house = check.required(row, "house")
        settlement_kind = SETTLEMENT_KINDS.get((row.get("settlement_kind") or "city").lower())
        if settlement_kind is None:
            check.error(_("«settlement_kind» must be city, town, village or hamlet."))
        substation = None
        if row.get("substation") and branch is not None:
            substation = Substation.objects.filter(branch=branch, name=row["substation"]).first()
            if substation is None:
                check.error(_("unknown substation «{n}».").format(n=quote(row["substation"])))
        count = row.get("customer_count") or "1"
        if not (count.isascii() and count.isdigit() and len(count) <= 6) or int(count) < 1:
            check.error(_("«customer_count» must be a whole number of at least 1."))
        fias = None
        if row.get("fias_id"):
            try:
                fias = uuid.UUID(row["fias_id"])
            except ValueError:
                check.error(_("«fias_id» is not a valid identifier."))
        lat = check.coordinate(row, "latitude", -90, 90)
        lon = check.coordinate(row, "longitude", -180, 180)
        if len(check.errors) > errors_before:
            continue
        settlement, _created = Settlement.objects.get_or_create(
            branch=branch,
            district=district or (substation.district if substation else None),
            name=settlement_name,
            kind=settlement_kind,
            defaults={"latitude": lat, "longitude": lon},
        )
        street = street_get_or_create(
            settlement=settlement, kind=row.get("street_kind") or "ул.", name=street_name
        )
        existing = ServiceAddress.objects.filter(street=street, house_key=house_key(house)).first()
        if (
            fias
            and ServiceAddress.objects.filter(fias_id=fias)
            .exclude(pk=getattr(existing, "pk", None))
            .exists()
        ):
            check.error(_("«fias_id» belongs to another address."))
            continue
        address = address_build(
            street=street,
            house=house,
            substation=substation,
            customer_count=int(count),
            latitude=lat,
            longitude=lon,
            fias_id=fias,
        )
        if existing is not None:
            address.pk, address.created_at = existing.pk, existing.created_at
        _save(result, address, existing is None)
    result.errors = check.errors
    return result
