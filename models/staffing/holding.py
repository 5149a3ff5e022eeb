"""A gate held by its residents' rota (a compound without a property company): the guard on duty is
the person checked in at a gate post. Checking in there puts them on duty at the gate PC, handing
over from whoever was; checking out hands the gate to the next one still checked in there, or leaves
it to the next who checks in. Holding it the first time gives them a guard's account, named by their
masked name and without a PIN (they come on duty only by checking in); leaving the rota closes it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from models.kit.masking import mask_name
from models.setup.site import StationContext
from models.staffing import duty
from models.staffing.duty import Checked, DutyRefused
from models.staffing.tables import DutyPost, PostKind, RotaShift, ShiftCheckIn, Volunteer
from models.trust import operators
from models.trust.operators import Operator


@dataclass(frozen=True)
class Hand:
    """The gate changed hands: who is on duty now (None: nobody; the next to check in takes it)."""

    guard: Operator | None


@dataclass
class Held:
    person: Volunteer
    hand: Hand
    checked: Checked | None  # their check-in, made now (None: they were checked in already)


def _post_now(session: Session, person: Volunteer, now: datetime) -> tuple[DutyPost | None, ShiftCheckIn | None]:
    """The post of their open check-in (returned too), else of their shift now."""
    held = duty.open_checkin(session, person.id)
    shift_id = held.shift_id if held is not None else getattr(duty.their_shift_now(session, person.id, now),
                                                              "shift_id", None)
    if shift_id is None:
        return None, held
    return session.get(DutyPost, session.get(RotaShift, shift_id).post_id), held


def guard_for(session: Session, *, ctx: StationContext, person: Volunteer, now: datetime) -> Operator:
    op = session.get(Operator, person.guard_id) if person.guard_id else None
    if op is None:
        op = operators.create_rota_guard(session, ctx=ctx, name=mask_name(person.name), now=now)
        person.guard_id = op.id
        person.touch(now)
        session.add(person)
    return op


def _take(session: Session, *, ctx: StationContext, person: Volunteer, now: datetime) -> Hand:
    guard = guard_for(session, ctx=ctx, person=person, now=now)
    if operators.on_duty(session, station_id=ctx.station_id) != guard.id:  # back after a quiet spell: the same stretch
        operators.take_over(session, ctx=ctx, op=guard, now=now)
    return Hand(guard)


def hold(session: Session, *, ctx: StationContext, now: datetime, zone, person: Volunteer, source: str,
         late_minutes: int) -> Held:
    """At the locked gate PC: a person on a gate shift checks in, or one checked in at the gate comes
    back to it, and is the guard on duty. Raises DutyRefused when their shift now is elsewhere."""
    post, held = _post_now(session, person, now)
    if post is None:
        raise DutyRefused("not_on_rota", name=mask_name(person.name))
    if post.kind != PostKind.GATE:
        raise DutyRefused("not_gate_post", name=mask_name(person.name), post=post.name)
    checked = None
    if held is None:
        # Checked in before their account is made: a refusal here (a full shift) leaves nothing behind,
        # even where a wrong PIN's count is kept.
        checked = duty.check(session, ctx=ctx, operator_id=None, now=now, zone=zone, person=person,
                             source=source, late_minutes=late_minutes)
    hand = _take(session, ctx=ctx, person=person, now=now)
    if checked is not None:
        checked.checkin.operator_id = hand.guard.id  # made by the one it puts on duty
    return Held(person, hand, checked)


def after_check(session: Session, *, ctx: StationContext, now: datetime, done: Checked) -> Hand | None:
    """A check-in or out at the desk, at a gate the rota holds: in at a gate post, they take the gate;
    out, the gate passes on if it was theirs. None: it stays in the same hands."""
    if done.post.kind != PostKind.GATE:
        return None
    if not done.went_out:
        return _take(session, ctx=ctx, person=done.person, now=now)
    return settle(session, ctx=ctx, now=now)


def _rota_guard_on_duty(session: Session, station_id: str) -> Volunteer | None:
    op_id = operators.on_duty(session, station_id=station_id)
    if op_id is None:
        return None
    return session.execute(select(Volunteer).where(Volunteer.guard_id == op_id).limit(1)).scalar()


def _at_gate(person_id: str | None = None):
    q = (select(Volunteer).join(ShiftCheckIn, ShiftCheckIn.volunteer_id == Volunteer.id)
         .join(RotaShift, RotaShift.id == ShiftCheckIn.shift_id).join(DutyPost, DutyPost.id == RotaShift.post_id)
         .where(ShiftCheckIn.out_at.is_(None), DutyPost.kind == PostKind.GATE.value, Volunteer.left_at.is_(None),
                Volunteer.name != ""))
    return q.where(Volunteer.id == person_id) if person_id else q


def settle(session: Session, *, ctx: StationContext, now: datetime) -> Hand | None:
    """When the rota's guard on duty is no longer checked in at the gate (checked out, closed on their
    own, left the rota): the gate goes to the last one still checked in there, else to nobody.
    None: nothing to change (an operator with a PIN is on duty, or the guard is still there)."""
    on = _rota_guard_on_duty(session, ctx.station_id)
    if on is None or session.execute(_at_gate(on.id).limit(1)).first() is not None:
        return None
    nxt = session.execute(_at_gate().order_by(ShiftCheckIn.in_at.desc()).limit(1)).scalar()
    if nxt is not None:
        return _take(session, ctx=ctx, person=nxt, now=now)
    operators.end_shift(session, ctx=ctx, now=now)
    return Hand(None)

