"""Gates export their records as bundles; an office imports bundles from many gates.

Export streams each table of this station's records into a signed bundle (models/bundle.py).
Import applies one bundle in one transaction: every record is checked, compared with what the
office holds by id, revision and content digest, and created, updated, left alone or kept as a
conflict. Any problem rejects the whole file and changes nothing.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, and_, bindparam, func, or_, select
from sqlmodel import Session

from models import audit, bundle, db as dbmod, wire
from models.bundle import BundleRejected, MemberSpec, canonical_line, parse_wire_time, wire_time
from models.clock import utcnow
from models.db import Database, Meta
from models.i18n import QT_TRANSLATE_NOOP, Message
from models.isolation import IsolationCase, CaseCorrection, IsolationNotice, IsolationRecheck
from models.operators import Operator, Shift
from models.parcels import DisinfectionRound, Parcel
from models.readiness import ReadinessCheck
from models.records import UTCDateTime, new_id
from models.retention import ERASED
from models.site import Compound, Gate, Station, StationContext
from models.sync_tables import (SyncConflict, SyncEnrollment, SyncExport, SyncReceipt, SyncRecord, SyncStation,
                                Tombstone)
from models.visits import Visit

# Parents before children, so every bundle applies in one pass with foreign keys on.
RECORD_TYPES: dict[str, type] = {
    "compound": Compound,
    "gate": Gate,
    "operator": Operator,
    "shift": Shift,
    "visit": Visit,
    "isolation_case": IsolationCase,
    "isolation_recheck": IsolationRecheck,
    "isolation_notice": IsolationNotice,
    "isolation_correction": CaseCorrection,
    "parcel": Parcel,
    "disinfection_round": DisinfectionRound,
    "readiness_check": ReadinessCheck,
    "tombstone": Tombstone,
}
# Never leaves the station: PIN hashes (stored empty at the office).
WITHHELD = {"operator": {"pin_hash": ""}}
# Changes made within this window before the previous export are sent again (harmless), so a
# write that committed while that export was being read is never skipped.
OVERLAP = timedelta(minutes=5)
FUTURE_TOLERANCE = timedelta(minutes=10)
BATCH = 2000

SIGNING_KEY = "station_signing_key"
OFFICE_KEY = "office_public_key"
OFFICE_NAME = "office_name"
OFFICE_PRIVATE_KEY = "office_private_key"
MODE = "mode"


# -- keys ----------------------------------------------------------------------------------
def _meta(session: Session, key: str) -> str | None:
    row = session.get(Meta, key)
    return row.value if row else None


def _set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def ensure_signing_key(session: Session) -> str:
    """The station's private signing key, made once (at setup, or on first export for older files)."""
    key = _meta(session, SIGNING_KEY)
    if key is None:
        key = bundle.new_signing_key()
        _set_meta(session, SIGNING_KEY, key)
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
    private = _meta(session, OFFICE_PRIVATE_KEY)
    if private is None:
        private = bundle.new_office_key()
        _set_meta(session, OFFICE_PRIVATE_KEY, private)
    return OfficeKeyFile(office=office_name, public_key=bundle.office_public_key(private))


def load_office_key(session: Session, key: OfficeKeyFile) -> None:
    """A gate keeps the office's public key; every later bundle is encrypted to it."""
    _set_meta(session, OFFICE_KEY, key.public_key)
    _set_meta(session, OFFICE_NAME, key.office)


def loaded_office_key(session: Session) -> OfficeKeyFile | None:
    key = _meta(session, OFFICE_KEY)
    return OfficeKeyFile(office=_meta(session, OFFICE_NAME) or "", public_key=key) if key else None


# -- the wire form of each table -------------------------------------------------------------
@dataclass
class Codec:
    """Turns one table's rows into canonical lines (the writer's side; readers use models.wire)."""

    record_type: str
    table: Table
    columns: list[str]  # on the wire, in table order
    time_columns: list[str]

    def line(self, row) -> bytes:
        record = {}
        for name in self.columns:
            value = row[name]
            if name in self.time_columns:
                value = wire_time(value)
            record[name] = value
        return canonical_line(record)


def codec_for(name: str, model: type) -> Codec:
    table: Table = model.__table__
    withheld = WITHHELD.get(name, {})
    return Codec(name, table, [c.name for c in table.columns if c.name not in withheld],
                 [c.name for c in table.columns if isinstance(c.type, UTCDateTime)])


def codecs() -> dict[str, Codec]:
    return {name: codec_for(name, model) for name, model in RECORD_TYPES.items()}


def schema_for(name: str, to_storage: Callable[[str], Any]) -> wire.RecordSchema:
    """The one validator of a record type, storing times as to_storage makes them."""
    return wire.RecordSchema(name, RECORD_TYPES[name].__table__, WITHHELD.get(name, {}), to_storage)


def schemas(to_storage: Callable[[str], Any]) -> dict[str, wire.RecordSchema]:
    return {name: schema_for(name, to_storage) for name in RECORD_TYPES}


# -- export (gate) ---------------------------------------------------------------------------
class NotAStation(Exception):
    pass


@dataclass
class ExportResult:
    path: Path
    seq: int
    counts: dict[str, int]
    encrypted: bool
    sheets: list[Path] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def _safe_file_part(text: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "-", text).strip("-.")
    return cleaned[:40] or "gate"


