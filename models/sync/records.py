"""The kinds of record a bundle carries, as the features declare them, and their wire form on each side."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, select

from models.formats import bundle, wire
from models.store import registry


@functools.cache
def record_types() -> dict[str, type]:
    """Every kind of record a bundle carries, as the features declare them: parents before
    children, so every bundle applies in one pass with foreign keys on."""
    return {name: r.model for name, r in registry.record_types().items()}


def member_types(version: int) -> list[str]:
    """The record types a bundle of this format carries, in order (a type newer than the format is absent)."""
    return [name for name, r in registry.record_types().items() if r.since_format <= version]


def needed_format(conn: Connection, queries: dict[str, Any], *, office: bool) -> int:
    """The oldest format that holds what these queries select (one quick look per newer type)."""
    newest = max((r.since_format for name, r in registry.record_types().items()
                  if r.since_format > 1 and conn.execute(queries[name].limit(1)).first() is not None), default=1)
    return bundle.version_for(office=office, newest_type=newest)


@functools.cache
def table_types() -> dict[str, str]:
    return {model.__tablename__: name for name, model in record_types().items()}


@functools.cache
def office_made() -> frozenset[str]:
    """Kinds an office's own set-up and sign-ins make too (its compound, gate, operators, shifts)."""
    return frozenset(name for name, r in registry.record_types().items() if r.office_made)


def closings() -> dict:
    """Record type -> what may change once it is closed (registry.Closing), for the types that close."""
    return {name: r.closing for name, r in registry.record_types().items() if r.closing is not None}


def withheld(name: str) -> dict:
    """Columns that never leave the station (PIN hashes), with what the office stores instead."""
    rt = registry.record_types().get(name)
    return rt.withheld if rt is not None else {}
BATCH = 2000


# -- the wire form of each table -------------------------------------------------------------
def codecs() -> dict[str, wire.Codec]:
    return {name: wire.codec_for(name, model, withheld(name)) for name, model in record_types().items()}


def schema_for(name: str, to_storage: Callable[[str], Any]) -> wire.RecordSchema:
    """The one validator of a record type, storing times as to_storage makes them."""
    return wire.RecordSchema(name, record_types()[name].__table__, withheld(name), to_storage,
                             registry.record_types()[name].content)


def schemas(to_storage: Callable[[str], Any]) -> dict[str, wire.RecordSchema]:
    return {name: schema_for(name, to_storage) for name in record_types()}
DELETED = "deleted"  # SyncRecord.digest of a record its station deleted


def held_line(conn: Connection, codec: wire.Codec, rid: str) -> bytes:
    row = conn.execute(select(codec.table).where(codec.table.c.id == rid)).mappings().first()
    return codec.line(row).rstrip(b"\n") if row else b"{}"
