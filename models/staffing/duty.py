"""At the post: a person checks in and out at the gate PC, with their card's QR (scanned like a
resident's pass, signed with the same compound key) or by name with their PIN. The same card scanned
again checks them out. A check-in left open is closed on its own some hours after its shift ended,
credited to the shift's end and marked for a supervisor's review."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

import msgspec
from sqlalchemy import select
from sqlmodel import Session

from models.formats import wire
from models.kit.masking import mask_name
from models.residents.passes import pass_key, read_signed_text, signature_holds, signed_text
from models.setup.site import StationContext
from models.staffing import rota
from models.staffing.tables import CheckInSource, DutyPost, How, RotaShift, ShiftAssignment, ShiftCheckIn, Volunteer
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.store.records import stamp
from models.trust.operators import Locked, PinGuard, count_failure, locked_for, pin_matches

CARD_PREFIX = "GDV1."
EARLY_MINUTES = 60  # how long before their shift a person may check in for it


class CardClaims(msgspec.Struct, forbid_unknown_fields=True):
    c: Annotated[int, msgspec.Meta(ge=1, le=1000)]
    v: Annotated[str, msgspec.Meta(pattern=wire.UUID_PATTERN)]


_CLAIMS = msgspec.json.Decoder(CardClaims)

REFUSALS = {
    "card_unreadable": QT_TRANSLATE_NOOP("Staffing", "This code is not a GateDesk duty card, or it is damaged."),
    "card_forged": QT_TRANSLATE_NOOP("Staffing", "The card's signature is wrong: it is forged or altered. "
                                     "Tell a supervisor."),
    "card_unknown": QT_TRANSLATE_NOOP("Staffing", "This duty card was not issued here."),
    "card_replaced": QT_TRANSLATE_NOOP("Staffing", "This card was replaced by a newer one (card no. {number}). "
                                       "Use the new card."),
    "person_left": QT_TRANSLATE_NOOP("Staffing", "{name} is no longer on the rota."),
    "not_on_rota": QT_TRANSLATE_NOOP("Staffing", "{name} has no shift now. Choose a shift that needs people, "
                                     "or ask a supervisor."),
    "shift_full": QT_TRANSLATE_NOOP("Staffing", "This shift has all the people it takes; {name} is on its "
                                    "reserve list."),
    "wrong_pin": QT_TRANSLATE_NOOP("Staffing", "Wrong PIN."),
    "no_pin": QT_TRANSLATE_NOOP("Staffing", "{name} has no PIN: check in with the card, or ask a supervisor."),
    "not_gate_post": QT_TRANSLATE_NOOP("Staffing", "{name}'s shift now is at {post}, not at the gate: it does not "
                                       "open the gate PC. Check in on the Duty tab once someone is on duty."),
    "gate_not_rota": QT_TRANSLATE_NOOP("Staffing", "This gate is not held by the rota: sign in with your PIN. "
                                       "(An administrator turns it on in Settings.)"),
}


class DutyRefused(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.message = Message("Staffing", REFUSALS[code], params)


# -- cards ------------------------------------------------------------------------------------------
def card_payload(session: Session, person: Volunteer) -> str:
    """GDV1.<base64url JSON {c: card number, v: person}>.<signature>: what their card's QR holds."""
    return signed_text(CARD_PREFIX, {"c": person.card_no, "v": person.id}, pass_key(session))


def read_card(session: Session, text: str) -> Volunteer:
    """The person behind a scanned card, or DutyRefused saying why not."""
    body, signature, claims = read_signed_text(text, CARD_PREFIX, _CLAIMS, ("c", "v"), DutyRefused("card_unreadable"))
    if not signature_holds(session, body, signature):
        raise DutyRefused("card_forged")
    person = session.get(Volunteer, claims.v)
    if person is None:
        raise DutyRefused("card_unknown")
    if claims.c != person.card_no:
        raise DutyRefused("card_replaced", number=person.card_no)
    if person.left_at is not None or not person.name:
        raise DutyRefused("person_left", name=mask_name(person.name))
    return person


def check_pin(session: Session, person_id: str, pin: str, *, now: datetime) -> Volunteer:
    """The person chosen by name, if the PIN is theirs; five wrong PINs in a row lock them out for a
    while, as an operator is."""
    person = rota.active_person(session, person_id)
    if not person.pin_hash:
        raise DutyRefused("no_pin", name=mask_name(person.name))
    minutes = locked_for(session, person.id, now)
    if minutes:
        raise Locked(minutes)
    if not pin_matches(pin, person.pin_hash):
        count_failure(session, person.id, now)
        raise DutyRefused("wrong_pin")
    guard = session.get(PinGuard, person.id)
    if guard is not None:
        session.delete(guard)
    return person


# -- in and out ----------------------------------------------------------------------------------
@dataclass
class Checked:
    person: Volunteer
    shift: RotaShift
    post: DutyPost
    checkin: ShiftCheckIn
    went_out: bool  # this closed their check-in
    late_minutes: int  # beyond the grace, when they came in

    @property
    def minutes(self) -> int:
        return minutes_between(self.checkin.in_at, self.checkin.out_at) if self.checkin.out_at else 0


