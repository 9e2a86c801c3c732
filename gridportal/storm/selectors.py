"""Reads of storm mode: which substation feeds an address, without the database when possible.

The mapping changes only when the network register is edited, so it is kept
in the cache for a day (and dropped when the address row is saved), plus a
bounded copy in each process. A look-up by address therefore normally costs a
dictionary access, at worst one cache round trip, and the database only on a
cold miss.
"""

from __future__ import annotations

import logging
import time

from django.core.cache import cache

from gridportal.grid.models import ServiceAddress

logger = logging.getLogger(__name__)

NO_SUBSTATION = 0  # the address exists but is not linked to the network
NO_ADDRESS = -1
ADDRESS_TTL = 24 * 3600
MISSING_TTL = 300
LOCAL_MAX = 200_000
LOCAL_TTL = 300.0

_local: dict[int, int] = {}
_local_since = time.monotonic()


def _key(address_id: int) -> str:
    return f"storm:addr:{address_id}"


def address_forget(address_id: int) -> None:
    cache.delete(_key(address_id))
    _local.pop(address_id, None)


def address_local_clear() -> None:
    global _local_since
    _local.clear()
    _local_since = time.monotonic()


def address_substation(address_id: int) -> int:
    """The substation id feeding an address; NO_SUBSTATION or NO_ADDRESS.

    Raises django.db.DatabaseError when the mapping is in no cache and the
    database does not answer.
    """
    if time.monotonic() - _local_since > LOCAL_TTL or len(_local) > LOCAL_MAX:
        address_local_clear()
    value = _local.get(address_id)
    if value is not None:
        return value
    key = _key(address_id)
    try:
        value = cache.get(key)
    except Exception:  # the cache is down: the database still knows
        logger.exception("storm: cache unavailable for the address mapping")
        value = None
    if value is None:
        row = ServiceAddress.objects.filter(pk=address_id).values_list("substation_id").first()
        value = NO_ADDRESS if row is None else row[0] or NO_SUBSTATION
        try:
            cache.set(key, value, MISSING_TTL if value == NO_ADDRESS else ADDRESS_TTL)
        except Exception:
            logger.exception("storm: cache unavailable for the address mapping")
    _local[address_id] = value
    return value