def _day_bounds(day_from: date, day_to: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day_from, time.min, tzinfo=zone)
    end = datetime.combine(day_to + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def _member_queries(station_id: str, since, window) -> dict[str, Any]:
    """One SELECT per record type; children bring their parents so each bundle stands alone."""
    mine = {name: model.station_id == station_id for name, model in RECORD_TYPES.items()}
    if since is None and window is None:
        wheres = {name: [term] for name, term in mine.items()}
    else:
        def changed(model):
            if window is not None:
                return and_(model.created_at >= window[0], model.created_at < window[1])
            return model.updated_at > since

        child_cases = [select(m.case_id).where(mine[n], changed(m)) for n, m in (
            ("isolation_recheck", IsolationRecheck), ("isolation_notice", IsolationNotice),
            ("isolation_correction", CaseCorrection))]
        case_where = [mine["isolation_case"],
                      or_(changed(IsolationCase), *[IsolationCase.id.in_(q) for q in child_cases])]
        visits_of_cases = select(IsolationCase.visit_id).where(*case_where)
        wheres = {name: [mine[name], changed(model)] for name, model in RECORD_TYPES.items()}
        wheres["isolation_case"] = case_where
        wheres["visit"] = [mine["visit"], or_(changed(Visit), Visit.id.in_(visits_of_cases))]
        for small in ("compound", "gate", "operator"):  # always sent whole
            wheres[small] = [mine[small]]
    queries = {}
    for name, model in RECORD_TYPES.items():
        table = model.__table__
        queries[name] = select(table).where(*wheres[name]).order_by(table.c.created_at, table.c.id)
    return queries


def export_bundle(db: Database, out: Path, *, day_from: date | None = None, day_to: date | None = None,
                  zone: ZoneInfo | None = None, now: datetime | None = None, sheets: bool = True,
                  full_data: bool = False, language: str = "zh_CN",
                  progress: Callable[[int], None] | None = None, operator_id: str | None = None) -> ExportResult:
    """Write this station's records since its previous export (or created in a day range).

    out is a folder (the bundle gets a descriptive name) or a file name. The bundle is written
    beside under a temporary name and renamed when complete; the export is then numbered.
    """
    from models import reports
    from models.settings import load_settings
    from models.site import this_station

    now = now or utcnow()
    with db.session() as s:
        ctx = this_station(s)
        if ctx is None or _meta(s, MODE) == "office":
            raise NotAStation()
        settings = load_settings(s)
        zone = zone or ZoneInfo(settings.timezone)
        signing_key = ensure_signing_key(s)
        office = loaded_office_key(s)
        previous = s.execute(select(SyncExport).order_by(SyncExport.seq.desc()).limit(1)).scalars().first()
        last_incremental = s.execute(select(SyncExport).where(SyncExport.day_from.is_(None))
                                  .order_by(SyncExport.seq.desc()).limit(1)).scalars().first()
        compound = s.get(Compound, ctx.compound_id)
        station = s.get(Station, ctx.station_id)
        # The audit chain's head goes into the manifest, with the hash now found where the
        # previous bundle's head was: the office sees a chain that was cut short or rewritten.
        chain = audit.head(s)
        prev_seq = previous.audit_seq if previous is not None else None
        prev_hash = audit.hash_at(s, prev_seq) if prev_seq else None
        s.commit()
    seq = (previous.seq if previous else 0) + 1
    window = _day_bounds(day_from, day_to, zone) if day_from and day_to else None
    since = None
    if window is None and last_incremental is not None:
        since = last_incremental.upto - OVERLAP
    if window:
        period = {"from": wire_time(window[0]), "to": wire_time(min(window[1], now)),
                  "days": [day_from.isoformat(), day_to.isoformat()]}
    else:
        period = {"from": wire_time(since), "to": wire_time(now), "days": None}
    first_record = None
    if since is None and window is None:
        with db.session() as s:
            first_record = s.execute(select(func.min(Visit.created_at)).where(
                Visit.station_id == ctx.station_id)).scalar()
    path = _bundle_path(out, ctx, seq, window, since or min(filter(None, (first_record, station.created_at))),
                        now, zone)
    manifest = {
        "app": "GateDesk",
        "created_at": wire_time(now),
        "sequence": seq,
        "kind": "range" if window else "incremental",
        "period": period,
        "station": {"id": ctx.station_id, "public_key": bundle.signing_public_key(signing_key),
                    "gate_id": ctx.gate_id, "created_at": wire_time(station.created_at)},
        "compound": {"id": ctx.compound_id, "name": ctx.compound_name, "community": compound.community,
                     "subdistrict": compound.subdistrict, "district": compound.district},
        "gate": {"id": ctx.gate_id, "name": ctx.gate_name},
        "audit": {"seq": chain.seq, "hash": chain.hash, "prev_seq": prev_seq, "prev_hash": prev_hash},
    }
    queries = _member_queries(ctx.station_id, since, window)
    codec_map = codecs()
    done = [0]

    with db.engine.connect() as conn:
        # One read transaction: every member comes from the same snapshot.
        members = [MemberSpec(name, _lines(conn, queries[name], codec_map[name], done, progress))
                   for name in RECORD_TYPES]
        written = bundle.write_bundle(path, manifest, members, signing_key=signing_key,
                                      office_key=office.public_key if office else None)
        counts = {m["type"]: m["records"] for m in written["members"]}
        conn.rollback()
    with db.session() as s:
        s.add(SyncExport(seq=seq, station_id=ctx.station_id, created_at=now, since=since,
                         upto=min(window[1], now) if window else now,
                         day_from=day_from.isoformat() if window else None,
                         day_to=day_to.isoformat() if window else None,
                         file_name=path.name, records=sum(counts.values()), audit_seq=chain.seq,
                         audit_hash=chain.hash))
        audit.record(s, at=now, station_id=ctx.station_id, operator_id=operator_id, action="export",
                     detail=f"seq={seq} records={sum(counts.values())}" + (" unmasked" if full_data and sheets else ""))
        s.commit()
        audit.save_anchor(db.path, s)
    result = ExportResult(path=path, seq=seq, counts=counts, encrypted=office is not None)
    if sheets:
        result.sheets = reports.write_people_logs(db, path.with_suffix(""), queries=queries, zone=zone,
                                                  full_data=full_data, language=language)
    return result


def _lines(conn: Connection, query, codec: Codec, done: list[int], progress) -> Iterator[bytes]:
    result = conn.execution_options(yield_per=BATCH).execute(query)
    for row in result.mappings():
        yield codec.line(row)
        done[0] += 1
        if progress and done[0] % BATCH == 0:
            progress(done[0])


def _bundle_path(out: Path, ctx: StationContext, seq: int, window, since, now: datetime, zone: ZoneInfo) -> Path:
    if out.suffix.lower() == bundle.SUFFIX or (out.suffix and not out.is_dir()):
        out.parent.mkdir(parents=True, exist_ok=True)
        return out
    out.mkdir(parents=True, exist_ok=True)
    if window:
        first, last = window[0].date(), (window[1] - timedelta(days=1)).date()
    else:
        first = since.astimezone(zone).date()
        last = now.astimezone(zone).date()
    period = f"{first:%Y%m%d}-{last:%Y%m%d}"
    name = f"{_safe_file_part(ctx.compound_name)}_{_safe_file_part(ctx.gate_name)}_{period}_{seq:05d}{bundle.SUFFIX}"
    return out / name


# -- import (office) -------------------------------------------------------------------------
class Cancelled(Exception):
    pass


@dataclass
class Problem:
    code: str
    message: Any  # models.i18n.Message
    record_id: str | None = None


@dataclass
class FileSummary:
    """What importing one file did (or would do, on a dry run)."""

    path: Path
    status: str = "accepted"  # accepted | rejected | held | skipped | cancelled
    station_id: str | None = None
    compound: str = ""
    gate: str = ""
    seq: int | None = None
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (record type, id)
    problem: Problem | None = None
    already_imported: bool = False
    fingerprint: str | None = None  # of a held bundle's key, to check with the gate
    audit_alarm: str | None = None  # the gate's audit chain went backwards or was replaced

    def total(self, which: str) -> int:
        return sum(getattr(self, which).values())

    def reject(self, exc: BundleRejected) -> None:
        self.status = "held" if isinstance(exc, bundle.BundleHeld) else "rejected"
        self.problem = Problem(exc.code, exc.message, exc.record_id)
        if isinstance(exc, bundle.BundleHeld):
            self.fingerprint, self.compound, self.gate, self.seq = exc.fingerprint, exc.compound, exc.gate, exc.sequence
        self._forget()

    def skip(self, code: str, message) -> None:
        self.status = "skipped"
        self.problem = Problem(code, message)
        self._forget()

    def cancel(self) -> None:
        self.status = "cancelled"
        self._forget()

    def _forget(self) -> None:
        self.created, self.updated, self.unchanged, self.conflicts = {}, {}, {}, []
        self.audit_alarm = None

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "status": self.status, "station": self.station_id,
            "compound": self.compound, "gate": self.gate, "sequence": self.seq,
            "reason": self.problem.code if self.problem else None,
            "record": self.problem.record_id if self.problem else None,
            "fingerprint": self.fingerprint, "audit_alarm": self.audit_alarm,
            "created": self.total("created"), "updated": self.total("updated"),
            "unchanged": self.total("unchanged"), "conflicts": len(self.conflicts),
            "conflict_records": [{"type": t, "id": i} for t, i in self.conflicts],
            "by_type": {t: {"created": self.created.get(t, 0), "updated": self.updated.get(t, 0),
                            "unchanged": self.unchanged.get(t, 0)} for t in RECORD_TYPES},
        }


