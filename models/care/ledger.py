"""The home-service ledger: the register of residents who need help at home, services planned and
done ("检测一人、记录一人，服务一人、核减一人"), and the day's list for volunteers.

A service is open until done; a resident with a visit every N days is due one when nothing was
done for them in the last N days. Home monitoring and isolation from the roster feed the register.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlmodel import Session

from models.store.records import stamp
from models.care.tables import MAX_EVERY, HomeNeed, HomeService, NeedKind, ServiceKind
from models.kit.masking import mask_name
from models.kit import validation
from models.kit.validation import NAME_MAX, FieldError, InvalidInput, clean_text
from models.residents.roster import parse_room
from models.residents.tables import HomeMonitoring, Household, MonitoringKind, Resident, natural_order
from models.rounds.tables import RoundPerson
from models.setup.site import StationContext
from models.station import parcels
from models.store.clock import day_bounds
from models.store.i18n import QT_TRANSLATE_NOOP, Refused

CTX = "Care"


class CareProblem(Refused):
    context = CTX


def _err(field: str, text: str, **params) -> FieldError:
    return validation._err(field, text, context=CTX, **params)


def _open_need(session: Session, need_id: str) -> HomeNeed:
    need = session.get(HomeNeed, need_id)
    if need is None:
        raise CareProblem(QT_TRANSLATE_NOOP("Care", "This resident is not on the register."))
    if need.ended_at is not None:
        raise CareProblem(QT_TRANSLATE_NOOP("Care", "Help for this resident has ended."))
    return need


# -- the register ------------------------------------------------------------------------------
def add_need(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, today: date,
             room: str, name: str, kind: str, note: str = "", every_days: int = 0) -> HomeNeed:
    errors: list[FieldError] = []
    parts = parse_room(room)
    if parts is None:
        errors.append(_err("room", QT_TRANSLATE_NOOP("Care", "Write the room as building-unit-room, e.g. 3-2-501.")))
    clean_name = clean_text("name", name, errors, required=True, max_len=NAME_MAX)
    clean_note = clean_text("note", note, errors, max_len=100) or ""
    try:
        kind = NeedKind(kind).value
    except ValueError:
        errors.append(_err("kind", QT_TRANSLATE_NOOP("Care", "Choose why they need help.")))
    if not 0 <= int(every_days) <= MAX_EVERY:
        errors.append(_err("every_days", QT_TRANSLATE_NOOP("Care", "A visit every 0 to {max} days."), max=MAX_EVERY))
    if errors:
        raise InvalidInput(errors)
    building, unit, number = parts
    held = _held_need(session, resident_id=None, building=building, unit=unit, room=number, name=clean_name)
    if held is not None:
        raise CareProblem(QT_TRANSLATE_NOOP("Care", "{room} {name} is already on the register."),
                          room=held.place, name=mask_name(clean_name))
    resident = session.execute(select(Resident.id).join(Household, Household.id == Resident.household_id).where(
        Household.building == building, Household.unit == unit, Household.room == number,
        Resident.name == clean_name, Resident.active.is_(True))).scalar()
    need = HomeNeed(**stamp(ctx, operator_id, now), resident_id=resident, building=building, unit=unit, room=number,
                    name=clean_name, kind=kind, note=clean_note, every_days=int(every_days), since=today.isoformat())
    session.add(need)
    return need


def from_monitoring(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime,
                    today: date) -> int:
    """Residents under home isolation or monitoring today who are not on the register yet: added,
    with a daily visit. Returns how many."""
    open_ids = set(session.execute(select(HomeNeed.resident_id).where(HomeNeed.ended_at.is_(None),
                                                                      HomeNeed.resident_id.is_not(None))).scalars())
    rows = session.execute(select(HomeMonitoring.kind, HomeMonitoring.until, Resident.id, Resident.name,
                                  Household.building, Household.unit, Household.room)
                           .join(Resident, Resident.id == HomeMonitoring.resident_id)
                           .join(Household, Household.id == Resident.household_id)
                           .where(HomeMonitoring.ended_at.is_(None), HomeMonitoring.until >= today.isoformat(),
                                  Resident.active.is_(True))).all()
    added = 0
    for kind, until, rid, name, building, unit, room in rows:
        if rid in open_ids:
            continue
        open_ids.add(rid)
        need_kind = NeedKind.HOME_ISOLATION if kind == MonitoringKind.ISOLATION else NeedKind.HOME_MONITORING
        session.add(HomeNeed(**stamp(ctx, operator_id, now), resident_id=rid, building=building, unit=unit,
                             room=room, name=name, kind=need_kind.value, note=until, every_days=1,
                             since=today.isoformat()))
        added += 1
    return added


def _held_need(session: Session, *, resident_id: str | None, building: str, unit: str, room: str,
               name: str) -> HomeNeed | None:
    """The open register line of a resident: by the roster's id, else by room and name."""
    q = select(HomeNeed).where(HomeNeed.ended_at.is_(None))
    if resident_id is not None:
        q = q.where(HomeNeed.resident_id == resident_id)
    else:
        q = q.where(HomeNeed.building == building, HomeNeed.unit == unit, HomeNeed.room == room,
                    HomeNeed.name == name)
    return session.execute(q.order_by(HomeNeed.created_at)).scalars().first()


