"""Hours on duty: per person and per sending unit over a period, to the minute, with night minutes
(22:00–06:00 local) weighed more if the compound says so, and credited hours in half hours as the
volunteer platforms credit them (志愿汇). The sending unit's weekly sheet: who came, when, for how
long, and who did not come."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session

from models.setup.site import Compound, Gate
from models.staffing.duty import minutes_between
from models.staffing.rota import shift_label
from models.staffing.tables import DutyPost, RotaShift, ShiftAssignment, ShiftCheckIn, Volunteer
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

NIGHT_FROM, NIGHT_TO = time(22, 0), time(6, 0)
CTX = "Staffing"


def night_minutes(start: datetime, end: datetime, zone: ZoneInfo) -> int:
    """Whole minutes of [start, end) that fall between 22:00 and 06:00 local time."""
    if end <= start:
        return 0
    total = 0.0
    day = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date()
    while day <= last:
        night_start = datetime.combine(day, NIGHT_FROM, tzinfo=zone)
        night_end = datetime.combine(day + timedelta(days=1), NIGHT_TO, tzinfo=zone)
        overlap = (min(end, night_end) - max(start, night_start)).total_seconds()
        if overlap > 0:
            total += overlap
        day += timedelta(days=1)
    return int(total // 60)


def credited_hours(minutes: int) -> float:
    """Whole half hours, as credited."""
    return (minutes // 30) / 2


@dataclass
class Hours:
    person_id: str
    name: str
    sent_by: str
    kind: str
    shifts: set[str] = field(default_factory=set)
    minutes: int = 0
    night: int = 0
    to_review: int = 0  # closed on their own, not yet reviewed

    def weighted(self, night_weight: float) -> int:
        """Minutes with every night minute counted night_weight times."""
        return self.minutes + round(self.night * (night_weight - 1))

    @property
    def credited(self) -> float:
        return credited_hours(self.minutes)

    def add(self, in_at: datetime, out_at: datetime, zone: ZoneInfo) -> None:
        """One closed check-in's minutes and night minutes."""
        self.minutes += minutes_between(in_at, out_at)
        self.night += night_minutes(in_at, out_at, zone)


def _closed_checkins(session: Session, start: datetime, end: datetime, sent_by: str | None):
    q = (select(ShiftCheckIn, Volunteer).join(Volunteer, Volunteer.id == ShiftCheckIn.volunteer_id)
         .where(ShiftCheckIn.in_at >= start, ShiftCheckIn.in_at < end, ShiftCheckIn.out_at.is_not(None)))
    if sent_by is not None:
        q = q.where(Volunteer.sent_by == sent_by)
    return session.execute(q.order_by(ShiftCheckIn.in_at)).all()


def hours(session: Session, start: datetime, end: datetime, zone: ZoneInfo, *,
          sent_by: str | None = None) -> list[Hours]:
    """Per person, the check-ins that began in [start, end) and are closed; by sending unit, name."""
    out: dict[str, Hours] = {}
    for ci, person in _closed_checkins(session, start, end, sent_by):
        h = out.setdefault(person.id, Hours(person.id, person.name, person.sent_by, person.kind))
        h.shifts.add(ci.shift_id)
        h.add(ci.in_at, ci.out_at, zone)
        h.to_review += ci.auto_closed and ci.reviewed_at is None
    return sorted(out.values(), key=lambda h: (h.sent_by, h.name, h.person_id))


@dataclass
class UnitHours:
    sent_by: str
    people: int = 0
    minutes: int = 0
    night: int = 0
    weighted: int = 0

    @property
    def credited(self) -> float:
        return credited_hours(self.minutes)


def by_unit(lines: list[Hours], night_weight: float) -> list[UnitHours]:
    units: dict[str, UnitHours] = {}
    for h in lines:
        u = units.setdefault(h.sent_by, UnitHours(h.sent_by))
        u.people += 1
        u.minutes += h.minutes
        u.night += h.night
    for u in units.values():
        u.weighted = u.minutes + round(u.night * (night_weight - 1))
    return sorted(units.values(), key=lambda u: (-u.minutes, u.sent_by))


# -- the sending unit's weekly sheet -----------------------------------------------------------------
@dataclass(frozen=True)
class SheetLine:
    day: str
    compound: str
    name: str
    post: str
    shift: str
    came: str  # MM-DD HH:MM (one who came the evening before a night shift shows that day), or "" when they did not come
    left: str
    minutes: int
    night: int
    note: str  # late by N min / closed on its own / did not come


SHEET_COLUMNS = (QT_TRANSLATE_NOOP("Staffing", "Day"), QT_TRANSLATE_NOOP("Staffing", "Compound"),
                 QT_TRANSLATE_NOOP("Staffing", "Name"),
                 QT_TRANSLATE_NOOP("Staffing", "Post"), QT_TRANSLATE_NOOP("Staffing", "Shift"),
                 QT_TRANSLATE_NOOP("Staffing", "Came"), QT_TRANSLATE_NOOP("Staffing", "Left"),
                 QT_TRANSLATE_NOOP("Staffing", "Minutes"), QT_TRANSLATE_NOOP("Staffing", "Night minutes"),
                 QT_TRANSLATE_NOOP("Staffing", "Note"))
