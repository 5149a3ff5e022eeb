"""Who this database is to sync: a gate's signing key and fingerprint, the office's key file, office mode, enrollment."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from models.formats import bundle
from models.store import locks, registry
from models.store.db import Database, Meta
from models.sync.tables import (
    SyncEnrollment,
)
from models.trust import audit

SIGNING_KEY = "station_signing_key"
OFFICE_KEY = "office_public_key"
OFFICE_NAME = "office_name"
OFFICE_PRIVATE_KEY = "office_private_key"
MODE = "mode"
# At an office: the office above it (sub-district, district) that its forwarded bundles are for.
UPPER_OFFICE_KEY = "upper_office_public_key"
UPPER_OFFICE_NAME = "upper_office_name"


# -- keys ----------------------------------------------------------------------------------
def read_meta(session: Session, key: str) -> str | None:
    row = session.get(Meta, key)
    return row.value if row else None


def write_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def ensure_signing_key(session: Session) -> str:
    """The station's private signing key, made once (at setup, or on first export for older files)."""
    key = read_meta(session, SIGNING_KEY)
    if key is None:
        key = bundle.new_signing_key()
        write_meta(session, SIGNING_KEY, key)
    return key


def station_fingerprint(session: Session) -> str:
    """The fingerprint of this station's signing key: on its set-up sheet, read to the office."""
    return bundle.key_id(bundle.signing_public_key(ensure_signing_key(session)))


@dataclass(frozen=True)
class OfficeKeyFile:
    """What an office hands its gates: its name and the public key bundles are encrypted to."""

    office: str
    public_key: str

    @property
    def key_id(self) -> str:
        return bundle.key_id(self.public_key)

    def dumps(self) -> str:
        return json.dumps({"format": "gatedesk-office-key", "version": 1, "office": self.office,
                           "public_key": self.public_key, "key_id": self.key_id}, ensure_ascii=False, indent=1)

    @classmethod
    def loads(cls, text: str) -> OfficeKeyFile:
        try:
            data = json.loads(text)
            if data.get("format") != "gatedesk-office-key":
                raise ValueError("not an office key file")
            key = OfficeKeyFile(office=str(data["office"]), public_key=str(data["public_key"]))
            if len(bundle.unb64(key.public_key)) != 32 or data.get("key_id") != key.key_id:
                raise ValueError("the key is damaged")
            return key
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BadKeyFile(str(exc)) from exc


class BadKeyFile(Exception):
    pass


def office_key_file(session: Session, office_name: str) -> OfficeKeyFile:
    """The office's public key (made on first use); the private half stays in the office database."""
    private = read_meta(session, OFFICE_PRIVATE_KEY)
    if private is None:
        private = bundle.new_office_key()
        write_meta(session, OFFICE_PRIVATE_KEY, private)
    return OfficeKeyFile(office=office_name, public_key=bundle.office_public_key(private))


def _key_slots(session: Session) -> tuple[str, str]:
    """A gate's bundles are for its office; an office's own are for the office above it."""
    if read_meta(session, MODE) == "office":
        return UPPER_OFFICE_KEY, UPPER_OFFICE_NAME
    return OFFICE_KEY, OFFICE_NAME


def load_office_key(session: Session, key: OfficeKeyFile) -> None:
    """A gate keeps the office's public key (an office, the key of the office above it); every
    later bundle is encrypted to it."""
    key_slot, name_slot = _key_slots(session)
    own = read_meta(session, OFFICE_PRIVATE_KEY)
    if key_slot == UPPER_OFFICE_KEY and own is not None and bundle.office_public_key(own) == key.public_key:
        raise BadKeyFile("this office's own key")
    write_meta(session, key_slot, key.public_key)
    write_meta(session, name_slot, key.office)


def loaded_office_key(session: Session) -> OfficeKeyFile | None:
    key_slot, name_slot = _key_slots(session)
    key = read_meta(session, key_slot)
    return OfficeKeyFile(office=read_meta(session, name_slot) or "", public_key=key) if key else None


def ensure_office(db: Database) -> None:
    """Mark a new (empty) database as a community office's; refuse a gate's."""
    with db.session() as s:
        if read_meta(s, MODE) == "office":
            return
        if read_meta(s, "station_id") is not None:
            raise NotAnOffice()
        mark_office(s)
        s.commit()


def mark_office(session: Session, *, name: str = "") -> None:
    write_meta(session, MODE, "office")
    if name:
        write_meta(session, OFFICE_NAME, name)
    for index in registry.gate_only_indexes():  # the office keeps only the indexes its screens use
        session.connection().exec_driver_sql(f"DROP INDEX IF EXISTS {index}")
    from models.sync.day_figures import OFFICE_INDEX

    session.connection().exec_driver_sql(OFFICE_INDEX)  # the day's figures are recounted per gate


class NotAnOffice(Exception):
    pass


INSPECTION = "inspection"  # a supervision team's station: visits compounds, exports like a gate


def mark_inspection(session: Session) -> None:
    """This station is a supervision team's: its bundles say so, and carry its visits and findings."""
    write_meta(session, MODE, INSPECTION)


def station_kind(session: Session) -> str:
    """"gate", "office" or "inspection"."""
    return read_meta(session, MODE) or "gate"


def is_office(db: Database) -> bool:
    with db.reading() as s:
        return read_meta(s, MODE) == "office"


# -- enrollment --------------------------------------------------------------------------------
FINGERPRINT_RE = re.compile(r"^[0-9a-f]{4}(-[0-9a-f]{4}){3}$")


def normalise_fingerprint(text: str) -> str | None:
    """'DA48 52C4 7e96-12c6' → 'da48-52c4-7e96-12c6'; None when it is not a fingerprint."""
    digits = re.sub(r"[\s\-:]", "", text or "").lower()
    if not re.fullmatch(r"[0-9a-f]{16}", digits):
        return None
    return "-".join(digits[i:i + 4] for i in range(0, 16, 4))


def enroll(conn, fingerprint: str, *, now: datetime, operator_id: str | None, station_id: str,
           audited: bool = True) -> bool:
    """Accept bundles signed with this key from now on; False when it was enrolled already.
    The caller checks the role (an administrator) and commits; the enrollment is audited (by the
    caller, when it says so: an import records it at the end of its transaction, so that the audit
    chain's end is not held while the file is applied)."""
    if not FINGERPRINT_RE.match(fingerprint):
        raise ValueError(fingerprint)
    locks.hold(conn, f"enroll:{fingerprint}")  # two office PCs enrolling the same gate: one enrolls it
    if conn.execute(select(SyncEnrollment.fingerprint).where(SyncEnrollment.fingerprint == fingerprint)).first():
        return False
    conn.execute(SyncEnrollment.__table__.insert().values(fingerprint=fingerprint, enrolled_at=now,
                                                          operator_id=operator_id))
    if audited:
        audit.record(conn, at=now, station_id=station_id, operator_id=operator_id, action="enroll",
                     detail=fingerprint)
    return True


def enrolled(conn, fingerprint: str) -> bool:
    return conn.execute(select(SyncEnrollment.fingerprint)
                        .where(SyncEnrollment.fingerprint == fingerprint)).first() is not None


def office_name(session: Session) -> str:
    return read_meta(session, OFFICE_NAME) or ""


def set_office_name(session: Session, name: str) -> None:
    write_meta(session, OFFICE_NAME, name)