def end_need(session: Session, *, need_id: str, now: datetime) -> HomeNeed:
    need = _open_need(session, need_id)
    need.ended_at = now
    need.touch(now)
    return need


def _by_place(n: HomeNeed) -> tuple:
    return natural_order(n.building), natural_order(n.unit), natural_order(n.room), n.name


def needs(session: Session, *, ended_too: bool = False) -> list[HomeNeed]:
    q = select(HomeNeed)
    if not ended_too:
        q = q.where(HomeNeed.ended_at.is_(None))
    return sorted(session.execute(q).scalars(), key=_by_place)


# -- services ----------------------------------------------------------------------------------
def _kind(kind: str, errors: list[FieldError]) -> str | None:
    try:
        return ServiceKind(kind).value
    except ValueError:
        errors.append(_err("kind", QT_TRANSLATE_NOOP("Care", "Choose the service.")))
        return None


def plan(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, today: date,
         need_id: str, kind: str, due_on: date, note: str = "") -> HomeService:
    """A service planned for a day (a delivery tomorrow, a visit on Friday)."""
    errors: list[FieldError] = []
    kind = _kind(kind, errors)
    clean_note = clean_text("note", note, errors, max_len=100) or ""
    if due_on < today:
        errors.append(_err("due_on", QT_TRANSLATE_NOOP("Care", "Plan for today or a later day.")))
    if errors:
        raise InvalidInput(errors)
    need = _open_need(session, need_id)
    service = HomeService(**stamp(ctx, operator_id, now), need_id=need.id, kind=kind, due_on=due_on.isoformat(),
                          note=clean_note)
    session.add(service)
    return service


def record(session: Session, *, ctx: StationContext, operator_id: str | None, now: datetime, need_id: str,
           kind: str, volunteer: str, note: str = "", service_id: str | None = None,
           parcel_id: str | None = None) -> HomeService:
    """A service done now by a named volunteer: a planned one completed, or one recorded as it
    happened. A parcel of the drop-off station taken up to the door is marked delivered with it."""
    errors: list[FieldError] = []
    kind = _kind(kind, errors)
    who = clean_text("volunteer", volunteer, errors, required=True, max_len=NAME_MAX)
    clean_note = clean_text("note", note, errors, max_len=100) or ""
    if errors:
        raise InvalidInput(errors)
    need = _open_need(session, need_id)
    if parcel_id is not None:
        item = session.get(parcels.Parcel, parcel_id)
        if item is None or item.status != parcels.ParcelStatus.WAITING:
            raise CareProblem(QT_TRANSLATE_NOOP("Care", "That item is no longer waiting at the drop-off station."))
        parcels.deliver(session=session, parcel_id=parcel_id, volunteer=who, now=now)
    if service_id is not None:
        service = session.get(HomeService, service_id)
        if service is None or service.need_id != need.id:
            raise CareProblem(QT_TRANSLATE_NOOP("Care", "This service is not planned for this resident."))
        if service.done_at is not None:
            raise CareProblem(QT_TRANSLATE_NOOP("Care", "This service is already recorded as done."))
        service.done_at, service.volunteer, service.kind = now, who, kind
        service.parcel_id = parcel_id or service.parcel_id
        service.note = clean_note or service.note
        service.touch(now)
        return service
    service = HomeService(**stamp(ctx, operator_id, now), need_id=need.id, kind=kind, done_at=now, volunteer=who,
                          parcel_id=parcel_id, note=clean_note)
    session.add(service)
    return service