LATE = QT_TRANSLATE_NOOP("Staffing", "late {minutes} min")
AUTO = QT_TRANSLATE_NOOP("Staffing", "closed on its own")
ABSENT = QT_TRANSLATE_NOOP("Staffing", "did not come")


def week_lines(session: Session, sent_by: str, first_day: date, zone: ZoneInfo, *, now: datetime, grace_minutes: int,
               mask, language: str = "zh_CN", days: int = 7) -> list[SheetLine]:
    """The week from first_day of everyone the unit sent: every check-in, and every shift of theirs
    that ended without them (not taken off it). Names through `mask` (the sheet is a routine export).
    At an office, across every compound whose rota it holds (the compound is on each line)."""
    say = plain_translator(language)
    start = datetime.combine(first_day, time.min, tzinfo=zone)
    end = start + timedelta(days=days)
    rows = session.execute(
        select(ShiftAssignment, RotaShift, DutyPost, Volunteer, Compound.name)
        .join(RotaShift, RotaShift.id == ShiftAssignment.shift_id).join(DutyPost, DutyPost.id == RotaShift.post_id)
        .join(Volunteer, Volunteer.id == ShiftAssignment.volunteer_id)
        .join(Gate, Gate.id == RotaShift.gate_id, isouter=True).join(Compound, Compound.id == Gate.compound_id,
                                                                      isouter=True)
        .where(Volunteer.sent_by == sent_by, RotaShift.starts_at >= start, RotaShift.starts_at < end,
               RotaShift.cancelled_at.is_(None), ShiftAssignment.reserve.is_(False))).all()
    checkins = defaultdict(list)
    ids = [a.shift_id for a, *_ in rows]
    for begin in range(0, len(ids), 500):
        for ci in session.execute(select(ShiftCheckIn).where(ShiftCheckIn.shift_id.in_(ids[begin:begin + 500]))
                                  ).scalars():
            checkins[(ci.shift_id, ci.volunteer_id)].append(ci)
    lines = []
    for a, shift, post, person, compound in rows:
        compound = compound or ""
        came = sorted(checkins.get((shift.id, person.id), []), key=lambda c: c.in_at)
        label = shift_label(shift, zone)
        if not came:
            if a.cut_at is None and shift.ends_at <= now or a.cut_reason == "no_show":
                lines.append(SheetLine(shift.day, compound, mask(person.name), post.name, label, "", "", 0, 0,
                                       say(CTX, ABSENT)))
            continue
        for i, ci in enumerate(came):
            notes = []
            late = minutes_between(shift.starts_at, ci.in_at)
            if i == 0 and late > grace_minutes:
                notes.append(say(CTX, LATE).format(minutes=late))
            if ci.auto_closed:
                notes.append(say(CTX, AUTO))
            out = ci.out_at
            lines.append(SheetLine(shift.day, compound, mask(person.name), post.name, label,
                                   ci.in_at.astimezone(zone).strftime("%m-%d %H:%M"),
                                   out.astimezone(zone).strftime("%m-%d %H:%M") if out else "",
                                   minutes_between(ci.in_at, out) if out else 0,
                                   night_minutes(ci.in_at, out, zone) if out else 0, "；".join(notes)))
    return sorted(lines, key=lambda x: (x.day, x.compound, x.shift, x.name))


def write_week_sheet(path: Path, lines: list[SheetLine], *, title: str, language: str = "zh_CN") -> Path:
    """The sheet as .xlsx (or .csv by the name's suffix), text cells kept as text."""
    import csv

    from models.formats.spreadsheets import csv_value, xlsx_row
    from models.store import files

    say = plain_translator(language)
    header = [say(CTX, c) for c in SHEET_COLUMNS]
    body = [[x.day, x.compound, x.name, x.post, x.shift, x.came, x.left, x.minutes, x.night, x.note] for x in lines]
    total = [say(CTX, QT_TRANSLATE_NOOP("Staffing", "Total")), "", "", "", "", "", "",
             sum(x.minutes for x in lines), sum(x.night for x in lines), ""]
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with files.written_whole(path) as partial, open(partial, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow([title])
            w.writerow(header)
            for row in [*body, total]:
                w.writerow([csv_value(v) for v in row])
        return path
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(say(CTX, QT_TRANSLATE_NOOP("Staffing", "Hours")))
    ws.freeze_panes = "A3"  # the title and the column names stay in view
    for column, width in zip("ABCDEFGHIJ", (12, 14, 10, 14, 20, 13, 13, 8, 10, 24)):
        ws.column_dimensions[column].width = width
    ws.append(xlsx_row(ws, [title]))
    ws.append(xlsx_row(ws, header))
    for row in [*body, total]:
        ws.append(xlsx_row(ws, row))
    with files.written_whole(path) as partial:
        wb.save(partial)
    return path