def bundle_files(paths: Iterable[Path]) -> list[Path]:
    """Files named on the command line, and the bundles found in folders (a USB stick)."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            # Hidden names are not bundles: a half-written one (.name.partial.gdbundle) or the
            # ._name files a Mac leaves on a USB stick.
            found += sorted(q for q in p.rglob(f"*{bundle.SUFFIX}") if q.is_file() and not q.name.startswith("."))
        else:
            found.append(p)
    return found


PEOPLE_LOG = QT_TRANSLATE_NOOP("Sync", "A spreadsheet GateDesk writes for people beside its bundle; the office "
                               "imports the bundle, not this. Skipped.")


def is_people_log(path: Path) -> bool:
    """A .xlsx or .csv GateDesk wrote beside a bundle (a clerk gives `import usb/*`)."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv") or not path.is_file():
        return False
    try:
        if any(path.stem.startswith(b.stem) for b in path.parent.glob(f"*{bundle.SUFFIX}")):
            return True
        if suffix == ".csv":
            with open(path, "rb") as f:
                head = f.read(4096)
            return head.startswith(b"\xef\xbb\xbf") and reports_header(head[3:].split(b"\r\n")[0])
        import zipfile

        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 65536:
                return False
            return b"<dc:creator>GateDesk</dc:creator>" in zf.read(info)
    except (OSError, KeyError, ValueError, *bundle.ZIP_DAMAGE):
        return False


def reports_header(line: bytes) -> bool:
    from models import reports

    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return text in reports.people_log_headers()


def ensure_office(db: Database) -> None:
    """Mark a new (empty) database as a community office's; refuse a gate's."""
    with db.session() as s:
        if _meta(s, MODE) == "office":
            return
        if _meta(s, "station_id") is not None:
            raise NotAnOffice()
        mark_office(s)
        s.commit()


def mark_office(session: Session, *, name: str = "") -> None:
    _set_meta(session, MODE, "office")
    if name:
        _set_meta(session, OFFICE_NAME, name)


class NotAnOffice(Exception):
    pass


def is_office(db: Database) -> bool:
    with db.reading() as s:
        return _meta(s, MODE) == "office"


# -- enrollment --------------------------------------------------------------------------------
FINGERPRINT_RE = re.compile(r"^[0-9a-f]{4}(-[0-9a-f]{4}){3}$")


def normalise_fingerprint(text: str) -> str | None:
    """'DA48 52C4 7e96-12c6' → 'da48-52c4-7e96-12c6'; None when it is not a fingerprint."""
    digits = re.sub(r"[\s\-:]", "", text or "").lower()
    if not re.fullmatch(r"[0-9a-f]{16}", digits):
        return None
    return "-".join(digits[i:i + 4] for i in range(0, 16, 4))


def enroll(conn, fingerprint: str, *, now: datetime, operator_id: str | None, station_id: str) -> bool:
    """Accept bundles signed with this key from now on; False when it was enrolled already.
    The caller checks the role (an administrator) and commits; the enrollment is audited."""
    if not FINGERPRINT_RE.match(fingerprint):
        raise ValueError(fingerprint)
    if conn.execute(select(SyncEnrollment.fingerprint).where(SyncEnrollment.fingerprint == fingerprint)).first():
        return False
    conn.execute(SyncEnrollment.__table__.insert().values(fingerprint=fingerprint, enrolled_at=now,
                                                          operator_id=operator_id))
    audit.record(conn, at=now, station_id=station_id, operator_id=operator_id, action="enroll", detail=fingerprint)
    return True


