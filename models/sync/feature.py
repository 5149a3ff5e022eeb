"""Sync: what was exported and received, each record's owner at the office, enrolled stations,
conflicts kept for a person to decide, and tombstones (a station's deletions)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlmodel import Session

from models.store.registry import Feature, Purge, RecordType
from models.sync.day_figures import VisitDay
from models.sync.units import CompoundPlace, OperatorScope, OrgUnit
from models.sync.tables import (
    ERASED,
    RelayedBundle,
    SyncConflict,
    SyncEnrollment,
    SyncExport,
    SyncForwarder,
    SyncReceipt,
    SyncRecord,
    SyncStation,
    Tombstone,
)


def _aged(session: Session, *, cutoff: datetime, last_day: str) -> dict[str, int]:
    # A conflict keeps both copies of a record, and a gate's bundle kept to relay its records, personal
    # data included.
    return {"conflict": session.execute(delete(SyncConflict).where(SyncConflict.detected_at < cutoff)
                                        .execution_options(synchronize_session=False)).rowcount or 0,
            "relayed_bundle": session.execute(delete(RelayedBundle).where(RelayedBundle.received_at < cutoff)
                                              .execution_options(synchronize_session=False)).rowcount or 0}


def _everything(session: Session) -> dict[str, int]:
    return {"conflict": session.execute(delete(SyncConflict).execution_options(synchronize_session=False)).rowcount
            or 0,
            "relayed_bundle": session.execute(delete(RelayedBundle).execution_options(
                synchronize_session=False)).rowcount or 0}


def _left(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncConflict)) + \
        session.scalar(select(func.count()).select_from(RelayedBundle))


def _mark_erased(session: Session, ids) -> None:
    session.execute(update(SyncRecord).where(SyncRecord.id.in_(ids)).values(digest=ERASED)
                    .execution_options(synchronize_session=False))


FEATURE = Feature(
    name="sync",
    tables=(SyncExport, SyncStation, SyncForwarder, RelayedBundle, SyncReceipt, SyncRecord, SyncEnrollment, SyncConflict, Tombstone,
            OrgUnit, CompoundPlace, OperatorScope, VisitDay),
    records=(RecordType("tombstone", Tombstone),),
    purge=Purge(aged=_aged, everything=_everything, left=_left),
    mark_erased=_mark_erased,
)
