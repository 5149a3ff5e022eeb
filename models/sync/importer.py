"""The office's import: one bundle in one transaction. Every record is checked, compared with what the office holds by
id, revision and content digest, and created, updated, left alone or kept as a conflict. Any problem rejects the
whole file and changes nothing; a station changes only what it owns."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, bindparam, func, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlmodel import SQLModel

from models.formats import bundle, wire
from models.formats.bundle import BundleRejected
from models.formats.wire import parse_wire_time, wire_time
from models.setup.settings import load_settings
from models.setup.site import Compound, Gate, Station, this_station
from models.store import bulk, crash, locks
from models.store.clock import utcnow
from models.store.db import Database
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.store.records import new_id
from models.sync.inbox import PEOPLE_LOG, Cancelled, FileSummary, is_people_log, write_receipt
from models.sync import closed_rules, day_figures, reader, relay, units
from models.sync.export import OVERLAP
from models.sync.forward import OfficeUnit, office_unit
from models.sync.keys import OFFICE_PRIVATE_KEY, enroll, enrolled, read_meta
from models.sync.records import (
    BATCH,
    DELETED,
    closings,
    held_line,
    member_types,
    office_made,
    record_types,
    schemas,
    table_types,
    withheld,
)
from models.sync.tables import (
    ERASED,
    SyncConflict,
    SyncForwarder,
    SyncReceipt,
    SyncRecord,
    SyncStation,
    Tombstone,
)
from models.trust import audit

FUTURE_TOLERANCE = timedelta(minutes=10)


# -- applying a bundle ---------------------------------------------------------------------------
LIVE_KEPT = 50_000  # parents a file's own records are checked against in memory, at most
MAX_SEQUENCE_STEP = 10_000  # years of daily exports; a jump of millions is not a real series
_TRACKED = ["id", "record_type", "rev", "digest", "station_id"]  # a record's row in sync_record


@dataclass
class _File:
    """What one file's records are checked against."""
    latest: str  # the last acceptable time on the wire (the office's clock plus tolerance)
    now: datetime
    seq: int
    deletes: bool  # the station has sent deletions (then a record may arrive after its own)
    owners: dict[str, str]  # the station whose records the file may bring -> its gate
    seen: bulk.SeenIds | None = None  # the ids the file brought so far
    visit_days: set[tuple[str, str]] = field(default_factory=set)  # (gate, local day) whose visits changed
    # Records of closed kinds (a testing round's lines) changed after closing, and the records
    # the file's corrections name: each of the first must be among the second.
    needs_correction: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (type, member)
    corrected: set[str] = field(default_factory=set)
    tombstones: list[tuple[str, str, str]] = field(default_factory=list)  # (type, id, owner)
    held_before: bool = False  # the last batch brought records the office holds
    # Records this file has written (new, restored or updated): live, of this kind and this owner,
    # so a child later in the file finds its parent here instead of asking the database.
    live: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (record type, owner)
    # When a worker read the whole file: on a server, the records made in its period claimed at
    # once (their sync rows written by one COPY); the sync rows of the others (on the embedded
    # file, of its small members) asked in one question: id -> row, and the ids asked. The sync
    # rows of the new ones among those are written in one COPY at the file's end.
    claimed: set[str] = field(default_factory=set)
    asked_held: dict[str, tuple] = field(default_factory=dict)
    asked: set[str] = field(default_factory=set)
    new_tracked: list[tuple[tuple, bytes | None]] = field(default_factory=list)


