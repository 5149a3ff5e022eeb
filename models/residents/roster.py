"""The compound's roster: households by building-unit-room, residents added, corrected and moved out, roster sheets read."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, insert
from sqlmodel import Session, select

from models.formats import sheets
from models.kit.validation import NAME_MAX, FieldError, has_control_chars, parse_phone
from models.residents.passes import reissue_pass, revoke_pass
from models.residents.tables import HomeMonitoring, Household, Resident, ResidentPass, natural_order
from models.setup.site import StationContext
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import new_id

ROOM_PART = re.compile(r"[0-9A-Za-z]{1,10}")


# -- the roster -------------------------------------------------------------------------------
def parse_room(text: str) -> tuple[str, str, str] | None:
    """'3-2-501', '3栋2单元501', '3#2-501室', '3号楼 2 单元 501' → ('3', '2', '501')."""
    t = re.sub(r"号楼|栋|幢|楼|#|单元|－|—|/", "-", (text or "").strip())
    parts = [p for p in t.replace("室", "").replace(" ", "").split("-") if p]
    if len(parts) == 3 and all(ROOM_PART.fullmatch(p) for p in parts):
        return parts[0], parts[1], parts[2]
    return None


def household(session: Session, ctx: StationContext, building: str, unit: str, room: str,
              now: datetime) -> Household:
    found = session.execute(select(Household).where(Household.building == building, Household.unit == unit,
                                                    Household.room == room)).scalars().first()
    if found is None:
        found = Household(station_id=ctx.station_id, gate_id=ctx.gate_id, created_at=now, updated_at=now,
                          building=building, unit=unit, room=room)
        session.add(found)
        session.flush()
    return found


def add_resident(session: Session, ctx: StationContext, *, room: str, name: str, phone: str | None,
                 now: datetime) -> Resident:
    parts = parse_room(room)
    if parts is None:
        raise ValueError(room)
    h = household(session, ctx, *parts, now)
    r = Resident(station_id=ctx.station_id, gate_id=ctx.gate_id, created_at=now, updated_at=now,
                 household_id=h.id, name=name.strip()[:NAME_MAX], phone=(phone or "").strip() or None)
    session.add(r)
    session.flush()
    return r


@dataclass
class RosterImport:
    added: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row number, why)


ROOM_HEADERS = ("房号", "房间", "门牌", "室号", "room", "address", "住址")
BUILDING_HEADERS = ("楼栋", "楼号", "栋", "building")
UNIT_HEADERS = ("单元", "unit")
ROOMNO_HEADERS = ("房间号", "户号", "室")
NAME_HEADERS = ("姓名", "住户", "业主", "name")
PHONE_HEADERS = ("电话", "手机", "手机号", "联系电话", "phone", "mobile")
WRITE_STEP = 2_000  # residents per insert: the bar moves while they are written


def column_of(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name.lower() in lowered:
            return lowered.index(name.lower())
    return None


def import_roster(session: Session, ctx: StationContext, path: Path, *, now: datetime,
                  progress: Callable[[int, int], None] | None = None) -> RosterImport:
    """Households and residents from the property office's sheet (.xlsx or .csv).

    A room column ('3-2-501'), or building/unit/room columns; a name column; a phone column if
    any. Rows that cannot be read are listed with their row number and the reason; the others go
    in. Raises sheets.SheetProblem for a file that cannot be read at all (nothing is added).
    """
    numbered = sheets.read_rows(path)
    result = RosterImport()
    if not numbered:
        return result
    header = numbered[0][1] or []
    name_col = column_of(header, NAME_HEADERS)
    room_col = column_of(header, ROOM_HEADERS)
    parts_cols = (column_of(header, BUILDING_HEADERS), column_of(header, UNIT_HEADERS), column_of(header, ROOMNO_HEADERS))
    phone_col = column_of(header, PHONE_HEADERS)
    if name_col is None or (room_col is None and None in parts_cols):
        result.skipped.append((1, "header"))
        return result
    # Rows, not ORM objects: 20,000 residents go in as two executemany, in the caller's unit of work.
    homes = {(b, u, r): hid for hid, b, u, r in session.execute(
        select(Household.id, Household.building, Household.unit, Household.room))}
    origin = dict(station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=None, created_at=now, updated_at=now,
                  rev=1)
    new_homes: list[dict] = []
    people: list[dict] = []
    # Reading the rows is the first half of the bar, writing them the second: the bar is not full
    # while 20,000 residents are still going in.
    rows = len(numbered) - 1
    report = progress or (lambda _done, _total: None)
    for done, (number, row) in enumerate(numbered[1:], start=1):
        if done % 500 == 0:
            report(done, 2 * rows)
        if row is None:
            result.skipped.append((number, "encoding"))
            continue
        if not any(row):
            continue
        cell = lambda i: row[i] if i is not None and i < len(row) else ""  # noqa: E731
        name = cell(name_col)
        if room_col is not None:
            room = cell(room_col)
        else:
            room = "-".join(cell(i) for i in parts_cols)
        if not name or has_control_chars(name):
            result.skipped.append((number, "name"))
            continue
        parts = parse_room(room)
        if parts is None:
            result.skipped.append((number, "room"))
            continue
        phone = cell(phone_col)
        if phone:
            errors: list[FieldError] = []
            phone = parse_phone("phone", phone, errors, required=False)
            if errors:
                result.skipped.append((number, "phone"))
                continue
        home = homes.get(parts)
        if home is None:
            home = homes[parts] = new_id()
            new_homes.append(dict(origin, id=home, building=parts[0], unit=parts[1], room=parts[2]))
        people.append(dict(origin, id=new_id(), household_id=home, name=name.strip()[:NAME_MAX],
                           phone=(phone or "").strip() or None, active=True))
        result.added += 1
    report(rows, 2 * rows)
    if new_homes:
        session.execute(insert(Household), new_homes)
    for start in range(0, len(people), WRITE_STEP):
        chunk = people[start:start + WRITE_STEP]
        session.execute(insert(Resident), chunk)
        report(rows + rows * (start + len(chunk)) // len(people), 2 * rows)
    report(2 * rows, 2 * rows)
    return result


class ResidentRow(NamedTuple):
    id: str
    name: str
    phone: str | None
    household_id: str


class HouseholdRow(NamedTuple):
    id: str
    building: str
    unit: str
    room: str

    @property
    def label(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"


class PassRow(NamedTuple):
    id: str
    expires_on: str


class WatchRow(NamedTuple):
    id: str
    kind: str
    until: str


def roster_overview(conn, today: date) -> list[tuple[ResidentRow, HouseholdRow, PassRow | None, WatchRow | None]]:
    """Every resident on the roster with their room, valid pass and home monitoring, by room: plain
    rows read in one pass each (20,000 residents in a fraction of a second, for the window)."""
    homes = {r[0]: HouseholdRow(*r) for r in conn.execute(
        select(Household.id, Household.building, Household.unit, Household.room))}
    passes = {r[0]: PassRow(r[1], r[2]) for r in conn.execute(
        select(ResidentPass.resident_id, ResidentPass.id, ResidentPass.expires_on).where(
            ResidentPass.revoked_at.is_(None), ResidentPass.expires_on >= today.isoformat()))}
    watched = {r[0]: WatchRow(r[1], r[2], r[3]) for r in conn.execute(
        select(HomeMonitoring.resident_id, HomeMonitoring.id, HomeMonitoring.kind, HomeMonitoring.until).where(
            HomeMonitoring.ended_at.is_(None), HomeMonitoring.until >= today.isoformat()))}
    people = [ResidentRow(*r) for r in conn.execute(
        select(Resident.id, Resident.name, Resident.phone, Resident.household_id).where(Resident.active))]
    order = {hid: (natural_order(h.building), natural_order(h.unit), natural_order(h.room)) for hid, h in homes.items()}
    people.sort(key=lambda r: (order[r.household_id], r.name))
    return [(r, homes[r.household_id], passes.get(r.id), watched.get(r.id)) for r in people]


def count_residents(session: Session) -> int:
    return session.execute(select(func.count()).select_from(Resident).where(Resident.active)).scalar_one()


class RosterProblem(ValueError):
    """Bad roster input; message is for people."""
    def __init__(self, field: str, text: str):
        super().__init__(text)
        self.field, self.text = field, text


ROOM_HELP = QT_TRANSLATE_NOOP("Residents", "Write the room as building-unit-room, e.g. 3-2-501.")
NAME_HELP = QT_TRANSLATE_NOOP("Residents", "Enter the resident's name.")
PHONE_HELP = QT_TRANSLATE_NOOP("Residents", "Not a mainland mobile number (11 digits starting with 1).")


def check_resident(room: str, name: str, phone: str) -> tuple[tuple[str, str, str], str, str | None]:

    parts = parse_room(room)
    if parts is None:
        raise RosterProblem("room", ROOM_HELP)
    if not name.strip():
        raise RosterProblem("name", NAME_HELP)
    errors: list[FieldError] = []
    clean_phone = parse_phone("phone", phone, errors, required=False)
    if errors:
        raise RosterProblem("phone", PHONE_HELP)
    return parts, name.strip()[:NAME_MAX], clean_phone


def edit_resident(session: Session, ctx: StationContext, resident_id: str, *, room: str, name: str, phone: str,
                  now: datetime, today: date | None = None) -> Resident:
    """A changed room moves the resident; their pass names the old room, so it is reissued."""
    parts, clean_name, clean_phone = check_resident(room, name, phone)
    r = session.get(Resident, resident_id)
    h = household(session, ctx, *parts, now)
    moved = h.id != r.household_id
    r.household_id, r.name, r.phone = h.id, clean_name, clean_phone
    r.touch(now)
    session.add(r)
    if moved:
        today = today or now.date()
        for p in session.execute(select(ResidentPass).where(ResidentPass.resident_id == r.id,
                                                            ResidentPass.revoked_at.is_(None))).scalars():
            reissue_pass(session, ctx, p.id, reason="moved", today=today, now=now)
    return r


def move_out(session: Session, resident_id: str, *, now: datetime) -> None:
    """Off the roster: passes revoked, kept for the record."""
    r = session.get(Resident, resident_id)
    r.active = False
    r.touch(now)
    session.add(r)
    for p in session.execute(select(ResidentPass).where(ResidentPass.resident_id == r.id,
                                                        ResidentPass.revoked_at.is_(None))).scalars():
        revoke_pass(session, p.id, reason="moved out", now=now)
