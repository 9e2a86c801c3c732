"""Storm-rate statements: prepared once per connection, and a row with the row it
refers to written in one round trip.

The hotline writes two rows per report at storm rates: the consent to data processing
and the report that refers to it. Through the ORM that is a transaction of four round
trips (BEGIN, two INSERTs, COMMIT) and two INSERTs compiled anew each time. Here, on
PostgreSQL, it is one statement: a data-modifying WITH writes the first row and the
second refers to it, both or neither, committed by the statement itself (decision 0017).

The INSERT of each model is rendered once per process for all of its concrete fields but
the automatic key; an unsaved instance gives its parameters through the fields' own
`pre_save`/`get_db_prep_save`, so defaults, `auto_now_add` and type adaptation are the
ORM's, and the model signals of `save()` are sent as it sends them. Other databases (the
embedded tier's SQLite) save both through the ORM in one transaction: the same result, at
a pace no storm asks of them. The statement also takes a guard (`unless`): a SELECT that,
finding a row, writes nothing (the intake's repeat check, in the same round trip); and a
`Source`: a SELECT of the one row some of the child's values come from (the report's
address with its branch and substation), read in the same round trip too, and without
which nothing is written.

`fetch_prepared` runs such a statement, and the few reads around it, as a server-side
prepared statement: PostgreSQL parses and plans a statement of two INSERTs (and their
indexes, checks and foreign keys) in about as long as it takes to run it, once per
connection here instead of once per report. It runs on the connection Django holds (its
transaction, autocommit, error classes and health check), on a psycopg cursor that binds
on the server. Behind PgBouncer in transaction mode that takes PgBouncer 1.21 or newer
with `max_prepared_statements` set (docs/operations.md).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import cache

import psycopg
from django.db import connections, transaction
from django.db.models import AutoField, BigAutoField, Model, SmallAutoField
from django.db.models.signals import post_save, pre_save

AUTO = (AutoField, BigAutoField, SmallAutoField)


@dataclass(frozen=True)
class Source:
    """A SELECT of at most one row; its columns, in order, are the values of the child's
    fields named (by attname) in `fields`. Plain values: each is cast to its column's type
    on the way in and read back as the field reads it (a text parameter may stand for a
    time)."""

    sql: str
    params: list
    fields: tuple[str, ...]


class SourceMissing(LookupError):
    """The `Source` found no row: nothing was written."""


@cache
def _fields(model: type[Model]) -> tuple:
    return tuple(f for f in model._meta.concrete_fields if not isinstance(f, AUTO))


def _type(field, connection) -> str:
    return re.sub(r"\(.*?\)", "", field.cast_db_type(connection))


@cache
def _insert_sql(
    parent: type[Model] | None,
    child: type[Model],
    link: str,
    unless: str,
    alias,
    source: str = "",
    sourced: tuple[str, ...] = (),
):
    """One statement: the parent's INSERT, the child's (its `link` the parent's new id,
    its `sourced` fields from the row `source` selects), both only if `unless` (a SELECT
    of one id) finds nothing and `source` finds its row; the child's id, the parent's, the
    id `unless` found and the child's `sourced` values come back as one row.

    The values are cast to their columns' types: in INSERT … SELECT an untyped parameter
    (a NULL, say) would be taken for text. Without the type's modifiers: a cast to
    varchar(32) would cut a longer text short, where the column refuses it.
    """

    connection = connections[alias]
    quote = connection.ops.quote_name

    def value(f, refer: bool, from_source: bool) -> str:
        if refer and f.name == link:
            return "(SELECT id FROM p)"
        if from_source and f.attname in sourced:
            return f"s.{quote(f.attname)}::{_type(f, connection)}"
        return f"%s::{_type(f, connection)}"

    def insert(model, cte: str, refer: bool, returning: tuple[str, ...] = ()) -> str:
        fields = _fields(model)
        columns = ", ".join(quote(f.column) for f in fields)
        values = ", ".join(value(f, refer, cte == "c") for f in fields)
        back = "".join(
            f", {quote(model._meta.get_field(name).column)} AS {quote(name)}" for name in returning
        )
        return (
            f"{cte} AS (INSERT INTO {quote(model._meta.db_table)} ({columns}) "  # noqa: S608
            f"SELECT {values}{' FROM s' if source else ''} WHERE NOT EXISTS (SELECT FROM g) "
            f"RETURNING {quote(model._meta.pk.column)} AS id{back})"
        )

    parts = [f"g AS ({unless or 'SELECT NULL::bigint AS id WHERE false'})"]
    if source:
        parts.append(f"s({', '.join(quote(name) for name in sourced)}) AS ({source})")
    if parent is not None:
        parts.append(insert(parent, "p", refer=False))
    parts.append(insert(child, "c", refer=parent is not None, returning=sourced))
    parent_id = "(SELECT id FROM p)" if parent is not None else "NULL::bigint"
    back = "".join(f", {quote(name)}" for name in sourced)
    nulls = ", NULL" * len(sourced)
    return (
        f"WITH {', '.join(parts)} SELECT id, {parent_id}, NULL::bigint{back} FROM c "
        f"UNION ALL SELECT NULL, NULL, id{nulls} FROM g"
    )


def fetch_prepared(sql: str, params, *, using: str = "default") -> list[tuple]:
    """The rows of one statement (%s placeholders), prepared on PostgreSQL once per
    connection; elsewhere through Django's cursor as usual."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    # What Django's own cursor() does first: the health check, a live connection, a
    # transaction that is not broken, this thread's connection.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_no_broken_transaction()
    connection.validate_thread_sharing()
    started = time.monotonic()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, prepare=True)
        rows = cursor.fetchall() if cursor.description else []
    if connection.queries_logged:  # assertNumQueries and the debug toolbar count it too
        connection.queries_log.append(
            {"sql": sql, "time": f"{time.monotonic() - started:.3f}", "params": params}
        )
    return rows


