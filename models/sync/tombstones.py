"""Deletions a gate's bundle carries (tombstones): only of its own station's records, children first,
never of a record something else still refers to; each stays known at a revision no copy can beat."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, select
from sqlmodel import SQLModel

from models.formats import wire
from models.formats.bundle import BundleRejected
from models.store.i18n import QT_TRANSLATE_NOOP
from models.sync import day_figures
from models.sync.batches import FileState, office_label, owner_label
from models.sync.records import DELETED, record_types
from models.sync.tables import SyncRecord


def delete_tombstoned(conn: Connection, file: FileState, zone: ZoneInfo) -> None:
    """Deletions the bundle carries: only of its own station's records, children first, and
    never of a record that something else still refers to."""
    order = list(record_types())
    seen = set()
    for rtype, rid, owner in sorted(file.tombstones, key=lambda t: -order.index(t[0]) if t[0] in order else 0):
        if (rtype, rid) in seen:
            continue
        seen.add((rtype, rid))
        model = record_types().get(rtype)
        if model is None or rtype == "tombstone":
            raise BundleRejected("invalid_record", record_id=rid, member="tombstone.jsonl", detail=wire.plain(
                QT_TRANSLATE_NOOP("Wire", "a deletion of an unknown kind of record ({kind})"), kind=rtype[:32]))
        table = model.__table__
        held = conn.execute(select(SyncRecord.record_type, SyncRecord.station_id, SyncRecord.digest)
                            .where(SyncRecord.id == rid)).first()
        present = conn.execute(select(table.c.id).where(table.c.id == rid)).first() is not None
        if held is None:
            if present:
                raise BundleRejected("not_owner", record_id=rid, member="tombstone.jsonl", owner=office_label())
            continue  # not here yet: the tombstone itself keeps it from arriving later
        if held[1] is not None and held[1] != owner:
            raise BundleRejected("not_owner", record_id=rid, member="tombstone.jsonl",
                                 owner=owner_label(conn, held[1]))
        if held[0] != rtype:
            raise BundleRejected("invalid_record", record_id=rid, member="tombstone.jsonl", detail=wire.plain(
                QT_TRANSLATE_NOOP("Wire", "the id of a record of another kind ({kind})"), kind=held[0]))
        if present:
            referrer = _referrer(conn, table, rid)
            if referrer is not None:
                raise BundleRejected("still_referenced", record_id=rid, referrer=referrer)
            if rtype == "visit":
                gone = conn.execute(select(table.c.gate_id, table.c.created_at).where(table.c.id == rid)).one()
                file.visit_days.add((gone[0], day_figures.local_day(gone[1], zone)))
            conn.execute(table.delete().where(table.c.id == rid))
        # Stays known, at a revision no copy can beat, so an older bundle cannot bring it back.
        conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == rid).values(
            rev=wire.DELETED_REV, digest=DELETED, station_id=owner))


def _referrer(conn: Connection, table: Table, rid: str) -> str | None:
    """'isolation_case 1b2c…' when a row of another table refers to the record, else None."""
    for other in SQLModel.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                found = conn.execute(select(other.c.id if "id" in other.c else fk.parent)
                                     .where(fk.parent == rid).limit(1)).first()
                if found is not None:
                    return f"{other.name} {found[0]}"
    return None
