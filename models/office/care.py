"""What an office sees of its compounds' home-service ledgers on a day: per compound, how many
residents are on the register, the services done that day by kind, and those planned for it or
before that are still not done. Counts only: no name reaches the office's screens or reports here."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, and_, func, or_, select

from models.care.tables import HomeNeed, HomeService, ServiceKind
from models.residents.tables import natural_order
from models.setup.site import Compound, Gate
from models.formats.wire import wire_time
from models.store import bulk
from models.store.clock import day_bounds

KINDS = tuple(k.value for k in ServiceKind)


@dataclass
class CareRow:
    community: str
    compound: str
    registered: int = 0  # on the register that day
    done: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))  # services done that day
    # Planned for that day or before and not done, or a visit due by the resident's rhythm (nothing
    # done for them in their last every_days days): what the gate's ledger lists as due that day.
    still_open: int = 0

    @property
    def services(self) -> int:
        return sum(self.done.values())


@dataclass(frozen=True)
class CareDay:
    day: date
    rows: list[CareRow]

    @property
    def total(self) -> CareRow:
        whole = CareRow("", "")
        for r in self.rows:
            whole.registered += r.registered
            whole.still_open += r.still_open
            for kind, n in r.done.items():
                whole.done[kind] += n
        return whole


def care_of_day(conn: Connection, day: date, zone: ZoneInfo, *, compounds: set[str] | None = None) -> CareDay:
    """The day's ledger figures of these compounds (record ids; None: all), in three grouped queries.
    A ledger belongs to the compound of the gate that keeps it; two gates of one compound (by
    community and name) are one compound, as on the dashboard."""
    start, end = day_bounds(day, zone)
    place = (Compound.id, Compound.community, Compound.name)

    def of_gate(q):
        return q.join(Compound, Compound.id == Gate.compound_id).group_by(*place)

    on_register = conn.execute(of_gate(
        select(*place, func.count()).select_from(HomeNeed).join(Gate, Gate.id == HomeNeed.gate_id)
        .where(HomeNeed.since <= day.isoformat(), or_(HomeNeed.ended_at.is_(None), HomeNeed.ended_at >= start)))).all()
    done = conn.execute(of_gate(
        select(*place, HomeService.kind, func.count()).select_from(HomeService)
        .join(Gate, Gate.id == HomeService.gate_id)
        .where(HomeService.done_at >= start, HomeService.done_at < end)).group_by(HomeService.kind)).all()
    # planned by that day and not done by its end (done later counts as still open that day); each
    # term of the OR seeks the open-services index
    due = HomeService.due_on <= day.isoformat()
    still_open = conn.execute(of_gate(
        select(*place, func.count()).select_from(HomeService).join(Gate, Gate.id == HomeService.gate_id)
        .where(or_(and_(HomeService.done_at.is_(None), due), and_(HomeService.done_at >= end, due))))).all()
    # Visits due by the rhythm (every_days) of residents with nothing planned: as the gate's ledger
    # counts them (care.ledger.due_on), for the needs on the register that day.
    # Two questions that each seek an index (the register's open needs; each one's last service).
    rhythmic = conn.execute(
        select(*place, HomeNeed.id, HomeNeed.every_days).select_from(HomeNeed)
        .join(Gate, Gate.id == HomeNeed.gate_id).join(Compound, Compound.id == Gate.compound_id)
        .where(HomeNeed.since <= day.isoformat(), or_(HomeNeed.ended_at.is_(None), HomeNeed.ended_at >= end),
               HomeNeed.every_days > 0)).all()
    stored = bulk.time_storage(conn.dialect.name)
    last_done = {need: _aware(at) for need, at in bulk.rows_in(
        conn, "SELECT need_id, max(done_at) FROM home_service WHERE done_at < {mark} AND need_id IN {in_} "
              "GROUP BY need_id", [r[3] for r in rhythmic], stored(wire_time(end)))}
    rhythm = [(*r, last_done.get(r[3])) for r in rhythmic]
    planned = set(conn.execute(select(HomeService.need_id).where(
        or_(and_(HomeService.done_at.is_(None), due), and_(HomeService.done_at >= end, due)))).scalars())
    rows: dict[tuple[str, str], CareRow] = {}

    def row(cid, community, name) -> CareRow | None:
        if compounds is not None and cid not in compounds:
            return None
        key = (community or "", name)
        return rows.setdefault(key, CareRow(*key))

    for cid, community, name, n in on_register:
        if (r := row(cid, community, name)) is not None:
            r.registered += n
    for cid, community, name, kind, n in done:
        if (r := row(cid, community, name)) is not None and kind in r.done:
            r.done[kind] += n
    for cid, community, name, n in still_open:
        if (r := row(cid, community, name)) is not None:
            r.still_open += n
    for cid, community, name, need_id, every, last in rhythm:
        if need_id in planned or (last is not None and last >= start - timedelta(days=every - 1)):
            continue
        if (r := row(cid, community, name)) is not None:
            r.still_open += 1
    ordered = sorted(rows.values(), key=lambda r: (natural_order(r.community), natural_order(r.compound)))
    return CareDay(day, ordered)


def _aware(value) -> datetime:
    """A time read through the driver: SQLite's naive UTC text, or PostgreSQL's aware datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
