"""An append-only record of what was done at this desk and by whom (ACTIONS).

Details never hold personal data: they name record ids and actions only. Entries are numbered
and chained: each one's hash covers its content and the previous entry's hash, so an entry
changed or removed afterwards breaks the chain at that point (verify()).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Field, SQLModel

from models.formats.wire import wire_time
from models.store import files, locks
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import new_id, when_field

GENESIS = "0" * 64

# Every action that is audited, with how the administrators' view names it.
ACTIONS = {
    "sign_in": QT_TRANSLATE_NOOP("Audit", "Signed in"),
    "sign_out": QT_TRANSLATE_NOOP("Audit", "Signed off"),
    "pin_failed": QT_TRANSLATE_NOOP("Audit", "Wrong PIN"),
    "locked": QT_TRANSLATE_NOOP("Audit", "Station locked"),
    "unlocked": QT_TRANSLATE_NOOP("Audit", "Station unlocked"),
    "register": QT_TRANSLATE_NOOP("Audit", "Registration"),
    "correct": QT_TRANSLATE_NOOP("Audit", "Correction"),
    "override": QT_TRANSLATE_NOOP("Audit", "Decision overridden"),
    "reveal": QT_TRANSLATE_NOOP("Audit", "Personal data revealed"),
    "delete": QT_TRANSLATE_NOOP("Audit", "Record deleted"),
    "export": QT_TRANSLATE_NOOP("Audit", "Bundle exported"),
    "report": QT_TRANSLATE_NOOP("Audit", "Report exported"),
    "import": QT_TRANSLATE_NOOP("Audit", "Bundle imported"),
    "settings": QT_TRANSLATE_NOOP("Audit", "Settings changed"),
    "add_operator": QT_TRANSLATE_NOOP("Audit", "Operator added"),
    "office_key": QT_TRANSLATE_NOOP("Audit", "Office key loaded"),
    "purge": QT_TRANSLATE_NOOP("Audit", "Expired personal data erased"),
    "purge_failed": QT_TRANSLATE_NOOP("Audit", "Erasing expired personal data failed"),
    "erase_all": QT_TRANSLATE_NOOP("Audit", "End of campaign: all personal data erased"),
    "restore": QT_TRANSLATE_NOOP("Audit", "Backup restored"),
    "enroll": QT_TRANSLATE_NOOP("Audit", "Station enrolled"),
    "trust_key": QT_TRANSLATE_NOOP("Audit", "A gate's new key accepted"),
    "conflict": QT_TRANSLATE_NOOP("Audit", "Conflict decided"),
    "venue_code": QT_TRANSLATE_NOOP("Audit", "Poster content changed"),
    "roster_import": QT_TRANSLATE_NOOP("Audit", "Resident list imported"),
    "monitoring_import": QT_TRANSLATE_NOOP("Audit", "Home monitoring list imported"),
    "roster_file": QT_TRANSLATE_NOOP("Audit", "Roster file for other gates"),
    "resident": QT_TRANSLATE_NOOP("Audit", "Resident changed"),
    "pass_issue": QT_TRANSLATE_NOOP("Audit", "Pass issued"),
    "pass_reissue": QT_TRANSLATE_NOOP("Audit", "Pass reissued"),
    "pass_revoke": QT_TRANSLATE_NOOP("Audit", "Pass revoked"),
    "pass_print": QT_TRANSLATE_NOOP("Audit", "Passes printed"),
    "monitoring": QT_TRANSLATE_NOOP("Audit", "Home monitoring changed"),
    "unit_rename": QT_TRANSLATE_NOOP("Audit", "Unit renamed"),
    "unit_merge": QT_TRANSLATE_NOOP("Audit", "Units merged"),
    "unit_add": QT_TRANSLATE_NOOP("Audit", "Grid added"),
    "unit_place": QT_TRANSLATE_NOOP("Audit", "Compound moved to another unit"),
    "operator_scope": QT_TRANSLATE_NOOP("Audit", "Account limited to a unit"),
}


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    # The sequence number is the table's key (SQLite's rowid), so each entry is appended at the
    # end of one b-tree: every registration writes one, and it must cost little (schema v6).
    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})  # 1, 2, 3… without gaps
    id: str = Field(default_factory=new_id, max_length=36)
    prev_hash: str = Field(default=GENESIS, max_length=64)
    hash: str = Field(default="", max_length=64)
    at: datetime = when_field()
    station_id: str = Field(max_length=36)
    operator_id: str | None = Field(default=None, max_length=36)
    action: str = Field(max_length=40, index=True)
    record_id: str | None = Field(default=None, max_length=36)
    detail: str = Field(default="", max_length=500)


_LAST = select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
_INSERT = AuditEvent.__table__.insert()


def chain_hash(seq: int, at: datetime, station_id: str, operator_id: str | None, action: str,
               record_id: str | None, detail: str, prev_hash: str) -> str:
    body = json.dumps([seq, wire_time(at), station_id, operator_id, action, record_id, detail, prev_hash],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def record(session, *, at: datetime, station_id: str, operator_id: str | None, action: str,
           record_id: str | None = None, detail: str = "") -> AuditEvent:
    """Append one entry at the end of the chain, in the caller's transaction (a Session or a
    Connection: an import audits itself in the transaction that applies the bundle). Units of
    work hold the write lock from BEGIN, so the end of the chain cannot move meanwhile.

    Every registration passes here: a plain INSERT with the statement compiled once, no model
    validation (the values are ours), keeps it well under a millisecond."""
    # Straight to the connection: the ORM's execute path costs more than these two statements.
    conn = session.connection() if isinstance(session, OrmSession) else session
    locks.hold(conn, "audit")  # several writers on a server: one at a time at the chain's end
    last = conn.execute(_LAST).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    detail = detail[:500]
    values = dict(id=new_id(), seq=seq, prev_hash=prev, at=at, station_id=station_id, operator_id=operator_id,
                  action=action, record_id=record_id, detail=detail,
                  hash=chain_hash(seq, at, station_id, operator_id, action, record_id, detail, prev))
    conn.execute(_INSERT, values)
    return AuditEvent.model_construct(**values)


def entries(session, *, limit: int = 200, offset: int = 0, reverse: bool = False,
            actions: tuple[str, ...] = ()) -> list:
    """The newest entries first, a page at a time; reverse reads from the oldest end (a page
    near the end of a long log is read from there, so OFFSET stays small)."""
    order = AuditEvent.seq.asc() if reverse else AuditEvent.seq.desc()
    q = select(AuditEvent).order_by(order).offset(offset).limit(limit)
    if actions:
        q = q.where(AuditEvent.action.in_(actions))
    return list(session.execute(q).scalars())


def count(session) -> int:
    return session.execute(select(func.count()).select_from(AuditEvent)).scalar()


@dataclass(frozen=True)
class Verdict:
    entries: int
    first_bad: int | None  # the sequence number where the chain breaks, None when whole
    why: str = ""  # changed | missing | cut (entries after the anchor are gone) | replaced


@dataclass(frozen=True)
class Anchor:
    """The chain's head as last written beside the database (no personal data: a number, a hash)."""

    seq: int
    hash: str


