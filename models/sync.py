"""Gates export their records as bundles; an office imports bundles from many gates.

Export streams each table of this station's records into a signed bundle (models/bundle.py).
Import applies one bundle in one transaction: every record is checked, compared with what the
office holds by id, revision and content digest, and created, updated, left alone or kept as a
conflict. Any problem rejects the whole file and changes nothing.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Boolean, TypeDecorator, bindparam, Connection, Float, Integer, String, Table, and_, func, or_, select
from sqlmodel import Session

from models import audit, bundle, db as dbmod
from models.bundle import BundleRejected, MemberSpec, canonical_line, parse_wire_time, record_digest, wire_time
from models.clock import utcnow
from models.db import Database, Meta
from models.isolation import IsolationCase, CaseCorrection, IsolationNotice, IsolationRecheck
from models.operators import Operator, Shift
from models.parcels import DisinfectionRound, Parcel
from models.readiness import ReadinessCheck
from models.records import UTCDateTime, new_id
from models.retention import ERASED
from models.site import Compound, Gate, Station, StationContext
from models.sync_tables import SyncConflict, SyncExport, SyncReceipt, SyncRecord, SyncStation, Tombstone
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
# Never leaves the station: PIN hashes.
WITHHELD = {"operator": {"pin_hash"}}
WITHHELD_DEFAULTS = {"pin_hash": ""}
# Changes made within this window before the previous export are sent again (harmless), so a
# write that committed while that export was being read is never skipped.
OVERLAP = timedelta(minutes=5)
FUTURE_TOLERANCE = timedelta(minutes=10)
BATCH = 2000
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

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
    """Turns rows into canonical lines and lines back into checked rows, for one table."""

    record_type: str
    table: Table
    columns: list[str]  # on the wire, in table order
    stored: list[str]  # in the database, in table order (withheld columns included)
    checks: list[tuple[str, Callable[[Any], Any], bool]]
    defaults: dict[str, Any]
    time_columns: list[str]
    fast: Callable[[dict], tuple] = None  # the common case, compiled; raises on anything unusual

    def line(self, row) -> bytes:
        record = {}
        for name in self.columns:
            value = row[name]
            if name in self.time_columns:
                value = wire_time(value)
            record[name] = value
        return canonical_line(record)


class Invalid(ValueError):
    pass


def _check_str(max_len: int):
    def check(value):
        if type(value) is not str:
            raise Invalid("text expected")
        if len(value) > max_len:
            raise Invalid(f"longer than {max_len} characters")
        return value
    return check


def _check_int(value):
    if type(value) is not int:
        raise Invalid("whole number expected")
    return value


def _check_float(value):
    if type(value) not in (int, float) or not math.isfinite(value):
        raise Invalid("number expected")
    return float(value)


def _check_bool(value):
    if type(value) is not bool:
        raise Invalid("true or false expected")
    return value


def _codec(record_type: str, model: type, to_storage: Callable[[str, datetime], Any]) -> Codec:
    table: Table = model.__table__
    withheld = WITHHELD.get(record_type, set())
    checks, times = [], []
    for column in table.columns:
        if column.name in withheld:
            continue
        kind = column.type
        if isinstance(kind, UTCDateTime):
            times.append(column.name)

            def check(value, _to=to_storage):
                if type(value) is not str:
                    raise Invalid("time expected")
                try:
                    return _to(value, parse_wire_time(value))
                except ValueError as exc:
                    raise Invalid(str(exc)) from None
        elif isinstance(kind, TypeDecorator) and isinstance(kind.impl, String) or isinstance(kind, String):
            check = _check_str(kind.length or 100_000)
        elif isinstance(kind, Boolean):
            check = _check_bool
        elif isinstance(kind, Integer):
            check = _check_int
        elif isinstance(kind, Float):
            check = _check_float
        else:
            raise TypeError(f"no wire form for {table.name}.{column.name}")
        checks.append((column.name, check, bool(column.nullable)))
    codec = Codec(record_type=record_type, table=table,
                  columns=[c for c, _, _ in checks], stored=[c.name for c in table.columns],
                  checks=checks, defaults={k: WITHHELD_DEFAULTS[k] for k in withheld}, time_columns=times)
    codec.fast = _compile(codec, to_storage)
    return codec


TIME_RE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z")


@functools.lru_cache(maxsize=4096)
def _real_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
        return True
    except ValueError:
        return False


def _compile(codec: Codec, to_storage) -> Callable[[dict], tuple]:
    """A straight-line checker for one table's records: no loop, no call per plain field.

    Imports spend most of their time here, a million times over; anything it does not accept
    goes to the careful path, which finds and names the problem.
    """
    kinds = {}
    for column in codec.table.columns:
        kinds[column.name] = column
    body = ["def fast(r):", "    if len(r) != %d: raise _Bad" % len(codec.columns)]
    out = []
    for i, (name, _check, nullable) in enumerate(codec.checks):
        column = kinds[name]
        kind = column.type
        v = f"v{i}"
        body.append(f"    {v} = r[{name!r}]")
        if isinstance(kind, UTCDateTime):
            test = f"type({v}) is not str or not _time({v}) or not _day({v}[:10])"
            convert = f"    {v} = _store({v}, None if _sqlite else _parse({v}))"
        elif isinstance(kind, Boolean):
            test, convert = f"type({v}) is not bool", None
        elif isinstance(kind, Integer):
            test, convert = f"type({v}) is not int", None
        elif isinstance(kind, Float):
            test = f"type({v}) is not float and type({v}) is not int or not _finite({v})"
            convert = f"    {v} = float({v})"
        else:
            test = f"type({v}) is not str or len({v}) > {kind.length or 100_000}"
            convert = None
        if nullable:
            body.append(f"    if {v} is not None:")
            body.append(f"        if {test}: raise _Bad")
            if convert:
                body.append("    " + convert)
        else:
            body.append(f"    if {test}: raise _Bad")
            if convert:
                body.append(convert)
        out.append(name)
    values = {name: f"v{i}" for i, name in enumerate(out)}
    values.update({k: repr(v) for k, v in codec.defaults.items()})
    body.append("    return (" + ", ".join(values[c] for c in codec.stored) + ",)")
    namespace = {"_Bad": Invalid, "_time": TIME_RE.fullmatch, "_day": _real_day, "_finite": math.isfinite,
                 "_store": to_storage, "_parse": parse_wire_time, "_sqlite": getattr(to_storage, "text_only", False)}
    exec("\n".join(body), namespace)  # noqa: S102 - code generated from our own table definitions
    return namespace["fast"]


def codecs(to_storage: Callable[[str, datetime], Any] = lambda _wire, t: t) -> dict[str, Codec]:
    return {name: _codec(name, model, to_storage) for name, model in RECORD_TYPES.items()}


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


def _selection(model: type, station_id: str, since: datetime | None, window: tuple[datetime, datetime] | None):
    """The WHERE of one table's changed rows (incremental) or rows created in a day range."""
    terms = [model.station_id == station_id]
    if window is not None:
        terms += [model.created_at >= window[0], model.created_at < window[1]]
    elif since is not None:
        terms.append(model.updated_at > since)
    return terms


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
                         file_name=path.name, records=sum(counts.values())))
        audit.record(s, at=now, station_id=ctx.station_id, operator_id=operator_id, action="export",
                     detail=f"seq={seq} records={sum(counts.values())}" + (" unmasked" if full_data and sheets else ""))
        s.commit()
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
    status: str = "accepted"  # accepted | rejected | cancelled
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

    def total(self, which: str) -> int:
        return sum(getattr(self, which).values())

    def reject(self, exc: BundleRejected) -> None:
        self.status = "rejected"
        self.problem = Problem(exc.code, exc.message, exc.record_id)
        self.created, self.updated, self.unchanged, self.conflicts = {}, {}, {}, []

    def cancel(self) -> None:
        self.status = "cancelled"
        self.created, self.updated, self.unchanged, self.conflicts = {}, {}, {}, []

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "status": self.status, "station": self.station_id,
            "compound": self.compound, "gate": self.gate, "sequence": self.seq,
            "reason": self.problem.code if self.problem else None,
            "record": self.problem.record_id if self.problem else None,
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
    with db.session() as s:
        return _meta(s, MODE) == "office"