def _params(obj: Model, connection, *, skip: str = "", sourced: tuple[str, ...] = ()) -> list:
    return [
        f.get_db_prep_save(f.pre_save(obj, True), connection)
        for f in _fields(type(obj))
        if f.name != skip and f.attname not in sourced
    ]


def _take(child: Model, source: Source, values) -> None:
    """The child's sourced fields, as its fields read them."""
    for name, raw in zip(source.fields, values, strict=True):
        setattr(child, name, child._meta.get_field(name).to_python(raw))


def _saved(obj: Model, pk, alias: str) -> None:
    obj.pk = pk
    obj._state.adding = False
    obj._state.db = alias


def insert_with_parent(
    child: Model,
    parent: Model | None,
    *,
    link: str,
    unless: tuple[str, list] | None = None,
    source: Source | None = None,
    using: str = "default",
) -> int | None:
    """Insert `parent` (if any) and `child`, whose foreign key `link` refers to it, as one
    unit: both rows or neither. Both instances come back saved, with their keys.

    `unless`: a SELECT of one id, and its parameters; when it finds a row nothing is
    written and its id is returned (a repeat of an earlier submission, say). None when
    the rows were written. `source`: the row some of the child's values come from (set on
    `child` when written); `SourceMissing` when there is none.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        with transaction.atomic(using=using):
            if unless is not None:
                found = fetch_prepared(*unless, using=using)
                if found:
                    return found[0][0]
            if source is not None:
                found = fetch_prepared(source.sql, source.params, using=using)
                if not found:
                    raise SourceMissing(source.sql)
                _take(child, source, found[0])
            if parent is not None:
                parent.save(using=using, force_insert=True)
                setattr(child, link, parent)
            child.save(using=using, force_insert=True)
        return None
    unless_sql, unless_params = unless or ("", [])
    parent_model = type(parent) if parent is not None else None
    sourced = source.fields if source is not None else ()
    sql = _insert_sql(
        parent_model, type(child), link, unless_sql, using, source.sql if source else "", sourced
    )
    rows = [obj for obj in (parent, child) if obj is not None]
    for obj in rows:  # the model signals `save()` sends, around the one statement
        pre_save.send(sender=type(obj), instance=obj, raw=False, using=using, update_fields=None)
    params = list(unless_params)
    if source is not None:
        params += source.params
    if parent is not None:
        params += _params(parent, connection)
    params += _params(child, connection, skip=link if parent is not None else "", sourced=sourced)
    found_rows = fetch_prepared(sql, params, using=using)
    if not found_rows:
        raise SourceMissing(source.sql if source else sql)
    [(child_pk, parent_pk, found, *values)] = found_rows
    if found is not None:
        return found
    if source is not None:
        _take(child, source, values)
    if parent is not None:
        _saved(parent, parent_pk, using)
        setattr(child, link, parent)
    _saved(child, child_pk, using)
    for obj in rows:
        post_save.send(
            sender=type(obj), instance=obj, created=True, update_fields=None, raw=False, using=using
        )
    return None
