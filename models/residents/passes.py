"""Signed passes: a pass's QR carries its id, room and expiry, signed with the compound's pass key, so a gate tells a forged
or altered card from a real one without a network; revocation, expiry and home monitoring are checked here."""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated

import msgspec
from sqlmodel import Session, select

from models.formats import bundle, wire
from models.kit.masking import mask_name
from models.residents.tables import (
    STOPPED,
    Direction,
    HomeMonitoring,
    Household,
    Passage,
    Resident,
    ResidentPass,
    natural_order,
)
from models.setup.site import StationContext
from models.store.clock import local_today
from models.store.db import Meta
from models.store.i18n import QT_TRANSLATE_NOOP, Message

# cryptography is imported where a pass is signed or checked: start-up never needs it.

PASS_PREFIX = "GDP1."
PASS_KEY = "compound_pass_key"
DEFAULT_VALID_DAYS = 90


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


def signed_text(prefix: str, claims: dict, key: str) -> str:
    """<prefix><base64url JSON of claims>.<base64url Ed25519 signature of that JSON>: a card's QR text,
    signed with the compound's key (a pass, a volunteer's card)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    body = json.dumps(claims, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    signature = Ed25519PrivateKey.from_private_bytes(bundle.unb64(key)).sign(body)
    return f"{prefix}{_b64(body)}.{_b64(signature)}"


def pass_payload(p: ResidentPass, household: Household, key: str) -> str:
    """GDP1.<base64url JSON {p, r, e}>.<base64url Ed25519 signature of that JSON>"""
    return signed_text(PASS_PREFIX, {"p": p.id, "r": household.label, "e": p.expires_on}, key)


PASS_PART = re.compile(r"[A-Za-z0-9_-]{2,400}")


class PassClaims(msgspec.Struct, forbid_unknown_fields=True):
    e: Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    p: Annotated[str, msgspec.Meta(pattern=wire.UUID_PATTERN)]
    r: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


_CLAIMS = msgspec.json.Decoder(PassClaims)


def read_signed_text(text: str, prefix: str, decoder: msgspec.json.Decoder, fields: tuple[str, ...],
                     refused: Exception) -> tuple[bytes, bytes, object]:
    """The body, signature and claims of a scanned card's text, read strictly: only the exact text
    signed_text() writes is accepted (no other prefix, padding, stray characters in the base64,
    other spacing in the JSON), so a card has exactly one text. Raises `refused` otherwise."""
    text = text.strip()
    parts = text.split(".")
    if len(parts) != 3 or parts[0] + "." != prefix or not all(PASS_PART.fullmatch(p) for p in parts[1:]):
        raise refused
    try:
        body, signature = _unb64(parts[1]), _unb64(parts[2])
        claims = decoder.decode(body)
    except (ValueError, msgspec.MsgspecError, RecursionError):
        raise refused from None
    canonical = json.dumps({f: getattr(claims, f) for f in fields}, ensure_ascii=False, separators=(",", ":"),
                           sort_keys=True).encode()
    if _b64(body) != parts[1] or _b64(signature) != parts[2] or body != canonical or len(signature) != 64:
        raise refused
    return body, signature, claims


def signature_holds(session: Session, body: bytes, signature: bytes) -> bool:
    """Whether the compound's key signed this body."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    public = bundle.unb64(bundle.signing_public_key(pass_key(session)))
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, body)
    except InvalidSignature:
        return False
    return True


def read_pass_text(text: str) -> tuple[bytes, bytes, PassClaims]:
    """The body, signature and claims of a scanned pass (read_signed_text). Raises PassRefused."""
    return read_signed_text(text, PASS_PREFIX, _CLAIMS, ("p", "r", "e"), PassRefused("pass_unreadable"))


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
    body, signature, claims = read_pass_text(text)
    pass_id, room, expires = claims.p, claims.r, claims.e
    if not signature_holds(session, body, signature):
        raise PassRefused("pass_forged")
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

        raise PassRefused("resident_left", name=mask_name(resident.name) if resident else "")
    return p, resident, household


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
    return sorted(session.execute(q).all(), key=lambda t: (natural_order(t[2].building), natural_order(t[2].unit),
                                                              natural_order(t[2].room), t[1].name))


def today_for(settings, now: datetime) -> date:
    return local_today(now, settings.zone)