def minutes_between(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds() // 60))


def open_checkin(session: Session, person_id: str) -> ShiftCheckIn | None:
    return session.execute(select(ShiftCheckIn).where(ShiftCheckIn.volunteer_id == person_id,
                                                      ShiftCheckIn.out_at.is_(None)).limit(1)).scalar()


def their_shift_now(session: Session, person_id: str, now: datetime) -> ShiftAssignment | None:
    return session.execute(
        select(ShiftAssignment).join(RotaShift, RotaShift.id == ShiftAssignment.shift_id)
        .where(ShiftAssignment.volunteer_id == person_id, ShiftAssignment.cut_at.is_(None),
               RotaShift.cancelled_at.is_(None), RotaShift.starts_at <= now + timedelta(minutes=EARLY_MINUTES),
               RotaShift.ends_at > now)
        .order_by(ShiftAssignment.reserve, RotaShift.starts_at).limit(1)).scalar()


def check(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, zone,
          person: Volunteer, source: str, late_minutes: int, shift_id: str | None = None) -> Checked:
    """In if they are out, out if they are in. In: for their shift now (from an hour before it starts);
    one on the reserve list takes a free place; with no shift of theirs, the shift chosen at the desk
    takes them as a walk-in if it has room."""
    held = open_checkin(session, person.id)
    if held is not None:
        held.out_at = max(now, held.in_at)
        held.touch(now)
        session.add(held)
        shift = session.get(RotaShift, held.shift_id)
        return Checked(person, shift, session.get(DutyPost, shift.post_id), held, went_out=True, late_minutes=0)
    a = their_shift_now(session, person.id, now)
    if a is not None and a.reserve:
        shift = session.get(RotaShift, a.shift_id)
        placed = rota._placed(session, shift.id)
        if placed >= shift.max_people:
            raise DutyRefused("shift_full", name=mask_name(person.name))
        a.reserve = False
        a.touch(now)
        session.add(a)
    if a is None:
        if shift_id is None:
            raise DutyRefused("not_on_rota", name=mask_name(person.name))
        shift, _ = rota.open_shift(session, shift_id)
        a = rota.assign(session, ctx=ctx, operator_id=operator_id, now=now, zone=zone, shift_id=shift_id,
                        person_id=person.id, how=How.WALK_IN)
        if a.reserve:
            session.delete(a)
            raise DutyRefused("shift_full", name=mask_name(person.name))
    shift = session.get(RotaShift, a.shift_id)
    ci = ShiftCheckIn(**stamp(ctx, operator_id, now), shift_id=shift.id, volunteer_id=person.id,
                      source=CheckInSource(source).value, in_at=now)
    session.add(ci)
    session.flush()
    late = minutes_between(shift.starts_at, now)
    return Checked(person, shift, session.get(DutyPost, shift.post_id), ci, went_out=False,
                   late_minutes=late if late > late_minutes else 0)


def close_forgotten(session: Session, *, now: datetime, after_hours: int) -> list[ShiftCheckIn]:
    """Check-ins still open `after_hours` after their shift ended: closed at the shift's end (never
    before they came), marked for review."""
    rows = session.execute(
        select(ShiftCheckIn, RotaShift.ends_at).join(RotaShift, RotaShift.id == ShiftCheckIn.shift_id)
        .where(ShiftCheckIn.out_at.is_(None), RotaShift.ends_at <= now - timedelta(hours=after_hours))).all()
    closed = []
    for ci, ends in rows:
        ci.out_at = max(ends, ci.in_at)
        ci.auto_closed = True
        ci.touch(now)
        session.add(ci)
        closed.append(ci)
    return closed


def to_review(session: Session) -> list[tuple[ShiftCheckIn, Volunteer, RotaShift, DutyPost]]:
    """Check-ins closed on their own and not yet looked at by a supervisor."""
    return [tuple(r) for r in session.execute(
        select(ShiftCheckIn, Volunteer, RotaShift, DutyPost)
        .join(Volunteer, Volunteer.id == ShiftCheckIn.volunteer_id)
        .join(RotaShift, RotaShift.id == ShiftCheckIn.shift_id).join(DutyPost, DutyPost.id == RotaShift.post_id)
        .where(ShiftCheckIn.auto_closed.is_(True), ShiftCheckIn.reviewed_at.is_(None))
        .order_by(ShiftCheckIn.in_at)).all()]


class ReviewProblem(rota.RotaProblem):
    pass


def review(session: Session, checkin_id: str, *, out_at: datetime | None, now: datetime) -> ShiftCheckIn:
    """A supervisor confirms a check-in closed on its own, or sets when the person really left."""
    ci = session.get(ShiftCheckIn, checkin_id)
    if ci is None or ci.out_at is None:
        raise ReviewProblem(QT_TRANSLATE_NOOP("Staffing", "This check-in is not closed."))
    if out_at is not None:
        if not ci.in_at <= out_at <= now:
            raise ReviewProblem(QT_TRANSLATE_NOOP("Staffing", "The time out must be after they came and not later "
                                                  "than now."))
        ci.out_at = out_at
    ci.reviewed_at = now
    ci.touch(now)
    session.add(ci)
    return ci


def here_now(session: Session) -> list[tuple[ShiftCheckIn, Volunteer, RotaShift, DutyPost]]:
    """Who is at their post now (checked in, not out), by when they came."""
    return [tuple(r) for r in session.execute(
        select(ShiftCheckIn, Volunteer, RotaShift, DutyPost)
        .join(Volunteer, Volunteer.id == ShiftCheckIn.volunteer_id)
        .join(RotaShift, RotaShift.id == ShiftCheckIn.shift_id).join(DutyPost, DutyPost.id == RotaShift.post_id)
        .where(ShiftCheckIn.out_at.is_(None)).order_by(ShiftCheckIn.in_at)).all()]
