"""The parcel / takeout drop-off station (快递外卖寄存点): intake, disinfection, pick-up, door delivery."""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import Index, func, update
from sqlmodel import Field, Session, col, select

from models.kit.masking import mask_name
from models.kit.validation import NAME_MAX, FieldError, InvalidInput, _err, clean_text
from models.setup.settings import Settings
from models.setup.site import StationContext
from models.store.clock import day_bounds, local_today, utcnow
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import Record, stamp, when_field


class ParcelKind(StrEnum):
    PARCEL = "parcel"
    TAKEOUT = "takeout"
    GROCERIES = "groceries"
    SUPPLIES = "supplies"


class ParcelStatus(StrEnum):
    WAITING = "waiting"
    COLLECTED = "collected"
    DELIVERED = "delivered"  # taken to the door by a volunteer


KIND_LABELS = {
    ParcelKind.PARCEL: QT_TRANSLATE_NOOP("Parcels", "Parcel"),
    ParcelKind.TAKEOUT: QT_TRANSLATE_NOOP("Parcels", "Takeout"),
    ParcelKind.GROCERIES: QT_TRANSLATE_NOOP("Parcels", "Groceries"),
    ParcelKind.SUPPLIES: QT_TRANSLATE_NOOP("Parcels", "Supplies"),
}
STATUS_LABELS = {
    ParcelStatus.WAITING: QT_TRANSLATE_NOOP("Parcels", "Waiting"),
    ParcelStatus.COLLECTED: QT_TRANSLATE_NOOP("Parcels", "Collected"),
    ParcelStatus.DELIVERED: QT_TRANSLATE_NOOP("Parcels", "Delivered to the door"),
}
DROP_OFF_AREA = "drop_off"


class Parcel(Record, table=True):
    kind: str = Field(max_length=12)
    carrier: str | None = Field(default=None, max_length=40)
    tracking_no: str | None = Field(default=None, max_length=40)
    room: str = Field(max_length=30)
    recipient_name: str | None = Field(default=None, max_length=NAME_MAX)
    phone_tail: str | None = Field(default=None, max_length=4)
    shelf: str | None = Field(default=None, max_length=20)
    pickup_code: str = Field(max_length=6)
    status: str = Field(default=ParcelStatus.WAITING.value, max_length=10)
    received_at: datetime = when_field()
    disinfected_at: datetime | None = when_field(default=None)
    disinfection_round_id: str | None = Field(default=None, max_length=36)
    collected_at: datetime | None = when_field(default=None)
    collected_by: str | None = Field(default=None, max_length=NAME_MAX)
    delivered_by: str | None = Field(default=None, max_length=NAME_MAX)
    delivered_at: datetime | None = when_field(default=None)

    __table_args__ = (
        Index("ix_parcel_status", "status", "received_at"),
        Index("ix_parcel_code", "pickup_code", "status", "received_at"),
        Index("ix_parcel_room", "room", "status", "received_at"),
        Index("ix_parcel_tracking", "tracking_no"),
        Index("ix_parcel_received", "received_at"),
        Index("ix_parcel_collected", "collected_at"),
        Index("ix_parcel_delivered", "delivered_at"),
    )


# Who a parcel is for and who took it, masked on every screen.
PERSONAL = {"recipient_name": mask_name, "collected_by": mask_name}


class DisinfectionRound(Record, table=True):
    """One round of disinfection: of an area, or of the parcels waiting at the station."""

    __tablename__ = "disinfection_round"

    area: str = Field(max_length=60)
    at: datetime = when_field(index=True)
    agent: str = Field(max_length=60)
    items: int = Field(default=0)  # parcels covered, for a drop-off round
    note: str = Field(default="", max_length=200)


@dataclass
class IntakeForm:
    kind: str = ParcelKind.PARCEL.value
    carrier: str = ""
    tracking_no: str = ""
    room: str = ""
    recipient_name: str = ""
    phone_tail: str = ""
    shelf: str = ""


_ROOM = re.compile(r"^\d{1,3}(-\d{1,2}){0,1}-\d{1,5}$")
_TRACKING = re.compile(r"^[A-Za-z0-9\-]{4,40}$")


CODE_DIGITS = 6


def is_pickup_code(text: str) -> bool:
    """What a pick-up code looks like (else the text is a room): six digits."""
    text = text.strip()
    return len(text) == CODE_DIGITS and text.isascii() and text.isdigit()


def _new_code(session: Session) -> str:
    """A six-digit pick-up code not used by any parcel still waiting."""
    for _ in range(50):
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        taken = session.exec(select(Parcel.id).where(Parcel.pickup_code == code,
                                                     Parcel.status == ParcelStatus.WAITING.value)).first()
        if taken is None:
            return code
    raise RuntimeError("no free pick-up code")  # a million waiting parcels: not a real station


