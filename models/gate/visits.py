"""Registrations at the gate: the visit record and the register/sign-out services (the log's
queries: models/gate/visit_log.py)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Index, and_, bindparam, or_, update
from sqlmodel import Field, Session, SQLModel, col, select

from models.gate.rules import Checks, CodeColor, Decision, NatResult, Outcome, PersonKind, decide, needs_nat
from models.kit.masking import mask_id_number, mask_name, mask_phone
from models.kit.validation import (
    NAME_MAX,
    FieldError,
    InvalidInput,
    _err,
    clean_text,
    looks_like_an_id_number,
    parse_id_number,
    parse_phone,
    phone_so_far,
    parse_sampled_at,
    parse_temperature,
)
from models.setup.settings import Settings
from models.setup.site import StationContext
from models.store.clock import utcnow
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import Record, when_field, new_id
from models.trust import audit


class SignOutKind(StrEnum):
    MANUAL = "manual"
    AUTO = "auto"


class VisitBase(SQLModel):
    kind: str = Field(max_length=16)
    name: str | None = Field(default=None, max_length=NAME_MAX)
    phone: str | None = Field(default=None, max_length=20)
    id_number: str | None = Field(default=None, max_length=18)
    origin: str | None = Field(default=None, max_length=100)
    destination: str | None = Field(default=None, max_length=100)
    host: str | None = Field(default=None, max_length=100)
    purpose: str | None = Field(default=None, max_length=100)
    temperature: float | None = None
    temperature_first: float | None = None
    code_color: str | None = Field(default=None, max_length=8)
    nat_result: str | None = Field(default=None, max_length=10)
    nat_sampled_at: datetime | None = when_field(default=None)
    risk_flag: bool | None = None
    mask: bool | None = None


class Visit(VisitBase, Record, table=True):
    # Indexed tails answer "last four digits" in well under a millisecond; `phone LIKE '%1234'` reads the
    # whole table (~150 ms at a million registrations), which no index helps.
    phone_tail: str | None = Field(default=None, max_length=4)
    id_tail: str | None = Field(default=None, max_length=4)
    auto_decision: str = Field(max_length=10)
    decision: str = Field(max_length=10)
    reasons: str = Field(default="", max_length=200)
    override_by: str | None = Field(default=None, max_length=36)
    override_reason: str | None = Field(default=None, max_length=200)
    overridden_at: datetime | None = when_field(default=None)
    time_out: datetime | None = when_field(default=None)
    signout_kind: str | None = Field(default=None, max_length=8)
    signout_by: str | None = Field(default=None, max_length=36)

    __table_args__ = (
        # Each search index ends in (created_at, id): the log's order and page are read from
        # the index alone, and only the rows on screen are fetched from the table. A full phone
        # or ID number is found through its last four digits: one index fewer for every save.
        Index("ix_visit_created", "created_at", "id"),
        Index("ix_visit_name", "name", "created_at", "id"),
        Index("ix_visit_phone_tail", "phone_tail", "created_at", "id"),
        Index("ix_visit_id_tail", "id_tail", "created_at", "id"),
        Index("ix_visit_kind", "kind", "created_at", "id"),
        Index("ix_visit_decision", "decision", "created_at", "id"),
        # Who is inside: every term of on_site_terms() is an equality seek on this index.
        Index("ix_visit_onsite", "time_out", "decision", "kind", "created_at"),
    )

    @property
    def reason_codes(self) -> list[str]:
        return [r for r in self.reasons.split(",") if r]

    @property
    def on_site(self) -> bool:
        return self.decision == Outcome.ADMIT and self.time_out is None


# What identifies a visitor, masked on every screen unless a supervisor reveals the row.
PERSONAL = {"name": mask_name, "phone": mask_phone, "id_number": mask_id_number, "host": mask_name}


def waiting_label(form: VisitForm) -> str:
    """Who a registration parked to be measured again is, as the waiting list shows it."""
    return mask_name(form.name) or form.phone[-4:]


class VisitCreate(VisitBase):
    """A validated registration, ready to decide and store."""


@dataclass
class VisitForm:
    """What the guard typed, as text, exactly as the form holds it."""

    kind: str = PersonKind.VISITOR.value
    name: str = ""
    phone: str = ""
    id_number: str = ""
    origin: str = ""
    destination: str = ""
    host: str = ""
    purpose: str = ""
    temperature: str = ""
    temperature_first: str = ""
    code_color: str = ""
    nat_result: str = ""
    nat_sampled_at: str = ""
    risk_flag: bool | None = None  # None: not yet answered (never assumed)
    mask: bool | None = None


def parse_form(form: VisitForm, settings: Settings, now: datetime) -> VisitCreate:
    """Validate every field at once; raise InvalidInput listing each problem."""
    errors: list[FieldError] = []
    try:
        kind = PersonKind(form.kind)
    except ValueError:
        kind = PersonKind.OTHER
        errors.append(_err("kind", QT_TRANSLATE_NOOP("Validation", "Choose who this is.")))
    not_resident = kind is not PersonKind.RESIDENT
    name = clean_text("name", form.name, errors, required=True, max_len=NAME_MAX)
    phone = parse_phone("phone", form.phone, errors, required=settings.require_phone and not_resident)
    id_number = parse_id_number("id_number", form.id_number, errors,
                                required=settings.require_id_number and kind in (PersonKind.VISITOR, PersonKind.WORKER))
    origin = clean_text("origin", form.origin, errors)
    needs_dest = settings.require_destination and kind is PersonKind.VISITOR
    destination = clean_text("destination", form.destination, errors, required=needs_dest or kind is PersonKind.RESIDENT)
    if destination and looks_like_an_id_number(destination):
        errors.append(_err("destination", QT_TRANSLATE_NOOP(
            "Validation", "This is an ID number, not where the visitor is going: type the building-unit-room.")))
    host = clean_text("host", form.host, errors, required=needs_dest, max_len=NAME_MAX)
    purpose = clean_text("purpose", form.purpose, errors)
    temperature = parse_temperature("temperature", form.temperature, errors, required=settings.check_temperature)
    temperature_first = parse_temperature("temperature_first", form.temperature_first, errors, required=False)

    code = None
    if form.code_color:
        try:
            code = CodeColor(form.code_color)
        except ValueError:
            errors.append(_err("code_color", QT_TRANSLATE_NOOP("Validation", "Choose the code colour.")))
    elif settings.check_health_code:
        errors.append(_err("code_color", QT_TRANSLATE_NOOP(
            "Validation", "Check the health code and choose its colour (G green, Y yellow, R red).")))

    nat = None
    sampled = None
    if needs_nat(kind, settings):
        try:
            nat = NatResult(form.nat_result) if form.nat_result else None
        except ValueError:
            nat = None
        if nat is None:
            errors.append(_err("nat_result", QT_TRANSLATE_NOOP("Validation", "Choose the nucleic-acid result.")))
        local_now = now.astimezone(settings.zone)
        sampled = parse_sampled_at("nat_sampled_at", form.nat_sampled_at, errors, now_local=local_now,
                                   required=nat is NatResult.NEGATIVE)
    if settings.check_itinerary and form.risk_flag is None:
        errors.append(_err("risk_flag", QT_TRANSLATE_NOOP(
            "Validation", "Ask about a risk-area stay or a star on the itinerary card and choose: N no, Y yes.")))
    if settings.check_mask and form.mask is None:
        errors.append(_err("mask", QT_TRANSLATE_NOOP(
            "Validation", "Look at the mask and choose: M wearing one, U not wearing one.")))
    if errors:
        raise InvalidInput(errors)
    return VisitCreate(
        kind=kind.value, name=name, phone=phone, id_number=id_number, origin=origin, destination=destination,
        host=host, purpose=purpose, temperature=temperature, temperature_first=temperature_first,
        code_color=code.value if code else None, nat_result=nat.value if nat else None, nat_sampled_at=sampled,
        risk_flag=bool(form.risk_flag) if settings.check_itinerary else None,
        mask=bool(form.mask) if settings.check_mask else None,
    )


def checks_of(v: VisitBase) -> Checks:
    return Checks(
        kind=PersonKind(v.kind), temperature=v.temperature, temperature_first=v.temperature_first,
        code_color=CodeColor(v.code_color) if v.code_color else None,
        nat_result=NatResult(v.nat_result) if v.nat_result else None,
        nat_sampled_at=v.nat_sampled_at, risk_flag=v.risk_flag, mask=v.mask,
    )


def assess(visit_in: VisitCreate, settings: Settings, now: datetime) -> Decision:
    return decide(checks_of(visit_in), settings, now)


class RemeasureNeeded(Exception):
    """The first reading was high: measure again before anything is decided or saved."""

    def __init__(self, decision: Decision):
        super().__init__("re-measure needed")
        self.decision = decision


class AlreadyInside(Exception):
    """The same person (phone or ID number) was admitted and has not signed out: say so, and let
    the guard sign that entry out first, in one key."""

    def __init__(self, earlier: Visit, zone):
        super().__init__("already inside")
        self.visit_id = earlier.id
        self.name = mask_name(earlier.name)
        self.since = earlier.created_at.astimezone(zone).strftime("%m-%d %H:%M")


# One statement, built once, for every save: building a select per call cost more than running it.
_ENTRIES_OF_PERSON = select(Visit.id, Visit.created_at, Visit.time_out, Visit.decision, Visit.kind).where(or_(
    and_(Visit.phone_tail == bindparam("phone_tail"), Visit.phone == bindparam("phone")),
    and_(Visit.id_tail == bindparam("id_tail"), Visit.id_number == bindparam("id_number"))))


def earlier_inside(session: Session, visit_in: VisitCreate) -> Visit | None:
    """The same person's entry that is still open (admitted, not signed out), if any."""
    phone, id_number = visit_in.phone, visit_in.id_number
    if not phone and not id_number:
        return None
    # Every save asks this. Seek the person through the tail indexes and keep what is open here,
    # as on_site_terms() says: given the on-site terms too, SQLite walked every admission ever
    # (14 ms a save at 20,000 visits) or every person inside, whichever its guess preferred.
    rows = session.connection().execute(_ENTRIES_OF_PERSON, {
        "phone_tail": phone[-4:] if phone else None, "phone": phone,
        "id_tail": id_number[-4:] if id_number else None, "id_number": id_number}).all()
    open_ids = [r for r in rows if r.time_out is None and r.decision == Outcome.ADMIT.value
                and r.kind in NON_RESIDENT_KINDS]
    if not open_ids:
        return None
    return session.get(Visit, max(open_ids, key=lambda r: r.created_at).id)