def enrolled(conn, fingerprint: str) -> bool:
    return conn.execute(select(SyncEnrollment.fingerprint)
                        .where(SyncEnrollment.fingerprint == fingerprint)).first() is not None


# -- applying a bundle ---------------------------------------------------------------------------
MAX_SEQUENCE_STEP = 10_000  # years of daily exports; a jump of millions is not a real series
DELETED = "deleted"  # SyncRecord.digest of a record its station deleted
TABLE_TYPES = {model.__tablename__: name for name, model in RECORD_TYPES.items()}
OFFICE_MADE = {"compound", "gate", "operator", "shift"}  # an office's set-up and sign-ins make these


@dataclass
class _File:
    """What one file's records are checked against."""

    station_id: str
    gate_id: str
    latest: str  # the last acceptable time on the wire (the office's clock plus tolerance)
    now: datetime
    seq: int
    deletes: bool  # the station has sent deletions (then a record may arrive after its own)
    tombstones: list[tuple[str, str]] = field(default_factory=list)


class Importer:
    """Imports bundles into an office database, one file per transaction."""

    def __init__(self, db: Database, *, clock=utcnow, trust_new_key: bool = False,
                 trusted_files: set[Path] | None = None, operator_id: str | None = None,
                 enroll: Iterable[str] = ()):
        """trust_new_key accepts a known gate's new signing key in any file; trusted_files, only in those.
        enroll: fingerprints of stations to enroll, recorded with the first file of theirs imported
        (a dry run records nothing). operator_id is who imports, for the audit log."""
        from models.settings import load_settings
        from models.site import this_station

        self.db = db
        self.operator_id = operator_id
        self.clock = clock
        self.trust_new_key = trust_new_key
        self.trusted_files = trusted_files or set()
        self.enroll = set(enroll)
        self.enrolled_now: set[str] = set()  # of those, the ones a file used
        self.schemas = schemas(dbmod.time_storage(db.engine.dialect.name))
        with db.session() as s:
            self.office_key = _meta(s, OFFICE_PRIVATE_KEY)
            here = this_station(s)
            self.station_id = here.station_id if here else "office"
            self.trust_new_stations = load_settings(s).trust_new_stations

    def run(self, path: Path, *, dry_run: bool = False, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> FileSummary:
        """Import one file in its own transaction (the command line: each file stands alone)."""
        summary = FileSummary(path=path)
        if is_people_log(path):
            summary.skip("people_log", Message("Sync", PEOPLE_LOG))
            return summary
        try:
            with self.db.engine.connect() as conn:
                dbmod.begin_import(conn)
                try:
                    self._guarded(conn, path, summary, self.clock(), progress, cancelled)
                    conn.rollback() if dry_run else conn.commit()
                except BaseException:
                    conn.rollback()
                    raise
        except BundleRejected as exc:
            summary.reject(exc)
        except Cancelled:
            summary.status = "cancelled"
        return summary

    def run_all(self, paths: list[Path], *, dry_run: bool = False,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[FileSummary]:
        """Import several files as one run: each file atomic (a savepoint), the run cancellable whole.

        A bad file is rolled back to its savepoint and the others go on; cancelling rolls back
        the run, so the database is exactly as before. A dry run previews the files together,
        as they would apply one after another.
        """
        steps = 1000

        def file_progress(index: int):
            if progress is None:
                return None
            return lambda done, total: progress(index * steps + (done * steps // total if total else 0),
                                                len(paths) * steps)

        summaries = [FileSummary(path=p) for p in paths]
        now = self.clock()
        with self.db.engine.connect() as conn:
            dbmod.begin_import(conn)
            try:
                for index, summary in enumerate(summaries):
                    if is_people_log(summary.path):
                        summary.skip("people_log", Message("Sync", PEOPLE_LOG))
                        continue
                    savepoint = conn.begin_nested()
                    try:
                        self._guarded(conn, summary.path, summary, now, file_progress(index), cancelled)
                        savepoint.commit()
                    except BundleRejected as exc:
                        savepoint.rollback()
                        summary.reject(exc)
                    if progress:
                        progress((index + 1) * steps, len(paths) * steps)
                conn.rollback() if dry_run else conn.commit()
            except Cancelled:
                conn.rollback()
                for summary in summaries:
                    summary.cancel()
            except BaseException:
                conn.rollback()
                raise
        return summaries

    def _guarded(self, conn: Connection, path: Path, summary: FileSummary, now: datetime, progress,
                 cancelled) -> None:
        """One file; whatever it holds ends as its own rejection, never as the run's end."""
        from sqlalchemy.exc import DataError, IntegrityError, OperationalError

        try:
            with bundle.open_bundle(path, office_key=self.office_key, known_key=self._known_key(conn),
                                    trust_new_key=self.trust_new_key or path in self.trusted_files,
                                    admit_new=self._admit_new(conn)) as opened:
                self._apply(conn, opened, summary, now, progress, cancelled)
        except (BundleRejected, Cancelled, OperationalError):
            raise  # OperationalError: the office's own disk or database, not the file's fault
        except (IntegrityError, DataError) as exc:
            raise BundleRejected("invalid_record", record_id="?", member="?", detail=type(exc).__name__) from None
        except Exception as exc:  # noqa: BLE001 - a file must never end the run; the report says where
            self._report(exc)
            raise BundleRejected("unexpected", detail=type(exc).__name__) from None

    def _report(self, exc: Exception) -> None:
        from models import crash

        if self.db.path is not None:
            crash.report_quietly(self.db.path.parent / "logs", exc, self.clock())

    def _known_key(self, conn: Connection):
        def known(station_id: str) -> str | None:
            row = conn.execute(select(SyncStation.public_key).where(SyncStation.station_id == station_id)).first()
            return row[0] if row else None
        return known

    def _admit_new(self, conn: Connection):
        def admit(public_key: str) -> bool:
            fingerprint = bundle.key_id(public_key)
            if enrolled(conn, fingerprint):
                return True
            if fingerprint in self.enroll:
                enroll(conn, fingerprint, now=self.clock(), operator_id=self.operator_id, station_id=self.station_id)
                self.enrolled_now.add(fingerprint)
                return True
            return self.trust_new_stations
        return admit

    def _apply(self, conn: Connection, opened: bundle.OpenBundle, summary: FileSummary, now: datetime,
               progress, cancelled) -> None:
        m = opened.manifest
        station_id, seq = opened.station_id, m.sequence
        created_at = parse_wire_time(m.created_at)
        summary.station_id, summary.seq, summary.compound, summary.gate = station_id, seq, m.compound.name, m.gate.name
        if created_at > now + FUTURE_TOLERANCE:
            raise BundleRejected("future_record", record_id="manifest", member=bundle.MANIFEST, when=m.created_at)
        if station_id == self.station_id:
            raise BundleRejected("not_owner", record_id=station_id, member=bundle.MANIFEST, owner=_office_label())
        types = [member.record_type for member in opened.members]
        if types != list(RECORD_TYPES):
            missing = [t for t in RECORD_TYPES if t not in types]
            if missing:
                raise BundleRejected("missing_member", member=f"{missing[0]}.jsonl")
            extra = next((t for t in types if t not in RECORD_TYPES), None)
            if extra is not None:
                raise BundleRejected("unexpected_member", member=extra[:100])
            raise BundleRejected("bad_manifest", detail="members out of order or listed twice")
        last = conn.execute(select(func.max(SyncReceipt.seq)).where(SyncReceipt.station_id == station_id)).scalar()
        if seq > (last or 0) + MAX_SEQUENCE_STEP:
            raise BundleRejected("implausible_sequence", sequence=seq, last=last or 0)
        summary.already_imported = conn.execute(
            select(SyncReceipt.id).where(SyncReceipt.id == opened.receipt_id)).first() is not None
        total = sum(member.records for member in opened.members)
        done = 0
        if summary.already_imported:
            # The very bundle (same signed manifest, checked contents) was applied before:
            # applying it again cannot change anything, so only its integrity is proven.
            for member in opened.members:
                for _line in opened.lines(member):
                    pass
                if member.records:
                    summary.unchanged[member.record_type] = member.records
                done += member.records
                if cancelled and cancelled():
                    raise Cancelled()
                if progress:
                    progress(done, total)
            return
        deletes = next((x.records for x in opened.members if x.record_type == "tombstone"), 0) > 0 or \
            conn.execute(select(Tombstone.id).where(Tombstone.station_id == station_id).limit(1)).first() is not None
        file = _File(station_id=station_id, gate_id=m.gate.id, latest=wire_time(now + FUTURE_TOLERANCE),
                     now=now, seq=seq, deletes=deletes)
        dbmod.begin_seen_ids(conn)
        for member in opened.members:
            schema = self.schemas[member.record_type]
            batch: list[wire.Decoded] = []
            for line in opened.lines(member):
                batch.append(self._decode(schema, line, member.name, file))
                if len(batch) >= BATCH:
                    self._apply_batch(conn, schema, batch, summary, file, member.name)
                    done += len(batch)
                    batch = []
                    if cancelled and cancelled():
                        raise Cancelled()
                    if progress:
                        progress(done, total)
            if batch:
                self._apply_batch(conn, schema, batch, summary, file, member.name)
                done += len(batch)
                if progress:
                    progress(done, total)
        if cancelled and cancelled():
            raise Cancelled()
        self._delete_tombstoned(conn, file)
        self._check_station(conn, m, station_id)
        self._note_station(conn, opened, seq, created_at, now)
        conn.execute(SyncReceipt.__table__.insert().values(
            id=opened.receipt_id, station_id=station_id, seq=seq, bundle_created_at=created_at, imported_at=now,
            period_from=parse_wire_time(m.period.from_) if m.period.from_ else None,
            period_to=parse_wire_time(m.period.to), file_name=opened.path.name[:255],
            created=summary.total("created"), updated=summary.total("updated"),
            unchanged=summary.total("unchanged"), conflicts=len(summary.conflicts),
            audit_seq=m.audit.seq if m.audit else None, audit_hash=m.audit.hash if m.audit else None,
            audit_prev_seq=m.audit.prev_seq if m.audit else None,
            audit_prev_hash=m.audit.prev_hash if m.audit else None))
        summary.audit_alarm = _audit_alarm(conn, station_id, seq)
        audit.record(conn, at=now, station_id=self.station_id, operator_id=self.operator_id, action="import",
                     detail=f"receipt={opened.receipt_id[:16]} station={station_id} seq={seq} "
                     f"created={summary.total('created')} updated={summary.total('updated')} "
                     f"conflicts={len(summary.conflicts)}"
                     + (f" audit_alarm={summary.audit_alarm}" if summary.audit_alarm else ""))

    @staticmethod
    def _decode(schema: wire.RecordSchema, line: bytes, member: str, file: _File) -> wire.Decoded:
        try:
            record = schema.decode(line, file.latest)
        except wire.Future as exc:
            raise BundleRejected("future_record", record_id=exc.record_id, member=member, when=exc.when) from None
        except wire.Invalid as exc:
            raise BundleRejected("invalid_record", record_id=exc.record_id or "?", member=member,
                                 detail=exc.detail) from None
        if record.station_id != file.station_id:
            raise BundleRejected("invalid_record", record_id=record.id, member=member,
                                 detail=wire.plain(QT_TRANSLATE_NOOP("Wire", "written by another station")))
        if record.gate_id is not None and record.gate_id != file.gate_id:
            raise BundleRejected("not_owner", record_id=record.id, member=member,
                                 owner=wire.plain(QT_TRANSLATE_NOOP("Wire", "gate {gate}"), gate=record.gate_id))
        return record

    def _apply_batch(self, conn: Connection, schema: wire.RecordSchema, batch: list[wire.Decoded],
                     summary: FileSummary, file: _File, member: str) -> None:
        rtype, table, station = schema.record_type, schema.table, file.station_id
        ids = [d.id for d in batch]
        twice = dbmod.note_seen_ids(conn, ids)
        if twice is not None:
            raise BundleRejected("duplicate_record", record_id=twice, member=member)
        held = {rid: (t, rev, dig, owner) for rid, t, rev, dig, owner in dbmod.rows_in(
            conn, "SELECT id, record_type, rev, digest, station_id FROM sync_record WHERE id IN {in_}", ids)}
        # Which rows are there: for records held (one deleted at the office comes back), and for every
        # id of the kinds an office makes itself (its own compound, gate, operators, shifts).
        ask = ids if rtype in OFFICE_MADE else [i for i in ids if i in held]
        present = {r[0] for r in dbmod.rows_in(conn, f"SELECT id FROM {_quoted(conn, table)} WHERE id IN {{in_}}", ask)}
        # Deleted by their station before they arrived (or before owners were kept): stay deleted.
        open_ids = [i for i in ids if i not in held or (held[i][2] == DELETED and held[i][3] is None)]
        gone = {r[0] for r in dbmod.rows_in(conn, "SELECT record_id FROM tombstone WHERE station_id = {mark} "
                                            "AND record_id IN {in_}", open_ids, station)} if file.deletes else set()
        self._check_references(conn, schema, batch, member, station)
        inserts, updates, track_new, track_update = [], [], [], []

        def note(counts: dict) -> None:
            counts[rtype] = counts.get(rtype, 0) + 1

        for d in batch:
            h = held.get(d.id)
            if h is None:
                if d.id in present:  # the office's own record (its gate, its operators)
                    raise BundleRejected("not_owner", record_id=d.id, member=member, owner=_office_label())
                if d.id in gone:
                    note(summary.unchanged)
                else:
                    inserts.append(d.row)
                    track_new.append((d.id, rtype, d.rev, d.digest, station))
                    present.add(d.id)
                    note(summary.created)
                self._note_tombstone(rtype, d, schema, file)
                continue
            htype, hrev, hdigest, howner = h
            if howner is not None and howner != station:
                raise BundleRejected("not_owner", record_id=d.id, member=member, owner=self._owner_label(conn, howner))
            if htype != rtype:
                raise BundleRejected("invalid_record", record_id=d.id, member=member, detail=wire.plain(
                    QT_TRANSLATE_NOOP("Wire", "the id of a record of another kind ({kind})"), kind=htype))
            restore = hdigest == DELETED and howner is None and d.id not in gone or \
                hdigest != DELETED and d.id not in present  # deleted at the office, not by its owner
            if restore:
                inserts.append(d.row)
                track_update.append((d.id, d.rev, d.digest))
                note(summary.created)
            elif hdigest == DELETED:
                note(summary.unchanged)
            elif d.rev > hrev:
                updates.append(d.row)
                track_update.append((d.id, d.rev, d.digest))
                note(summary.updated)
            elif d.rev < hrev or d.digest == hdigest or hdigest == ERASED:
                note(summary.unchanged)
            elif self._record_conflict(conn, schema, d, file):
                summary.conflicts.append((rtype, d.id))
            else:
                note(summary.unchanged)  # the same conflict again
            self._note_tombstone(rtype, d, schema, file)
        dbmod.bulk_insert(conn, table, schema.stored, inserts)
        dbmod.bulk_update(conn, table, schema.stored, updates)
        dbmod.bulk_insert(conn, SyncRecord.__table__, ["id", "record_type", "rev", "digest", "station_id"], track_new)
        if track_update:
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == bindparam("b_id")).values(
                rev=bindparam("b_rev"), digest=bindparam("b_digest"), station_id=station),
                [{"b_id": i, "b_rev": r, "b_digest": g} for i, r, g in track_update])

    @staticmethod
    def _note_tombstone(rtype: str, d: wire.Decoded, schema: wire.RecordSchema, file: _File) -> None:
        if rtype == "tombstone":
            row = dict(zip(schema.stored, d.row))
            file.tombstones.append((row["record_type"], row["record_id"]))

    def _check_references(self, conn: Connection, schema: wire.RecordSchema, batch: list[wire.Decoded],
                          member: str, station: str) -> None:
        """Each record refers only to records of its own station that the office holds (parents
        travel before children, so they are held by now)."""
        if not schema.references:
            return
        targets = {target for d in batch for _column, target in d.refs}
        if not targets:
            return
        owners = {rid: (t, owner, dig) for rid, t, owner, dig in dbmod.rows_in(
            conn, "SELECT id, record_type, station_id, digest FROM sync_record WHERE id IN {in_}", list(targets))}
        parent = dict(schema.references)
        for d in batch:
            for column, target in d.refs:
                kind = TABLE_TYPES.get(parent[column], parent[column])
                held = owners.get(target)
                if held is None or held[0] != kind or held[2] == DELETED:
                    raise BundleRejected("missing_reference", record_id=d.id, member=member,
                                         target=f"{kind} {target}")
                if held[1] != station:
                    raise BundleRejected("not_owner", record_id=d.id, member=member,
                                         owner=self._owner_label(conn, held[1]))

    def _record_conflict(self, conn: Connection, schema: wire.RecordSchema, d: wire.Decoded, file: _File) -> bool:
        same = conn.execute(select(SyncConflict.id).where(
            SyncConflict.record_id == d.id, SyncConflict.rev == d.rev,
            SyncConflict.incoming_digest == d.digest)).first()
        if same is not None:
            return False
        conn.execute(SyncConflict.__table__.insert().values(
            id=new_id(), record_type=schema.record_type, record_id=d.id, rev=d.rev, station_id=file.station_id,
            seq=file.seq, held=held_line(conn, codec_for(schema.record_type, RECORD_TYPES[schema.record_type]),
                                         d.id).decode(),
            incoming=d.canonical.decode(), incoming_digest=d.digest, detected_at=file.now))
        return True

    def _delete_tombstoned(self, conn: Connection, file: _File) -> None:
        """Deletions the bundle carries: only of its own station's records, children first, and
        never of a record that something else still refers to."""
        order = list(RECORD_TYPES)
        seen = set()
        for rtype, rid in sorted(file.tombstones, key=lambda t: -order.index(t[0]) if t[0] in order else 0):
            if (rtype, rid) in seen:
                continue
            seen.add((rtype, rid))
            model = RECORD_TYPES.get(rtype)
            if model is None or rtype == "tombstone":
                raise BundleRejected("invalid_record", record_id=rid, member="tombstone.jsonl", detail=wire.plain(
                    QT_TRANSLATE_NOOP("Wire", "a deletion of an unknown kind of record ({kind})"), kind=rtype[:32]))
            table = model.__table__
            held = conn.execute(select(SyncRecord.record_type, SyncRecord.station_id, SyncRecord.digest)
                                .where(SyncRecord.id == rid)).first()
            present = conn.execute(select(table.c.id).where(table.c.id == rid)).first() is not None
            if held is None:
                if present:
                    raise BundleRejected("not_owner", record_id=rid, member="tombstone.jsonl", owner=_office_label())
                continue  # not here yet: the tombstone itself keeps it from arriving later
            if held[1] is not None and held[1] != file.station_id:
                raise BundleRejected("not_owner", record_id=rid, member="tombstone.jsonl",
                                     owner=self._owner_label(conn, held[1]))
            if held[0] != rtype:
                raise BundleRejected("invalid_record", record_id=rid, member="tombstone.jsonl", detail=wire.plain(
                    QT_TRANSLATE_NOOP("Wire", "the id of a record of another kind ({kind})"), kind=held[0]))
            if present:
                referrer = _referrer(conn, table, rid)
                if referrer is not None:
                    raise BundleRejected("still_referenced", record_id=rid, referrer=referrer)
                conn.execute(table.delete().where(table.c.id == rid))
            # Stays known, at a revision no copy can beat, so an older bundle cannot bring it back.
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == rid).values(
                rev=wire.DELETED_REV, digest=DELETED, station_id=file.station_id))

    def _check_station(self, conn: Connection, m, station_id: str) -> None:
        """The gate and compound a bundle names are its own station's, and the station stays at its gate."""
        for kind, rid in (("gate", m.gate.id), ("compound", m.compound.id)):
            held = conn.execute(select(SyncRecord.record_type, SyncRecord.station_id, SyncRecord.digest)
                                .where(SyncRecord.id == rid)).first()
            if held is None or held[0] != kind or held[2] == DELETED:
                raise BundleRejected("missing_reference", record_id="manifest", member=bundle.MANIFEST,
                                     target=f"{kind} {rid}")
            if held[1] != station_id:
                raise BundleRejected("not_owner", record_id=rid, member=bundle.MANIFEST,
                                     owner=self._owner_label(conn, held[1]))
        gate_compound = conn.execute(select(Gate.compound_id).where(Gate.id == m.gate.id)).scalar()
        if gate_compound != m.compound.id:
            raise BundleRejected("bad_manifest", detail="compound.id")
        at = conn.execute(select(Station.gate_id).where(Station.id == station_id)).first()
        if at is None:
            conn.execute(Station.__table__.insert().values(id=station_id, gate_id=m.gate.id,
                                                           created_at=parse_wire_time(m.station.created_at)))
        elif at[0] != m.gate.id:
            raise BundleRejected("bad_manifest", detail="station.gate_id")

    @staticmethod
    def _owner_label(conn: Connection, station_id: str | None) -> str:
        row = conn.execute(select(SyncStation.compound_name, SyncStation.gate_name)
                           .where(SyncStation.station_id == station_id)).first()
        return f"{row[0]} {row[1]}" if row else (station_id or "?")

    def _note_station(self, conn: Connection, opened: bundle.OpenBundle, seq: int, created_at: datetime,
                      now: datetime) -> None:
        m = opened.manifest
        values = dict(public_key=opened.public_key, compound_id=m.compound.id, compound_name=m.compound.name,
                      community=m.compound.community, gate_id=m.gate.id, gate_name=m.gate.name,
                      last_imported_at=now)
        table = SyncStation.__table__
        row = conn.execute(select(SyncStation.last_seq, SyncStation.last_bundle_at, SyncStation.public_key)
                           .where(SyncStation.station_id == opened.station_id)).first()
        if row is None:
            conn.execute(table.insert().values(station_id=opened.station_id, first_seen=now, last_seq=seq,
                                               last_bundle_at=created_at, **values))
        else:
            if row[2] != opened.public_key:  # someone accepted the gate's new key (after a phone call)
                audit.record(conn, at=now, station_id=self.station_id, operator_id=self.operator_id,
                             action="trust_key", record_id=opened.station_id,
                             detail=f"{bundle.key_id(row[2])} -> {bundle.key_id(opened.public_key)}")
            if seq >= row[0]:
                values.update(last_seq=seq, last_bundle_at=created_at)
            conn.execute(table.update().where(table.c.station_id == opened.station_id).values(**values))


