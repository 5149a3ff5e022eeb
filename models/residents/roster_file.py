"""The sealed roster file: the roster and the pass-signing key, encrypted with a passphrase, to set up a second gate."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from models.formats import wire
from models.residents.passes import PASS_KEY, pass_key
from models.residents.tables import HomeMonitoring, Household, Resident, ResidentPass
from models.setup.site import StationContext
from models.store import files
from models.store.db import Meta
from models.store.i18n import QT_TRANSLATE_NOOP, Message

# cryptography is imported where a roster file is sealed or opened: start-up never needs it.

# -- carrying the roster to the other gates of the compound --------------------------------------
ROSTER_MAGIC = b"GDROSTER1"
ROSTER_SUFFIX = ".gdroster"
ROSTER_TABLES = {"household": Household, "resident": Resident, "resident_pass": ResidentPass,
                 "home_monitoring": HomeMonitoring}
ROSTER_PROBLEMS = {
    "passphrase": QT_TRANSLATE_NOOP("Residents", "Wrong passphrase, or the file is damaged."),
    "not_roster": QT_TRANSLATE_NOOP("Residents", "This is not a GateDesk roster file."),
    "other_compound": QT_TRANSLATE_NOOP("Residents", "This roster is for {theirs}; this gate belongs to {ours}."),
    "own_passes": QT_TRANSLATE_NOOP("Residents", "This gate has already printed passes with its own key; they would "
                                    "stop working. Load the roster before printing passes here, or reprint them."),
    "short_passphrase": QT_TRANSLATE_NOOP("Residents", "Use a passphrase of at least 8 characters."),
}


class RosterFileProblem(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.message = Message("Residents", ROSTER_PROBLEMS[code], params)


def _roster_key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2 ** 15, r=8, p=1).derive(passphrase.encode("utf-8"))


def save_roster_file(session: Session, ctx: StationContext, path: Path, passphrase: str, *, now: datetime) -> int:
    """The compound's pass key and whole roster, encrypted with a passphrase, for the other gates.

    The pass key signs passes: whoever has it can make them, so the file is sealed and the
    passphrase is told to the other gate's administrator, not written on the stick.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM


    if len(passphrase) < 8:
        raise RosterFileProblem("short_passphrase")
    body: dict = {"format": "gatedesk-roster", "version": 1, "compound": ctx.compound_name,
                  "created_at": wire.wire_time(now), "pass_key": pass_key(session)}
    count = 0
    for name, model in ROSTER_TABLES.items():
        codec = wire.codec_for(name, model)
        rows = session.execute(select(model.__table__)).mappings().all()
        body[name] = [json.loads(codec.line(row)) for row in rows]
        count += len(rows)
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_roster_key(passphrase, salt)).encrypt(nonce, json.dumps(body, ensure_ascii=False).encode(),
                                                            ROSTER_MAGIC)
    files.write_bytes(path, ROSTER_MAGIC + salt + nonce + sealed)
    return count


def load_roster_file(session: Session, ctx: StationContext, path: Path, passphrase: str) -> int:
    """Take another gate's roster and pass key; records already here are kept unless the file's are newer."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = path.read_bytes()
    if not data.startswith(ROSTER_MAGIC) or len(data) < len(ROSTER_MAGIC) + 28:
        raise RosterFileProblem("not_roster")
    head = len(ROSTER_MAGIC)
    salt, nonce, sealed = data[head:head + 16], data[head + 16:head + 28], data[head + 28:]
    try:
        plain = AESGCM(_roster_key(passphrase, salt)).decrypt(nonce, sealed, ROSTER_MAGIC)
    except (InvalidTag, ValueError):
        raise RosterFileProblem("passphrase") from None
    try:
        body = json.loads(plain)
    except (ValueError, RecursionError):
        raise RosterFileProblem("not_roster") from None
    if not isinstance(body, dict) or body.get("format") != "gatedesk-roster" or \
            not isinstance(body.get("pass_key"), str):
        raise RosterFileProblem("not_roster")
    if body.get("compound") != ctx.compound_name:
        raise RosterFileProblem("other_compound", theirs=body.get("compound"), ours=ctx.compound_name)
    ours = session.get(Meta, PASS_KEY)
    if ours is not None and ours.value != body["pass_key"]:
        own = session.execute(select(func.count()).select_from(ResidentPass)
                              .where(ResidentPass.station_id == ctx.station_id)).scalar_one()
        if own:
            raise RosterFileProblem("own_passes")
        ours.value = body["pass_key"]
        session.add(ours)
    elif ours is None:
        session.add(Meta(key=PASS_KEY, value=body["pass_key"]))
    taken = 0
    for name, model in ROSTER_TABLES.items():
        schema = wire.RecordSchema(name, model.__table__, {}, wire.parse_wire_time)
        records = body.get(name, [])
        if not isinstance(records, list):
            raise RosterFileProblem("not_roster")
        for record in records:
            try:
                values = dict(zip(schema.stored, schema.from_object(record).row))
            except wire.Invalid:
                raise RosterFileProblem("not_roster") from None
            held = session.get(model, values["id"])
            if held is None:
                session.add(model(**values))
            elif held.rev < values["rev"]:
                for column, value in values.items():
                    setattr(held, column, value)
                session.add(held)
            else:
                continue
            taken += 1
        session.flush()
    return taken
