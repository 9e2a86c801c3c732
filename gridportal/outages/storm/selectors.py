"""Reads of storm mode: which substation feeds an address, without the database when possible.

The mapping changes only when the network register is edited. It is kept in
buckets of 1,024 consecutive address ids, each a packed array of substation ids
(8 KB), in the cache for a day (a bucket is dropped when one of its addresses
is saved) and in every process for five minutes. The whole register of a
million addresses is about 8 MB per process, so after warming up a look-up by
address is two list indexings; at worst it costs one cache round trip, and the
database (one range query for the bucket) only on a cold miss.
"""

from __future__ import annotations

import logging
import time
from array import array

from django.core.cache import cache

from gridportal.grid.models import ServiceAddress

logger = logging.getLogger(__name__)

NO_SUBSTATION = 0  # the address exists but is not linked to the network
NO_ADDRESS = -1
BUCKET = 1024
BUCKET_TTL = 24 * 3600
LOCAL_TTL = 300.0
LOCAL_MAX_BUCKETS = 4096  # 16 MB at most
WARM_KEY = "storm:addr:warmed"
WARM_EVERY = 12 * 3600  # well inside BUCKET_TTL: every bucket stays in the cache
WARM_BATCH = 256

_local: dict[int, array] = {}
_local_since = time.monotonic()


def _key(bucket: int) -> str:
    return f"storm:addr:{bucket}"


def address_forget(address_id: int) -> None:
    bucket = address_id // BUCKET
    cache.delete(_key(bucket))
    _local.pop(bucket, None)


def address_local_clear() -> None:
    global _local_since
    _local.clear()
    _local_since = time.monotonic()


def _bucket_from_database(bucket: int) -> array:
    low = bucket * BUCKET
    values = array("q", [NO_ADDRESS]) * BUCKET
    for pk, substation_id in ServiceAddress.objects.filter(
        pk__gte=low, pk__lt=low + BUCKET
    ).values_list("pk", "substation_id"):
        values[pk - low] = substation_id or NO_SUBSTATION
    return values


def _bucket(bucket: int) -> array:
    key = _key(bucket)
    try:
        packed = cache.get(key)
    except Exception:  # the cache is down: the database still knows
        logger.exception("storm: cache unavailable for the address mapping")
        packed = None
    if packed is not None:
        values = array("q")
        values.frombytes(packed)
        return values
    values = _bucket_from_database(bucket)
    try:
        cache.set(key, values.tobytes(), BUCKET_TTL)
    except Exception:
        logger.exception("storm: cache unavailable for the address mapping")
    return values


def address_substation(address_id: int) -> int:
    """The substation id feeding an address; NO_SUBSTATION or NO_ADDRESS.

    Raises django.db.DatabaseError when the address's bucket is in no cache and
    the database does not answer.
    """
    if time.monotonic() - _local_since > LOCAL_TTL or len(_local) > LOCAL_MAX_BUCKETS:
        address_local_clear()
    bucket, offset = divmod(address_id, BUCKET)
    values = _local.get(bucket)
    if values is None:
        values = _local[bucket] = _bucket(bucket)
    return values[offset]


def address_buckets_warm(*, force: bool = False) -> int:
    """Put every address bucket in the cache, at most every 12 hours; the number of buckets.

    Degraded mode (docs/storm.md) answers an address only from a cached bucket: warmed
    this way, any address of the register can be looked up while the database is down.
    One ordered pass over the addresses (a million rows: about a second and 8 MB).
    """
    if not force and not cache.add(WARM_KEY, 1, WARM_EVERY):
        return 0
    buckets: dict[int, array] = {}
    rows = ServiceAddress.objects.order_by("pk").values_list("pk", "substation_id")
    for pk, substation_id in rows.iterator(chunk_size=20_000):
        bucket, offset = divmod(pk, BUCKET)
        values = buckets.get(bucket)
        if values is None:
            values = buckets[bucket] = array("q", [NO_ADDRESS]) * BUCKET
        values[offset] = substation_id or NO_SUBSTATION
    numbers = sorted(buckets)
    for start in range(0, len(numbers), WARM_BATCH):
        cache.set_many(
            {_key(b): buckets[b].tobytes() for b in numbers[start : start + WARM_BATCH]},
            BUCKET_TTL,
        )
    return len(buckets)