_INSERT_VISIT = Visit.__table__.insert()


def register_visit(*, session: Session, visit_in: VisitCreate, ctx: StationContext, operator_id: str,
                   settings: Settings, now: datetime | None = None,
                   sign_out_earlier: bool = False) -> tuple[Visit, Decision]:
    """Decide and store one registration. The caller commits; only then is it 'saved'.

    Raises AlreadyInside when the same person is on site, unless sign_out_earlier: then that
    entry is signed out first, in the same transaction."""
    now = now or utcnow()
    decision = assess(visit_in, settings, now)
    if decision.needs_remeasure:
        raise RemeasureNeeded(decision)
    earlier = earlier_inside(session, visit_in)
    if earlier is not None:
        if not sign_out_earlier:
            raise AlreadyInside(earlier, settings.zone)
        sign_out(session=session, visit_id=earlier.id, operator_id=operator_id, now=now)
    values = visit_in.model_dump() | dict(
        id=new_id(), station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=operator_id,
        created_at=now, updated_at=now, rev=1,
        phone_tail=visit_in.phone[-4:] if visit_in.phone else None,
        id_tail=visit_in.id_number[-4:] if visit_in.id_number else None,
        auto_decision=decision.outcome.value, decision=decision.outcome.value, reasons=",".join(decision.reasons),
        override_by=None, override_reason=None, overridden_at=None, time_out=None, signout_kind=None,
        signout_by=None)
    # A plain INSERT, compiled once: the values were validated by parse_form and are ours; building
    # and flushing an ORM object cost more than the rest of the save but its fsync.
    session.connection().execute(_INSERT_VISIT, values)
    return Visit.model_construct(**values), decision


