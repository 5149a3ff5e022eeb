"""What an office sees of its compounds' rotas over a period: per compound, the shifts planned, those
short of people, those held (enough people came), critical posts short, no-shows, check-ins and
minutes on duty; and the hours per sending unit across compounds. Counts and units only: no name
reaches the office's screens here."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from models.residents.tables import natural_order
from models.setup.site import Compound, Gate
from models.staffing.duty import minutes_between
from models.staffing.hours import Hours, UnitHours, by_unit
from models.staffing.tables import DutyPost, RotaShift, ShiftAssignment, ShiftCheckIn, Volunteer

CHUNK = 500


@dataclass
class Cover:
    community: str
    compound: str
    shifts: int = 0  # planned, starting in the period
    short: int = 0  # fewer people placed than the least it needs
    critical_short: int = 0  # of them, at a critical post
    held: int = 0  # ended, and at least its least head-count came
    no_shows: int = 0  # placed, not taken off before, the shift ended, never came
    checkins: int = 0
    minutes: int = 0  # on duty, closed check-ins


def _in_chunks(conn: Connection, query, column, ids: list[str]):
    for begin in range(0, len(ids), CHUNK):
        yield from conn.execute(query.where(column.in_(ids[begin:begin + CHUNK]))).all()


def coverage(conn: Connection, start: datetime, end: datetime, *, now: datetime,
             compounds: set[str] | None = None) -> list[Cover]:
    """Shifts starting in [start, end) of these compounds (record ids; None: all). A rota belongs to
    the compound of the gate that keeps it; two gates of one compound (by community and name) are one."""
    shifts = conn.execute(
        select(RotaShift.id, RotaShift.min_people, RotaShift.ends_at, DutyPost.critical, Compound.id,
               Compound.community, Compound.name)
        .join(DutyPost, DutyPost.id == RotaShift.post_id).join(Gate, Gate.id == RotaShift.gate_id)
        .join(Compound, Compound.id == Gate.compound_id)
        .where(RotaShift.starts_at >= start, RotaShift.starts_at < end, RotaShift.cancelled_at.is_(None))).all()
    shifts = [r for r in shifts if compounds is None or r[4] in compounds]
    ids = [r[0] for r in shifts]
    placed: dict[str, set[str]] = defaultdict(set)
    no_show_cut: dict[str, set[str]] = defaultdict(set)
    for shift_id, person, reserve, cut_at, reason in _in_chunks(
            conn, select(ShiftAssignment.shift_id, ShiftAssignment.volunteer_id, ShiftAssignment.reserve,
                         ShiftAssignment.cut_at, ShiftAssignment.cut_reason), ShiftAssignment.shift_id, ids):
        if cut_at is None and not reserve:
            placed[shift_id].add(person)
        elif reason == "no_show":
            no_show_cut[shift_id].add(person)
    came: dict[str, set[str]] = defaultdict(set)
    checkins: dict[str, int] = defaultdict(int)
    minutes: dict[str, int] = defaultdict(int)
    for shift_id, person, in_at, out_at in _in_chunks(
            conn, select(ShiftCheckIn.shift_id, ShiftCheckIn.volunteer_id, ShiftCheckIn.in_at, ShiftCheckIn.out_at),
            ShiftCheckIn.shift_id, ids):
        came[shift_id].add(person)
        checkins[shift_id] += 1
        if out_at is not None:
            minutes[shift_id] += minutes_between(in_at, out_at)
    rows: dict[tuple[str, str], Cover] = {}
    for shift_id, least, ends_at, critical, _cid, community, name in shifts:
        key = (community or "", name)
        c = rows.setdefault(key, Cover(*key))
        c.shifts += 1
        if len(placed[shift_id]) < least:
            c.short += 1
            c.critical_short += bool(critical)
        ended = ends_at <= now
        if ended and len(came[shift_id]) >= least:
            c.held += 1
        if ended:
            c.no_shows += len((placed[shift_id] | no_show_cut[shift_id]) - came[shift_id])
        c.checkins += checkins[shift_id]
        c.minutes += minutes[shift_id]
    return sorted(rows.values(), key=lambda r: (natural_order(r.community), natural_order(r.compound)))


def unit_hours(conn: Connection, start: datetime, end: datetime, zone, night_weight: float, *,
               compounds: set[str] | None = None) -> list[UnitHours]:
    """Per sending unit, across the compounds: people who came, minutes, night minutes, weighted."""
    rows = conn.execute(
        select(Volunteer.sent_by, ShiftCheckIn.volunteer_id, ShiftCheckIn.in_at, ShiftCheckIn.out_at, Compound.id)
        .join(Volunteer, Volunteer.id == ShiftCheckIn.volunteer_id).join(Gate, Gate.id == ShiftCheckIn.gate_id)
        .join(Compound, Compound.id == Gate.compound_id)
        .where(ShiftCheckIn.in_at >= start, ShiftCheckIn.in_at < end, ShiftCheckIn.out_at.is_not(None))).all()
    people: dict[str, Hours] = {}
    for sent_by, person, in_at, out_at, cid in rows:
        if compounds is None or cid in compounds:
            people.setdefault(person, Hours(person, "", sent_by, "")).add(in_at, out_at, zone)
    return by_unit(list(people.values()), night_weight)