class Importer:
    """Imports bundles into an office database, one file per transaction."""
    def __init__(self, db: Database, *, clock=utcnow, trust_new_key: bool = False,
                 trusted_files: set[Path] | None = None, operator_id: str | None = None,
                 enroll: Iterable[str] = (), workers: int | None = None):
        """trust_new_key accepts a known gate's new signing key in any file; trusted_files, only in those.
        enroll: fingerprints of stations to enroll, recorded with the first file of theirs imported
        (a dry run records nothing). operator_id is who imports, for the audit log. workers: processes
        reading a run's files ahead (None: by the machine's cores; 0: none)."""
        self.db = db
        self.workers = workers
        self._claim_missed: set[str] = set()  # receipts of files whose records were held after all
        self.operator_id = operator_id
        self.clock = clock
        self.trust_new_key = trust_new_key
        self.trusted_files = trusted_files or set()
        self.enroll = set(enroll)
        self.enrolled_now: set[str] = set()  # of those, the ones a file used
        self._to_audit: list[str] = []  # enrollments the file being imported made (audited at its end)
        self.schemas = schemas(bulk.time_storage(db.engine.dialect.name))
        # The kinds other records refer to (a compound, a gate, a case, a round…): kept as a file writes them.
        self.parents = {table_types().get(table, table) for schema in self.schemas.values()
                        for _column, table in schema.references}
        self.closings = closings()
        self.corrections = {c.correction[0]: c.correction[1] for c in self.closings.values() if c.correction}
        with db.session() as s:
            self.office_key = read_meta(s, OFFICE_PRIVATE_KEY)
            here = this_station(s)
            self.station_id = here.station_id if here else "office"
            settings = load_settings(s)
            self.trust_new_stations = settings.trust_new_stations
            self.zone = ZoneInfo(settings.timezone)
            # An office below a district keeps each gate's bundle as signed, to relay it upward.
            unit = office_unit(s)
            self.keeps_relayed = bool(unit.subdistrict or unit.community)

    def run(self, path: Path, *, dry_run: bool = False, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> FileSummary:
        """Import one file in its own transaction (the command line: each file stands alone)."""
        summary = FileSummary(path=path)
        if is_people_log(path):
            summary.skip("people_log", Message("Sync", PEOPLE_LOG))
            return summary
        try:
            self._one_file(path, summary, self.clock(), dry_run, progress, cancelled)
        except BundleRejected as exc:
            summary.reject(exc)
        except Cancelled:
            summary.status = "cancelled"
        return summary

    def _one_file(self, path: Path, summary: FileSummary, now: datetime, dry_run: bool, progress,
                  cancelled, read: reader.Read | None = None) -> None:
        """One file in a transaction of its own. On a server, one another office PC's import made
        give way (a deadlock broken, a row added meanwhile) is run again, never shown to anyone."""
        for attempt in range(locks.RETRIES + 1):
            try:
                with self.db.engine.connect() as conn:
                    bulk.begin_import(conn)
                    try:
                        self._guarded(conn, path, summary, now, progress, cancelled, read)
                        conn.rollback() if dry_run else conn.commit()
                        return
                    except BaseException:
                        conn.rollback()
                        raise
            except (OperationalError, IntegrityError) as exc:
                if not locks.is_transient(exc) or attempt == locks.RETRIES:
                    if isinstance(exc, IntegrityError):
                        raise BundleRejected("invalid_record", record_id="?", member="?",
                                             detail=type(exc).__name__) from None
                    raise
                summary.start_over()

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
        if not dry_run and not locks.one_transaction_per_run(self.db.engine):
            return self._each_on_its_own(summaries, now, file_progress, progress, steps, cancelled)
        with self.db.engine.connect() as conn, self._read_ahead(paths, now) as ahead:
            bulk.begin_import(conn)
            try:
                for index, summary in enumerate(summaries):
                    if is_people_log(summary.path):
                        summary.skip("people_log", Message("Sync", PEOPLE_LOG))
                        continue
                    savepoint = conn.begin_nested()
                    try:
                        self._guarded(conn, summary.path, summary, now, file_progress(index), cancelled,
                                      ahead.take(summary.path))
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

    def run_each(self, paths: list[Path], *, dry_run: bool = False) -> list[FileSummary]:
        """Import files each in its own transaction, as run() would one by one (the command line:
        each file stands alone), with the files read ahead by workers."""
        return self._each_on_its_own([FileSummary(path=p) for p in paths], self.clock(), lambda _index: None,
                                     None, 1, None, dry_run=dry_run)

    def _each_on_its_own(self, summaries: list[FileSummary], now: datetime, file_progress, progress, steps: int,
                         cancelled, *, dry_run: bool = False) -> list[FileSummary]:
        """A run on a server: each file commits when done, so another PC's import waits for one file
        at most. Cancelling stops at the file being imported; the ones before it stay imported."""
        with self._read_ahead([s.path for s in summaries], now) as ahead:
            for index, summary in enumerate(summaries):
                if is_people_log(summary.path):
                    summary.skip("people_log", Message("Sync", PEOPLE_LOG))
                    continue
                try:
                    self._one_file(summary.path, summary, now, dry_run, file_progress(index), cancelled,
                                   ahead.take(summary.path))
                except BundleRejected as exc:
                    summary.reject(exc)
                except DBAPIError as exc:  # the server restarted or went away: this file is not done
                    if not exc.connection_invalidated and not isinstance(exc, OperationalError):
                        raise
                    summary.not_imported(_first_line(exc))
                except Cancelled:
                    for rest in summaries[index:]:
                        rest.cancel()
                    break
                if progress:
                    progress((index + 1) * steps, len(summaries) * steps)
        return summaries

    def _read_ahead(self, paths: list[Path], now: datetime) -> reader.ReadAhead:
        return reader.ReadAhead([p for p in paths if not is_people_log(p)], office_key=self.office_key,
                                latest=_latest(now), dialect=self.db.engine.dialect.name, workers=self.workers)

    def _guarded(self, conn: Connection, path: Path, summary: FileSummary, now: datetime, progress,
                 cancelled, read: reader.Read | None = None) -> None:
        """One file; whatever it holds ends as its own rejection, never as the run's end."""
        self._to_audit = []  # enrollments this file made, audited with its import
        try:
            with bundle.open_bundle(path, office_key=self.office_key, known_key=self._known_key(conn),
                                    trust_new_key=self.trust_new_key or path in self.trusted_files,
                                    admit_new=self._admit_new(conn)) as opened:
                self._apply(conn, opened, summary, now, progress, cancelled,
                            read if read is not None and read.matches(opened) else None)
        except (BundleRejected, Cancelled, OperationalError):
            raise  # OperationalError: the office's own disk or database, not the file's fault
        except (IntegrityError, DataError) as exc:
            if locks.is_transient(exc):
                raise  # a row another PC's import added meanwhile: the file is run again
            raise BundleRejected("invalid_record", record_id="?", member="?", detail=type(exc).__name__) from None
        except Exception as exc:  # noqa: BLE001 - a file must never end the run; the report says where
            self._report(exc)
            raise BundleRejected("unexpected", detail=type(exc).__name__) from None

    def _report(self, exc: Exception) -> None:

        if self.db.path is not None:
            crash.report_quietly(self.db.path.parent / "logs", exc, self.clock())

    def _known_key(self, conn: Connection):
        def known(station_id: str) -> str | None:
            row = conn.execute(select(SyncStation.public_key).where(SyncStation.station_id == station_id)).first() \
                or conn.execute(select(SyncForwarder.public_key).where(SyncForwarder.station_id == station_id)).first()
            return row[0] if row else None
        return known

    def _admit_new(self, conn: Connection):
        def admit(public_key: str) -> bool:
            fingerprint = bundle.key_id(public_key)
            if enrolled(conn, fingerprint):
                return True
            if fingerprint in self.enroll:
                enroll(conn, fingerprint, now=self.clock(), operator_id=self.operator_id, station_id=self.station_id,
                       audited=False)
                self._to_audit.append(fingerprint)
                self.enrolled_now.add(fingerprint)
                return True
            return self.trust_new_stations
        return admit

    def _apply(self, conn: Connection, opened: bundle.OpenBundle, summary: FileSummary, now: datetime,
               progress, cancelled, read: reader.Read | None, *, fill: OfficeUnit | None = None,
               via: str | None = None) -> None:
        """One gate's bundle (or an office's, relaying gates' bundles). fill: the unit of the office
        that relayed it, for the levels the gate's set-up left empty; via: that office."""
        m = opened.manifest
        station_id, seq = opened.station_id, m.sequence
        created_at = parse_wire_time(m.created_at)
        summary.station_id, summary.seq, summary.compound, summary.gate = station_id, seq, m.compound.name, m.gate.name
        if created_at > now + FUTURE_TOLERANCE:
            raise BundleRejected("future_record", record_id="manifest", member=bundle.MANIFEST, when=m.created_at)
        if station_id == self.station_id:
            raise BundleRejected("not_owner", record_id=station_id, member=bundle.MANIFEST, owner=_office_label())
        if m.kind == "office":
            if m.format_version < bundle.RELAY_FORMAT_VERSION:
                raise BundleRejected("relay_unverified", office=m.compound.name)
            relay.apply_relayed(self, conn, opened, summary, now, progress, cancelled)
            return
        # A gate is not an office here.
        if conn.execute(select(SyncForwarder.station_id).where(SyncForwarder.station_id == station_id)).first():
            raise BundleRejected("bad_manifest", detail="station.id")
        # Another PC importing this gate's bundles waits its turn.
        locks.hold(conn, f"station:{station_id}")
        types = [member.record_type for member in opened.members]
        expected = member_types(m.format_version)
        if types != expected:
            missing = [t for t in expected if t not in types]
            if missing:
                raise BundleRejected("missing_member", member=f"{missing[0]}.jsonl")
            extra = next((t for t in types if t not in expected), None)
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
            self._audit_enrollments(conn, now)
            # The very bundle (same signed manifest, checked contents) was applied before:
            # applying it again cannot change anything, so only its integrity is proven.
            for member in opened.members:
                if read is None or not read.whole:
                    for _line in opened.lines(member):
                        pass
                if member.records:
                    summary.unchanged[member.record_type] = member.records
                done += member.records
                if cancelled and cancelled():
                    raise Cancelled()
                if progress:
                    progress(done, total)
            self._keep(conn, opened, now)
            return
        owners = {station_id: m.gate.id}
        deletes = next((x.records for x in opened.members if x.record_type == "tombstone"), 0) > 0 or \
            conn.execute(select(Tombstone.id).where(Tombstone.station_id.in_(owners)).limit(1)).first() is not None
        file = _File(latest=_latest(now), now=now, seq=seq, deletes=deletes, owners=owners)
        file.seen = bulk.SeenIds(conn, total)
        if read is not None and read.whole:
            self._ask_ahead(conn, opened, read, file)
        for index, member in enumerate(opened.members):
            schema = self.schemas[member.record_type]
            for batch in read.batches(index) if read is not None else self._batches(opened, member, schema, file):
                self._owned(batch, member.name, file)
                self._apply_batch(conn, schema, batch, summary, file, member.name)
                done += len(batch)
                if cancelled and cancelled():
                    raise Cancelled()
                if progress:
                    progress(done, total)
        if cancelled and cancelled():
            raise Cancelled()
        self._write_new_tracked(conn, file)
        closed_rules.corrected(file.needs_correction, file.corrected)
        self._delete_tombstoned(conn, file)
        day_figures.recount(conn, file.visit_days, self.zone)
        # Each of the station's compounds in the units its set-up names (few rows: its own compound);
        # a level it left empty is the relaying office's, where one relayed it.
        fill = fill or OfficeUnit()
        units.place_compounds(conn, [
            (cid, d or fill.district, sd or fill.subdistrict, c or fill.community)
            for cid, d, sd, c in conn.execute(select(Compound.id, Compound.district, Compound.subdistrict,
                                                     Compound.community).where(Compound.station_id == station_id))],
            {m.compound.id: m.compound.grid})
        self._check_station(conn, station_id, m.gate.id, m.compound.id, m.station.created_at)
        self._note_station(conn, station_id, opened.public_key, m.compound, m.gate, seq, created_at, now)
        write_receipt(conn, opened, summary, now)
        summary.audit_alarm = _audit_alarm(conn, station_id, seq)
        self._keep(conn, opened, now)
        self._audit_enrollments(conn, now)
        audit.record(conn, at=now, station_id=self.station_id, operator_id=self.operator_id, action="import",
                     detail=f"receipt={opened.receipt_id[:16]} station={station_id}"
                     + (f" via={via}" if via else "")
                     + f" seq={seq} created={summary.total('created')} updated={summary.total('updated')} "
                     f"conflicts={len(summary.conflicts)}"
                     + (f" audit_alarm={summary.audit_alarm}" if summary.audit_alarm else ""))

    @staticmethod
    def chain_alarm(conn: Connection, station_id: str, seq: int) -> str | None:
        return _audit_alarm(conn, station_id, seq)

    def _keep(self, conn: Connection, opened: bundle.OpenBundle, now: datetime) -> None:
        """At an office with an office above it, the gate's bundle as signed, to relay upward."""
        if self.keeps_relayed:
            relay.keep(conn, opened, opened.path.read_bytes(), now)

    def _audit_enrollments(self, conn: Connection, now: datetime) -> None:
        """Last in the file's transaction: the audit chain's end is held from here to the commit only."""
        for fingerprint in self._to_audit:
            audit.record(conn, at=now, station_id=self.station_id, operator_id=self.operator_id, action="enroll",
                         detail=fingerprint)
        self._to_audit = []

    @staticmethod
    def _batches(opened: bundle.OpenBundle, member, schema: wire.RecordSchema, file: _File):
        """A member read and checked here, batch by batch (no worker read the file)."""
        batch: list[wire.Decoded] = []
        for line in opened.lines(member):
            batch.append(reader.decode_line(schema, line, member.name, file.latest))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    @staticmethod
    def _owned(batch: list[wire.Decoded], member: str, file: _File) -> None:
        """Each written by a station the file may bring records of, at that station's own gate (a
        batch holds a few (owner, gate)s: each is checked once, the records only when one fails)."""
        owners = file.owners
        if all(owners.get(station) is not None and gate in (None, owners[station])
               for station, gate in {(d.station_id, d.gate_id) for d in batch}):
            return
        for record in batch:
            Importer._owned_one(record, member, file)

    @staticmethod
    def _owned_one(record: wire.Decoded, member: str, file: _File) -> None:
        gate = file.owners.get(record.station_id)
        if gate is None:
            raise BundleRejected("invalid_record", record_id=record.id, member=member,
                                 detail=wire.plain(QT_TRANSLATE_NOOP("Wire", "written by another station")))
        if record.gate_id is not None and record.gate_id != gate:
            raise BundleRejected("not_owner", record_id=record.id, member=member,
                                 owner=wire.plain(QT_TRANSLATE_NOOP("Wire", "gate {gate}"), gate=record.gate_id))

    def _apply_batch(self, conn: Connection, schema: wire.RecordSchema, batch: list[wire.Decoded],
                     summary: FileSummary, file: _File, member: str) -> None:
        rtype, table = schema.record_type, schema.table
        ids = [d.id for d in batch]
        twice = file.seen.note(ids)
        if twice is not None:
            raise BundleRejected("duplicate_record", record_id=twice, member=member)
        self._check_references(conn, schema, batch, member, file)
        id_set = set(ids)  # each once: the file's ids were just proven distinct
        asked = id_set - file.claimed <= file.asked
        if asked:
            claimed = id_set & file.claimed
            held = {i: file.asked_held[i] for i in id_set.intersection(file.asked_held)}
        else:
            # On a server the records not held yet are claimed first (their sync rows written): only
            # the ones held are then asked for. A claim this file must not keep is taken back below.
            tracked = [d.tracked for d in batch]
            got = bulk.claim_new(conn, SyncRecord.__table__, _TRACKED,
                                 [(d.id, rtype, d.rev, d.digest, d.station_id) for d in batch],
                                 likely_new=not file.held_before, lines=b"".join(tracked) if all(tracked) else None)
            claimed = got or set()
            held = _held(conn, ids if got is None else [i for i in ids if i not in got])
        file.held_before = bool(held)  # a file that brings again what is held mostly brings it whole
        # Which rows are there: for records held (one deleted at the office comes back), and for every
        # id of the kinds an office makes itself (its own compound, gate, operators, shifts).
        ask = ids if rtype in office_made() else [i for i in ids if i in held] if held else []
        present = {r[0] for r in bulk.rows_in(conn, f"SELECT id FROM {_quoted(conn, table)} WHERE id IN {{in_}}", ask)}
        # Deleted by their station before they arrived (or before owners were kept): stay deleted.
        gone = self._gone(conn, batch, held) if file.deletes else set()
        inserts, updates, changed, track_new, track_update, unclaim = [], [], [], [], [], []

        def note(counts: dict) -> None:
            counts[rtype] = counts.get(rtype, 0) + 1

        # A gate's day on a server: every record new and claimed up front, nothing to decide one by one.
        settled = len(claimed) == len(batch) and not held and not present and not gone
        if settled:
            inserts.extend(batch)
            summary.created[rtype] = summary.created.get(rtype, 0) + len(batch)
            if rtype == "tombstone":
                for d in batch:
                    self._note_tombstone(rtype, d, schema, file)
        for d in () if settled else batch:
            h = held.get(d.id)
            if h is None:
                if d.id in present:  # the office's own record (its gate, its operators)
                    raise BundleRejected("not_owner", record_id=d.id, member=member, owner=_office_label())
                if d.id in gone:
                    note(summary.unchanged)
                    if d.id in claimed:
                        unclaim.append(d.id)
                else:
                    inserts.append(d)
                    if d.id not in claimed:
                        track_new.append(((d.id, rtype, d.rev, d.digest, d.station_id), d.tracked))
                    present.add(d.id)
                    note(summary.created)
                self._note_tombstone(rtype, d, schema, file)
                continue
            htype, hrev, hdigest, howner = h
            if howner is not None and howner != d.station_id:
                raise BundleRejected("not_owner", record_id=d.id, member=member, owner=self._owner_label(conn, howner))
            if htype != rtype:
                raise BundleRejected("invalid_record", record_id=d.id, member=member, detail=wire.plain(
                    QT_TRANSLATE_NOOP("Wire", "the id of a record of another kind ({kind})"), kind=htype))
            restore = hdigest == DELETED and howner is None and d.id not in gone or \
                hdigest != DELETED and d.id not in present  # deleted at the office, not by its owner
            if restore:
                inserts.append(d)
                track_update.append((d.id, d.rev, d.digest, d.station_id))
                note(summary.created)
            elif hdigest == DELETED:
                note(summary.unchanged)
            elif d.rev > hrev:
                updates.append(_row(schema, d))
                changed.append(d)
                track_update.append((d.id, d.rev, d.digest, d.station_id))
                note(summary.updated)
            elif d.rev < hrev or d.digest == hdigest or hdigest == ERASED:
                note(summary.unchanged)
            elif self._record_conflict(conn, schema, d, file):
                summary.conflicts.append((rtype, d.id))
            else:
                note(summary.unchanged)  # the same conflict again
            self._note_tombstone(rtype, d, schema, file)
        if rtype in self.parents and len(file.live) < LIVE_KEPT:
            file.live.update((d.id, (rtype, d.station_id)) for d in inserts)
            file.live.update((d.id, (rtype, d.station_id)) for d in changed)
        if rtype in self.corrections:
            column = self.corrections[rtype]
            file.corrected.update(t for d in inserts + changed for c, t in d.refs if c == column)
        if changed and rtype in self.closings:
            closed_rules.check(conn, schema, self.closings[rtype], changed, file.needs_correction, member)
        if rtype == "visit" and (inserts or updates):
            file.visit_days.update((d.gate_id, day_figures.local_day(d.created_at, self.zone))
                                   for d in inserts + changed)
        lines = [d.copy for d in inserts]
        if lines and all(lines):  # made by the worker that read the file
            bulk.copy_lines(conn, table, schema.stored, lines)
        else:
            bulk.bulk_insert(conn, table, schema.stored, [_row(schema, d) for d in inserts])
        bulk.bulk_update(conn, table, schema.stored, updates)
        if asked:  # written with the file's others at its end; until then its parents are in file.live
            file.new_tracked.extend(track_new)
        else:
            _insert_tracked(conn, track_new)
        if unclaim:  # deleted by their station before they came: the tombstone alone keeps them out
            conn.execute(SyncRecord.__table__.delete().where(SyncRecord.id.in_(unclaim)))
        if track_update:
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == bindparam("b_id")).values(
                rev=bindparam("b_rev"), digest=bindparam("b_digest"), station_id=bindparam("b_owner")),
                [{"b_id": i, "b_rev": r, "b_digest": g, "b_owner": o} for i, r, g, o in track_update])

    @staticmethod
    def _gone(conn: Connection, batch: list[wire.Decoded], held: dict) -> set[str]:
        """The ids of the batch a deletion by their own station has reached first."""
        owner_of = {d.id: d.station_id for d in batch}
        open_ids = [i for i in owner_of if i not in held or (held[i][2] == DELETED and held[i][3] is None)]
        return {rid for rid, by in bulk.rows_in(conn, "SELECT record_id, station_id FROM tombstone "
                                                "WHERE record_id IN {in_}", open_ids) if by == owner_of[rid]}

    def _ask_ahead(self, conn: Connection, opened: bundle.OpenBundle, read: reader.Read, file: _File) -> None:
        """What the office holds of a file a worker read whole, settled before its first batch.

        On a server, the records made within the file's period are new but for a bundle sent
        twice: they are claimed at once, their sync rows written by one COPY (batch by batch that
        took a savepoint and a COPY for each member, a dozen round trips a gate's day). Should one
        be held after all, the COPY fails whole and the file is run again asking instead (the
        claim never overwrites anything). The rest (parents a bundle brings along, records
        changed since they were sent) are asked in one question, as are a file's small members
        on the embedded file. The file brings each id once, and its station's lock keeps any
        other import of that station out meanwhile, so what is settled here is what each batch
        would have found."""
        since = _claim_after(conn, opened.manifest.period.from_) \
            if bulk.claims_whole_files(conn) and opened.receipt_id not in self._claim_missed else None
        claim = since is not None
        new, ids = [], []
        for index, member in enumerate(opened.members):
            if member.record_type not in self.schemas:
                continue
            for d in read.members[index].records():
                if claim and d.tracked and d.created_at is not None and d.created_at > since:
                    new.append(d)
                elif claim or member.records < bulk.CLAIM_FROM:
                    ids.append(d.id)
        if new:
            try:
                bulk.copy_lines(conn, SyncRecord.__table__, _TRACKED, [d.tracked for d in new])
            except IntegrityError as exc:
                if locks.is_transient(exc):  # held after all (or taken meanwhile): run again, asking
                    self._claim_missed.add(opened.receipt_id)
                raise
            file.claimed = {d.id for d in new}
        file.asked_held = _held(conn, ids)
        file.asked = set(ids)

    def _write_new_tracked(self, conn: Connection, file: _File) -> None:
        """The sync rows of the new records of the batches asked ahead, in one write."""
        if file.new_tracked:
            _insert_tracked(conn, file.new_tracked)
            file.new_tracked = []

    @staticmethod
    def _note_tombstone(rtype: str, d: wire.Decoded, schema: wire.RecordSchema, file: _File) -> None:
        if rtype == "tombstone":
            row = dict(zip(schema.stored, _row(schema, d)))
            file.tombstones.append((row["record_type"], row["record_id"], d.station_id))

    def _check_references(self, conn: Connection, schema: wire.RecordSchema, batch: list[wire.Decoded],
                          member: str, file: _File) -> None:
        """Each record refers only to records of its own station that the office holds (parents
        travel before children, so they are held by now)."""
        if not schema.references:
            return
        targets = {target for d in batch for _column, target in d.refs}
        if not targets:
            return
        owners = {rid: (*file.live[rid], "") for rid in targets if rid in file.live}  # written by this file
        if len(owners) < len(targets) and len(file.live) >= LIVE_KEPT:
            self._write_new_tracked(conn, file)  # a parent not kept in memory is then found written
        owners.update({rid: (t, owner, dig) for rid, t, owner, dig in bulk.rows_in(
            conn, "SELECT id, record_type, station_id, digest FROM sync_record WHERE id IN {in_}",
            [t for t in targets if t not in owners])})
        parent = dict(schema.references)
        for d in batch:
            for column, target in d.refs:
                kind = table_types().get(parent[column], parent[column])
                held = owners.get(target)
                if held is None or held[0] != kind or held[2] == DELETED:
                    raise BundleRejected("missing_reference", record_id=d.id, member=member,
                                         target=f"{kind} {target}")
                if held[1] != d.station_id:
                    raise BundleRejected("not_owner", record_id=d.id, member=member,
                                         owner=self._owner_label(conn, held[1]))

    def _record_conflict(self, conn: Connection, schema: wire.RecordSchema, d: wire.Decoded, file: _File) -> bool:
        same = conn.execute(select(SyncConflict.id).where(
            SyncConflict.record_id == d.id, SyncConflict.rev == d.rev,
            SyncConflict.incoming_digest == d.digest)).first()
        if same is not None:
            return False
        conn.execute(SyncConflict.__table__.insert().values(
            id=new_id(), record_type=schema.record_type, record_id=d.id, rev=d.rev, station_id=d.station_id,
            seq=file.seq, held=held_line(conn, wire.codec_for(schema.record_type, record_types()[schema.record_type], withheld(schema.record_type)),
                                         d.id).decode(),
            incoming=d.canonical.decode(), incoming_digest=d.digest, detected_at=file.now))
        return True

    def _delete_tombstoned(self, conn: Connection, file: _File) -> None:
        """Deletions the bundle carries: only of its own station's records, children first, and
        never of a record that something else still refers to."""
        order = list(record_types())
        seen = set()
        for rtype, rid, owner in sorted(file.tombstones, key=lambda t: -order.index(t[0]) if t[0] in order else 0):
            if (rtype, rid) in seen:
                continue
            seen.add((rtype, rid))
            model = record_types().get(rtype)
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
            if held[1] is not None and held[1] != owner:
                raise BundleRejected("not_owner", record_id=rid, member="tombstone.jsonl",
                                     owner=self._owner_label(conn, held[1]))
            if held[0] != rtype:
                raise BundleRejected("invalid_record", record_id=rid, member="tombstone.jsonl", detail=wire.plain(
                    QT_TRANSLATE_NOOP("Wire", "the id of a record of another kind ({kind})"), kind=held[0]))
            if present:
                referrer = _referrer(conn, table, rid)
                if referrer is not None:
                    raise BundleRejected("still_referenced", record_id=rid, referrer=referrer)
                if rtype == "visit":
                    gone = conn.execute(select(table.c.gate_id, table.c.created_at).where(table.c.id == rid)).one()
                    file.visit_days.add((gone[0], day_figures.local_day(gone[1], self.zone)))
                conn.execute(table.delete().where(table.c.id == rid))
            # Stays known, at a revision no copy can beat, so an older bundle cannot bring it back.
            conn.execute(SyncRecord.__table__.update().where(SyncRecord.id == rid).values(
                rev=wire.DELETED_REV, digest=DELETED, station_id=owner))

    def _check_station(self, conn: Connection, station_id: str, gate_id: str, compound_id: str,
                       created_at: str) -> None:
        """The gate and compound a bundle names are its own station's, and the station stays at its gate."""
        for kind, rid in (("gate", gate_id), ("compound", compound_id)):
            held = conn.execute(select(SyncRecord.record_type, SyncRecord.station_id, SyncRecord.digest)
                                .where(SyncRecord.id == rid)).first()
            if held is None or held[0] != kind or held[2] == DELETED:
                raise BundleRejected("missing_reference", record_id="manifest", member=bundle.MANIFEST,
                                     target=f"{kind} {rid}")
            if held[1] != station_id:
                raise BundleRejected("not_owner", record_id=rid, member=bundle.MANIFEST,
                                     owner=self._owner_label(conn, held[1]))
        gate_compound = conn.execute(select(Gate.compound_id).where(Gate.id == gate_id)).scalar()
        if gate_compound != compound_id:
            raise BundleRejected("bad_manifest", detail="compound.id")
        at = conn.execute(select(Station.gate_id).where(Station.id == station_id)).first()
        if at is None:
            conn.execute(Station.__table__.insert().values(id=station_id, gate_id=gate_id,
                                                           created_at=parse_wire_time(created_at)))
        elif at[0] != gate_id:
            raise BundleRejected("bad_manifest", detail="station.gate_id")

    @staticmethod
    def _owner_label(conn: Connection, station_id: str | None) -> str:
        row = conn.execute(select(SyncStation.compound_name, SyncStation.gate_name)
                           .where(SyncStation.station_id == station_id)).first()
        return f"{row[0]} {row[1]}" if row else (station_id or "?")

    def _note_station(self, conn: Connection, station_id: str, public_key: str, compound, gate, seq: int,
                      created_at: datetime, now: datetime) -> None:
        values = dict(public_key=public_key, compound_id=compound.id, compound_name=compound.name,
                      community=compound.community, gate_id=gate.id, gate_name=gate.name,
                      last_imported_at=now)
        table = SyncStation.__table__
        row = conn.execute(select(SyncStation.last_seq, SyncStation.last_bundle_at, SyncStation.public_key)
                           .where(SyncStation.station_id == station_id)).first()
        if row is None:
            conn.execute(table.insert().values(station_id=station_id, first_seen=now, last_seq=seq,
                                               last_bundle_at=created_at, **values))
        else:
            if row[2] != public_key:  # someone accepted the gate's new key (after a phone call)
                audit.record(conn, at=now, station_id=self.station_id, operator_id=self.operator_id,
                             action="trust_key", record_id=station_id,
                             detail=f"{bundle.key_id(row[2])} -> {bundle.key_id(public_key)}")
            if seq >= row[0]:
                values.update(last_seq=seq, last_bundle_at=created_at)
            conn.execute(table.update().where(table.c.station_id == station_id).values(**values))


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