def _audit_alarm(conn: Connection, station_id: str, seq: int) -> str | None:
    """Whether the gate's audit chain went backwards or was replaced between its bundles, as far
    as the bundles received so far show (in any order). Noted on the station; returns what this
    bundle (number seq) showed."""
    rows = conn.execute(select(SyncReceipt.seq, SyncReceipt.audit_seq, SyncReceipt.audit_hash,
                               SyncReceipt.audit_prev_seq, SyncReceipt.audit_prev_hash)
                        .where(SyncReceipt.station_id == station_id, SyncReceipt.audit_seq.is_not(None))
                        .order_by(SyncReceipt.seq)).all()
    found = None
    for (s1, a1, h1, _p1, _q1), (s2, a2, h2, p2, q2) in zip(rows, rows[1:]):
        alarm = None
        if a2 < a1:
            alarm = "backwards"
        elif a2 == a1 and h2 != h1:
            alarm = "replaced"
        elif s2 == s1 + 1 and p2 == a1 and a1 > 0:
            alarm = None if q2 == h1 else "backwards" if q2 is None else "replaced"
        if alarm and s1 != s2 and seq in (s1, s2):
            found = found or alarm
        if alarm:
            conn.execute(SyncStation.__table__.update().where(
                SyncStation.station_id == station_id, SyncStation.audit_alarm.is_(None)).values(
                audit_alarm=alarm, audit_alarm_seq=s2))
    return found


