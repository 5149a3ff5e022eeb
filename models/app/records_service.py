"""The records' care: retention, the audit chain, daily backups and the end of the campaign."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError

from models.app.actions import ANYONE, action
from models.app.work import Service
from models.formats.wire import parse_wire_time, wire_time
from models.store import crash, locks, paths
from models.store.backups import DAILY_PREFIX, daily_backup
from models.store.db import Meta, scrub
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.trust import audit, retention
from models.trust.operators import Role

RETENTION_DAY = "retention_last_day"
RETENTION_DONE_BEFORE = "retention_done_before"
ERASE_CHUNK = 500


class NotConfirmed(Exception):
    message = Message("Desk", QT_TRANSLATE_NOOP(
        "Desk", "The name typed is not this station's name. Nothing was erased."))


@dataclass(frozen=True)
class CampaignEnded:
    erased: retention.Erased
    backups_removed: int


@dataclass(frozen=True)
class DayRoutine:
    """What the day's housekeeping did: run by the window every minute (each part once a day), at a
    gate or an office, and headless by `gatedesk housekeeping`."""
    erased: retention.Erased | None  # None: already done today, or another office PC is doing it
    erasure_failed: bool  # reported (crash report and audit entry); tried again next time
    backup: Path | None  # today's backup, None when there is none to make (a server's, or done)
    backup_problem: str | None  # why today's backup could not be written (a full disk, no folder)
    duty_closed: int = 0  # check-ins left open past their shift, closed and marked for review


class RecordsService(Service, key="records"):
    def __init__(self, desk):
        super().__init__(desk)
        self._erasure_failures: set[tuple[str, str]] = set()  # (day, kind) already reported

    @action(ANYONE, audit="purge", when_locked=True, unit=False)  # a transaction per chunk
    def erase_expired(self, *, once_a_day: bool = False, chunk: int = ERASE_CHUNK,
                      stopping=lambda: False) -> retention.Erased | None:
        """Personal data past the retention period (at start-up, and daily while running).

        Works in chunks, each its own short transaction with its own audit entry, so it can run
        on a worker thread while the gate saves; stopping() between chunks ends it early (the
        next run carries on). None when it already ran today (once_a_day)."""
        now, today = self.clock(), self.desk.today()
        cutoff = now - timedelta(days=self.settings.retention_days)
        office = self.desk.is_office
        with self.db.session() as s:
            done = s.get(Meta, RETENTION_DAY)
            if once_a_day and done is not None and done.value == today.isoformat():
                return None
            mark = s.get(Meta, RETENTION_DONE_BEFORE)
            done_before = parse_wire_time(mark.value) if mark is not None else None
        total = retention.Erased(complete=False)  # until a chunk finds nothing more
        reached: dict = {}
        while not stopping():
            part = self._erase_chunk(today=today, cutoff=cutoff, now=now, office=office, done_before=done_before,
                                     chunk=chunk, reached=reached)
            if part is None:
                return None  # another office PC on the same server is erasing: it finishes the pass
            total.add(part)
            if part.complete:
                total.complete = True
                break
        if total.total:
            scrub(self.db)
        return total

    def _erase_chunk(self, *, today, cutoff, now, office, done_before, chunk, reached) -> retention.Erased | None:
        """One chunk in its own transaction; run again if the server made it give way to an import."""
        for attempt in range(locks.RETRIES + 1):
            seen = dict(reached)
            try:
                with self.db.session() as s:
                    if not locks.try_hold(s.connection(), "retention"):
                        return None
                    part = retention.erase_expired(s, retention_days=self.settings.retention_days, today=today,
                                                   cutoff=cutoff, now=now, office=office, done_before=done_before,
                                                   limit=chunk, reached=seen)
                    if part.total:
                        self.desk.audit(s, "purge", detail=part.detail(), operator_id=None)
                    if part.complete:
                        s.merge(Meta(key=RETENTION_DAY, value=today.isoformat()))
                        if done_before is None or cutoff > done_before:
                            s.merge(Meta(key=RETENTION_DONE_BEFORE, value=wire_time(cutoff)))
                    s.commit()
            except (OperationalError, IntegrityError) as exc:
                if not locks.is_transient(exc) or attempt == locks.RETRIES:
                    raise
                continue
            reached.update(seen)
            return part
        return None

    @action(ANYONE, when_locked=True)
    def housekeeping(self, *, stopping=lambda: False, backup: bool = True) -> DayRoutine:
        """The day's routine: personal data past its retention erased, check-ins left open past their
        shift closed, then today's backup. Never raises for the erasure or the backup: a failure is
        reported and the station goes on (it runs all night)."""
        erased, failed = None, False
        try:
            erased = self.erase_expired(once_a_day=True, stopping=stopping)
        except Exception as exc:  # noqa: BLE001 - the gate must not stop; told, recorded, tried again
            self.erasure_failed(exc)
            failed = True
        closed = self.desk.staffing.close_forgotten()
        made, problem = None, None
        if backup and not stopping():
            try:
                made = self.daily_backup()
            except OSError as exc:
                problem = exc.strerror or str(exc)
        return DayRoutine(erased=erased, erasure_failed=failed, backup=made, backup_problem=problem,
                          duty_closed=closed)

    @action(ANYONE, audit="purge_failed", when_locked=True, unit=False)  # the database may be what fails
    def erasure_failed(self, exc: Exception) -> None:
        """The retention erasure failed: a crash report (code locations only) and an audit entry,
        once a day per kind of failure, however often the minute timer meets it again."""
        key = (self.desk.today().isoformat(), type(exc).__name__)
        if key in self._erasure_failures:
            return
        self._erasure_failures.add(key)
        if self.db.path is not None:
            crash.report_quietly(self.db.path.parent / "logs", exc, self.clock())
        try:
            with self.db.session() as s:
                self.desk.audit(s, "purge_failed", detail=type(exc).__name__, operator_id=None)
                s.commit()
        except Exception:  # noqa: BLE001 - the database itself may be what fails; the report is written
            pass

    @action()
    def personal_left(self) -> int:
        with self.db.engine.connect() as conn:  # a read: no write lock
            return retention.personal_left(conn)

    @action(Role.ADMIN)
    def audit_count(self) -> int:
        with self.db.reading() as s:
            return audit.count(s)

    @action(Role.ADMIN)
    def audit_page(self, *, offset: int = 0, limit: int = 200, reverse: bool = False) -> list[audit.AuditEvent]:
        """The newest entries first (reverse: from the oldest); administrators only."""
        with self.db.reading() as s:
            return audit.entries(s, limit=limit, offset=offset, reverse=reverse)

    @action(ANYONE, when_locked=True)
    def audit_verdict(self, progress=None, stopping=lambda: False) -> audit.Verdict | None:
        """Seconds on a year's log: run it off the GUI thread. A plain read, so it never holds
        the write lock a save needs. Entries cut off the end since the last anchor are reported."""
        with self.db.engine.connect() as conn:
            return audit.verify(conn, progress, stopping, anchor=audit.load_anchor(self.db.anchor, beside=False),
                                anchored_at=self.db.anchor)

    @action()
    def campaign_phrase(self) -> str:
        """What an administrator types to confirm the end of the campaign: this station's name."""
        return self.ctx.compound_name

    @action()
    def campaign_confirmed(self, typed: str) -> bool:
        return typed.strip() == self.campaign_phrase()

    @action(Role.ADMIN, audit="erase_all", unit=False)  # VACUUM runs after the erasure's commit
    def end_campaign(self, confirmation: str) -> CampaignEnded:
        """Erase all personal data on this station, and the backups that hold it. Raises
        NotConfirmed unless `confirmation` is campaign_phrase() exactly."""
        admin = self.desk.actor
        if not self.campaign_confirmed(confirmation):
            raise NotConfirmed()
        with self.db.session() as s:
            result = retention.erase_all(s, now=self.clock(), office=self.desk.is_office)
            self.desk.audit(s, "erase_all", detail=result.detail(), operator_id=admin.id)
            s.commit()
        scrub(self.db, vacuum=True)
        removed = 0
        if self.db.path is not None:
            folders = {paths.backups_dir(self.db.path.parent)}
            if self.settings.backup_folder:
                folders.add(Path(self.settings.backup_folder))
            for folder in folders:
                for old in folder.glob("*.sqlite3") if folder.is_dir() else ():
                    if old.name.startswith(DAILY_PREFIX) or folder == paths.backups_dir(self.db.path.parent):
                        old.unlink()
                        removed += 1
        return CampaignEnded(result, removed)

    @action(ANYONE, when_locked=True)
    def daily_backup(self):
        """Today's backup (once a day, while the app runs), keeping the last settings.backup_keep."""
        if self.db.path is None:
            return None
        folder = Path(self.settings.backup_folder) if self.settings.backup_folder else \
            paths.backups_dir(self.db.path.parent)
        return daily_backup(self.db.path, folder, self.desk.today().isoformat(), self.settings.backup_keep)