@dataclass(frozen=True)
class Recall:
    """What the last visit with this phone number said, to save the guard typing it again.

    Facts carry over; checks made on the spot do not. The nucleic-acid result and its sample time
    carry over while that sample is still inside the validity window (`carried_from` says from
    which visit, for the guard to see and change); the mask, the temperature and the code never do.
    """

    kind: str
    name: str | None
    id_number: str | None
    origin: str | None
    destination: str | None
    host: str | None
    purpose: str | None
    nat_result: str = ""
    nat_sampled_at: str = ""  # as a guard would type it: 11-28 09:12 (local)
    carried_from: str = ""  # the visit it came from: 11-28 09:40 (local)


def recall_by_phone(session: Session, phone: str, settings: Settings, now: datetime) -> Recall | None:
    row = session.exec(
        select(Visit).where(Visit.phone_tail == phone[-4:], Visit.phone == phone)
        .order_by(col(Visit.created_at).desc()).limit(1)
    ).first()
    if row is None:
        return None
    recall = Recall(row.kind, row.name, row.id_number, row.origin, row.destination, row.host, row.purpose)
    sampled = row.nat_sampled_at
    if (row.nat_result == NatResult.NEGATIVE.value and sampled is not None
            and now - sampled < timedelta(hours=settings.nat_window_hours)):
        zone = settings.zone
        recall = replace(recall, nat_result=row.nat_result,
                         nat_sampled_at=sampled.astimezone(zone).strftime("%m-%d %H:%M"),
                         carried_from=row.created_at.astimezone(zone).strftime("%m-%d %H:%M"))
    return recall