def head(conn) -> Anchor:
    last = conn.execute(_LAST).first()
    return Anchor(last[0], last[1]) if last else Anchor(0, "")


def hash_at(conn, seq: int) -> str | None:
    return conn.execute(select(AuditEvent.hash).where(AuditEvent.seq == seq)).scalar()


def anchor_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".audit-anchor")


def save_anchor(db_path: Path | None, conn) -> Anchor | None:
    """Write the chain's head beside the database, so a tail cut off later is seen by verify()."""
    if db_path is None:
        return None
    anchor = head(conn)
    path = anchor_path(db_path)
    if load_anchor(db_path) == anchor:
        return anchor
    files.write_text(path, json.dumps({"seq": anchor.seq, "hash": anchor.hash}))
    return anchor


def load_anchor(db_path: Path | None) -> Anchor | None:
    """None when there is none yet; an unreadable one reads as a head no chain reaches."""
    if db_path is None:
        return None
    try:
        raw = anchor_path(db_path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return Anchor(2**62, "unreadable")
    try:
        data = json.loads(raw[:4096])
        seq, digest = data["seq"], data["hash"]
        if type(seq) is not int or type(digest) is not str or not 0 <= seq < 2**62:
            raise ValueError
        return Anchor(seq, digest)
    except (ValueError, KeyError, TypeError, RecursionError):
        return Anchor(2**62, "unreadable")


def verify(session, progress=None, stopping=lambda: False, anchor: Anchor | None = None) -> Verdict | None:
    """Walk the chain from the first entry; report the first entry that is not as it was written,
    and (given the anchor last written beside the database) entries cut off the end or a chain
    rewritten whole since.

    Plain rows, streamed: the log gains an entry per registration, so a busy year is a million
    entries. Every few thousand, progress(done) is called and stopping() asked (None if it said so)."""
    expected_seq, prev = 1, GENESIS
    count = 0
    anchored = None
    c = AuditEvent.__table__.c
    rows = session.execute(select(c.seq, c.at, c.station_id, c.operator_id, c.action, c.record_id, c.detail,
                                  c.prev_hash, c.hash).order_by(c.seq).execution_options(yield_per=5000))
    for seq, at, station_id, operator_id, action, record_id, detail, prev_hash, digest in rows:
        count += 1
        if seq != expected_seq:
            return Verdict(count, expected_seq, "missing")
        if prev_hash != prev:
            return Verdict(count, seq, "missing" if seq > 1 else "changed")
        if chain_hash(seq, at, station_id, operator_id, action, record_id, detail, prev_hash) != digest:
            return Verdict(count, seq, "changed")
        if anchor is not None and seq == anchor.seq:
            anchored = digest
        expected_seq, prev = seq + 1, digest
        if count % 5000 == 0:
            if stopping():
                return None
            if progress is not None:
                progress(count)
    if anchor is not None and anchor.seq > 0:
        if anchor.seq >= expected_seq:
            return Verdict(count, expected_seq, "cut")
        if anchored != anchor.hash:
            return Verdict(count, anchor.seq, "replaced")
    return Verdict(count, None)
