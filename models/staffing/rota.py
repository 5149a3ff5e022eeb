"""The compound's rota: the people who take posts, the posts, their shifts day by day, and who is on
which shift. Rules held here whatever screen asks: a person is on one shift at a time (no double
booking), a full shift puts newcomers on its reserve list, and a place given up goes to the first on
that list."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlmodel import Session

from models.kit import validation
from models.kit.masking import mask_name
from models.kit.validation import NAME_MAX, FieldError, InvalidInput, clean_text, parse_phone
from models.setup.site import StationContext
from models.staffing.tables import (
    MAX_PER_SHIFT,
    SENT_BY_MAX,
    DutyPost,
    How,
    PersonKind,
    PostKind,
    RotaShift,
    ShiftAssignment,
    ShiftCheckIn,
    Volunteer,
)
from models.store.i18n import QT_TRANSLATE_NOOP, Refused
from models.store.records import stamp
from models.trust.operators import Operator, check_new_pin, hash_pin

CTX = "Staffing"
MAX_DAYS_PLANNED = 31


class RotaProblem(Refused):
    context = CTX


def _err(field_name: str, text: str, **params) -> FieldError:
    return validation._err(field_name, text, context=CTX, **params)


# -- people -----------------------------------------------------------------------------------------
def _post_kinds(kinds, errors: list[FieldError]) -> str:
    out = []
    for k in kinds or ():
        try:
            out.append(PostKind(k).value)
        except ValueError:
            errors.append(_err("posts", QT_TRANSLATE_NOOP("Staffing", "Unknown kind of post: {kind}."), kind=k))
    return ",".join(dict.fromkeys(out))


def add_person(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, name: str,
               phone: str, kind: str, sent_by: str, posts=(), pin: str = "") -> Volunteer:
    """A cadre or volunteer joins the rota. A PIN (optional) lets them check in by name."""
    errors: list[FieldError] = []
    clean_name = clean_text("name", name, errors, required=True, max_len=NAME_MAX)
    clean_phone = parse_phone("phone", phone, errors, required=True)
    try:
        kind = PersonKind(kind).value
    except ValueError:
        errors.append(_err("kind", QT_TRANSLATE_NOOP("Staffing", "Choose cadre, volunteer or resident.")))
    unit = clean_text("sent_by", sent_by, errors, required=kind != PersonKind.RESIDENT, max_len=SENT_BY_MAX)
    taken = _post_kinds(posts, errors)
    if pin:
        check_new_pin("pin", pin, errors)
    if errors:
        raise InvalidInput(errors)
    if session.execute(select(Volunteer.id).where(Volunteer.phone == clean_phone, Volunteer.left_at.is_(None))
                       ).first() is not None:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "Someone with the phone {phone} is on the rota already."),
                          phone=clean_phone[:3] + "****" + clean_phone[-4:])
    person = Volunteer(**stamp(ctx, operator_id, now), name=clean_name, phone=clean_phone, kind=kind,
                       sent_by=unit or ctx.compound_name, posts=taken, pin_hash=hash_pin(pin) if pin else "")
    session.add(person)
    session.flush()
    return person


def active_person(session: Session, person_id: str) -> Volunteer:
    person = session.get(Volunteer, person_id)
    if person is None or person.left_at is not None or not person.name:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "This person is not on the rota."))
    return person


def leave(session: Session, person_id: str, *, now: datetime) -> Volunteer:
    """Off the rota: their shifts still to come are given up (the reserve moves up); their record ages
    out with the retention period from today; a guard's account of theirs (holding the gate) opens
    nothing any more."""
    person = active_person(session, person_id)
    for a in session.execute(select(ShiftAssignment).join(RotaShift, RotaShift.id == ShiftAssignment.shift_id)
                             .where(ShiftAssignment.volunteer_id == person_id, ShiftAssignment.cut_at.is_(None),
                                    RotaShift.starts_at > now)).scalars():
        _cut(session, a, reason="left", now=now)
    person.left_at = now
    person.touch(now)
    session.add(person)
    guard = session.get(Operator, person.guard_id) if person.guard_id else None
    if guard is not None and guard.active:
        guard.active = False
        guard.touch(now)
        session.add(guard)
    return person


def new_card(session: Session, person_id: str, *, now: datetime) -> Volunteer:
    """A lost card: the new one carries the next number, and the old one is refused from now on."""
    person = active_person(session, person_id)
    person.card_no += 1
    person.touch(now)
    session.add(person)
    return person


def people(session: Session, *, left_too: bool = False) -> list[Volunteer]:
    q = select(Volunteer).where(Volunteer.name != "")
    if not left_too:
        q = q.where(Volunteer.left_at.is_(None))
    return list(session.execute(q.order_by(Volunteer.sent_by, Volunteer.name)).scalars())


# -- posts and shifts -------------------------------------------------------------------------------
def add_post(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, name: str,
             kind: str, critical: bool = False) -> DutyPost:
    errors: list[FieldError] = []
    clean = clean_text("name", name, errors, required=True, max_len=40)
    try:
        kind = PostKind(kind).value
    except ValueError:
        errors.append(_err("kind", QT_TRANSLATE_NOOP("Staffing", "Choose the kind of post.")))
    if errors:
        raise InvalidInput(errors)
    if session.execute(select(DutyPost.id).where(DutyPost.name == clean, DutyPost.retired_at.is_(None))
                       ).first() is not None:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "There is a post called {name} already."), name=clean)
    post = DutyPost(**stamp(ctx, operator_id, now), name=clean, kind=kind, critical=bool(critical))
    session.add(post)
    session.flush()
    return post


def posts(session: Session) -> list[DutyPost]:
    """The posts in use, critical ones first."""
    return list(session.execute(select(DutyPost).where(DutyPost.retired_at.is_(None))
                                .order_by(DutyPost.critical.desc(), DutyPost.name)).scalars())


_HHMM = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")


def parse_times(text: str) -> list[tuple[time, time, bool]]:
    """Shift times as written on a rota, "08:00-16:00, 16:00-24:00, 00:00-08:00": (start, end, ends the
    next day). Raises InvalidInput."""
    out = []
    for part in filter(None, (p.strip() for p in re.split(r"[,，;；\s]+", text or ""))):
        ends = re.split(r"[-–~—至到]", part)
        marks = [_HHMM.match(e.strip()) for e in ends] if len(ends) == 2 else []
        if len(marks) != 2 or not all(marks) or any(int(m.group(1)) == 24 and m.group(2) != "00" for m in marks):
            raise InvalidInput([_err("times", QT_TRANSLATE_NOOP(
                "Staffing", "Write each shift as start-end, e.g. 08:00-16:00; separate shifts with commas."))])
        (h1, m1), (h2, m2) = ((int(m.group(1)), int(m.group(2))) for m in marks)
        start = time(h1 % 24, m1)
        next_day = h2 == 24 or (h2, m2) <= (h1, m1)
        out.append((start, time(h2 % 24, m2), next_day))
    if not out:
        raise InvalidInput([_err("times", QT_TRANSLATE_NOOP("Staffing", "Give at least one shift, e.g. 08:00-16:00."))])
    return out


def plan_shifts(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, zone: ZoneInfo,
                post_id: str, first_day: date, days: int, times: str, min_people: int,
                max_people: int) -> list[RotaShift]:
    """The post's shifts for `days` days from first_day at the given times. A shift of the post that
    starts at the same moment already is kept as it is (planning a week twice adds nothing)."""
    post = session.get(DutyPost, post_id)
    if post is None or post.retired_at is not None:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "This post is no longer in use."))
    errors: list[FieldError] = []
    if not 1 <= days <= MAX_DAYS_PLANNED:
        errors.append(_err("days", QT_TRANSLATE_NOOP("Staffing", "Plan 1 to {max} days at a time."),
                           max=MAX_DAYS_PLANNED))
    if not 0 <= min_people <= max_people <= MAX_PER_SHIFT or max_people < 1:
        errors.append(_err("max_people", QT_TRANSLATE_NOOP(
            "Staffing", "At least 0 and at most 1 to {max} people, the least not above the most."), max=MAX_PER_SHIFT))
    try:
        slots = parse_times(times)
    except InvalidInput as exc:
        errors.extend(exc.errors)
    if errors:
        raise InvalidInput(errors)
    made = []
    for n in range(days):
        day = first_day + timedelta(days=n)
        for start, end, next_day in slots:
            starts = datetime.combine(day, start, tzinfo=zone).astimezone(now.tzinfo)
            ends = datetime.combine(day + timedelta(days=next_day), end, tzinfo=zone).astimezone(now.tzinfo)
            held = session.execute(select(RotaShift.id).where(RotaShift.post_id == post_id,
                                                              RotaShift.starts_at == starts,
                                                              RotaShift.cancelled_at.is_(None))).first()
            if held is not None:
                continue
            shift = RotaShift(**stamp(ctx, operator_id, now), post_id=post_id, day=day.isoformat(), starts_at=starts,
                              ends_at=ends, min_people=min_people, max_people=max_people)
            session.add(shift)
            made.append(shift)
    session.flush()
    return made


# -- who is on which shift --------------------------------------------------------------------------
def _on(shift_id: str):
    return (ShiftAssignment.shift_id == shift_id, ShiftAssignment.cut_at.is_(None))


def _placed(session: Session, shift_id: str) -> int:
    return session.execute(select(func.count()).select_from(ShiftAssignment).where(
        *_on(shift_id), ShiftAssignment.reserve.is_(False))).scalar()


def _clash(session: Session, person_id: str, shift: RotaShift) -> tuple[RotaShift, DutyPost] | None:
    """A shift of theirs that overlaps this one (any post): they cannot be in two places."""
    row = session.execute(
        select(RotaShift, DutyPost).join(ShiftAssignment, ShiftAssignment.shift_id == RotaShift.id)
        .join(DutyPost, DutyPost.id == RotaShift.post_id)
        .where(ShiftAssignment.volunteer_id == person_id, ShiftAssignment.cut_at.is_(None),
               RotaShift.cancelled_at.is_(None), RotaShift.id != shift.id,
               RotaShift.starts_at < shift.ends_at, RotaShift.ends_at > shift.starts_at).limit(1)).first()
    return None if row is None else (row[0], row[1])


def open_shift(session: Session, shift_id: str) -> tuple[RotaShift, DutyPost]:
    shift = session.get(RotaShift, shift_id)
    if shift is None or shift.cancelled_at is not None:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "This shift is not on the rota."))
    return shift, session.get(DutyPost, shift.post_id)


def assign(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, zone: ZoneInfo,
           shift_id: str, person_id: str, how: str = How.ASSIGNED) -> ShiftAssignment:
    """Put a person on a shift (assigned by a supervisor, or signed up). A full shift takes them on its
    reserve list; one they are on already, one that has ended, one that overlaps another of their
    shifts, or a kind of post they do not take is refused."""
    person = active_person(session, person_id)
    shift, post = open_shift(session, shift_id)
    if shift.ends_at <= now:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "This shift is over."))
    if not person.takes(post.kind):
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "{name} does not take posts of this kind."),
                          name=mask_name(person.name))
    if session.execute(select(ShiftAssignment.id).where(*_on(shift_id), ShiftAssignment.volunteer_id == person_id)
                       ).first() is not None:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "{name} is on this shift already."),
                          name=mask_name(person.name))
    clash = _clash(session, person_id, shift)
    if clash is not None:
        other, other_post = clash
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "{name} is on another shift then: {post}, {when}."),
                          name=mask_name(person.name), post=other_post.name, when=shift_label(other, zone))
    a = ShiftAssignment(**stamp(ctx, operator_id, now), shift_id=shift_id, volunteer_id=person_id, how=How(how).value,
                        reserve=_placed(session, shift_id) >= shift.max_people)
    session.add(a)
    session.flush()
    return a


def _cut(session: Session, a: ShiftAssignment, *, reason: str, now: datetime) -> ShiftAssignment | None:
    """Take one off; the first on the reserve list takes a freed place. Returns who moved up."""
    was_placed = not a.reserve
    a.cut_at, a.cut_reason = now, reason
    a.touch(now)
    session.add(a)
    session.flush()
    if not was_placed:
        return None
    first = session.execute(select(ShiftAssignment).where(*_on(a.shift_id), ShiftAssignment.reserve.is_(True))
                            .order_by(ShiftAssignment.created_at, ShiftAssignment.id).limit(1)).scalar()
    if first is not None:
        first.reserve = False
        first.touch(now)
        session.add(first)
    return first


def withdraw(session: Session, assignment_id: str, *, now: datetime) -> ShiftAssignment | None:
    """They give the shift up before it starts. Returns who moved up from the reserve list."""
    a = session.get(ShiftAssignment, assignment_id)
    if a is None or a.cut_at is not None:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "This person is not on this shift."))
    return _cut(session, a, reason="withdrew", now=now)


def cut_no_show(session: Session, assignment_id: str, *, now: datetime, late_minutes: int) -> ShiftAssignment | None:
    """Off a shift they did not come to (the screen asks first): only once it has started and they
    are later than the grace; their place goes to the reserve list."""
    a = session.get(ShiftAssignment, assignment_id)
    if a is None or a.cut_at is not None:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "This person is not on this shift."))
    shift = session.get(RotaShift, a.shift_id)
    if now < shift.starts_at + timedelta(minutes=late_minutes):
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "The shift has not started long enough ago to call them absent."))
    came = session.execute(select(ShiftCheckIn.id).where(ShiftCheckIn.shift_id == a.shift_id,
                                                         ShiftCheckIn.volunteer_id == a.volunteer_id)).first()
    if came is not None:
        raise RotaProblem(QT_TRANSLATE_NOOP("Staffing", "They came: a check-in is on record."))
    return _cut(session, a, reason="no_show", now=now)


# -- views -----------------------------------------------------------------------------------------
def shift_label(shift: RotaShift, zone: ZoneInfo) -> str:
    start, end = shift.starts_at.astimezone(zone), shift.ends_at.astimezone(zone)
    end_text = "24:00" if end.time() == time(0) and end.date() > start.date() else end.strftime("%H:%M")
    return f"{start:%m-%d} {start:%H:%M}–{end_text}"


@dataclass
class OnShift:
    assignment: ShiftAssignment
    person: Volunteer
    checkins: list[ShiftCheckIn] = field(default_factory=list)

    @property
    def came_at(self) -> datetime | None:
        return min((c.in_at for c in self.checkins), default=None)

    @property
    def here(self) -> bool:
        return any(c.out_at is None for c in self.checkins)


@dataclass
class ShiftView:
    shift: RotaShift
    post: DutyPost
    people: list[OnShift]  # placed, in the order they were put on
    reserve: list[OnShift]

    @property
    def placed(self) -> int:
        return len(self.people)

    @property
    def short(self) -> int:
        return max(0, self.shift.min_people - self.placed)

    @property
    def present(self) -> int:
        return sum(1 for p in self.people if p.here)

    def late(self, person: OnShift, grace_minutes: int) -> int:
        """Minutes late beyond the grace (0: on time, or not come)."""
        came = person.came_at
        if came is None:
            return 0
        late = int((came - self.shift.starts_at).total_seconds() // 60)
        return late if late > grace_minutes else 0

    def absent(self, now: datetime, grace_minutes: int) -> list[OnShift]:
        """Placed, not come, and the shift started more than the grace ago."""
        if now < self.shift.starts_at + timedelta(minutes=grace_minutes):
            return []
        return [p for p in self.people if not p.checkins]


def shifts_between(session: Session, start: datetime, end: datetime, *, post_id: str | None = None) -> list[ShiftView]:
    """Every shift that starts in [start, end), with its people and their check-ins; critical posts
    first, then by time."""
    q = (select(RotaShift, DutyPost).join(DutyPost, DutyPost.id == RotaShift.post_id)
         .where(RotaShift.starts_at >= start, RotaShift.starts_at < end, RotaShift.cancelled_at.is_(None)))
    if post_id is not None:
        q = q.where(RotaShift.post_id == post_id)
    rows = session.execute(q).all()
    ids = [s.id for s, _ in rows]
    placed: dict[str, list[OnShift]] = {i: [] for i in ids}
    reserve: dict[str, list[OnShift]] = {i: [] for i in ids}
    ons: dict[tuple[str, str], OnShift] = {}
    for start_at in range(0, len(ids), 500):
        chunk = ids[start_at:start_at + 500]
        for a, person in session.execute(
                select(ShiftAssignment, Volunteer).join(Volunteer, Volunteer.id == ShiftAssignment.volunteer_id)
                .where(ShiftAssignment.shift_id.in_(chunk), ShiftAssignment.cut_at.is_(None))
                .order_by(ShiftAssignment.created_at, ShiftAssignment.id)).all():
            on = OnShift(a, person)
            ons[(a.shift_id, a.volunteer_id)] = on
            (reserve if a.reserve else placed)[a.shift_id].append(on)
        for c in session.execute(select(ShiftCheckIn).where(ShiftCheckIn.shift_id.in_(chunk))
                                 .order_by(ShiftCheckIn.in_at)).scalars():
            on = ons.get((c.shift_id, c.volunteer_id))
            if on is not None:
                on.checkins.append(c)
    views = [ShiftView(s, p, placed[s.id], reserve[s.id]) for s, p in rows]
    views.sort(key=lambda v: (not v.post.critical, v.shift.starts_at, v.post.name))
    return views


def day_shifts(session: Session, day: date, zone: ZoneInfo, **kw) -> list[ShiftView]:
    start = datetime.combine(day, time.min, tzinfo=zone)
    return shifts_between(session, start, start + timedelta(days=1), **kw)


def with_room_now(session: Session, now: datetime, zone: ZoneInfo) -> list[ShiftView]:
    """Shifts under way now that take more people: where someone with no shift of their own may walk in."""
    return [v for v in day_shifts(session, now.astimezone(zone).date(), zone)
            if v.shift.starts_at <= now < v.shift.ends_at and v.placed < v.shift.max_people]


def at_risk(session: Session, day: date, zone: ZoneInfo) -> list[ShiftView]:
    """The day's shifts short of their least head-count, critical posts first: who must be found."""
    return [v for v in day_shifts(session, day, zone) if v.short]