def record_round_sampling(session: Session, *, ctx: StationContext, operator_id: str | None, person: RoundPerson,
                          title: str, today: date) -> HomeService:
    """A resident sampled at their door in a testing round, written in the ledger as it happened
    ("检测一人、记录一人"): a sampling by whoever sampled, at the time of the round's line. Someone
    not on the register yet is put on it (why: the round's name; no visits scheduled)."""
    now = person.sampled_at
    need = _held_need(session, resident_id=person.resident_id, building=person.building, unit=person.unit,
                      room=person.room, name=person.name)
    if need is None:
        need = HomeNeed(**stamp(ctx, operator_id, now), resident_id=person.resident_id, building=person.building,
                        unit=person.unit, room=person.room, name=person.name, kind=NeedKind.OTHER.value,
                        note=title[:100], every_days=0, since=today.isoformat())
        session.add(need)
        session.flush()
    service = HomeService(**stamp(ctx, operator_id, now), need_id=need.id, kind=ServiceKind.SAMPLING.value,
                          done_at=now, volunteer=person.sampled_by, note=title[:100])
    session.add(service)
    return service


@dataclass(frozen=True)
class Due:
    need: HomeNeed
    service: HomeService | None  # the planned service; None: a visit due by the need's rhythm
    last_done: datetime | None  # the last service done for them


def due_on(session: Session, *, day: date, zone: ZoneInfo) -> list[Due]:
    """The volunteers' list for a day: planned services due by then and not done, and residents
    whose visit is due (nothing done for them in their last every_days days)."""
    open_needs = {n.id: n for n in needs(session)}
    if not open_needs:
        return []
    last = dict(session.execute(select(HomeService.need_id, func.max(HomeService.done_at))
                                .where(HomeService.done_at.is_not(None))
                                .group_by(HomeService.need_id)).all())
    planned = session.execute(select(HomeService).where(HomeService.done_at.is_(None),
                                                        HomeService.due_on <= day.isoformat())).scalars().all()
    out = [Due(open_needs[s.need_id], s, last.get(s.need_id)) for s in planned if s.need_id in open_needs]
    with_plan = {d.need.id for d in out}
    day_start, _ = day_bounds(day, zone)
    for need in open_needs.values():
        if need.every_days <= 0 or need.id in with_plan:
            continue
        done = last.get(need.id)
        if done is None or done < day_start - timedelta(days=need.every_days - 1):
            out.append(Due(need, None, done))
    return sorted(out, key=lambda d: _by_place(d.need))


def history(session: Session, *, need_id: str | None = None, since: datetime | None = None,
            limit: int = 500) -> list[HomeService]:
    """Services done, newest first (of one resident, or since a moment)."""
    q = select(HomeService).where(HomeService.done_at.is_not(None))
    if need_id is not None:
        q = q.where(HomeService.need_id == need_id)
    if since is not None:
        q = q.where(HomeService.done_at >= since)
    return list(session.execute(q.order_by(HomeService.done_at.desc()).limit(limit)).scalars())


def waiting_items(session: Session, *, need_id: str) -> list:
    """Drop-off items waiting for the resident's room (to take up with a delivery)."""
    need = session.get(HomeNeed, need_id)
    if need is None:
        return []
    return [p for p in parcels.waiting(session) if p.room.replace(" ", "") == need.place]
