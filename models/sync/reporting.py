"""Who has reported: each gate's bundles received, the gaps in their numbers, gates silent today, conflicts to decide."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlmodel import Session

from models.formats.bundle import key_id
from models.setup.settings import load_settings
from models.store import bulk, locks, registry
from models.store.clock import day_bounds, utcnow
from models.store.db import Database
from models.sync import day_figures
from models.sync.records import schema_for
from models.sync.tables import (
    SyncConflict,
    SyncExport,
    SyncReceipt,
    SyncRecord,
    SyncStation,
)
from models.trust import audit


# -- conflicts -------------------------------------------------------------------------------
def open_conflicts(session: Session) -> list[SyncConflict]:
    return list(session.execute(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                             .order_by(SyncConflict.detected_at)).scalars())


@dataclass(frozen=True)
class ConflictView:
    """A conflict as a screen shows it: what differs between the office's copy and the one that
    arrived, personal data masked (the copies themselves stay in the database)."""
    id: str
    detected_at: datetime
    record_type: str
    record_id: str
    rev: int
    differences: tuple[tuple[str, str, str], ...]  # (field, office's value, incoming value)


def differences(conflict: SyncConflict) -> tuple[tuple[str, str, str], ...]:
    held, incoming = json.loads(conflict.held), json.loads(conflict.incoming)
    rtype = registry.record_types().get(conflict.record_type)
    masks = rtype.personal if rtype is not None else {}
    out = []
    for key in sorted(set(held) | set(incoming)):
        a, b = held.get(key), incoming.get(key)
        if a != b:
            mask = masks.get(key, lambda v: v)
            out.append((key, "" if a is None else str(mask(a)), "" if b is None else str(mask(b))))
    return tuple(out)


def conflict_views(session: Session, stations: set[str] | None = None) -> list[ConflictView]:
    """Undecided conflicts (of those stations' records only, when given)."""
    return [ConflictView(c.id, c.detected_at, c.record_type, c.record_id, c.rev, differences(c))
            for c in open_conflicts(session) if stations is None or c.station_id in stations]


def conflict_station(session: Session, conflict_id: str) -> str | None:
    """The station whose record the conflict is about (None: no such conflict)."""
    return session.execute(select(SyncConflict.station_id).where(SyncConflict.id == conflict_id)).scalar()


def resolve_conflict(db: Database, conflict_id: str, *, take_incoming: bool, operator_id: str | None,
                     now: datetime | None = None, station_id: str = "office") -> None:
    """Keep the office's copy, or replace it with the copy that arrived; either way it is recorded
    (on the conflict, and in the audit log)."""
    now = now or utcnow()
    with db.writing() as conn:
        # Locked while deciding: two office PCs deciding the same conflict at once, the second
        # finds it decided (SQLite's single writer does the same without asking).
        row = conn.execute(select(SyncConflict.__table__).where(SyncConflict.id == conflict_id)
                           .with_for_update()).mappings().first()
        if row is None or row["resolved_at"] is not None:
            return
        if take_incoming:
            locks.hold(conn, f"station:{row['station_id']}")  # its gate's figures: one writer at a time
            schema = schema_for(row["record_type"], bulk.time_storage(db.engine.dialect.name))
            record = schema.decode(row["incoming"].encode())  # checked as on import, by the same validator
            bulk.bulk_update(conn, schema.table, schema.stored, [record.row])
            if row["record_type"] == "visit":
                fields = dict(zip(schema.stored, record.row))
                zone = ZoneInfo(load_settings(Session(bind=conn)).timezone)
                day_figures.recount(conn, [(fields["gate_id"], day_figures.local_day(fields["created_at"], zone))],
                                    zone)
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == row["record_id"])
                         .values(digest=row["incoming_digest"]))
        conn.execute(SyncConflict.__table__.update().where(SyncConflict.id == conflict_id).values(
            resolved_at=now, resolution="taken" if take_incoming else "kept", resolved_by=operator_id))
        audit.record(conn, at=now, station_id=station_id, operator_id=operator_id, action="conflict",
                     record_id=row["record_id"], detail="taken" if take_incoming else "kept")