def intake(*, session: Session, form: IntakeForm, ctx: StationContext, operator_id: str,
           now: datetime | None = None) -> Parcel:
    now = now or utcnow()
    errors: list[FieldError] = []
    try:
        kind = ParcelKind(form.kind)
    except ValueError:
        kind = ParcelKind.PARCEL
        errors.append(_err("kind", QT_TRANSLATE_NOOP("Validation", "Choose what kind of item this is.")))
    carrier = clean_text("carrier", form.carrier, errors, max_len=40)
    tracking = "".join((form.tracking_no or "").split())
    if tracking and not _TRACKING.match(tracking):
        errors.append(_err("tracking_no", QT_TRANSLATE_NOOP(
            "Validation", "A tracking or order number is 4–40 letters, digits or dashes.")))
    room = "".join((form.room or "").split()).replace("—", "-").replace("－", "-")
    if not room:
        errors.append(_err("room", QT_TRANSLATE_NOOP("Validation", "This field is required.")))
    elif not _ROOM.match(room):
        errors.append(_err("room", QT_TRANSLATE_NOOP(
            "Validation", "Write the room as building-unit-room, such as 3-2-501.")))
    name = clean_text("recipient_name", form.recipient_name, errors, max_len=NAME_MAX)
    tail = (form.phone_tail or "").strip()
    if tail and not (len(tail) == 4 and tail.isdigit()):
        errors.append(_err("phone_tail", QT_TRANSLATE_NOOP("Validation", "The last four digits of the phone.")))
    shelf = clean_text("shelf", form.shelf, errors, max_len=20)
    if errors:
        raise InvalidInput(errors)
    parcel = Parcel(**stamp(ctx, operator_id, now), kind=kind.value, carrier=carrier, tracking_no=tracking or None,
                    room=room, recipient_name=name, phone_tail=tail or None, shelf=shelf,
                    pickup_code=_new_code(session), received_at=now)
    session.add(parcel)
    return parcel


def disinfect_waiting(*, session: Session, agent: str, ctx: StationContext, operator_id: str,
                      parcel_ids: list[str] | None = None, now: datetime | None = None) -> DisinfectionRound:
    """One round over the given parcels, or over every waiting parcel not yet disinfected."""
    now = now or utcnow()
    errors: list[FieldError] = []
    clean_agent = clean_text("agent", agent, errors, required=True, max_len=60)
    if errors:
        raise InvalidInput(errors)
    rnd = DisinfectionRound(**stamp(ctx, operator_id, now), area=DROP_OFF_AREA, at=now, agent=clean_agent)
    where = [Parcel.status == ParcelStatus.WAITING.value]
    where.append(col(Parcel.id).in_(parcel_ids) if parcel_ids is not None else col(Parcel.disinfected_at).is_(None))
    result = session.execute(update(Parcel).where(*where).values(
        disinfected_at=now, disinfection_round_id=rnd.id, rev=Parcel.rev + 1, updated_at=now))
    rnd.items = result.rowcount or 0
    session.add(rnd)
    return rnd


def record_round(*, session: Session, area: str, agent: str, note: str, ctx: StationContext, operator_id: str,
                 now: datetime | None = None) -> DisinfectionRound:
    """A disinfection round of an area (gate, isolation point, lifts…)."""
    now = now or utcnow()
    errors: list[FieldError] = []
    clean_area = clean_text("area", area, errors, required=True, max_len=60)
    clean_agent = clean_text("agent", agent, errors, required=True, max_len=60)
    clean_note = clean_text("note", note, errors, max_len=200)
    if errors:
        raise InvalidInput(errors)
    rnd = DisinfectionRound(**stamp(ctx, operator_id, now), area=clean_area, at=now, agent=clean_agent,
                            note=clean_note or "")
    session.add(rnd)
    return rnd


def find_waiting(session: Session, *, code: str = "", room: str = "") -> list[Parcel]:
    """Waiting parcels by pick-up code, or all waiting for a room."""
    q = select(Parcel).where(Parcel.status == ParcelStatus.WAITING.value)
    if code:
        q = q.where(Parcel.pickup_code == code.strip())
    elif room:
        q = q.where(Parcel.room == "".join(room.split()))
    else:
        return []
    return list(session.exec(q.order_by(col(Parcel.received_at))))


class NotWaiting(Exception):
    message_text = QT_TRANSLATE_NOOP("Parcels", "This item is no longer waiting at the station.")


def _waiting(session: Session, parcel_id: str) -> Parcel:
    parcel = session.get(Parcel, parcel_id)
    if parcel is None or parcel.status != ParcelStatus.WAITING:
        raise NotWaiting()
    return parcel


