"""A testing round at the compound: who is due, calling them down, checking them off at a sampling
point, door-knocking whoever is missing, sampling at home, and closing.

Each person due has one line in the round. Sampled is a time on that line, so a second scan of
the same person finds it set and counts nothing twice. A person not sampled is exempt when a reason
that excuses them is recorded (away, tested elsewhere, in hospital); anyone else is missing. Once
closed, a round changes only through a correction with a reason, kept as a record of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlmodel import Session

from models.store.records import stamp
from models.kit.masking import mask_name
from models.kit.validation import NAME_MAX, FieldError, InvalidInput, _err, clean_text
from models.residents.roster import parse_room
from models.residents.tables import Household, Resident, natural_order
from models.rounds.tables import CORRECTABLE, Reason, RoundCorrection, RoundPerson, TestingRound
from models.setup.site import StationContext
from models.store.i18n import QT_TRANSLATE_NOOP, Refused

CTX = "Rounds"
HOME = "home"  # RoundPerson.point of a sampling at the door
MAX_POINTS = 8
POINT_MAX = 30
CALL_BATCH = 20  # residents called down at a time, as building heads do
CALL_BATCH_MAX = 200  # a whole building at once, at most


REASON_LABELS = {
    Reason.AWAY: QT_TRANSLATE_NOOP("Rounds", "Away from home"),
    Reason.ELSEWHERE: QT_TRANSLATE_NOOP("Rounds", "Tested elsewhere (proof seen)"),
    Reason.HOSPITAL: QT_TRANSLATE_NOOP("Rounds", "In hospital"),
    Reason.REFUSED: QT_TRANSLATE_NOOP("Rounds", "Refused to be tested"),
}
# Reasons that excuse a person from the round. Someone who refused is still missing: nobody tested them.
EXEMPTING = frozenset({Reason.AWAY, Reason.ELSEWHERE, Reason.HOSPITAL})


@dataclass(frozen=True)
class Exemption:
    """Someone excused before the round opens (the community's notice lists them): room, name, why."""
    room: str  # as people write it: 3-2-501, 3栋2单元501
    name: str
    reason: str  # one of EXEMPTING
    note: str = ""


def _rerr(field: str, text: str, **params) -> FieldError:
    return _err(field, text, context=CTX, **params)


class RoundProblem(Refused):
    """A round action that cannot be done, with the message shown to the operator."""

    context = CTX


ROUND_OPEN = QT_TRANSLATE_NOOP("Rounds", "A testing round is already open ({title}); close it first.")
NO_ROUND = QT_TRANSLATE_NOOP("Rounds", "No testing round is open.")
ROUND_CLOSED = QT_TRANSLATE_NOOP("Rounds", "This round is closed; change it through a correction with a reason.")
NOT_IN_ROUND = QT_TRANSLATE_NOOP("Rounds", "This person is not in the round.")
NOBODY_DUE = QT_TRANSLATE_NOOP("Rounds", "Nobody on the roster lives in the buildings chosen.")


# -- opening -----------------------------------------------------------------------------------
def floor_of(room: str) -> str:
    """The floor a room number names as people read it: 602 → 6, 1203 → 12; '' when it does not."""
    digits = re.match(r"\d+", room or "")
    if digits is None or len(digits.group()) < 3:
        return ""
    return str(int(digits.group()[:-2]))


def open_round_of(session: Session) -> TestingRound | None:
    return session.execute(select(TestingRound).where(TestingRound.closed_at.is_(None))
                           .order_by(TestingRound.opened_at.desc()).limit(1)).scalars().first()


def buildings(session: Session) -> list[str]:
    """The roster's buildings, in the order people count them."""
    names = session.execute(select(Household.building).join(Resident, Resident.household_id == Household.id)
                            .where(Resident.active.is_(True)).distinct()).scalars()
    return sorted(names, key=natural_order)


def _due(session: Session, chosen: list[str]) -> list:
    who = select(Resident.id, Resident.name, Household.building, Household.unit, Household.room) \
        .join(Household, Household.id == Resident.household_id).where(Resident.active.is_(True))
    if chosen:
        who = who.where(Household.building.in_(chosen))
    return session.execute(who).all()


def _key(building: str, unit: str, room: str, name: str) -> tuple:
    return building, unit, room, name.strip()


def _key_of(e: Exemption) -> tuple | None:
    """Whom an exemption names, as a line of the round is keyed (None: a room that is not one)."""
    parts = parse_room(e.room)
    return _key(*parts, e.name) if parts else None


def shown(e: Exemption) -> str:
    """An exemption as a screen or a message shows it: the room and the masked name."""
    return f"{e.room.strip()[:20]} {mask_name(e.name.strip())}"


def not_due(session: Session, exemptions: list[Exemption], buildings_due: list[str] | None) -> list[Exemption]:
    """The exemptions that name nobody due in a round of these buildings (a room or a name not on
    the roster, or a building not in the round)."""
    due = {_key(b, u, room, name) for _rid, name, b, u, room in _due(session, list(buildings_due or ()))}
    return [e for e in exemptions if _key_of(e) not in due]


def open_round(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, day: date,
               title: str, points: list[str], buildings_due: list[str] | None = None,
               exemptions: list[Exemption] = ()) -> TestingRound:
    """Open a round for everyone on the roster (or those of some buildings), some excused from the
    start (exempt, not missing: the community's notice names them). One round at a time."""
    errors: list[FieldError] = []
    clean_title = clean_text("title", title, errors, required=True, max_len=100)
    clean_points = []
    for raw in points:
        p = clean_text("points", raw, errors, max_len=POINT_MAX)
        if p and p != HOME and p not in clean_points:
            clean_points.append(p)
    if not clean_points and not any(e.field == "points" for e in errors):
        errors.append(_rerr("points", QT_TRANSLATE_NOOP("Rounds", "Name at least one sampling point.")))
    if len(clean_points) > MAX_POINTS:
        errors.append(_rerr("points", QT_TRANSLATE_NOOP("Rounds", "At most {max} sampling points."), max=MAX_POINTS))
    known = buildings(session)
    chosen = list(dict.fromkeys(b.strip() for b in buildings_due or () if b.strip()))
    if buildings_due is not None and not chosen:  # None is everyone; an empty choice is a mistake
        errors.append(_rerr("buildings", QT_TRANSLATE_NOOP("Rounds", "Tick at least one building.")))
    unknown = [b for b in chosen if b not in known]
    if unknown:
        errors.append(_rerr("buildings", QT_TRANSLATE_NOOP("Rounds", "Not a building on the roster: {names}"),
                           names="、".join(unknown[:5])))
    if errors:
        raise InvalidInput(errors)
    current = open_round_of(session)
    if current is not None:
        raise RoundProblem(ROUND_OPEN, title=current.title)
    due = _due(session, chosen)
    if not due:
        raise RoundProblem(NOBODY_DUE)
    excused = _excused(exemptions, due)
    origin = stamp(ctx, operator_id, now)
    r = TestingRound(**origin, compound_id=ctx.compound_id, day=day.isoformat(), title=clean_title,
                     points="\n".join(clean_points), buildings="\n".join(chosen), opened_at=now)
    session.add(r)
    session.flush()
    lines = [RoundPerson(**origin, round_id=r.id, resident_id=rid, building=b, unit=u, room=room,
                         floor=floor_of(room), name=name) for rid, name, b, u, room in due]
    for p in lines:
        p.reason, p.note = excused.get(_key(p.building, p.unit, p.room, p.name), (None, ""))
    session.add_all(lines)
    return r


def _excused(exemptions: list[Exemption], due: list) -> dict[tuple, tuple[str, str]]:
    """Each exemption checked (an excusing reason, the proof for tested elsewhere) and matched to
    someone due; any that is not refuses the round, named (masked) with why."""
    errors: list[FieldError] = []
    excused: dict[tuple, tuple[str, str]] = {}
    keys = {_key(b, u, room, name) for _rid, name, b, u, room in due}
    strangers = []
    for e in exemptions:
        key, who = _key_of(e), shown(e)
        if key not in keys:
            strangers.append(who)
            continue
        if e.reason not in EXEMPTING:
            errors.append(_rerr("exemptions", QT_TRANSLATE_NOOP(
                "Rounds", "{who}: away, tested elsewhere or in hospital excuse someone; nothing else does."), who=who))
            continue
        wrong: list[FieldError] = []
        excused[key] = _reason(e.reason, e.note, wrong)
        if wrong:
            errors.append(_rerr("exemptions", QT_TRANSLATE_NOOP(
                "Rounds", "{who}: write where and when they were tested (the proof seen), in at most 100 "
                          "characters."), who=who))
    if strangers:
        errors.append(_rerr("exemptions", QT_TRANSLATE_NOOP("Rounds", "Not due in this round: {names}"),
                            names="、".join(strangers[:5]) + ("…" if len(strangers) > 5 else "")))
    if errors:
        raise InvalidInput(errors)
    return excused


# -- during the round --------------------------------------------------------------------------
def _round(session: Session, round_id: str) -> TestingRound:
    r = session.get(TestingRound, round_id)
    if r is None:
        raise RoundProblem(NO_ROUND)
    if not r.is_open:
        raise RoundProblem(ROUND_CLOSED)
    return r


def _person(session: Session, person_id: str) -> RoundPerson:
    p = session.get(RoundPerson, person_id)
    if p is None:
        raise RoundProblem(NOT_IN_ROUND)
    _round(session, p.round_id)
    return p


def place_of(p: RoundPerson) -> tuple:
    return natural_order(p.building), natural_order(p.unit), natural_order(p.floor), natural_order(p.room), p.name


def lines_of(session: Session, *where, limit: int | None = None) -> list:
    """A round's lines to read, by unit, floor and room: rows with the lines' fields (what a list
    on screen or a sheet shows), not tracked objects, so the panel's refresh after each scan stays
    quick at a building of hundreds (no object is built per line)."""
    return sorted(session.execute(select(RoundPerson.__table__).where(*where).limit(limit)).all(), key=place_of)


def call_batch(session: Session, *, round_id: str, building: str, now: datetime,
               size: int = CALL_BATCH) -> list[RoundPerson]:
    """The next residents of a building to call down (floor by floor, not yet called, sampled or
    excused), marked called now."""
    _round(session, round_id)
    waiting = session.execute(select(RoundPerson).where(
        RoundPerson.round_id == round_id, RoundPerson.building == building, RoundPerson.called_at.is_(None),
        RoundPerson.sampled_at.is_(None), RoundPerson.at_home.is_(False),
        or_(RoundPerson.reason.is_(None), RoundPerson.reason.not_in([r.value for r in EXEMPTING])))).scalars().all()
    batch = sorted(waiting, key=place_of)[:min(max(1, size), CALL_BATCH_MAX)]
    for p in batch:
        p.called_at = now
        p.touch(now)
    return batch


@dataclass(frozen=True)
class CheckOff:
    person: RoundPerson
    already: bool  # sampled before in this round: nothing counted twice


def _point(r: TestingRound, point: str) -> str:
    if point not in r.point_list:
        raise InvalidInput([_rerr("point", QT_TRANSLATE_NOOP("Rounds", "Choose one of the round's sampling points."))])
    return point


def check_off(session: Session, *, person_id: str, point: str, now: datetime) -> CheckOff:
    """Sampled at a point now; a second time says so and changes nothing."""
    p = _person(session, person_id)
    point = _point(session.get(TestingRound, p.round_id), point)
    if p.sampled_at is not None:
        return CheckOff(p, already=True)
    p.sampled_at, p.point, p.reason, p.note = now, point, None, ""
    p.touch(now)
    return CheckOff(p, already=False)


def check_off_resident(session: Session, *, round_id: str, resident_id: str, ctx: StationContext,
                       operator_id: str | None, point: str, now: datetime) -> CheckOff:
    """A resident identified by their pass: their line, made now if the round did not list them
    (a building outside the round's, or on the roster since it opened)."""
    r = _round(session, round_id)
    _point(r, point)
    p = session.execute(select(RoundPerson).where(RoundPerson.round_id == round_id,
                                                  RoundPerson.resident_id == resident_id)).scalars().first()
    if p is None:
        resident = session.get(Resident, resident_id)
        home = session.get(Household, resident.household_id) if resident else None
        if resident is None or home is None:
            raise RoundProblem(NOT_IN_ROUND)
        p = RoundPerson(**stamp(ctx, operator_id, now), round_id=round_id, resident_id=resident_id, building=home.building,
                        unit=home.unit, room=home.room, floor=floor_of(home.room), name=resident.name)
        session.add(p)
        session.flush()
    return check_off(session, person_id=p.id, point=point, now=now)


def add_on_spot(session: Session, *, round_id: str, ctx: StationContext, operator_id: str | None, room: str,
                name: str, point: str, now: datetime) -> CheckOff:
    """Someone not on the roster (a visitor staying over, a new tenant), sampled now and flagged
    for the roster."""
    r = _round(session, round_id)
    errors: list[FieldError] = []
    parts = parse_room(room)
    if parts is None:
        errors.append(_rerr("room", QT_TRANSLATE_NOOP("Rounds", "Write the room as building-unit-room, "
                                                                "e.g. 3-2-501.")))
    clean_name = clean_text("name", name, errors, required=True, max_len=NAME_MAX)
    if errors:
        raise InvalidInput(errors)
    _point(r, point)
    building, unit, number = parts
    p = RoundPerson(**stamp(ctx, operator_id, now), round_id=round_id, building=building, unit=unit, room=number,
                    floor=floor_of(number), name=clean_name, on_spot=True, sampled_at=now, point=point)
    session.add(p)
    return CheckOff(p, already=False)


def find(session: Session, *, round_id: str, text: str, limit: int = 20) -> list:
    """Residents of the round by room ('6-1-602', '602', '6-1') and/or name ('张', '6-1-602 张')."""
    words = (text or "").split()
    where = [RoundPerson.round_id == round_id]
    for word in words:
        room = parse_room(word)
        parts = word.replace("－", "-").split("-")
        if room is not None:
            where += [RoundPerson.building == room[0], RoundPerson.unit == room[1], RoundPerson.room == room[2]]
        elif word.replace("-", "").isalnum() and word.replace("-", "").isascii():
            if len(parts) == 2:
                where += [RoundPerson.building == parts[0], RoundPerson.unit == parts[1]]
            else:
                where.append(RoundPerson.room == word)
        else:
            where.append(RoundPerson.name.startswith(word, autoescape=True))
    if not words:
        return []
    return lines_of(session, *where, limit=500)[:limit]


def _reason(reason: str | None, note: str, errors: list[FieldError]) -> tuple[str | None, str]:
    """A reason's code and its note, checked: tested elsewhere needs the proof written down."""
    clean_note = clean_text("note", note, errors, max_len=100) or ""
    code = None
    if reason:
        try:
            code = Reason(reason).value
        except ValueError:
            errors.append(_rerr("reason", QT_TRANSLATE_NOOP("Rounds", "Choose a reason.")))
    if code == Reason.ELSEWHERE and not clean_note and not errors:
        errors.append(_rerr("note", QT_TRANSLATE_NOOP("Rounds", "Write where and when they were tested "
                                                               "(the proof seen).")))
    return code, clean_note


def set_reason(session: Session, *, person_id: str, reason: str | None, note: str, now: datetime) -> RoundPerson:
    """Why someone is not sampled (None clears it). An excusing reason makes them exempt, not missing."""
    p = _person(session, person_id)
    errors: list[FieldError] = []
    code, clean_note = _reason(reason, note, errors)
    if errors:
        raise InvalidInput(errors)
    if p.sampled_at is not None:
        raise RoundProblem(QT_TRANSLATE_NOOP("Rounds", "Already sampled in this round."))
    p.reason, p.note = code, clean_note
    p.touch(now)
    return p


def to_home(session: Session, *, person_id: str, at_home: bool, now: datetime) -> RoundPerson:
    """On (or off) the home-service list: sampled at their door by the visiting team."""
    p = _person(session, person_id)
    if p.sampled_at is None and p.at_home != at_home:
        p.at_home = at_home
        p.touch(now)
    return p


def sample_at_home(session: Session, *, person_id: str, by: str, now: datetime) -> CheckOff:
    """Sampled at home now by the visiting team (who sampled is kept)."""
    p = _person(session, person_id)
    errors: list[FieldError] = []
    who = clean_text("sampled_by", by, errors, required=True, max_len=NAME_MAX)
    if errors:
        raise InvalidInput(errors)
    if p.sampled_at is not None:
        return CheckOff(p, already=True)
    p.sampled_at, p.point, p.sampled_by, p.at_home, p.reason, p.note = now, HOME, who, True, None, ""
    p.touch(now)
    return CheckOff(p, already=False)


def close_round(session: Session, *, round_id: str, operator_id: str | None, now: datetime) -> TestingRound:
    r = _round(session, round_id)
    r.closed_at, r.closed_by = now, operator_id
    r.touch(now)
    return r


def correct(session: Session, *, person_id: str, field: str, value: str, reason: str, ctx: StationContext,
            operator_id: str | None, now: datetime) -> RoundCorrection:
    """Change a line of a closed round: 'sampled' (value: a point, 'home', or '' for not sampled)
    or 'reason' (a reason code, or ''). The old value, the new one and why are kept."""
    p = session.get(RoundPerson, person_id)
    if p is None:
        raise RoundProblem(NOT_IN_ROUND)
    r = session.get(TestingRound, p.round_id)
    if r.is_open:
        raise RoundProblem(QT_TRANSLATE_NOOP("Rounds", "The round is still open: change the line itself."))
    errors: list[FieldError] = []
    why = clean_text("reason", reason, errors, max_len=200)
    if why is None and not errors:
        errors.append(_err("reason", QT_TRANSLATE_NOOP("Validation", "Write the reason for the correction.")))
    if field not in CORRECTABLE:
        errors.append(_err("field", QT_TRANSLATE_NOOP("Validation", "This field cannot be corrected.")))
    value = (value or "").strip()
    if field == "sampled" and value and value != HOME and value not in r.point_list:
        errors.append(_rerr("value", QT_TRANSLATE_NOOP("Rounds", "Choose one of the round's sampling points.")))
    if field == "reason" and value and value not in {x.value for x in Reason}:
        errors.append(_rerr("value", QT_TRANSLATE_NOOP("Rounds", "Choose a reason.")))
    if errors:
        raise InvalidInput(errors)
    if field == "sampled":
        old = p.point or ""
        if value:
            p.sampled_at, p.point, p.reason = p.sampled_at or now, value, None
        else:
            p.sampled_at, p.point, p.sampled_by = None, None, None
    else:
        old = p.reason or ""
        if value and p.sampled_at is not None:
            raise RoundProblem(QT_TRANSLATE_NOOP("Rounds", "Already sampled in this round."))
        p.reason = value or None
    p.touch(now)
    r.touch(now)  # the round's copy at the office learns it changed
    fix = RoundCorrection(**stamp(ctx, operator_id, now), round_id=r.id, person_id=p.id, field=field, old_value=old,
                          new_value=value, reason=why)
    session.add(fix)
    return fix