class Importer:
    """Imports bundles into an office database, one file per transaction."""

    def __init__(self, db: Database, *, clock=utcnow, trust_new_key: bool = False,
                 trusted_files: set[Path] | None = None, operator_id: str | None = None):
        """trust_new_key accepts a known gate's new signing key in any file; trusted_files, only in those.
        operator_id is who imports, for the audit log."""
        from models.site import this_station

        self.db = db
        self.operator_id = operator_id
        self.clock = clock
        self.trust_new_key = trust_new_key
        self.trusted_files = trusted_files or set()
        self.to_storage = dbmod.time_storage(db.engine.dialect.name)
        self.codecs = codecs(self.to_storage)
        with db.session() as s:
            self.office_key = _meta(s, OFFICE_PRIVATE_KEY)
            here = this_station(s)
            self.station_id = here.station_id if here else "office"

    def _known_key(self, conn: Connection):
        def known(station_id: str) -> str | None:
            row = conn.execute(select(SyncStation.public_key).where(SyncStation.station_id == station_id)).first()
            return row[0] if row else None
        return known

    def run(self, path: Path, *, dry_run: bool = False, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> FileSummary:
        """Import one file in its own transaction (the command line: each file stands alone)."""
        summary = FileSummary(path=path)
        try:
            with self.db.engine.connect() as conn:
                dbmod.begin_import(conn)
                try:
                    self._file(conn, path, summary, self.clock(), progress, cancelled)
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
                    savepoint = conn.begin_nested()
                    try:
                        self._file(conn, summary.path, summary, now, file_progress(index), cancelled)
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

    def _file(self, conn: Connection, path: Path, summary: FileSummary, now: datetime, progress, cancelled) -> None:
        with bundle.open_bundle(path, office_key=self.office_key, known_key=self._known_key(conn),
                                trust_new_key=self.trust_new_key or path in self.trusted_files) as opened:
            self._apply(conn, opened, summary, now, progress, cancelled)

    def _apply(self, conn: Connection, opened: bundle.OpenBundle, summary: FileSummary, now: datetime,
               progress, cancelled) -> None:
        manifest = opened.manifest
        station_id = opened.station_id
        try:
            seq = int(manifest["sequence"])
            created_at = parse_wire_time(manifest["created_at"])
            period_to = parse_wire_time(manifest["period"]["to"])
            period_from = manifest["period"]["from"]
            period_from = parse_wire_time(period_from) if period_from else None
            compound, gate, station = manifest["compound"], manifest["gate"], manifest["station"]
            compound_name, gate_name = str(compound["name"]), str(gate["name"])
            station_created = parse_wire_time(station["created_at"])
        except (KeyError, TypeError, ValueError) as exc:
            raise BundleRejected("bad_manifest", detail=str(exc)) from exc
        summary.station_id, summary.seq, summary.compound, summary.gate = station_id, seq, compound_name, gate_name
        if created_at > now + FUTURE_TOLERANCE:
            raise BundleRejected("future_record", record_id="manifest", member=bundle.MANIFEST,
                                 when=wire_time(created_at))
        types = [m.record_type for m in opened.members]
        if types != list(RECORD_TYPES):
            missing = [t for t in RECORD_TYPES if t not in types]
            if missing:
                raise BundleRejected("missing_member", member=f"{missing[0]}.jsonl")
            raise BundleRejected("unexpected_member", member=next(t for t in types if t not in RECORD_TYPES))
        receipt_id = _manifest_id(opened)
        summary.already_imported = conn.execute(
            select(SyncReceipt.id).where(SyncReceipt.id == receipt_id)).first() is not None
        total = sum(m.records for m in opened.members)
        done = 0
        # Fixed-width UTC times compare as text, so the future check needs no parsing.
        now_wire = wire_time(now + FUTURE_TOLERANCE)
        tombstones: list[tuple[str, str]] = []
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
        for member in opened.members:
            codec = self.codecs[member.record_type]
            batch: list[tuple[str, int, str, tuple, bytes]] = []
            for line in opened.lines(member):
                batch.append(self._parse(line, codec, member.name, station_id, now_wire))
                if len(batch) >= BATCH:
                    self._apply_batch(conn, codec, batch, summary, station_id, seq, now, tombstones)
                    done += len(batch)
                    batch = []
                    if cancelled and cancelled():
                        raise Cancelled()
                    if progress:
                        progress(done, total)
            if batch:
                self._apply_batch(conn, codec, batch, summary, station_id, seq, now, tombstones)
                done += len(batch)
                if progress:
                    progress(done, total)
        if cancelled and cancelled():
            raise Cancelled()
        self._delete_tombstoned(conn, tombstones)
        if conn.execute(select(Station.id).where(Station.id == station_id)).first() is None:
            conn.execute(Station.__table__.insert().values(id=station_id, gate_id=str(gate["id"]),
                                                           created_at=station_created))
        if not summary.already_imported:
            self._note_station(conn, opened, manifest, seq, created_at, now)
            conn.execute(SyncReceipt.__table__.insert().values(
                id=receipt_id, station_id=station_id, seq=seq, bundle_created_at=created_at, imported_at=now,
                period_from=period_from, period_to=period_to, file_name=opened.path.name[:255],
                created=summary.total("created"), updated=summary.total("updated"),
                unchanged=summary.total("unchanged"), conflicts=len(summary.conflicts)))
            audit.record(conn, at=now, station_id=self.station_id, operator_id=self.operator_id, action="import",
                         detail=f"receipt={receipt_id[:16]} station={station_id} seq={seq} "
                         f"created={summary.total('created')} updated={summary.total('updated')} "
                         f"conflicts={len(summary.conflicts)}")

    def _parse(self, line: bytes, codec: Codec, member: str, station_id: str, now_wire: str):
        try:
            record = json.loads(line)
            values = codec.fast(record)
            ok = record["station_id"] == station_id and record["updated_at"] <= now_wire \
                and record["created_at"] <= now_wire
        except Exception:  # noqa: BLE001 - the careful path below says exactly what is wrong
            ok = False
        if not ok:
            values = self._parse_carefully(line, codec, member, station_id, now_wire)
        return record["id"], record["rev"], record_digest(line), values, line

    def _parse_carefully(self, line: bytes, codec: Codec, member: str, station_id: str, now_wire: str) -> tuple:
        record_id = None
        try:
            record = json.loads(line)
            if type(record) is not dict:
                raise Invalid("a record must be a JSON object")
            record_id = record.get("id")
            if type(record_id) is not str or not UUID_RE.match(record_id):
                raise Invalid("id is not a UUID")
            unknown = set(record) - set(codec.columns)
            if unknown:
                raise Invalid(f"unknown field {sorted(unknown)[0]}")
            values = []
            for name, check, nullable in codec.checks:
                value = record.get(name)
                if value is None:
                    if not nullable:
                        raise Invalid(f"{name} is missing")
                    values.append(None)
                else:
                    try:
                        values.append(check(value))
                    except Invalid as exc:
                        raise Invalid(f"{name}: {exc}") from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise BundleRejected("invalid_record", record_id=record_id or "?", member=member, detail=str(exc)) from None
        if record["station_id"] != station_id:
            raise BundleRejected("invalid_record", record_id=record_id, member=member,
                                 detail="written by another station")
        for name in ("created_at", "updated_at"):
            if record[name] > now_wire:
                raise BundleRejected("future_record", record_id=record_id, member=member, when=record[name])
        if codec.defaults:
            by_name = dict(zip(codec.columns, values))
            by_name.update(codec.defaults)
            values = [by_name[c] for c in codec.stored]
        return tuple(values)

    def _apply_batch(self, conn: Connection, codec: Codec, batch, summary: FileSummary, station_id: str,
                     seq: int, now: datetime, tombstones: list) -> None:
        rtype = codec.record_type
        held = {}
        ids = [b[0] for b in batch]
        for rid, rev, digest in conn.execute(select(SyncRecord.id, SyncRecord.rev, SyncRecord.digest)
                                             .where(SyncRecord.id.in_(ids))):
            held[rid] = (rev, digest)
        inserts, updates, track_new, track_update = [], [], [], []
        for rid, rev, digest, values, line in batch:
            have = held.get(rid)
            if have is None:
                inserts.append(values)
                track_new.append((rid, rtype, rev, digest))
                held[rid] = (rev, digest)
                summary.created[rtype] = summary.created.get(rtype, 0) + 1
            elif rev > have[0]:
                updates.append(values)
                track_update.append((rid, rev, digest))
                held[rid] = (rev, digest)
                summary.updated[rtype] = summary.updated.get(rtype, 0) + 1
            elif rev < have[0] or digest == have[1] or have[1] == ERASED:
                summary.unchanged[rtype] = summary.unchanged.get(rtype, 0) + 1
            elif self._record_conflict(conn, codec, rid, rev, digest, line, station_id, seq, now):
                summary.conflicts.append((rtype, rid))
            else:
                summary.unchanged[rtype] = summary.unchanged.get(rtype, 0) + 1  # the same conflict again
            if rtype == "tombstone":
                tombstones.append((values[codec.stored.index("record_type")], values[codec.stored.index("record_id")]))
        dbmod.bulk_insert(conn, codec.table, codec.stored, inserts)
        dbmod.bulk_update(conn, codec.table, codec.stored, updates)
        dbmod.bulk_insert(conn, SyncRecord.__table__, ["id", "record_type", "rev", "digest"], track_new)
        if track_update:
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == bindparam("b_id"))
                         .values(rev=bindparam("b_rev"), digest=bindparam("b_digest")),
                         [{"b_id": i, "b_rev": r, "b_digest": d} for i, r, d in track_update])

    def _record_conflict(self, conn: Connection, codec: Codec, rid: str, rev: int, digest: str, line: bytes,
                         station_id: str, seq: int, now: datetime) -> bool:
        same = conn.execute(select(SyncConflict.id).where(
            SyncConflict.record_id == rid, SyncConflict.rev == rev,
            SyncConflict.incoming_digest == digest)).first()
        if same is not None:
            return False
        conn.execute(SyncConflict.__table__.insert().values(
            id=new_id(), record_type=codec.record_type, record_id=rid, rev=rev, station_id=station_id, seq=seq,
            held=held_line(conn, codec, rid).decode(), incoming=line.decode().rstrip("\n"),
            incoming_digest=digest, detected_at=now))
        return True

    def _delete_tombstoned(self, conn: Connection, tombstones: list[tuple[str, str]]) -> None:
        order = list(RECORD_TYPES)
        for rtype, rid in sorted(tombstones, key=lambda t: -order.index(t[0]) if t[0] in order else 0):
            model = RECORD_TYPES.get(rtype)
            if model is None or rtype == "tombstone":
                continue
            conn.execute(model.__table__.delete().where(model.__table__.c.id == rid))
            # Stays known, at a revision no copy can beat, so an older bundle cannot bring it back.
            conn.execute(SyncRecord.__table__.delete().where(SyncRecord.id == rid))
            conn.execute(SyncRecord.__table__.insert().values(id=rid, record_type=rtype, rev=2**31 - 1,
                                                              digest="deleted"))

    def _note_station(self, conn: Connection, opened: bundle.OpenBundle, manifest: dict, seq: int,
                      created_at: datetime, now: datetime) -> None:
        compound, gate = manifest["compound"], manifest["gate"]
        values = dict(public_key=opened.public_key, compound_id=str(compound["id"]),
                      compound_name=str(compound["name"])[:100], community=str(compound.get("community", ""))[:100],
                      gate_id=str(gate["id"]), gate_name=str(gate["name"])[:100], last_imported_at=now)
        table = SyncStation.__table__
        row = conn.execute(select(SyncStation.last_seq, SyncStation.last_bundle_at)
                           .where(SyncStation.station_id == opened.station_id)).first()
        if row is None:
            conn.execute(table.insert().values(station_id=opened.station_id, first_seen=now, last_seq=seq,
                                               last_bundle_at=created_at, **values))
        else:
            if seq >= row[0]:
                values.update(last_seq=seq, last_bundle_at=created_at)
            conn.execute(table.update().where(table.c.station_id == opened.station_id).values(**values))