def _claim_after(conn: Connection, period_from: str | None) -> str | None:
    """The time (as stored) after which a file's records are likely new: the start of its period,
    plus OVERLAP (a gate's incremental export repeats the last minutes of its previous one); None
    where nothing can be (a period starting at the end of time)."""
    if period_from is None:
        return ""
    try:
        return bulk.time_storage(conn.dialect.name)(wire_time(parse_wire_time(period_from) + OVERLAP))
    except (ValueError, OverflowError):
        return None


def _insert_tracked(conn: Connection, tracked: list[tuple[tuple, bytes | None]]) -> None:
    """New records' sync rows: (row, the same row as a COPY line where a worker made it)."""
    if all(line for _row, line in tracked):
        bulk.copy_lines(conn, SyncRecord.__table__, _TRACKED, [line for _row, line in tracked])
    else:
        bulk.bulk_insert(conn, SyncRecord.__table__, _TRACKED, [row for row, _line in tracked])


def _row(schema: wire.RecordSchema, d: wire.Decoded) -> tuple:
    """The record's row; one a worker handed over packed comes without it (reader.ReadMember.pack)."""
    return d.row if d.row is not None else schema.decode(d.canonical).row


def _first_line(exc: DBAPIError) -> str:
    """What the driver said, without the statement or its values (they may hold personal data)."""
    orig = exc.orig if exc.orig is not None else exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def _latest(now: datetime) -> str:
    """The last time on the wire a file imported now may hold: a gate's clock a little fast is no error."""
    return wire_time(now + FUTURE_TOLERANCE)


def _held(conn: Connection, ids: list[str]) -> dict[str, tuple]:
    """The office's sync rows of these ids: id -> (record type, revision, digest, owner)."""
    return {rid: (t, rev, dig, owner) for rid, t, rev, dig, owner in bulk.rows_in(
        conn, "SELECT id, record_type, rev, digest, station_id FROM sync_record WHERE id IN {in_}", ids)}


def _quoted(conn: Connection, table: Table) -> str:
    return conn.dialect.identifier_preparer.quote(table.name)


def _office_label() -> Message:
    return wire.plain(QT_TRANSLATE_NOOP("Wire", "this office"))


def _referrer(conn: Connection, table: Table, rid: str) -> str | None:
    """'isolation_case 1b2c…' when a row of another table refers to the record, else None."""
    for other in SQLModel.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                found = conn.execute(select(other.c.id if "id" in other.c else fk.parent)
                                     .where(fk.parent == rid).limit(1)).first()
                if found is not None:
                    return f"{other.name} {found[0]}"
    return None
