"""The office's import: each bundle in one transaction (or one savepoint of a run). Any problem
rejects the whole file and changes nothing; a station changes only what it owns.

Here: runs of files (atomic, cancellable, read ahead by workers), opening each file against the
keys the office knows and the stations it enrolls, and the import's audit entries. A gate's
bundle is applied by `gate_bundle`, its records by `batches`, its deletions by `tombstones`, an
office's relayed bundle by `relay`."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError

from models.formats import bundle
from models.formats.bundle import BundleRejected
from models.setup.settings import load_settings
from models.setup.site import this_station
from models.store import bulk, crash, locks
from models.store.clock import utcnow
from models.store.db import Database
from models.store.i18n import Message
from models.sync import gate_bundle, reader, relay
from models.sync.batches import BatchWriter, latest
from models.sync.inbox import PEOPLE_LOG, Cancelled, FileSummary, is_people_log
from models.sync.forward import OfficeUnit, office_unit
from models.sync.keys import OFFICE_PRIVATE_KEY, enroll, enrolled, read_meta
from models.sync.records import schemas
from models.sync.tables import SyncForwarder, SyncStation
from models.trust import audit


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
        self.operator_id = operator_id
        self.clock = clock
        self.trust_new_key = trust_new_key
        self.trusted_files = trusted_files or set()
        self.enroll = set(enroll)
        self.enrolled_now: set[str] = set()  # of those, the ones a file used
        self._to_audit: list[str] = []  # enrollments the file being imported made (audited at its end)
        with db.session() as s:
            self.office_key = read_meta(s, OFFICE_PRIVATE_KEY)
            here = this_station(s)
            self.station_id = here.station_id if here else "office"
            settings = load_settings(s)
            self.trust_new_stations = settings.trust_new_stations
            self.retention_days = settings.retention_days
            self.writer = BatchWriter(schemas(bulk.time_storage(db.engine.dialect.name)),
                                      ZoneInfo(settings.timezone))
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
                                latest=latest(now), dialect=self.db.engine.dialect.name, workers=self.workers)

    def _guarded(self, conn: Connection, path: Path, summary: FileSummary, now: datetime, progress,
                 cancelled, read: reader.Read | None = None) -> None:
        """One file; whatever it holds ends as its own rejection, never as the run's end."""
        self._to_audit = []  # enrollments this file made, audited with its import
        try:
            with bundle.open_bundle(path, office_key=self.office_key, known_key=self.known_key(conn),
                                    trust_new_key=self.trust_new_key or path in self.trusted_files,
                                    admit_new=self._admit_new(conn)) as opened:
                self.apply(conn, opened, summary, now, progress, cancelled,
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

    def known_key(self, conn: Connection):
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

    def apply(self, conn: Connection, opened: bundle.OpenBundle, summary: FileSummary, now: datetime,
              progress, cancelled, read: reader.Read | None, *, fill: OfficeUnit | None = None,
              via: str | None = None) -> None:
        """One opened bundle in the caller's transaction (a relay's gates' bundles come here too)."""
        gate_bundle.apply(self, conn, opened, summary, now, progress, cancelled, read, fill=fill, via=via)

    @staticmethod
    def chain_alarm(conn: Connection, station_id: str, seq: int) -> str | None:
        return gate_bundle.audit_alarm(conn, station_id, seq)

    def keep(self, conn: Connection, opened: bundle.OpenBundle, now: datetime) -> None:
        """At an office with an office above it, the gate's bundle as signed, to relay upward."""
        if self.keeps_relayed:
            relay.keep(conn, opened, opened.path.read_bytes(), now)

    def audit_enrollments(self, conn: Connection, now: datetime) -> None:
        """Last in the file's transaction: the audit chain's end is held from here to the commit only."""
        for fingerprint in self._to_audit:
            audit.record(conn, at=now, station_id=self.station_id, operator_id=self.operator_id, action="enroll",
                         detail=fingerprint)
        self._to_audit = []

    def note_enrolled(self, detail: str) -> None:
        """A station enrolled by the file being imported (audited at its end)."""
        self._to_audit.append(detail)


def _first_line(exc: DBAPIError) -> str:
    """What the driver said, without the statement or its values (they may hold personal data)."""
    orig = exc.orig if exc.orig is not None else exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]
