"""What a community office sees of its compounds: figures per day, per compound and gate.

Every count is one grouped query over a day's time range (index seeks on created_at-led
indexes), so the same code serves SQLite now and PostgreSQL at district scale.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, and_, func, or_, select
from sqlmodel import Session

from models.gate.rules import Outcome
from models.gate.visits import Visit
from models.kit.masking import mask_id_number, mask_name, mask_phone
from models.setup.site import Compound, Gate
from models.station.isolation import IsolationCase
from models.station.parcels import Parcel, ParcelStatus
from models.station.readiness import ReadinessCheck
from models.store.clock import day_bounds
from models.sync import day_figures, units
from models.sync.tables import SyncStation

DRILL_LIMIT = 500


@dataclass
class Figures:
    visits: int = 0
    refused: int = 0
    isolated: int = 0
    fevers: int = 0
    cases_opened: int = 0
    cases_open: int = 0  # at the end of the day
    cases_closed: int = 0
    parcels_received: int = 0
    parcels_waiting: int = 0  # at the end of the day
    parcels_overdue: int = 0
    readiness_done: int = 0

    def add(self, other: Figures) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


FIGURE_NAMES = [f.name for f in fields(Figures)]


@dataclass
class CompoundDay:
    """A compound as the office knows it: its name within its community.

    Each gate is set up on its own, so two gates of one compound arrive with two compound
    records; the office counts them as one compound when community and name agree.
    """

    compound_ids: list[str]
    compound: str
    community: str  # the community's name (with its sub-district's where two communities share one)
    gates: int
    figures: Figures
    by_gate: dict[str, Figures] = field(default_factory=dict)  # gate name -> figures
    group: str = ""  # which community: its unit's id (or its name, for a compound placed in none)


@dataclass
class DaySummary:
    day: date
    compounds: list[CompoundDay]
    total: Figures
    gates_reporting: int
    gates_known: int

    def rows(self) -> list[CompoundDay]:
        """The compounds, each community's subtotal after its compounds when there are several
        communities, and the total; a subtotal or total has no compound ids."""
        out: list[CompoundDay] = []
        communities = sorted({(c.community, c.group or c.community) for c in self.compounds})
        for community, group in communities:
            members = [c for c in self.compounds if (c.group or c.community) == group]
            out += members
            if len(communities) > 1:
                sub = CompoundDay([], "", community, sum(c.gates for c in members), Figures(), group=group)
                for c in members:
                    sub.figures.add(c.figures)
                out.append(sub)
        if self.compounds:
            out.append(CompoundDay([], "", "", self.gates_known, self.total))
        return out


def _gates(session: Session, compounds: set[str] | None = None) -> dict[str, tuple[str, str, str, str]]:
    """gate id -> (compound id, compound name, community, gate name), for gates heard from (of
    those compounds, when given)."""
    rows = session.execute(select(Gate.id, Gate.name, Compound.id, Compound.name, Compound.community)
                           .join(Compound, Compound.id == Gate.compound_id)
                           .where(Gate.station_id.in_(select(SyncStation.station_id)
                                                      .where(SyncStation.kind == "gate"))))
    return {g: (c, cn, comm, gn) for g, gn, c, cn, comm in rows if compounds is None or c in compounds}


def _communities(tree: units.Tree, compound_ids) -> dict[str, tuple[str, str]]:
    """compound id -> (its community's unit id, the name to show): the community it is placed in
    (the unit itself when placed above one). Two communities of one name in two sub-districts stay
    two, each shown with its sub-district."""
    found: dict[str, tuple[str, str]] = {}
    for cid in compound_ids:
        unit_id = tree.placed.get(cid)
        path = tree.path(unit_id) if unit_id in tree.units else []
        at = next((u for u in reversed(path) if u.level == units.COMMUNITY), path[-1] if path else None)
        if at is not None:
            found[cid] = (at.id, at.name)
    named: dict[str, set[str]] = {}
    for unit_id, name in found.values():
        named.setdefault(name, set()).add(unit_id)
    for cid, (unit_id, name) in found.items():
        parent = tree.units.get(tree.units[unit_id].parent_id)
        if len(named[name]) > 1 and parent is not None:
            found[cid] = (unit_id, f"{name}（{parent.name}）")
    return found


def _grouped(session: Session, query) -> dict[str, int]:
    return {gate: n for gate, n in session.execute(query) if gate is not None}


def day_summary(session: Session, day: date, zone: ZoneInfo, *, overdue_hours: int = 24,
                compounds: set[str] | None = None, tree: units.Tree | None = None) -> DaySummary:
    """The day's figures per compound; compounds (record ids) limits it to an office account's units."""
    start, end = day_bounds(day, zone)
    in_day = lambda col: and_(col >= start, col < end)  # noqa: E731
    per_gate: dict[str, Figures] = {}

    def put(name: str, counts: dict[str, int]) -> None:
        for gate, n in counts.items():
            setattr(per_gate.setdefault(gate, Figures()), name, n)

    if day_figures.counted_in(session) == zone.key:  # the office's figures per gate and day
        counted = day_figures.per_gate(session, day)
        for i, name in enumerate(("visits", "refused", "isolated", "fevers")):
            put(name, {gate: figures[i] for gate, figures in counted.items()})
    else:  # not counted in this zone (yet): from the visits themselves
        vq = select(Visit.gate_id, func.count()).where(in_day(Visit.created_at)).group_by(Visit.gate_id)
        put("visits", _grouped(session, vq))
        put("refused", _grouped(session, vq.where(Visit.decision == Outcome.REFUSE.value)))
        put("isolated", _grouped(session, vq.where(Visit.decision == Outcome.ISOLATE.value)))
        put("fevers", _grouped(session, vq.where(Visit.reasons.like(f"%{day_figures.FEVER}%"))))
    cq = select(IsolationCase.gate_id, func.count()).group_by(IsolationCase.gate_id)
    put("cases_opened", _grouped(session, cq.where(in_day(IsolationCase.placed_at))))
    put("cases_closed", _grouped(session, cq.where(in_day(IsolationCase.closed_at))))
    put("cases_open", _grouped(session, cq.where(IsolationCase.placed_at < end, or_(
        IsolationCase.closed_at.is_(None), IsolationCase.closed_at >= end))))
    pq = select(Parcel.gate_id, func.count()).group_by(Parcel.gate_id)
    put("parcels_received", _grouped(session, pq.where(in_day(Parcel.received_at))))
    # On the shelf at the day's end: still waiting, or handed out after it. Spelled as three terms
    # each an index answers (not coalesce(collected, delivered)), or a district's four weeks of
    # parcels are read whole for every refresh.
    still_there = or_(Parcel.status == ParcelStatus.WAITING.value, Parcel.collected_at >= end,
                      and_(Parcel.collected_at.is_(None), Parcel.delivered_at >= end))
    put("parcels_waiting", _grouped(session, pq.where(Parcel.received_at < end, still_there)))
    put("parcels_overdue", _grouped(session, pq.where(
        Parcel.received_at < end - timedelta(hours=overdue_hours), still_there)))
    rq = select(ReadinessCheck.gate_id, func.count()).where(ReadinessCheck.day == day.isoformat()) \
        .group_by(ReadinessCheck.gate_id)
    put("readiness_done", _grouped(session, rq))

    gates = _gates(session, compounds)
    placed = _communities(tree or units.tree(session), {g[0] for g in gates.values()})
    by_name: dict[tuple[str, str], CompoundDay] = {}
    total = Figures()
    for gate_id, (cid, cname, community, gname) in sorted(gates.items(), key=lambda kv: (kv[1][1], kv[1][3])):
        # One compound per name within its community: "温泉 社区" at one gate, "温泉社区" at the other
        # are one (the office placed both in one unit); two 东街社区 of two sub-districts are two.
        community = units.clean_name(community)
        group, community = placed.get(cid, (f"name:{community}", community))
        entry = by_name.setdefault((group, cname), CompoundDay([], cname, community, 0, Figures(), group=group))
        if cid not in entry.compound_ids:
            entry.compound_ids.append(cid)
        entry.gates += 1
        figures = per_gate.get(gate_id, Figures())
        entry.by_gate[gname] = figures
        entry.figures.add(figures)
        total.add(figures)
    reporting = sum(1 for g in gates if per_gate.get(g, Figures()).visits > 0)
    return DaySummary(day, sorted(by_name.values(), key=lambda c: (c.community, c.compound)), total,
                      reporting, len(gates))


@dataclass
class UnitDay:
    """One row of a rollup: a unit one level down (its compounds' figures added up), or a
    compound placed directly in the unit looked at (unit_id None, level "compound")."""

    name: str
    level: str
    unit_id: str | None
    compound_ids: list[str]
    gates: int
    gates_reporting: int
    figures: Figures


@dataclass
class DashboardView:
    unit_id: str | None  # the unit looked at (None: the top)
    rows: list[UnitDay]
    path: list[tuple[str, str]]  # (unit id, name) from below the top down to unit_id
    top: str | None  # the name of the unit an account is limited to (None: all units)
    summary: DaySummary  # the day's figures per compound (of this account's units)


UNPLACED = "unplaced"  # compounds no gate's set-up placed and the office has not placed yet


def rollup(summary: DaySummary, tree: units.Tree, unit_id: str | None) -> list[UnitDay]:
    """The day's figures one level below unit_id (the districts at the top): a district per
    sub-district, a sub-district per community, a community per grid and compound."""
    rows: dict[str, UnitDay] = {}
    for c in summary.compounds:
        reporting = sum(1 for f in c.by_gate.values() if f.visits > 0)
        child = next((h for h in (tree.child_holding(unit_id, cid) for cid in c.compound_ids) if h), None)
        if child is None and unit_id is None:
            key, row = UNPLACED, UnitDay("", UNPLACED, None, [], 0, 0, Figures())
        elif child is None:
            continue  # not under this unit
        elif child == unit_id:  # placed right here; gates that spelled the community apart are one compound
            key, row = "compound:" + c.compound, UnitDay(c.compound, "compound", None, [], 0, 0, Figures())
        else:
            unit = tree.units[child]
            key, row = child, UnitDay(unit.name, unit.level, child, [], 0, 0, Figures())
        entry = rows.setdefault(key, row)
        entry.compound_ids += c.compound_ids
        entry.gates += c.gates
        entry.gates_reporting += reporting
        entry.figures.add(c.figures)
    order = {units.DISTRICT: 0, units.SUBDISTRICT: 0, units.COMMUNITY: 0, units.GRID: 0, "compound": 1, UNPLACED: 2}
    return sorted(rows.values(), key=lambda r: (order[r.level], r.name))


def series(session: Session, last_day: date, days: int, zone: ZoneInfo,
           compounds: set[str] | None = None) -> list[tuple[date, int, int, int]]:
    """(day, visits, refused, isolated) for each of the last `days` days, for the charts; of those
    compounds' gates only, when given."""
    out = []
    gates = None if compounds is None else select(Gate.id).where(Gate.compound_id.in_(sorted(compounds)))
    first = last_day - timedelta(days=days - 1)
    if day_figures.counted_in(session) == zone.key:
        counted = day_figures.per_day(session, first, last_day, gates)
        return [(day, *counted.get(day.isoformat(), (0, 0, 0))) for day in day_figures.days_between(first, last_day)]
    for offset in range(days - 1, -1, -1):
        day = last_day - timedelta(days=offset)
        start, end = day_bounds(day, zone)
        row = session.execute(select(
            func.count(),
            func.coalesce(func.sum((Visit.decision == Outcome.REFUSE.value).cast(Integer)), 0),
            func.coalesce(func.sum((Visit.decision == Outcome.ISOLATE.value).cast(Integer)), 0))
            .where(Visit.created_at >= start, Visit.created_at < end,
                   *(() if gates is None else (Visit.gate_id.in_(gates),)))).one()
        out.append((day, int(row[0]), int(row[1]), int(row[2])))
    return out


@dataclass(frozen=True)
class DrillRow:
    at: datetime
    gate: str
    kind: str
    name: str
    phone: str
    id_number: str
    temperature: float | None
    decision: str
    reasons: str


def drill_visits(session: Session, *, compound_ids: list[str], day: date, zone: ZoneInfo,
                 decision: str | None = None) -> list[DrillRow]:
    """The rows behind a figure, masked; the first DRILL_LIMIT of the day."""
    start, end = day_bounds(day, zone)
    q = (select(Visit.created_at, Gate.name, Visit.kind, Visit.name, Visit.phone, Visit.id_number,
                Visit.temperature, Visit.decision, Visit.reasons)
         .join(Gate, Gate.id == Visit.gate_id)
         .where(Gate.compound_id.in_(compound_ids), Visit.created_at >= start, Visit.created_at < end)
         .order_by(Visit.created_at).limit(DRILL_LIMIT))
    if decision:
        q = q.where(Visit.decision == decision)
    return [DrillRow(at, gate, kind, mask_name(name), mask_phone(phone), mask_id_number(idn), t, dec, reasons)
            for at, gate, kind, name, phone, idn, t, dec, reasons in session.execute(q)]