# -- completeness ----------------------------------------------------------------------------
@dataclass
class StationReport:
    station_id: str
    compound_id: str
    compound_name: str
    community: str
    gate_name: str
    last_seq: int
    last_bundle_at: datetime
    last_imported_at: datetime
    missing: list[tuple[int, int]]  # runs of sequence numbers never received: (first, last)
    audit_alarm: str | None = None  # backwards | replaced: the gate's audit chain was cut or rewritten
    audit_alarm_seq: int | None = None
    # Two stations set up with the same compound and gate names are told apart by their keys.
    key: str = ""

    @property
    def gate_label(self) -> str:
        return f"{self.gate_name} · {self.key}" if self.key else self.gate_name

    @property
    def missing_count(self) -> int:
        return sum(b - a + 1 for a, b in self.missing)

    def silent_since(self, now: datetime) -> timedelta:
        return now - self.last_bundle_at

    def needs_attention(self, now: datetime) -> bool:
        """Bundles missing, the gate's audit chain cut or rewritten, or no bundle for over a day."""
        return bool(self.missing) or bool(self.audit_alarm) or self.silent_since(now) > SILENT_AFTER


def gaps(received: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of numbers from 1 to the highest received that are missing, in one pass over what
    was received (never over the range: a gate's numbers may reach millions)."""
    out, expected = [], 1
    for n in sorted(set(received)):
        if n > expected:
            out.append((expected, n - 1))
        expected = n + 1
    return out


def completeness(session: Session) -> list[StationReport]:
    """Per gate: the last bundle received and the sequence numbers that never arrived."""
    received: dict[str, list[int]] = {}
    for station_id, seq in session.execute(select(SyncReceipt.station_id, SyncReceipt.seq)):
        received.setdefault(station_id, []).append(seq)
    out = []
    # A supervision team's station is no gate: it is not listed among them.
    stations = list(session.execute(select(SyncStation).where(SyncStation.kind == "gate")
                                    .order_by(SyncStation.compound_name, SyncStation.gate_name)).scalars())
    same = _named_alike(stations)
    for st in stations:
        seqs = received.get(st.station_id, [])
        out.append(StationReport(st.station_id, st.compound_id, st.compound_name, st.community, st.gate_name,
                                 max(seqs) if seqs else 0, st.last_bundle_at, st.last_imported_at, gaps(seqs),
                                 st.audit_alarm, st.audit_alarm_seq,
                                 key=key_id(st.public_key) if st.station_id in same else ""))
    return out


def _named_alike(stations) -> set[str]:
    """Stations whose community, compound and gate names another station has too."""
    seen: dict[tuple, list[str]] = {}
    for st in stations:
        seen.setdefault((st.community, st.compound_name, st.gate_name), []).append(st.station_id)
    return {sid for ids in seen.values() if len(ids) > 1 for sid in ids}


EXPORT_DUE = timedelta(hours=24)  # the office expects a bundle a day
SILENT_AFTER = EXPORT_DUE + timedelta(hours=2)  # the office's view of it: a day's bundle, a little late


def export_due(last: SyncExport | None, now: datetime) -> bool:
    """True when the gate has never exported, or not for a day."""
    return last is None or now - last.created_at >= EXPORT_DUE


def last_export(session: Session) -> SyncExport | None:
    return session.execute(select(SyncExport).order_by(SyncExport.seq.desc()).limit(1)).scalars().first()


def not_reported(session: Session, day: date, zone: ZoneInfo, *, now: datetime | None = None,
                 compounds: set[str] | None = None) -> list[str]:
    """Gates whose bundles do not cover `day`: 'compound gate (time their data reaches)'; of those
    compounds (record ids) only, when given."""
    start, end = day_bounds(day, zone)
    # A past day needs a bundle reaching its end; today, any bundle written today will do.
    needed = end if end <= (now or utcnow()) else start
    covered: dict[str, datetime] = {}
    for station_id, upto in session.execute(select(SyncReceipt.station_id, func.max(SyncReceipt.period_to))
                                            .group_by(SyncReceipt.station_id)):
        covered[station_id] = upto
    out = []
    stations = list(session.execute(select(SyncStation).where(SyncStation.kind == "gate")
                                    .order_by(SyncStation.compound_name, SyncStation.gate_name)).scalars())
    same = _named_alike(stations)
    for st in stations:
        if compounds is not None and st.compound_id not in compounds:
            continue
        upto = covered.get(st.station_id)
        if upto is None or upto < needed:
            last = upto.astimezone(zone).strftime("%Y-%m-%d %H:%M") if upto else "-"
            gate = f"{st.gate_name} · {key_id(st.public_key)}" if st.station_id in same else st.gate_name
            out.append(f"{st.compound_name} {gate} ({last})")
    return out