def _manifest_id(opened: bundle.OpenBundle) -> str:
    body = json.dumps(opened.manifest, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(body).hexdigest()


def held_line(conn: Connection, codec: Codec, rid: str) -> bytes:
    row = conn.execute(select(codec.table).where(codec.table.c.id == rid)).mappings().first()
    return codec.line(row).rstrip(b"\n") if row else b"{}"


# -- conflicts -------------------------------------------------------------------------------
def open_conflicts(session: Session) -> list[SyncConflict]:
    return list(session.execute(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                             .order_by(SyncConflict.detected_at)).scalars())


def resolve_conflict(db: Database, conflict_id: str, *, take_incoming: bool, operator_id: str | None,
                     now: datetime | None = None) -> None:
    """Keep the office's copy, or replace it with the copy that arrived; either way it is recorded."""
    now = now or utcnow()
    importer_codecs = codecs(dbmod.time_storage(db.engine.dialect.name))
    with db.engine.begin() as conn:
        row = conn.execute(select(SyncConflict.__table__).where(SyncConflict.id == conflict_id)).mappings().first()
        if row is None or row["resolved_at"] is not None:
            return
        if take_incoming:
            codec = importer_codecs[row["record_type"]]
            record = json.loads(row["incoming"])
            values = []
            for name, check, _nullable in codec.checks:
                value = record.get(name)
                values.append(None if value is None else check(value))
            by_name = dict(zip(codec.columns, values), **codec.defaults)
            dbmod.bulk_update(conn, codec.table, codec.stored, [tuple(by_name[c] for c in codec.stored)])
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == row["record_id"])
                         .values(digest=row["incoming_digest"]))
        conn.execute(SyncConflict.__table__.update().where(SyncConflict.id == conflict_id).values(
            resolved_at=now, resolution="taken" if take_incoming else "kept", resolved_by=operator_id))


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
    missing: list[int]  # sequence numbers never received

    def silent_since(self, now: datetime) -> timedelta:
        return now - self.last_bundle_at