def _quoted(conn: Connection, table: Table) -> str:
    return conn.dialect.identifier_preparer.quote(table.name)


def _office_label() -> Message:
    return wire.plain(QT_TRANSLATE_NOOP("Wire", "this office"))


def _referrer(conn: Connection, table: Table, rid: str) -> str | None:
    """'isolation_case 1b2c…' when a row of another table refers to the record, else None."""
    from sqlmodel import SQLModel

    for other in SQLModel.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                found = conn.execute(select(other.c.id if "id" in other.c else fk.parent)
                                     .where(fk.parent == rid).limit(1)).first()
                if found is not None:
                    return f"{other.name} {found[0]}"
    return None


def held_line(conn: Connection, codec: Codec, rid: str) -> bytes:
    row = conn.execute(select(codec.table).where(codec.table.c.id == rid)).mappings().first()
    return codec.line(row).rstrip(b"\n") if row else b"{}"


# -- conflicts -------------------------------------------------------------------------------
def open_conflicts(session: Session) -> list[SyncConflict]:
    return list(session.execute(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                             .order_by(SyncConflict.detected_at)).scalars())


def resolve_conflict(db: Database, conflict_id: str, *, take_incoming: bool, operator_id: str | None,
                     now: datetime | None = None, station_id: str = "office") -> None:
    """Keep the office's copy, or replace it with the copy that arrived; either way it is recorded
    (on the conflict, and in the audit log)."""
    now = now or utcnow()
    with db.engine.begin() as conn:
        row = conn.execute(select(SyncConflict.__table__).where(SyncConflict.id == conflict_id)).mappings().first()
        if row is None or row["resolved_at"] is not None:
            return
        if take_incoming:
            schema = schema_for(row["record_type"], dbmod.time_storage(db.engine.dialect.name))
            record = schema.decode(row["incoming"].encode())  # checked as on import, by the same validator
            dbmod.bulk_update(conn, schema.table, schema.stored, [record.row])
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == row["record_id"])
                         .values(digest=row["incoming_digest"]))
        conn.execute(SyncConflict.__table__.update().where(SyncConflict.id == conflict_id).values(
            resolved_at=now, resolution="taken" if take_incoming else "kept", resolved_by=operator_id))
        audit.record(conn, at=now, station_id=station_id, operator_id=operator_id, action="conflict",
                     record_id=row["record_id"], detail="taken" if take_incoming else "kept")