class NotFound(Exception):
    pass


def sign_out(*, session: Session, visit_id: str, operator_id: str, now: datetime | None = None) -> Visit:
    now = now or utcnow()
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(visit_id)
    if not visit.on_site:
        return visit  # already out: signing out twice is harmless
    visit.time_out = now
    visit.signout_kind = SignOutKind.MANUAL.value
    visit.signout_by = operator_id
    visit.touch(now)
    session.add(visit)
    return visit


def last_auto_signout_cutoff(settings: Settings, now: datetime) -> datetime:
    """The most recent moment, at or before now, at which the daily automatic sign-out was due."""
    local = now.astimezone(settings.zone)
    due = local.replace(hour=settings.auto_signout_time.hour, minute=settings.auto_signout_time.minute,
                        second=0, microsecond=0)
    if due > local:
        due -= timedelta(days=1)
    return due


def auto_sign_out(*, session: Session, settings: Settings, now: datetime | None = None) -> int:
    """Sign out, marked automatic, everyone admitted before the last due time and still on site."""
    if not settings.auto_signout_enabled:
        return 0
    now = now or utcnow()
    cutoff = last_auto_signout_cutoff(settings, now)
    result = session.execute(
        update(Visit)
        .where(*on_site_terms(), col(Visit.created_at) < cutoff)
        .values(time_out=cutoff, signout_kind=SignOutKind.AUTO.value, signout_by=None,
                rev=Visit.rev + 1, updated_at=now)
    )
    return result.rowcount or 0


NON_RESIDENT_KINDS = tuple(k.value for k in PersonKind if k is not PersonKind.RESIDENT)


def typing_problem(field: str, text: str) -> FieldError | None:
    """What is already wrong with a field while it is being typed (the form marks it at once, not at
    Save): a phone that cannot become a mobile number, an ID number typed where the destination goes."""
    if field == "phone":
        return phone_so_far(text)
    if field == "destination" and looks_like_an_id_number(text):
        return _err("destination", QT_TRANSLATE_NOOP(
            "Validation", "This is an ID number, not where the visitor is going: type the building-unit-room."))
    return None


def recall_key(text: str) -> str | None:
    """The phone number to look a returning visitor up by, once all 11 digits of a mainland mobile
    are typed (spaces and dashes as people type them); None before."""
    digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
    return digits if len(digits) == 11 and digits.startswith("1") else None


def on_site_terms() -> list:
    """Admitted, not signed out, not a resident (residents never sign out).

    Kinds are listed with IN rather than `kind != 'resident'` so the database seeks straight to
    the few people inside instead of reading past every resident's entry ever written.
    """
    return [col(Visit.time_out).is_(None), Visit.decision == Outcome.ADMIT.value,
            col(Visit.kind).in_(NON_RESIDENT_KINDS)]


def on_site_query():
    return select(Visit).where(*on_site_terms()).order_by(col(Visit.created_at).desc())


def on_site(session: Session) -> list[Visit]:
    return list(session.exec(on_site_query()))


def override_decision(*, session: Session, visit_id: str, supervisor_id: str, outcome: Outcome, reason: str,
                      ctx: StationContext, now: datetime | None = None) -> Visit:
    """A supervisor changes the decision; the automatic decision and the reason stay on record."""
    now = now or utcnow()
    errors: list[FieldError] = []
    clean = clean_text("override_reason", reason, errors, max_len=200)
    if clean is None and not errors:
        errors.append(_err("override_reason", QT_TRANSLATE_NOOP("Validation", "Write the reason for the override.")))
    if errors:
        raise InvalidInput(errors)
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(visit_id)
    visit.decision = Outcome(outcome).value
    visit.override_by = supervisor_id
    visit.override_reason = clean
    visit.overridden_at = now
    visit.touch(now)
    session.add(visit)
    audit.record(session, at=now, station_id=ctx.station_id, operator_id=supervisor_id, action="override",
                 record_id=visit.id, detail=f"{visit.auto_decision}->{visit.decision}")
    return visit


def reveal(*, session: Session, visit_id: str, supervisor_id: str, ctx: StationContext,
           now: datetime | None = None) -> Visit:
    """Unmasked personal data of one row, for a supervisor; the reveal itself is recorded."""
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(visit_id)
    audit.record(session, at=now or utcnow(), station_id=ctx.station_id, operator_id=supervisor_id,
                 action="reveal", record_id=visit.id)
    return visit
