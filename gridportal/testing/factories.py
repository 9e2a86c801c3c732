"""factory-boy factories shared by every app's tests."""

from decimal import Decimal

import factory

from gridportal.core.models import Branch, Company, District
from gridportal.grid.choices import SettlementKind
from gridportal.grid.models import (
    Feeder,
    PowerCentre,
    PowerTransformer,
    ServiceAddress,
    Settlement,
    Street,
    Substation,
)
from gridportal.grid.services import address_build, street_build


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company
        django_get_or_create = ("short_name",)

    name = "ПАО «Тестовые сети»"
    name_en = "Test Grids PJSC"
    short_name = "Тестовые сети"
    hotline_phone = "8-800-000-00-00"


class BranchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branch

    company = factory.SubFactory(CompanyFactory)
    code = factory.Sequence(lambda n: f"branch{n}")
    name = factory.Sequence(lambda n: f"Филиал {n}")
    name_en = factory.Sequence(lambda n: f"Branch {n}")
    region = factory.Sequence(lambda n: f"Область {n}")
    latitude = 61.79
    longitude = 34.36


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    branch = factory.SubFactory(BranchFactory)
    code = factory.Sequence(lambda n: f"district{n}")
    name = factory.Sequence(lambda n: f"РЭС {n}")
    latitude = factory.SelfAttribute("branch.latitude")
    longitude = factory.SelfAttribute("branch.longitude")


class PowerCentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PowerCentre

    district = factory.SubFactory(DistrictFactory)
    branch = factory.SelfAttribute("district.branch")
    name = factory.Sequence(lambda n: f"ПС 110 кВ «Тестовая-{n}»")
    dispatch_number = factory.Sequence(lambda n: f"ПС-{n}")
    voltage_kv = 110
    voltage_levels = "110/10"
    latitude = 61.8
    longitude = 34.4


class PowerTransformerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PowerTransformer

    power_centre = factory.SubFactory(PowerCentreFactory)
    name = factory.Sequence(lambda n: f"Т-{n}")
    rated_mva = Decimal("25")
    voltage = "110/10"


class FeederFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feeder

    power_centre = factory.SubFactory(PowerCentreFactory)
    branch = factory.SelfAttribute("power_centre.branch")
    district = factory.SelfAttribute("power_centre.district")
    name = factory.Sequence(lambda n: f"Ф-{n}")
    voltage_kv = Decimal("10")


class SubstationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Substation

    feeder = factory.SubFactory(FeederFactory)
    branch = factory.SelfAttribute("feeder.branch")
    district = factory.SelfAttribute("feeder.district")
    name = factory.Sequence(lambda n: f"ТП-{n}")
    rated_kva = 400
    latitude = 61.79
    longitude = 34.36


class SettlementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Settlement

    district = factory.SubFactory(DistrictFactory)
    branch = factory.SelfAttribute("district.branch")
    name = "Петрозаводск"
    kind = SettlementKind.CITY
    latitude = 61.79
    longitude = 34.36


def street_create(*, settlement=None, kind="ул.", name="Ленина") -> Street:
    settlement = settlement or SettlementFactory()
    street = street_build(settlement=settlement, kind=kind, name=name)
    street.save()
    return street


def address_create(
    *,
    street=None,
    house="1",
    substation=None,
    customer_count=1,
    settlement=None,
    street_name="Ленина",
) -> ServiceAddress:
    """A saved service address (and its street and substation if not given)."""
    if street is None:
        street = (
            Street.objects.filter(settlement=settlement, name=street_name).first()
            if settlement
            else None
        )
        street = street or street_create(settlement=settlement, name=street_name)
    if substation is None:
        substation = SubstationFactory(feeder__power_centre__district=street.settlement.district)
    address = address_build(
        street=street,
        house=house,
        substation=substation,
        customer_count=customer_count,
        latitude=substation.latitude,
        longitude=substation.longitude,
    )
    address.save()
    return address


from .rules import rule_set  # noqa: E402,F401  (tests import it from here too)