# -- completeness ----------------------------------------------------------------------------
@dataclass
class StationReport:
    station_id: str
    compound_id: str
    compound_name: str
    community: str
    gate_name: str
    last_seq: int
    last_bundle_at: datetime
    last_imported_at: datetime
    missing: list[tuple[int, int]]  # runs of sequence numbers never received: (first, last)
    audit_alarm: str | None = None  # backwards | replaced: the gate's audit chain was cut or rewritten
    audit_alarm_seq: int | None = None

    @property
    def missing_count(self) -> int:
        return sum(b - a + 1 for a, b in self.missing)

    def silent_since(self, now: datetime) -> timedelta:
        return now - self.last_bundle_at


def gaps(received: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of numbers from 1 to the highest received that are missing, in one pass over what
    was received (never over the range: a gate's numbers may reach millions)."""
    out, expected = [], 1
    for n in sorted(set(received)):
        if n > expected:
            out.append((expected, n - 1))
        expected = n + 1
    return out


def completeness(session: Session) -> list[StationReport]:
    """Per gate: the last bundle received and the sequence numbers that never arrived."""
    received: dict[str, list[int]] = {}
    for station_id, seq in session.execute(select(SyncReceipt.station_id, SyncReceipt.seq)):
        received.setdefault(station_id, []).append(seq)
    out = []
    for st in session.execute(select(SyncStation).order_by(SyncStation.compound_name, SyncStation.gate_name)).scalars():
        seqs = received.get(st.station_id, [])
        out.append(StationReport(st.station_id, st.compound_id, st.compound_name, st.community, st.gate_name,
                                 max(seqs) if seqs else 0, st.last_bundle_at, st.last_imported_at, gaps(seqs),
                                 st.audit_alarm, st.audit_alarm_seq))
    return out


EXPORT_DUE = timedelta(hours=24)  # the office expects a bundle a day


def export_due(last: SyncExport | None, now: datetime) -> bool:
    """True when the gate has never exported, or not for a day."""
    return last is None or now - last.created_at >= EXPORT_DUE


def last_export(session: Session) -> SyncExport | None:
    return session.execute(select(SyncExport).order_by(SyncExport.seq.desc()).limit(1)).scalars().first()


def not_reported(session: Session, day: date, zone: ZoneInfo, *, now: datetime | None = None) -> list[str]:
    """Gates whose bundles do not cover `day`: 'compound gate (time their data reaches)'."""
    from models.clock import day_bounds

    start, end = day_bounds(day, zone)
    # A past day needs a bundle reaching its end; today, any bundle written today will do.
    needed = end if end <= (now or utcnow()) else start
    covered: dict[str, datetime] = {}
    for station_id, upto in session.execute(select(SyncReceipt.station_id, func.max(SyncReceipt.period_to))
                                            .group_by(SyncReceipt.station_id)):
        covered[station_id] = upto
    out = []
    for st in session.execute(select(SyncStation).order_by(SyncStation.compound_name, SyncStation.gate_name)).scalars():
        upto = covered.get(st.station_id)
        if upto is None or upto < needed:
            last = upto.astimezone(zone).strftime("%Y-%m-%d %H:%M") if upto else "-"
            out.append(f"{st.compound_name} {st.gate_name} ({last})")
    return out


def office_name(session: Session) -> str:
    return _meta(session, OFFICE_NAME) or ""


def set_office_name(session: Session, name: str) -> None:
    _set_meta(session, OFFICE_NAME, name)