def _hand_out(session: Session, parcel_id: str, status: ParcelStatus, who_field: str, who: str,
              now: datetime | None) -> Parcel:
    now = now or utcnow()
    errors: list[FieldError] = []
    name = clean_text(who_field, who, errors, required=True, max_len=NAME_MAX)
    if errors:
        raise InvalidInput(errors)
    parcel = _waiting(session, parcel_id)
    when_field_name = "collected_at" if status is ParcelStatus.COLLECTED else "delivered_at"
    parcel.status = status.value
    setattr(parcel, when_field_name, now)
    setattr(parcel, who_field, name)
    parcel.touch(now)
    session.add(parcel)
    return parcel


def collect(*, session: Session, parcel_id: str, collected_by: str, now: datetime | None = None) -> Parcel:
    return _hand_out(session, parcel_id, ParcelStatus.COLLECTED, "collected_by", collected_by, now)


def deliver(*, session: Session, parcel_id: str, volunteer: str, now: datetime | None = None) -> Parcel:
    """Taken to the door by a named volunteer (for elderly or immobile residents)."""
    return _hand_out(session, parcel_id, ParcelStatus.DELIVERED, "delivered_by", volunteer, now)


def waiting(session: Session, *, limit: int = 500) -> list[Parcel]:
    return list(session.exec(select(Parcel).where(Parcel.status == ParcelStatus.WAITING.value)
                             .order_by(col(Parcel.received_at)).limit(limit)))


def overdue_cutoff(settings: Settings, now: datetime) -> datetime:
    """Items received before this and still waiting are overdue."""
    return now - timedelta(hours=settings.parcel_overdue_hours)


def is_overdue(parcel: Parcel, settings: Settings, now: datetime) -> bool:
    return parcel.status == ParcelStatus.WAITING and parcel.received_at < overdue_cutoff(settings, now)


def overdue(session: Session, settings: Settings, now: datetime | None = None) -> list[Parcel]:
    cutoff = overdue_cutoff(settings, now or utcnow())
    return list(session.exec(select(Parcel).where(Parcel.status == ParcelStatus.WAITING.value,
                                                  col(Parcel.received_at) < cutoff)
                             .order_by(col(Parcel.received_at))))


def handed_out_on(session: Session, day: date, settings: Settings) -> list[Parcel]:
    start, end = day_bounds(day, settings.zone)
    return list(session.exec(select(Parcel).where(
        ((col(Parcel.collected_at) >= start) & (col(Parcel.collected_at) < end))
        | ((col(Parcel.delivered_at) >= start) & (col(Parcel.delivered_at) < end)))
        .order_by(col(Parcel.updated_at))))


def count_handed_out(session: Session, day: date, settings: Settings) -> int:
    start, end = day_bounds(day, settings.zone)
    return sum(session.exec(select(func.count()).select_from(Parcel).where(c >= start, c < end)).one()
               for c in (col(Parcel.collected_at), col(Parcel.delivered_at)))


def count_waiting(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Parcel)
                        .where(Parcel.status == ParcelStatus.WAITING.value)).one()


@dataclass(frozen=True)
class ParcelDay:
    received: int
    handed_out: int
    waiting: int
    overdue: int


def day_counts(session: Session, settings: Settings, now: datetime | None = None) -> ParcelDay:
    now = now or utcnow()
    start, end = day_bounds(local_today(now, settings.zone), settings.zone)
    received = session.exec(select(func.count()).select_from(Parcel).where(
        col(Parcel.received_at) >= start, col(Parcel.received_at) < end)).one()
    cutoff = overdue_cutoff(settings, now)
    overdue_n = session.exec(select(func.count()).select_from(Parcel).where(
        Parcel.status == ParcelStatus.WAITING.value, col(Parcel.received_at) < cutoff)).one()
    return ParcelDay(received, count_handed_out(session, local_today(now, settings.zone), settings),
                     count_waiting(session), overdue_n)


def counts_by_day(session: Session, settings: Settings, *, days: int, now: datetime | None = None
                  ) -> list[tuple[date, int, int]]:
    """(day, received, handed out) for each of the last `days` local days, newest first."""
    today_ = local_today(now or utcnow(), settings.zone)
    out = []
    for back in range(days):
        day = today_ - timedelta(days=back)
        start, end = day_bounds(day, settings.zone)
        received = session.exec(select(func.count()).select_from(Parcel).where(
            col(Parcel.received_at) >= start, col(Parcel.received_at) < end)).one()
        out.append((day, received, count_handed_out(session, day, settings)))
    return out


def known_rooms(session: Session, prefix: str, *, limit: int = 20) -> list[str]:
    """Rooms that parcels went to before, for completing what the guard types (index-backed)."""
    prefix = "".join(prefix.split())
    if not prefix:
        return []
    return list(session.exec(select(Parcel.room).where(Parcel.room >= prefix, Parcel.room < prefix + "\U0010ffff")
                             .distinct().order_by(Parcel.room).limit(limit)))
