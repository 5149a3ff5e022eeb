"""Operators (guard, supervisor, administrator), their PINs, and shifts at the gate."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from sqlmodel import Field, Session, SQLModel, col, select

from models.kit.validation import NAME_MAX, FieldError, InvalidInput, _err, clean_text
from models.setup.site import StationContext
from models.store.clock import utcnow
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.store.records import Record, when_field
from models.trust import audit
from models.trust.roles import ROLE_LABELS, ROLE_RANK, Role  # noqa: F401 - re-exported: callers import them here


# scrypt with these costs takes ~50 ms here: slow for a guesser, quick enough for a sign-in.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
PIN_MIN, PIN_MAX = 4, 12
# In place of a PIN hash: a resident holding the gate by the rota (models.staffing.holding). They come
# on duty only by checking in at a gate post; no PIN matches it, no sign-in list shows it.
ROTA_HELD = "rota"


class Operator(Record, table=True):
    name: str = Field(max_length=NAME_MAX)
    role: str = Field(max_length=16)
    pin_hash: str = Field(max_length=200)
    active: bool = Field(default=True)

    def at_least(self, role: Role) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[role]


class Shift(Record, table=True):
    """A stretch of duty at this station; operator_id is who was on duty."""

    started_at: datetime = when_field()
    ended_at: datetime | None = when_field(default=None)


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    return hmac.compare_digest(got.hex(), digest)


def check_new_pin(field: str, pin: str, errors: list[FieldError]) -> None:
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "A PIN is {min} to {max} digits."),
                           min=PIN_MIN, max=PIN_MAX))


def create_operator(session: Session, *, ctx: StationContext, name: str, role: Role, pin: str,
                    now: datetime | None = None, created_by: str | None = None) -> Operator:
    errors: list[FieldError] = []
    clean = clean_text("name", name, errors, required=True, max_len=NAME_MAX)
    check_new_pin("pin", pin, errors)
    if clean and session.exec(select(Operator).where(Operator.name == clean, col(Operator.active))).first():
        errors.append(_err("name", QT_TRANSLATE_NOOP("Validation", "An operator with this name already exists.")))
    if errors:
        raise InvalidInput(errors)
    now = now or utcnow()
    op = Operator(station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=created_by, created_at=now,
                  updated_at=now, name=clean, role=Role(role).value, pin_hash=hash_pin(pin))
    session.add(op)
    session.flush()
    return op


def create_rota_guard(session: Session, *, ctx: StationContext, name: str, now: datetime,
                      created_by: str | None = None) -> Operator:
    """A guard's account for someone who holds the gate by the rota: named as given (their masked
    name), numbered when another active operator has it, and without a PIN."""
    taken = set(session.exec(select(Operator.name).where(col(Operator.active))))
    clean, n = name, 2
    while clean in taken:
        clean, n = f"{name} {n}", n + 1
    op = Operator(station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=created_by, created_at=now,
                  updated_at=now, name=clean, role=Role.GUARD.value, pin_hash=ROTA_HELD)
    session.add(op)
    session.flush()
    return op


def list_operators(session: Session, *, active_only: bool = True, rota_too: bool = False) -> list[Operator]:
    """Who can sign in here with a PIN (rota_too: and the rota's guards, to name them in the logs).
    Operators who arrived in gates' bundles carry no PIN and cannot sign in here."""
    q = select(Operator).where(Operator.pin_hash != "").order_by(Operator.name)
    if not rota_too:
        q = q.where(Operator.pin_hash != ROTA_HELD)
    if active_only:
        q = q.where(col(Operator.active))
    return list(session.exec(q))


class WrongPin(Exception):
    message = Message("Operators", QT_TRANSLATE_NOOP("Operators", "Wrong PIN. Please try again."))


class NotAllowed(Exception):
    def __init__(self, needed: Role):
        super().__init__(needed)
        self.needed = needed
        text = (QT_TRANSLATE_NOOP("Operators", "Only an administrator may do this.") if needed is Role.ADMIN
                else QT_TRANSLATE_NOOP("Operators", "Only a supervisor or an administrator may do this.")
                if needed is Role.SUPERVISOR else QT_TRANSLATE_NOOP("Operators", "Sign in first: this is done by "
                                                                               "the operator on duty."))
        self.message = Message("Operators", text)


MAX_FAILURES = 5
LOCK_MINUTES = 10
FAILED = "pin_failed"


class Locked(WrongPin):
    """Five wrong PINs in a row: the operator waits before trying again (guessing a 4-digit PIN
    by hand then takes weeks instead of minutes)."""

    def __init__(self, minutes: int):
        super().__init__()
        self.minutes = minutes
        self.message = Message("Operators", QT_TRANSLATE_NOOP(
            "Operators", "Too many wrong PINs. Try again in {minutes} minutes, or ask an administrator."),
            {"minutes": minutes})


class PinGuard(SQLModel, table=True):
    """Wrong PINs in a row, per operator (schema v7). Kept apart from the audit log: removing the
    newest audit entries (which `audit verify` and the anchor then report) does not lift a lock."""

    __tablename__ = "pin_guard"
    operator_id: str = Field(primary_key=True, max_length=36)
    failures: int = 0
    last_failure_at: datetime | None = when_field(default=None)


def locked_for(session: Session, operator_id: str, now: datetime) -> int:
    """Minutes left of a lock after MAX_FAILURES wrong PINs in a row (0 when not locked)."""
    guard = session.get(PinGuard, operator_id)
    if guard is None or guard.failures < MAX_FAILURES or guard.last_failure_at is None:
        return 0
    until = guard.last_failure_at + timedelta(minutes=LOCK_MINUTES)
    return max(0, -int(-(until - now).total_seconds() // 60)) if until > now else 0


def count_failure(session: Session, operator_id: str, now: datetime) -> None:
    """One more wrong PIN in a row for this id (an operator, or a volunteer checking in by name)."""
    guard = session.get(PinGuard, operator_id) or PinGuard(operator_id=operator_id)
    guard.failures += 1
    guard.last_failure_at = now
    session.add(guard)


def verify(session: Session, *, operator_id: str, pin: str, at_least: Role = Role.GUARD,
           station_id: str | None = None, now: datetime | None = None) -> Operator:
    """The operator behind a PIN. Each wrong PIN is audited (with station_id); five in a row lock."""
    now = now or utcnow()
    minutes = locked_for(session, operator_id, now)
    if minutes:
        raise Locked(minutes)
    op = session.get(Operator, operator_id)
    if op is None or not op.active or not pin_matches(pin, op.pin_hash):
        if station_id is not None:
            audit.record(session, at=now, station_id=station_id, operator_id=operator_id, action=FAILED)
            if op is not None:
                count_failure(session, operator_id, now)
        raise WrongPin()
    guard = session.get(PinGuard, operator_id)
    if guard is not None:
        session.delete(guard)  # the right PIN: the count starts again
    if not op.at_least(at_least):
        raise NotAllowed(at_least)
    return op


def start_shift(session: Session, *, ctx: StationContext, operator_id: str, pin: str,
                now: datetime | None = None) -> tuple[Operator, Shift]:
    """Sign in at the start of a shift; whoever was on duty at this station is handed over."""
    now = now or utcnow()
    try:
        op = verify(session, operator_id=operator_id, pin=pin, station_id=ctx.station_id, now=now)
    except WrongPin:
        session.commit()  # the failure stays on record
        raise
    return op, take_over(session, ctx=ctx, op=op, now=now)


def take_over(session: Session, *, ctx: StationContext, op: Operator, now: datetime) -> Shift:
    """`op` comes on duty at this station (their identity proven by the caller: a PIN, or a check-in
    at a gate the rota holds); whoever was on duty is handed over."""
    for open_shift in session.exec(select(Shift).where(Shift.station_id == ctx.station_id,
                                                       col(Shift.ended_at).is_(None))):
        open_shift.ended_at = now
        open_shift.touch(now)
        session.add(open_shift)
    shift = Shift(station_id=ctx.station_id, gate_id=ctx.gate_id, operator_id=op.id, started_at=now,
                  created_at=now, updated_at=now)
    session.add(shift)
    audit.record(session, at=now, station_id=ctx.station_id, operator_id=op.id, action="sign_in", record_id=shift.id)
    return shift


def on_duty(session: Session, *, station_id: str) -> str | None:
    """The operator whose stretch at this station is open, if any."""
    return session.exec(select(Shift.operator_id).where(Shift.station_id == station_id,
                                                        col(Shift.ended_at).is_(None))
                        .order_by(col(Shift.started_at).desc()).limit(1)).first()


def last_on_duty(session: Session, *, station_id: str) -> str | None:
    """Who most recently started a shift at this station."""
    return session.exec(select(Shift.operator_id).where(Shift.station_id == station_id)
                        .order_by(col(Shift.started_at).desc()).limit(1)).first()


def end_shift(session: Session, *, ctx: StationContext, now: datetime | None = None) -> None:
    now = now or utcnow()
    for open_shift in session.exec(select(Shift).where(Shift.station_id == ctx.station_id,
                                                       col(Shift.ended_at).is_(None))):
        open_shift.ended_at = now
        open_shift.touch(now)
        session.add(open_shift)
        audit.record(session, at=now, station_id=ctx.station_id, operator_id=open_shift.operator_id,
                     action="sign_out", record_id=open_shift.id)


