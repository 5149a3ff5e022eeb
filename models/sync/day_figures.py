"""The office's registrations per gate and local day, kept as the visits arrive.

A district's dashboard adds up 1,600 gates over four weeks: counting 50 million visits for each
refresh took seconds per day shown. The import recounts each (gate, day) a file touched, from the
visits themselves (an office index on gate and time), so the figures are always those the rows
give; the dashboard and the chart read these few rows. They are for one time zone (the office's
setting): another zone, or an office from before them, has them rebuilt at the first read.
Deleting or decided conflicts recount their day too; erasure keeps decisions, reasons and times.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Index, Integer, func, select
from sqlmodel import Field, SQLModel

from models.gate.rules import Outcome
from models.gate.visits import Visit
from models.store import locks
from models.store.clock import day_bounds
from models.store.db import Meta

ZONE_META = "visit_day_zone"  # the zone the figures are counted in; absent: not yet counted
OFFICE_INDEX = "CREATE INDEX IF NOT EXISTS ix_visit_gate_day ON visit (gate_id, created_at)"
FEVER = "fever"


class VisitDay(SQLModel, table=True):
    __tablename__ = "visit_day"
    __table_args__ = (Index("ix_visit_day_day", "day"),)

    gate_id: str = Field(primary_key=True, max_length=36)
    day: str = Field(primary_key=True, max_length=10)  # YYYY-MM-DD, local to the zone counted in
    visits: int = 0
    refused: int = 0
    isolated: int = 0
    fevers: int = 0


def local_day(stored, zone: ZoneInfo) -> str:
    """A visit's created_at as stored or on the wire (an aware datetime, UTC text with or without its
    Z, SQLite's naive UTC text) → its local day."""
    if isinstance(stored, str):
        return _minute_day(stored[:10] + "T" + stored[11:16], zone)
    if stored.tzinfo is None:
        stored = stored.replace(tzinfo=timezone.utc)
    return stored.astimezone(zone).date().isoformat()


@lru_cache(maxsize=4096)
def _minute_day(minute: str, zone: ZoneInfo) -> str:
    """Every zone's offset is whole minutes: a file's visits share a few hundred distinct minutes."""
    return datetime.fromisoformat(minute).replace(tzinfo=timezone.utc).astimezone(zone).date().isoformat()


def counted_in(conn: Connection) -> str | None:
    return conn.execute(select(Meta.value).where(Meta.key == ZONE_META)).scalar()


def recount(conn: Connection, touched: Iterable[tuple[str, str]], zone: ZoneInfo) -> None:
    """Count again each (gate id, local day) from the visits; in the caller's transaction, which
    holds the gate's station lock (one writer per gate). Nothing while the figures wait for a rebuild."""
    touched = sorted(set(touched))
    if not touched or counted_in(conn) != zone.key:
        return
    table = VisitDay.__table__
    for gate_id, day in touched:
        start, end = day_bounds(date.fromisoformat(day), zone)
        figures = conn.execute(_counts().where(Visit.gate_id == gate_id, Visit.created_at >= start,
                                               Visit.created_at < end)).one()
        conn.execute(table.delete().where(table.c.gate_id == gate_id, table.c.day == day))
        if figures[0]:
            conn.execute(table.insert().values(gate_id=gate_id, day=day, visits=figures[0], refused=figures[1],
                                               isolated=figures[2], fevers=figures[3]))


def _counts():
    def share(condition):
        return func.coalesce(func.sum(condition.cast(Integer)), 0)

    return select(func.count(), share(Visit.decision == Outcome.REFUSE.value),
                  share(Visit.decision == Outcome.ISOLATE.value), share(Visit.reasons.like(f"%{FEVER}%")))


def ensure(conn: Connection, zone: ZoneInfo) -> bool:
    """Count every gate's days when they are not counted in this zone; True when it did. Two
    office PCs arriving at once: one counts, the other finds it done."""
    if counted_in(conn) == zone.key:
        return False
    locks.hold(conn, "visit_day")
    if counted_in(conn) == zone.key:
        return False
    days: dict[tuple[str, str], list[int]] = {}
    rows = conn.execute(select(Visit.gate_id, Visit.created_at, Visit.decision, Visit.reasons)
                        .execution_options(yield_per=20_000))
    for gate_id, created_at, decision, reasons in rows:
        f = days.setdefault((gate_id, local_day(created_at, zone)), [0, 0, 0, 0])
        f[0] += 1
        f[1] += decision == Outcome.REFUSE.value
        f[2] += decision == Outcome.ISOLATE.value
        f[3] += FEVER in (reasons or "")
    conn.execute(VisitDay.__table__.delete())
    items = [dict(gate_id=g, day=d, visits=f[0], refused=f[1], isolated=f[2], fevers=f[3]) for (g, d), f in
             days.items()]
    for i in range(0, len(items), 5000):
        conn.execute(VisitDay.__table__.insert(), items[i:i + 5000])
    meta = Meta.__table__
    conn.execute(meta.delete().where(meta.c.key == ZONE_META))
    conn.execute(meta.insert().values(key=ZONE_META, value=zone.key))
    return True


def per_gate(conn, day: date) -> dict[str, tuple[int, int, int, int]]:
    """gate id -> (visits, refused, isolated, fevers) on that day."""
    t = VisitDay.__table__.c
    return {g: (v, r, i, f) for g, v, r, i, f in conn.execute(
        select(t.gate_id, t.visits, t.refused, t.isolated, t.fevers).where(t.day == day.isoformat()))}


def per_day(conn, first: date, last: date, gates=None) -> dict[str, tuple[int, int, int]]:
    """day -> (visits, refused, isolated) from first to last, of those gates (a select of gate
    ids) when given."""
    t = VisitDay.__table__.c
    query = select(t.day, func.sum(t.visits), func.sum(t.refused), func.sum(t.isolated)) \
        .where(t.day >= first.isoformat(), t.day <= last.isoformat()).group_by(t.day)
    if gates is not None:
        query = query.where(t.gate_id.in_(gates))
    return {d: (int(v), int(r), int(i)) for d, v, r, i in conn.execute(query)}


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
