"""Residents: the roster by building-unit-room, signed passes, home monitoring, and pass scans.

A pass's QR carries its id, room and expiry, signed with the compound's pass key, so a gate
tells a forged or altered card from a real one without a network; revocation and expiry are
checked against the roster here.
"""
from __future__ import annotations

import base64
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NamedTuple

import msgspec
from sqlalchemy import Index, func, insert
from sqlmodel import Field, Session, select

from models import bundle, files, sheets, wire
from models.clock import local_today
from models.db import Meta
from models.i18n import QT_TRANSLATE_NOOP, Message
from models.records import Record, new_id, when_field
from models.site import StationContext
from models.validation import NAME_MAX

PASS_PREFIX = "GDP1."
PASS_KEY = "compound_pass_key"
ROOM_PART = re.compile(r"[0-9A-Za-z]{1,10}")
DEFAULT_VALID_DAYS = 90


class Household(Record, table=True):
    __table_args__ = (Index("ix_household_room", "building", "unit", "room"),)
    building: str = Field(max_length=20)
    unit: str = Field(max_length=20)
    room: str = Field(max_length=20)

    @property
    def label(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"


class Resident(Record, table=True):
    __table_args__ = (Index("ix_resident_household", "household_id"),)
    household_id: str = Field(foreign_key="household.id", max_length=36)
    name: str = Field(max_length=NAME_MAX)
    phone: str | None = Field(default=None, max_length=20)
    active: bool = True


class ResidentPass(Record, table=True):
    __tablename__ = "resident_pass"
    __table_args__ = (Index("ix_resident_pass_resident", "resident_id"),)
    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    household_id: str = Field(max_length=36)
    expires_on: str = Field(max_length=10)  # local day, inclusive
    revoked_at: datetime | None = when_field(default=None)
    revoked_reason: str | None = Field(default=None, max_length=100)
    replaces_id: str | None = Field(default=None, max_length=36)


class MonitoringKind(StrEnum):
    ISOLATION = "isolation"  # 居家隔离
    MONITORING = "monitoring"  # 居家健康监测


class HomeMonitoring(Record, table=True):
    __tablename__ = "home_monitoring"
    __table_args__ = (Index("ix_home_monitoring_resident", "resident_id", "until"),)
    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    kind: str = Field(max_length=12)
    until: str = Field(max_length=10)  # last day, inclusive
    reason: str = Field(default="", max_length=100)
    ended_at: datetime | None = when_field(default=None)


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class Passage(Record, table=True):
    """A resident through the gate by pass, or a pass turned away (decision refuse, with the reason)."""

    __table_args__ = (Index("ix_passage_created", "created_at"), Index("ix_passage_resident", "resident_id",
                                                                         "created_at"))
    pass_id: str | None = Field(default=None, max_length=36)
    resident_id: str | None = Field(default=None, max_length=36)
    direction: str = Field(max_length=4)
    temperature: float | None = None
    decision: str = Field(max_length=10)  # admit | refuse
    reason: str = Field(default="", max_length=40)


# -- the pass key and the QR payload ------------------------------------------------------------
def pass_key(session: Session) -> str:
    row = session.get(Meta, PASS_KEY)
    if row is None:
        row = Meta(key=PASS_KEY, value=bundle.new_signing_key())
        session.add(row)
        session.flush()
    return row.value


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode((text + "=" * (-len(text) % 4)).translate(_URLSAFE), validate=True)


_URLSAFE = str.maketrans("-_", "+/")


def pass_payload(p: ResidentPass, household: Household, key: str) -> str:
    """GDP1.<base64url JSON {p, r, e}>.<base64url Ed25519 signature of that JSON>"""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    body = json.dumps({"p": p.id, "r": household.label, "e": p.expires_on}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True).encode()
    signature = Ed25519PrivateKey.from_private_bytes(bundle.unb64(key)).sign(body)
    return f"{PASS_PREFIX}{_b64(body)}.{_b64(signature)}"


PASS_PART = re.compile(r"[A-Za-z0-9_-]{2,400}")


class PassClaims(msgspec.Struct, forbid_unknown_fields=True):
    e: Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    p: Annotated[str, msgspec.Meta(pattern=wire.UUID_PATTERN)]
    r: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


_CLAIMS = msgspec.json.Decoder(PassClaims)


def read_pass_text(text: str) -> tuple[bytes, bytes, PassClaims]:
    """The body, signature and claims of a scanned pass, read strictly: only the exact text
    pass_payload() writes is accepted (no other prefix, padding, stray characters in the base64,
    other spacing in the JSON), so a pass has exactly one text. Raises PassRefused."""
    text = text.strip()
    parts = text.split(".")
    if len(parts) != 3 or parts[0] + "." != PASS_PREFIX or not all(PASS_PART.fullmatch(p) for p in parts[1:]):
        raise PassRefused("pass_unreadable")
    try:
        body, signature = _unb64(parts[1]), _unb64(parts[2])
        claims = _CLAIMS.decode(body)
    except (ValueError, msgspec.MsgspecError, RecursionError):
        raise PassRefused("pass_unreadable") from None
    canonical = json.dumps({"p": claims.p, "r": claims.r, "e": claims.e}, ensure_ascii=False, separators=(",", ":"),
                           sort_keys=True).encode()
    if _b64(body) != parts[1] or _b64(signature) != parts[2] or body != canonical or len(signature) != 64:
        raise PassRefused("pass_unreadable")
    return body, signature, claims


# -- refusals -------------------------------------------------------------------------------
REFUSALS = {
    "pass_unreadable": QT_TRANSLATE_NOOP("Residents", "This code is not a GateDesk pass, or it is damaged."),
    "pass_forged": QT_TRANSLATE_NOOP("Residents", "The pass's signature is wrong: the card is forged or altered. "
                                     "Register the person by hand and tell the office."),
    "pass_unknown": QT_TRANSLATE_NOOP("Residents", "This pass was not issued here (another compound's card?)."),
    "pass_revoked": QT_TRANSLATE_NOOP("Residents", "This pass was revoked on {date}: {reason}"),
    "pass_expired": QT_TRANSLATE_NOOP("Residents", "This pass expired on {date}. Issue a new one."),
    "home_isolation": QT_TRANSLATE_NOOP("Residents", "STOP: {name} ({room}) is in home isolation until {until}. "
                                        "They may not leave. Report to the community."),
    "home_monitoring": QT_TRANSLATE_NOOP("Residents", "STOP: {name} ({room}) is under home health monitoring until "
                                         "{until}. They may not leave. Report to the community."),
    "resident_left": QT_TRANSLATE_NOOP("Residents", "{name} has moved out of the roster; the pass is no longer valid."),
    "fever": QT_TRANSLATE_NOOP("Residents", "{name}: {temperature} °C is at or above {limit} °C. Not let in by pass: "
                               "register them with the form, which asks for a re-measure."),
}
MONITORING_LABELS = {
    MonitoringKind.ISOLATION: QT_TRANSLATE_NOOP("Residents", "home isolation"),
    MonitoringKind.MONITORING: QT_TRANSLATE_NOOP("Residents", "home health monitoring"),
}
STOPPED = {MonitoringKind.ISOLATION: "home_isolation", MonitoringKind.MONITORING: "home_monitoring"}


class PassRefused(Exception):
    @property
    def stops_exit(self) -> bool:
        """A resident under home isolation or monitoring on the way out: stop them, not just refuse."""
        return self.code in STOPPED.values()

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        self.message = Message("Residents", REFUSALS[code], params)
        super().__init__(code)


@dataclass
class ScanResult:
    resident: Resident
    household: Household
    pass_: ResidentPass
    direction: Direction
    passage: Passage | None = None  # None until recorded (temperature still to come)
    monitoring: HomeMonitoring | None = None


def verify_pass(session: Session, text: str, *, today: date) -> tuple[ResidentPass, Resident, Household]:
    """The pass behind a scanned text, or PassRefused saying why not."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    body, signature, claims = read_pass_text(text)
    pass_id, room, expires = claims.p, claims.r, claims.e
    public = bundle.unb64(bundle.signing_public_key(pass_key(session)))
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, body)
    except InvalidSignature:
        raise PassRefused("pass_forged") from None
    p = session.get(ResidentPass, pass_id)
    if p is None:
        raise PassRefused("pass_unknown")
    resident = session.get(Resident, p.resident_id)
    household = session.get(Household, p.household_id)
    if household is None or household.label != room or p.expires_on != expires:
        raise PassRefused("pass_forged")
    if p.revoked_at is not None:
        raise PassRefused("pass_revoked", date=p.revoked_at.date().isoformat(), reason=p.revoked_reason or "")
    if date.fromisoformat(p.expires_on) < today:
        raise PassRefused("pass_expired", date=p.expires_on)
    if resident is None or not resident.active:
        from models.masking import mask_name

        raise PassRefused("resident_left", name=mask_name(resident.name) if resident else "")
    return p, resident, household


def active_monitoring(session: Session, resident_id: str, today: date) -> HomeMonitoring | None:
    return session.execute(select(HomeMonitoring).where(
        HomeMonitoring.resident_id == resident_id, HomeMonitoring.ended_at.is_(None),
        HomeMonitoring.until >= today.isoformat()).limit(1)).scalars().first()


def next_direction(session: Session, resident_id: str, since: datetime) -> Direction:
    """Out if the resident's last admitted passage since `since` was in; otherwise in."""
    last = session.execute(select(Passage.direction).where(
        Passage.resident_id == resident_id, Passage.decision == "admit", Passage.created_at >= since)
        .order_by(Passage.created_at.desc()).limit(1)).scalar()
    return Direction.OUT if last == Direction.IN else Direction.IN


def record_refusal(session: Session, *, ctx: StationContext, operator_id: str | None, code: str,
                   pass_id: str | None = None, resident_id: str | None = None, direction: str = Direction.IN,
                   now: datetime) -> Passage:
    """Refused scans are kept (who tried, why), never counted as passages through the gate."""
    row = Passage(station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=operator_id, created_at=now,
                  updated_at=now, pass_id=pass_id, resident_id=resident_id, direction=str(direction),
                  decision="refuse", reason=code)
    session.add(row)
    return row


def record_passage(session: Session, *, ctx: StationContext, operator_id: str | None, scan: ScanResult,
                   temperature: float | None, now: datetime) -> Passage:
    row = Passage(station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=operator_id, created_at=now,
                  updated_at=now, pass_id=scan.pass_.id, resident_id=scan.resident.id,
                  direction=scan.direction.value, temperature=temperature, decision="admit")
    session.add(row)
    scan.passage = row
    return row


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


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
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
    from models.validation import FieldError, has_control_chars, parse_phone

    numbered = sheets.read_rows(path)
    result = RosterImport()
    if not numbered:
        return result
    header = numbered[0][1] or []
    name_col = _column(header, NAME_HEADERS)
    room_col = _column(header, ROOM_HEADERS)
    parts_cols = (_column(header, BUILDING_HEADERS), _column(header, UNIT_HEADERS), _column(header, ROOMNO_HEADERS))
    phone_col = _column(header, PHONE_HEADERS)
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
    for done, (number, row) in enumerate(numbered[1:], start=1):
        if progress is not None and done % 500 == 0:
            progress(done, len(numbered) - 1)
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
    if new_homes:
        session.execute(insert(Household), new_homes)
    if people:
        session.execute(insert(Resident), people)
    if progress is not None:
        progress(len(numbered) - 1, len(numbered) - 1)
    return result


def issue_pass(session: Session, ctx: StationContext, *, resident_id: str, valid_days: int = DEFAULT_VALID_DAYS,
               today: date, now: datetime, replaces: str | None = None) -> ResidentPass:
    pass_key(session)  # made with the first pass, so every card printed later carries the same key
    resident = session.get(Resident, resident_id)
    p = ResidentPass(station_id=ctx.station_id, gate_id=ctx.gate_id, created_at=now, updated_at=now,
                     resident_id=resident.id, household_id=resident.household_id,
                     expires_on=(today + timedelta(days=valid_days)).isoformat(), replaces_id=replaces)
    session.add(p)
    session.flush()
    return p


def revoke_pass(session: Session, pass_id: str, *, reason: str, now: datetime) -> ResidentPass:
    p = session.get(ResidentPass, pass_id)
    if p.revoked_at is None:
        p.revoked_at, p.revoked_reason = now, reason.strip()[:100] or "-"
        p.touch(now)
        session.add(p)
    return p


def reissue_pass(session: Session, ctx: StationContext, pass_id: str, *, reason: str, today: date,
                 now: datetime) -> ResidentPass:
    """A lost or damaged card: the old one stops working, a new one replaces it."""
    old = revoke_pass(session, pass_id, reason=reason, now=now)
    return issue_pass(session, ctx, resident_id=old.resident_id, today=today, now=now, replaces=old.id)


def valid_passes(session: Session, *, building: str | None = None, today: date) -> list[tuple]:
    """(pass, resident, household) of every pass still valid, by room then name."""
    q = (select(ResidentPass, Resident, Household)
         .join(Resident, Resident.id == ResidentPass.resident_id)
         .join(Household, Household.id == ResidentPass.household_id)
         .where(ResidentPass.revoked_at.is_(None), ResidentPass.expires_on >= today.isoformat(),
                Resident.active)
         .order_by(Household.building, Household.unit, Household.room, Resident.name))
    if building:
        q = q.where(Household.building == building)
    return sorted(session.execute(q).all(), key=lambda t: (_natural(t[2].building), _natural(t[2].unit),
                                                              _natural(t[2].room), t[1].name))


_DIGITS = re.compile(r"(\d+)")


@functools.lru_cache(maxsize=65536)
def _natural(text: str) -> tuple:
    """'10' after '9': rooms sort as people count them (a compound has a few thousand rooms)."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(text))


def put_under_monitoring(session: Session, ctx: StationContext, *, resident_id: str, kind: MonitoringKind,
                         until: date, reason: str, now: datetime) -> HomeMonitoring:
    row = HomeMonitoring(station_id=ctx.station_id, gate_id=ctx.gate_id, created_at=now, updated_at=now,
                         resident_id=resident_id, kind=MonitoringKind(kind).value, until=until.isoformat(),
                         reason=reason.strip()[:100])
    session.add(row)
    return row


def monitoring_list(session: Session, today: date) -> list[tuple[HomeMonitoring, Resident, Household]]:
    q = (select(HomeMonitoring, Resident, Household)
         .join(Resident, Resident.id == HomeMonitoring.resident_id)
         .join(Household, Household.id == Resident.household_id)
         .where(HomeMonitoring.ended_at.is_(None), HomeMonitoring.until >= today.isoformat())
         .order_by(HomeMonitoring.until))
    return list(session.execute(q).all())


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
    order = {hid: (_natural(h.building), _natural(h.unit), _natural(h.room)) for hid, h in homes.items()}
    people.sort(key=lambda r: (order[r.household_id], r.name))
    return [(r, homes[r.household_id], passes.get(r.id), watched.get(r.id)) for r in people]


def count_residents(session: Session) -> int:
    return session.execute(select(func.count()).select_from(Resident).where(Resident.active)).scalar_one()


def today_for(settings, now: datetime) -> date:
    return local_today(now, settings.zone)



# -- pass sheets --------------------------------------------------------------------------------
CARD_W, CARD_H = 85.6, 54.0  # the size of a bank card: fits a wallet and a card holder
SHEET_COLS, SHEET_ROWS = 2, 5
PASS_MASK = 2  # fixed: choosing the best of eight masks made a 50-page sheet take 20 s
PASS_TITLE = QT_TRANSLATE_NOOP("Residents", "Resident pass")
PASS_VALID = QT_TRANSLATE_NOOP("Residents", "Valid until {0}")
PASS_NO = QT_TRANSLATE_NOOP("Residents", "No. {0}")
PASS_HINT = QT_TRANSLATE_NOOP("Residents", "Show at the gate · do not lend")


@dataclass(frozen=True)
class PassCard:
    pass_id: str
    payload: str
    room: str
    name: str  # masked: a lost card shows little
    expires_on: str
    number: str


def pass_cards(session: Session, *, building: str | None = None, household_id: str | None = None,
               today: date) -> list[PassCard]:
    from models.masking import mask_name

    key = pass_key(session)
    cards = []
    for p, resident, h in valid_passes(session, building=building, today=today):
        if household_id and h.id != household_id:
            continue
        cards.append(PassCard(p.id, pass_payload(p, h, key), h.label, mask_name(resident.name), p.expires_on,
                              p.id.split("-")[0].upper()))
    return cards


def sheet_count(cards: int) -> int:
    """How many A4 pages pass_sheet_pages() fills."""
    per_page = SHEET_COLS * SHEET_ROWS
    return max(1, -(-cards // per_page))


def pass_sheet_pages(cards: list[PassCard], *, compound: str, language: str = "zh_CN"):
    """A4 pages of ten cards each, with light cutting lines between them."""
    from models.drawing import QR, Box, Page, Text, fit_pt, qr_modules
    from models.i18n import plain_translator

    say = plain_translator(language)
    title = say("Residents", PASS_TITLE)
    hint = say("Residents", PASS_HINT)
    left = (210 - SHEET_COLS * CARD_W) / 2
    top = (297 - SHEET_ROWS * CARD_H) / 2
    pages = []
    per_page = SHEET_COLS * SHEET_ROWS
    for start in range(0, max(len(cards), 1), per_page):
        page = Page(210, 297)
        for i, card in enumerate(cards[start:start + per_page]):
            x = left + (i % SHEET_COLS) * CARD_W
            y = top + (i // SHEET_COLS) * CARD_H
            page.add(Box(x, y, CARD_W, CARD_H, line="#b0bec5", width=0.2))
            page.add(Box(x, y, CARD_W, 9, fill="#0d47a1"))
            page.add(Text(x + 4, y + 6.4, compound, fit_pt(compound, 11, CARD_W - 34, bold=True), bold=True,
                          color="#ffffff"))
            page.add(Text(x + CARD_W - 4, y + 6.4, title, 9, color="#e3f2fd", align="right"))
            side = 38
            page.add(QR(x + CARD_W - side - 3, y + 12.5, side, qr_modules(card.payload, error="M", mask=PASS_MASK)))
            page.add(Text(x + 4, y + 24, card.room, fit_pt(card.room, 22, CARD_W - side - 10, bold=True), bold=True,
                          color="#1a1a1a"))
            page.add(Text(x + 4, y + 32, card.name, 12, color="#1a1a1a"))
            page.add(Text(x + 4, y + 40, say("Residents", PASS_VALID).format(card.expires_on), 8.5, color="#c62828"))
            page.add(Text(x + 4, y + 45.5, say("Residents", PASS_NO).format(card.number), 7, color="#546e7a"))
            page.add(Text(x + 4, y + 50.5, hint, 7, color="#546e7a"))
        pages.append(page)
    return pages


def write_pass_sheet(cards: list[PassCard], path: Path, *, compound: str, language: str = "zh_CN") -> Path:
    from models.drawing import save_pdf, save_png

    pages = pass_sheet_pages(cards, compound=compound, language=language)
    if path.suffix.lower() == ".png":
        return save_png(pages, path)
    return save_pdf(pages, path, title=compound)


class RosterProblem(ValueError):
    """Bad roster input; message is for people."""

    def __init__(self, field: str, text: str):
        super().__init__(text)
        self.field, self.text = field, text


ROOM_HELP = QT_TRANSLATE_NOOP("Residents", "Write the room as building-unit-room, e.g. 3-2-501.")
NAME_HELP = QT_TRANSLATE_NOOP("Residents", "Enter the resident's name.")
PHONE_HELP = QT_TRANSLATE_NOOP("Residents", "Not a mainland mobile number (11 digits starting with 1).")


def check_resident(room: str, name: str, phone: str) -> tuple[tuple[str, str, str], str, str | None]:
    from models.validation import FieldError, parse_phone

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


# -- carrying the roster to the other gates of the compound --------------------------------------
ROSTER_MAGIC = b"GDROSTER1"
ROSTER_SUFFIX = ".gdroster"
ROSTER_TABLES = {"household": Household, "resident": Resident, "resident_pass": ResidentPass,
                 "home_monitoring": HomeMonitoring}
ROSTER_PROBLEMS = {
    "passphrase": QT_TRANSLATE_NOOP("Residents", "Wrong passphrase, or the file is damaged."),
    "not_roster": QT_TRANSLATE_NOOP("Residents", "This is not a GateDesk roster file."),
    "other_compound": QT_TRANSLATE_NOOP("Residents", "This roster is for {theirs}; this gate belongs to {ours}."),
    "own_passes": QT_TRANSLATE_NOOP("Residents", "This gate has already printed passes with its own key; they would "
                                    "stop working. Load the roster before printing passes here, or reprint them."),
    "short_passphrase": QT_TRANSLATE_NOOP("Residents", "Use a passphrase of at least 8 characters."),
}


class RosterFileProblem(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.message = Message("Residents", ROSTER_PROBLEMS[code], params)


def _roster_key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2 ** 15, r=8, p=1).derive(passphrase.encode("utf-8"))


def save_roster_file(session: Session, ctx: StationContext, path: Path, passphrase: str, *, now: datetime) -> int:
    """The compound's pass key and whole roster, encrypted with a passphrase, for the other gates.

    The pass key signs passes: whoever has it can make them, so the file is sealed and the
    passphrase is told to the other gate's administrator, not written on the stick.
    """
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from models.sync import codec_for  # sync imports this module (through retention): a cycle at the top

    if len(passphrase) < 8:
        raise RosterFileProblem("short_passphrase")
    body: dict = {"format": "gatedesk-roster", "version": 1, "compound": ctx.compound_name,
                  "created_at": bundle.wire_time(now), "pass_key": pass_key(session)}
    count = 0
    for name, model in ROSTER_TABLES.items():
        codec = codec_for(name, model)
        rows = session.execute(select(model.__table__)).mappings().all()
        body[name] = [json.loads(codec.line(row)) for row in rows]
        count += len(rows)
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_roster_key(passphrase, salt)).encrypt(nonce, json.dumps(body, ensure_ascii=False).encode(),
                                                            ROSTER_MAGIC)
    files.write_bytes(path, ROSTER_MAGIC + salt + nonce + sealed)
    return count


def load_roster_file(session: Session, ctx: StationContext, path: Path, passphrase: str) -> int:
    """Take another gate's roster and pass key; records already here are kept unless the file's are newer."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = path.read_bytes()
    if not data.startswith(ROSTER_MAGIC) or len(data) < len(ROSTER_MAGIC) + 28:
        raise RosterFileProblem("not_roster")
    head = len(ROSTER_MAGIC)
    salt, nonce, sealed = data[head:head + 16], data[head + 16:head + 28], data[head + 28:]
    try:
        plain = AESGCM(_roster_key(passphrase, salt)).decrypt(nonce, sealed, ROSTER_MAGIC)
    except (InvalidTag, ValueError):
        raise RosterFileProblem("passphrase") from None
    try:
        body = json.loads(plain)
    except (ValueError, RecursionError):
        raise RosterFileProblem("not_roster") from None
    if not isinstance(body, dict) or body.get("format") != "gatedesk-roster" or \
            not isinstance(body.get("pass_key"), str):
        raise RosterFileProblem("not_roster")
    if body.get("compound") != ctx.compound_name:
        raise RosterFileProblem("other_compound", theirs=body.get("compound"), ours=ctx.compound_name)
    ours = session.get(Meta, PASS_KEY)
    if ours is not None and ours.value != body["pass_key"]:
        own = session.execute(select(func.count()).select_from(ResidentPass)
                              .where(ResidentPass.station_id == ctx.station_id)).scalar_one()
        if own:
            raise RosterFileProblem("own_passes")
        ours.value = body["pass_key"]
        session.add(ours)
    elif ours is None:
        session.add(Meta(key=PASS_KEY, value=body["pass_key"]))
    taken = 0
    for name, model in ROSTER_TABLES.items():
        schema = wire.RecordSchema(name, model.__table__, {}, bundle.parse_wire_time)
        records = body.get(name, [])
        if not isinstance(records, list):
            raise RosterFileProblem("not_roster")
        for record in records:
            try:
                values = dict(zip(schema.stored, schema.from_object(record).row))
            except wire.Invalid:
                raise RosterFileProblem("not_roster") from None
            held = session.get(model, values["id"])
            if held is None:
                session.add(model(**values))
            elif held.rev < values["rev"]:
                for column, value in values.items():
                    setattr(held, column, value)
                session.add(held)
            else:
                continue
            taken += 1
        session.flush()
    return taken


# -- the office's home monitoring list ------------------------------------------------------------
KIND_WORDS = {MonitoringKind.ISOLATION: ("居家隔离", "隔离", "isolation", "home isolation"),
              MonitoringKind.MONITORING: ("居家健康监测", "健康监测", "监测", "monitoring", "home monitoring")}
KIND_HEADERS = ("类型", "管控类型", "措施", "kind", "type")
UNTIL_HEADERS = ("截止日期", "截止", "解除日期", "至", "until", "end")


def _kind(text: str) -> MonitoringKind | None:
    t = text.strip().lower()
    for kind, words in KIND_WORDS.items():
        if t in words:
            return kind
    return None


def _day(text: str) -> date | None:
    t = text.strip().split(" ")[0].replace("/", "-").replace(".", "-")
    try:
        return date.fromisoformat("-".join(p.zfill(2) if i else p for i, p in enumerate(t.split("-"))))
    except ValueError:
        return None


def import_monitoring(session: Session, ctx: StationContext, path: Path, *, now: datetime) -> RosterImport:
    """The community office's list of residents under home isolation or monitoring (.xlsx or .csv).

    Columns: room, name, kind (居家隔离 / 居家健康监测), until (a day). Each row is matched to a
    resident on this gate's roster by room and name; rows that match nobody are reported.
    """
    numbered = sheets.read_rows(path)
    result = RosterImport()
    if not numbered:
        return result
    header = numbered[0][1] or []
    cols = {"room": _column(header, ROOM_HEADERS), "name": _column(header, NAME_HEADERS),
            "kind": _column(header, KIND_HEADERS), "until": _column(header, UNTIL_HEADERS)}
    if None in cols.values():
        result.skipped.append((1, "header"))
        return result
    for number, row in numbered[1:]:
        if row is None:
            result.skipped.append((number, "encoding"))
            continue
        if not any(row):
            continue
        cell = {k: (row[i] if i < len(row) else "") for k, i in cols.items()}
        parts = parse_room(cell["room"])
        kind, until = _kind(cell["kind"]), _day(cell["until"])
        if parts is None:
            result.skipped.append((number, "room"))
            continue
        if kind is None:
            result.skipped.append((number, "kind"))
            continue
        if until is None:
            result.skipped.append((number, "until"))
            continue
        resident = session.execute(
            select(Resident).join(Household, Household.id == Resident.household_id).where(
                Household.building == parts[0], Household.unit == parts[1], Household.room == parts[2],
                Resident.name == cell["name"].strip(), Resident.active)).scalars().first()
        if resident is None:
            result.skipped.append((number, "resident"))
            continue
        put_under_monitoring(session, ctx, resident_id=resident.id, kind=kind, until=until, reason="office",
                             now=now)
        result.added += 1
    return result
