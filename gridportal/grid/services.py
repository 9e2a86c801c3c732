from django.db import transaction

from gridportal.core.exceptions import ApplicationError

from .addressing import address_label, house_key, street_search_text
from .models import ServiceAddress, Settlement, Street, Substation


def street_get_or_create(*, settlement: Settlement, kind: str, name: str) -> Street:
    street, created = Street.objects.get_or_create(
        settlement=settlement,
        kind=kind,
        name=name,
        defaults={
            "search_text": street_search_text(
                settlement=settlement.name, street_kind=kind, street=name
            )
        },
    )
    return street


def street_build(*, settlement: Settlement, kind: str, name: str) -> Street:
    """An unsaved street with its search text, for bulk creation."""
    return Street(
        settlement=settlement,
        kind=kind,
        name=name,
        search_text=street_search_text(settlement=settlement.name, street_kind=kind, street=name),
    )


def address_build(
    *,
    street: Street,
    house: str,
    substation: Substation | None,
    customer_count: int = 1,
    latitude: float | None = None,
    longitude: float | None = None,
    fias_id=None,
) -> ServiceAddress:
    """An unsaved service address with its label and keys, for bulk creation."""
    settlement = street.settlement
    return ServiceAddress(
        branch_id=settlement.branch_id,
        district_id=settlement.district_id,
        street=street,
        house=house,
        house_key=house_key(house),
        label=address_label(
            settlement_label=settlement.label,
            street_kind=street.kind,
            street=street.name,
            house=house,
        ),
        substation=substation,
        customer_count=customer_count,
        latitude=latitude,
        longitude=longitude,
        fias_id=fias_id,
    )


@transaction.atomic
def address_create(**kwargs) -> ServiceAddress:
    address = address_build(**kwargs)
    if ServiceAddress.objects.filter(street=address.street, house_key=address.house_key).exists():
        raise ApplicationError("This address already exists.", code="duplicate")
    address.full_clean(exclude=["street", "substation", "branch", "district"])
    address.save()
    return address