def completeness(session: Session) -> list[StationReport]:
    """Per gate: the last bundle received and the sequence numbers that never arrived."""
    received: dict[str, set[int]] = {}
    for station_id, seq in session.execute(select(SyncReceipt.station_id, SyncReceipt.seq)):
        received.setdefault(station_id, set()).add(seq)
    out = []
    for st in session.execute(select(SyncStation).order_by(SyncStation.compound_name, SyncStation.gate_name)).scalars():
        seqs = received.get(st.station_id, set())
        top = max(seqs) if seqs else 0
        out.append(StationReport(st.station_id, st.compound_id, st.compound_name, st.community, st.gate_name,
                                 top, st.last_bundle_at, st.last_imported_at,
                                 [n for n in range(1, top) if n not in seqs]))
    return out


EXPORT_DUE = timedelta(hours=24)  # the office expects a bundle a day


def export_due(last: SyncExport | None, now: datetime) -> bool:
    """True when the gate has never exported, or not for a day."""
    return last is None or now - last.created_at >= EXPORT_DUE


def last_export(session: Session) -> SyncExport | None:
    return session.execute(select(SyncExport).order_by(SyncExport.seq.desc()).limit(1)).scalars().first()


def not_reported(session: Session, day: date, zone: ZoneInfo) -> list[str]:
    """Gates whose bundles do not cover `day`: 'compound gate (time their data reaches)'."""
    from models.clock import day_bounds

    start, end = day_bounds(day, zone)
    # A past day needs a bundle reaching its end; today, any bundle written today will do.
    needed = end if end <= utcnow() else start
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
