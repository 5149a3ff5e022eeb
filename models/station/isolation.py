"""The compound's temporary isolation point (临时隔离点): cases, re-checks, notices, hand-over.

A case is opened from a gate decision in one action (everything known is carried over) or by
hand. Once closed, a case is never edited silently: each correction is a record of its own, with
the old and new value and a reason, and the case's revision goes up.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Index, func
from sqlmodel import Field, Session, col, select

from models.gate.rules import Outcome as GateOutcome
from models.gate.visits import Visit
from models.kit.masking import mask_id_number, mask_name, mask_phone
from models.kit.validation import (
    NAME_MAX,
    FieldError,
    InvalidInput,
    _err,
    clean_text,
    parse_id_number,
    parse_phone,
    parse_temperature,
)
from models.setup.settings import Settings
from models.setup.site import StationContext
from models.store.clock import utcnow
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import Record, stamp, when_field


class Outcome(StrEnum):
    RELEASED = "released"  # normal re-check: may enter
    AMBULANCE = "ambulance"  # taken by 120
    HEALTH_STAFF = "health_staff"  # taken by community health staff
    HOME_MONITORING = "home_monitoring"  # sent home under monitoring
    OTHER = "other"


class Party(StrEnum):
    COMMUNITY = "community"
    ISOLATION_TEAM = "isolation_team"  # the sub-district's isolation team
    EMERGENCY_120 = "emergency_120"
    FAMILY = "family"


OUTCOME_LABELS = {
    Outcome.RELEASED: QT_TRANSLATE_NOOP("Isolation", "Released after a normal re-check"),
    Outcome.AMBULANCE: QT_TRANSLATE_NOOP("Isolation", "Taken by 120"),
    Outcome.HEALTH_STAFF: QT_TRANSLATE_NOOP("Isolation", "Taken by community health staff"),
    Outcome.HOME_MONITORING: QT_TRANSLATE_NOOP("Isolation", "Sent home under monitoring"),
    Outcome.OTHER: QT_TRANSLATE_NOOP("Isolation", "Other"),
}
PARTY_LABELS = {
    Party.COMMUNITY: QT_TRANSLATE_NOOP("Isolation", "Community"),
    Party.ISOLATION_TEAM: QT_TRANSLATE_NOOP("Isolation", "Sub-district isolation team"),
    Party.EMERGENCY_120: QT_TRANSLATE_NOOP("Isolation", "120"),
    Party.FAMILY: QT_TRANSLATE_NOOP("Isolation", "Family"),
}
CTX = "Isolation"


class IsolationCase(Record, table=True):
    __tablename__ = "isolation_case"

    visit_id: str | None = Field(default=None, foreign_key="visit.id", max_length=36)
    name: str = Field(max_length=NAME_MAX)
    phone: str | None = Field(default=None, max_length=20)
    id_number: str | None = Field(default=None, max_length=18)
    reason_codes: str = Field(default="", max_length=200)  # from the gate decision (models.rules.REASONS)
    reason: str = Field(default="", max_length=200)  # in words, for a case opened by hand
    temperature: float | None = None
    placed_at: datetime = when_field()
    handed_to: str | None = Field(default=None, max_length=100)
    handed_at: datetime | None = when_field(default=None)
    outcome: str | None = Field(default=None, max_length=20)
    closed_at: datetime | None = when_field(default=None)
    closed_by: str | None = Field(default=None, max_length=36)

    __table_args__ = (Index("ix_isolation_case_open", "closed_at", "placed_at"),
                      Index("ix_isolation_case_visit", "visit_id"))

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


# What identifies the person in a case, masked on every screen.
PERSONAL = {"name": mask_name, "phone": mask_phone, "id_number": mask_id_number}


class IsolationRecheck(Record, table=True):
    __tablename__ = "isolation_recheck"

    case_id: str = Field(foreign_key="isolation_case.id", max_length=36, index=True)
    at: datetime = when_field()
    temperature: float


class IsolationNotice(Record, table=True):
    __tablename__ = "isolation_notice"

    case_id: str = Field(foreign_key="isolation_case.id", max_length=36, index=True)
    party: str = Field(max_length=20)
    at: datetime = when_field()
    note: str = Field(default="", max_length=200)


class CaseCorrection(Record, table=True):
    """A change to a closed case: what it was, what it became, and why."""

    __tablename__ = "isolation_correction"

    case_id: str = Field(foreign_key="isolation_case.id", max_length=36, index=True)
    field: str = Field(max_length=30)
    old_value: str = Field(default="", max_length=200)
    new_value: str = Field(default="", max_length=200)
    reason: str = Field(max_length=200)


class CaseClosed(Exception):
    message_text = QT_TRANSLATE_NOOP("Isolation", "This case is closed; change it through a correction with a reason.")


class NotFound(Exception):
    pass


def _open_case(session: Session, case_id: str) -> IsolationCase:
    case = session.get(IsolationCase, case_id)
    if case is None:
        raise NotFound(case_id)
    if not case.is_open:
        raise CaseClosed()
    return case


def may_be_placed(visit: Visit) -> bool:
    """Someone refused or sent to isolation at the gate; an admitted visitor is not placed."""
    return visit.decision != GateOutcome.ADMIT


def place_from_visit(*, session: Session, visit_id: str, ctx: StationContext, operator_id: str,
                     now: datetime | None = None) -> IsolationCase:
    """Open a case for someone sent from the gate, carrying over what the gate already knows.

    Placing the same registration twice returns the case already open for it.
    """
    now = now or utcnow()
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(visit_id)
    existing = session.exec(select(IsolationCase).where(IsolationCase.visit_id == visit_id)).first()
    if existing is not None:
        return existing
    case = IsolationCase(**stamp(ctx, operator_id, now), visit_id=visit.id, name=visit.name or "",
                         phone=visit.phone, id_number=visit.id_number, reason_codes=visit.reasons,
                         temperature=visit.temperature, placed_at=now)
    session.add(case)
    return case


@dataclass
class CaseForm:
    name: str = ""
    phone: str = ""
    id_number: str = ""
    reason: str = ""
    temperature: str = ""


def open_case(*, session: Session, form: CaseForm, ctx: StationContext, operator_id: str,
              now: datetime | None = None) -> IsolationCase:
    """A case opened by hand (someone who did not come through the gate desk)."""
    now = now or utcnow()
    errors: list[FieldError] = []
    name = clean_text("name", form.name, errors, required=True, max_len=NAME_MAX)
    phone = parse_phone("phone", form.phone, errors, required=False)
    id_number = parse_id_number("id_number", form.id_number, errors, required=False)
    reason = clean_text("reason", form.reason, errors, required=True, max_len=200)
    temperature = parse_temperature("temperature", form.temperature, errors, required=False)
    if errors:
        raise InvalidInput(errors)
    case = IsolationCase(**stamp(ctx, operator_id, now), name=name, phone=phone, id_number=id_number,
                         reason=reason, temperature=temperature, placed_at=now)
    session.add(case)
    return case


def add_recheck(*, session: Session, case_id: str, temperature: str, ctx: StationContext, operator_id: str,
                now: datetime | None = None) -> IsolationRecheck:
    now = now or utcnow()
    errors: list[FieldError] = []
    t = parse_temperature("temperature", temperature, errors, required=True)
    if errors:
        raise InvalidInput(errors)
    case = _open_case(session, case_id)
    check = IsolationRecheck(**stamp(ctx, operator_id, now), case_id=case.id, at=now, temperature=t)
    session.add(check)
    return check


def notify(*, session: Session, case_id: str, party: Party, note: str, ctx: StationContext, operator_id: str,
           now: datetime | None = None) -> IsolationNotice:
    now = now or utcnow()
    errors: list[FieldError] = []
    clean = clean_text("note", note, errors, max_len=200)
    if errors:
        raise InvalidInput(errors)
    case = _open_case(session, case_id)
    notice = IsolationNotice(**stamp(ctx, operator_id, now), case_id=case.id, party=Party(party).value, at=now,
                             note=clean or "")
    session.add(notice)
    return notice


def hand_over(*, session: Session, case_id: str, to_whom: str, ctx: StationContext, operator_id: str,
              now: datetime | None = None) -> IsolationCase:
    now = now or utcnow()
    errors: list[FieldError] = []
    who = clean_text("handed_to", to_whom, errors, required=True)
    if errors:
        raise InvalidInput(errors)
    case = _open_case(session, case_id)
    case.handed_to, case.handed_at = who, now
    case.touch(now)
    session.add(case)
    return case


NOT_CLEARED_BY_A_RECHECK = {"code_red", "nat_positive"}


def close_case(*, session: Session, case_id: str, outcome: Outcome, settings: Settings, ctx: StationContext,
               operator_id: str, now: datetime | None = None) -> IsolationCase:
    """Close with an outcome. Releasing someone needs a last re-check below the fever line, and
    answers a fever only: a normal temperature does not clear a red code or a positive test."""
    now = now or utcnow()
    case = _open_case(session, case_id)
    outcome = Outcome(outcome)
    if outcome is Outcome.RELEASED and set(case.reason_codes.split(",")) & NOT_CLEARED_BY_A_RECHECK:
        raise InvalidInput([_err("outcome", QT_TRANSLATE_NOOP(
            "Validation", "A red code or a positive test is handed to health staff: a normal re-check does not "
                          "release it."))])
    if outcome is Outcome.RELEASED:
        last = session.exec(select(IsolationRecheck).where(IsolationRecheck.case_id == case.id)
                            .order_by(col(IsolationRecheck.at).desc())).first()
        if last is None or last.temperature >= settings.fever_threshold:
            raise InvalidInput([_err("outcome", QT_TRANSLATE_NOOP(
                "Validation", "Release only after a re-check below {limit} °C."), limit=settings.fever_threshold)])
    case.outcome, case.closed_at, case.closed_by = outcome.value, now, operator_id
    case.touch(now)
    session.add(case)
    return case


CORRECTABLE = ("name", "phone", "id_number", "reason", "handed_to", "outcome")


def correct_case(*, session: Session, case_id: str, field: str, value: str, reason: str, ctx: StationContext,
                 operator_id: str, now: datetime | None = None) -> CaseCorrection:
    """Change a closed case: the old value, the new one and the reason are kept as a record."""
    now = now or utcnow()
    case = session.get(IsolationCase, case_id)
    if case is None:
        raise NotFound(case_id)
    errors: list[FieldError] = []
    why = clean_text("reason", reason, errors, max_len=200)
    if why is None and not errors:
        errors.append(_err("reason", QT_TRANSLATE_NOOP("Validation", "Write the reason for the correction.")))
    if field not in CORRECTABLE:
        errors.append(_err("field", QT_TRANSLATE_NOOP("Validation", "This field cannot be corrected.")))
    new_value = None
    if field == "phone":
        new_value = parse_phone("value", value, errors, required=False)
    elif field == "id_number":
        new_value = parse_id_number("value", value, errors, required=False)
    elif field == "outcome":
        try:
            new_value = Outcome(value).value
        except ValueError:
            errors.append(_err("value", QT_TRANSLATE_NOOP("Validation", "Choose an outcome.")))
    elif field in CORRECTABLE:
        new_value = clean_text("value", value, errors, required=field in ("name", "reason"))
    if errors:
        raise InvalidInput(errors)
    old = getattr(case, field)
    correction = CaseCorrection(**stamp(ctx, operator_id, now), case_id=case.id, field=field,
                                old_value="" if old is None else str(old), new_value=new_value or "", reason=why)
    setattr(case, field, new_value)
    case.touch(now)
    session.add_all([case, correction])
    return correction


@dataclass(frozen=True)
class OpenCase:
    case: IsolationCase
    minutes_open: int
    rechecks: int
    last_temperature: float | None
    notified: tuple[str, ...]
    overdue: bool  # open too long with nobody notified


def open_cases(session: Session, settings: Settings, now: datetime | None = None) -> list[OpenCase]:
    now = now or utcnow()
    cases = list(session.exec(select(IsolationCase).where(col(IsolationCase.closed_at).is_(None))
                              .order_by(col(IsolationCase.placed_at))))
    if not cases:
        return []
    ids = [c.id for c in cases]
    checks: dict[str, list[IsolationRecheck]] = {}
    for r in session.exec(select(IsolationRecheck).where(col(IsolationRecheck.case_id).in_(ids))
                          .order_by(col(IsolationRecheck.at))):
        checks.setdefault(r.case_id, []).append(r)
    notices: dict[str, list[str]] = {}
    for n in session.exec(select(IsolationNotice).where(col(IsolationNotice.case_id).in_(ids))
                          .order_by(col(IsolationNotice.at))):
        notices.setdefault(n.case_id, []).append(n.party)
    limit = timedelta(minutes=settings.isolation_notify_minutes)
    out = []
    for c in cases:
        cc = checks.get(c.id, [])
        parties = tuple(dict.fromkeys(notices.get(c.id, [])))
        out.append(OpenCase(c, int((now - c.placed_at).total_seconds() // 60), len(cc),
                            cc[-1].temperature if cc else None, parties,
                            overdue=not parties and now - c.placed_at > limit))
    return out


def closed_cases(session: Session, *, since: datetime, limit: int = 500) -> list[IsolationCase]:
    """Cases closed since a moment, newest first (where corrections are made)."""
    return list(session.exec(select(IsolationCase).where(col(IsolationCase.closed_at) >= since)
                             .order_by(col(IsolationCase.closed_at).desc()).limit(limit)))


def case_history(session: Session, case_id: str) -> tuple[list[IsolationRecheck], list[IsolationNotice],
                                                          list[CaseCorrection]]:
    return (list(session.exec(select(IsolationRecheck).where(IsolationRecheck.case_id == case_id)
                              .order_by(col(IsolationRecheck.at)))),
            list(session.exec(select(IsolationNotice).where(IsolationNotice.case_id == case_id)
                              .order_by(col(IsolationNotice.at)))),
            list(session.exec(select(CaseCorrection).where(CaseCorrection.case_id == case_id)
                              .order_by(col(CaseCorrection.created_at)))))


def count_cases(session: Session) -> tuple[int, int]:
    """(open, closed)."""
    open_n = session.exec(select(func.count()).select_from(IsolationCase)
                          .where(col(IsolationCase.closed_at).is_(None))).one()
    total = session.exec(select(func.count()).select_from(IsolationCase)).one()
    return open_n, total - open_n
