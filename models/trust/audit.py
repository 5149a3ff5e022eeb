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
from models.store import anchor as anchors
from models.store import locks
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
    "setup": QT_TRANSLATE_NOOP("Audit", "Station set up"),
    "visit_out": QT_TRANSLATE_NOOP("Audit", "Visitor signed out"),
    "auto_out": QT_TRANSLATE_NOOP("Audit", "Automatic sign-out"),
    "case_open": QT_TRANSLATE_NOOP("Audit", "Isolation case opened"),
    "case_recheck": QT_TRANSLATE_NOOP("Audit", "Isolation re-check"),
    "case_notice": QT_TRANSLATE_NOOP("Audit", "Isolation case reported"),
    "case_hand_over": QT_TRANSLATE_NOOP("Audit", "Isolation case handed over"),
    "case_close": QT_TRANSLATE_NOOP("Audit", "Isolation case closed"),
    "parcel_in": QT_TRANSLATE_NOOP("Audit", "Parcel taken in"),
    "parcel_out": QT_TRANSLATE_NOOP("Audit", "Parcel handed out"),
    "disinfection": QT_TRANSLATE_NOOP("Audit", "Disinfection recorded"),
    "readiness": QT_TRANSLATE_NOOP("Audit", "Daily check recorded"),
    "pass_scan": QT_TRANSLATE_NOOP("Audit", "Resident's pass scanned"),
    "passage": QT_TRANSLATE_NOOP("Audit", "Resident's passage"),
    "round_call": QT_TRANSLATE_NOOP("Audit", "Testing round: batch called"),
    "round_check": QT_TRANSLATE_NOOP("Audit", "Testing round: sampled"),
    "round_reason": QT_TRANSLATE_NOOP("Audit", "Testing round: reason noted"),
    "care_need": QT_TRANSLATE_NOOP("Audit", "Home-service register changed"),
    "forward": QT_TRANSLATE_NOOP("Audit", "Forwarded to the office above"),
    "round_open": QT_TRANSLATE_NOOP("Audit", "Testing round opened"),
    "round_close": QT_TRANSLATE_NOOP("Audit", "Testing round closed"),
    "round_correct": QT_TRANSLATE_NOOP("Audit", "Closed testing round corrected"),
    "care_plan": QT_TRANSLATE_NOOP("Audit", "Home service planned"),
    "care_done": QT_TRANSLATE_NOOP("Audit", "Home service done"),
    "standard": QT_TRANSLATE_NOOP("Audit", "Supervision standard loaded"),
    "inspection": QT_TRANSLATE_NOOP("Audit", "Supervision visit opened"),
    "inspection_answer": QT_TRANSLATE_NOOP("Audit", "Supervision item answered"),
    "inspection_signed": QT_TRANSLATE_NOOP("Audit", "Supervision visit signed off"),
    "finding_review": QT_TRANSLATE_NOOP("Audit", "Finding reviewed"),
    "notice": QT_TRANSLATE_NOOP("Audit", "Supervision notice written"),
    "inspection_photo": QT_TRANSLATE_NOOP("Audit", "Supervision photo attached"),
    "photos_viewed": QT_TRANSLATE_NOOP("Audit", "A compound's supervision photos looked at"),
    "census": QT_TRANSLATE_NOOP("Audit", "Compound census changed"),
    "compound_list": QT_TRANSLATE_NOOP("Audit", "Compounds' list for the teams"),
    "rota_person": QT_TRANSLATE_NOOP("Audit", "Rota: person added or changed"),
    "rota_plan": QT_TRANSLATE_NOOP("Audit", "Rota: posts or shifts planned"),
    "rota_assign": QT_TRANSLATE_NOOP("Audit", "Rota: person put on or taken off a shift"),
    "duty_check": QT_TRANSLATE_NOOP("Audit", "Checked in or out at the post"),
    "duty_review": QT_TRANSLATE_NOOP("Audit", "Check-in reviewed"),
    "duty_close": QT_TRANSLATE_NOOP("Audit", "Forgotten check-ins closed"),
    "duty_sheet": QT_TRANSLATE_NOOP("Audit", "Hours sheet written"),
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


_WRITTEN = "gatedesk_audited"


def record(session, *, at: datetime, station_id: str, operator_id: str | None, action: str,
           record_id: str | None = None, detail: str = "") -> AuditEvent:
    """Append one entry at the end of the chain, in the caller's transaction (a Session or a
    Connection: an import audits itself in the transaction that applies the bundle). Units of
    work hold the write lock from BEGIN, so the end of the chain cannot move meanwhile.

    Every registration passes here: a plain INSERT with the statement compiled once, no model
    validation (the values are ours), keeps it well under a millisecond."""
    # Straight to the connection: the ORM's execute path costs more than these two statements.
    if isinstance(session, OrmSession):
        session.info.setdefault(_WRITTEN, []).append(action)
        conn = session.connection()
    else:
        conn = session
    locks.hold(conn, "audit")  # several writers on a server: one at a time at the chain's end
    last = conn.execute(_LAST).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    detail = detail[:500]
    values = dict(id=new_id(), seq=seq, prev_hash=prev, at=at, station_id=station_id, operator_id=operator_id,
                  action=action, record_id=record_id, detail=detail,
                  hash=chain_hash(seq, at, station_id, operator_id, action, record_id, detail, prev))
    conn.execute(_INSERT, values)
    anchors.note(conn, _head_row, seq)  # the commit moves the anchor, whichever path wrote this
    return AuditEvent.model_construct(**values)


def written_in(session) -> list[str]:
    """The entries appended in this unit of work so far, by action: a declared action that wrote
    its own is not given its default one."""
    return session.info.get(_WRITTEN, [])


def _head_row(conn) -> tuple[int, str]:
    last = conn.execute(_LAST).first()
    return (last[0], last[1]) if last else (0, "")


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
    # changed | missing | cut (entries after the anchor are gone) | replaced | no_anchor (the chain
    # has entries and nothing anchors them) | restarted (the anchor went missing and was begun again
    # after entry first_bad - 1: a cut before then cannot be ruled out)
    why: str = ""


Anchor = anchors.Head


def head(conn) -> Anchor:
    return Anchor(*_head_row(conn))


def hash_at(conn, seq: int) -> str | None:
    return conn.execute(select(AuditEvent.hash).where(AuditEvent.seq == seq)).scalar()


def anchor_path(db_path: Path) -> Path:
    return anchors.path_beside(db_path)


def save_anchor(db_path: Path | None, conn) -> Anchor | None:
    """Begin the anchor beside the database at the chain's head (a restore: its older chain is the
    new starting point)."""
    if db_path is None:
        return None
    head_now = head(conn)
    anchors.save(anchor_path(db_path), head_now)
    return head_now


def load_anchor(where: Path | None, *, beside: bool = True) -> Anchor | None:
    """The anchor of the database at where (beside=False: where is the anchor file itself)."""
    if where is None:
        return None
    return anchors.load(anchor_path(where) if beside else where)


def verify(session, progress=None, stopping=lambda: False, anchor: Anchor | None = None,
           anchored_at: Path | None = None) -> Verdict | None:
    """Walk the chain from the first entry; report the first entry that is not as it was written,
    and (given the anchor last written outside the database) entries cut off the end or a chain
    rewritten whole since. anchored_at: where the anchor should be, when the database keeps one (its
    absence is then reported).

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
        if anchor.since:
            return Verdict(count, anchor.since + 1, "restarted")
    elif anchor is None and anchored_at and count:
        return Verdict(count, 1, "no_anchor")
    return Verdict(count, None)
