"""Putting a verified backup in place of the database, and saying so in the audit log.

A restore notes what it is about to do before the swap (restore-pending.json beside the
database); the audit entry is written after it, and the note removed. If the process dies in
between, the next start finds the note and completes the record, so no restore goes unaudited.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.formats.wire import wire_time
from models.store import backups, files, paths
from models.store.backups import Identity, identity, restore_from, verify_copy
from models.store.clock import utcnow
from models.store.db import Meta, open_database
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.trust import audit

PENDING = paths.PENDING_RESTORE


@dataclass
class ForeignBackup(Exception):
    """The backup is of another station (or an office's, into a gate's folder, or the reverse)."""

    ours: Identity
    theirs: Identity | None

    @property
    def message(self) -> Message:
        def who(x: Identity | None):
            if x is None:
                return "?"
            return Message("Recovery", QT_TRANSLATE_NOOP("Recovery", "{label} (a community office)"),
                           {"label": x.label}) if x.office else x.label

        return Message("Recovery", QT_TRANSLATE_NOOP(
            "Recovery", "This backup is of {theirs}, not of this station ({ours}). Restoring it would put another "
            "station's records and keys in place of this one's. If that is really meant, say so explicitly "
            "(--other-station)."), {"theirs": who(self.theirs), "ours": who(self.ours)})


def restore(backup: Path, data_dir: Path, *, now: datetime | None = None, other_station: bool = False) -> Path:
    """Run with the data folder's instance lock held. Returns where the replaced database was kept.
    Raises DatabaseProblem, leaving everything as it was, when the backup does not pass its check,
    and ForeignBackup unless other_station, when it is not this station's."""
    now = now or utcnow()
    db_path = paths.database_path(data_dir)
    verify_copy(backup)
    ours = identity(db_path) if db_path.exists() else None
    theirs = identity(backup)
    if ours is not None and not other_station and (theirs is None or not theirs.same_as(ours)):
        raise ForeignBackup(ours, theirs)
    files.write_text(data_dir / PENDING, json.dumps({"backup": backup.name[:150], "token": secrets.token_hex(6),
                                                     "at": wire_time(now), "sha256": _sha256(backup)}))
    kept = restore_from(backup, db_path, paths.backups_dir(data_dir), now)
    _record(data_dir, now)
    return kept


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def startup_problem(data_dir: Path, *, check: bool | None = None) -> str | None:
    """Before anything writes: SQLite's quick check when the last session did not close cleanly (a
    crash, a power cut) or `check` says so; after a clean close it runs in the background instead,
    as it takes seconds on a year's records. None when the file may be opened (it is then marked
    as open, so a crash from now on is noticed at the next start)."""
    path = paths.database_path(data_dir)
    if check is None:
        check = path.exists() and not backups.closed_cleanly(path)
    problem = backups.integrity_problem(path) if check else None
    if problem is None and path.exists():
        backups.opening(path)
    return problem


def backup_to_offer(data_dir: Path) -> Path | None:
    """For a damaged database: the newest daily backup of this station that passes its own check
    (a shared backup folder may hold other stations')."""
    path = paths.database_path(data_dir)
    return backups.latest_backup(backups.backup_folders(path), of=backups.identity(path))


def complete_pending(data_dir: Path, *, now: datetime | None = None) -> bool:
    """At start-up: finish the record of a restore interrupted after its swap. True if one was."""
    if not (data_dir / PENDING).exists():
        return False
    return _record(data_dir, now or utcnow())


def _record(data_dir: Path, now: datetime) -> bool:
    note_path = data_dir / PENDING
    try:
        note = json.loads(note_path.read_text(encoding="utf-8"))
        token, name, copied = str(note["token"]), str(note["backup"]), str(note["sha256"])
        # The swap happened, and nothing has opened the database since, if it is the backup's bytes.
        swapped = _sha256(paths.database_path(data_dir)) == copied
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        swapped = False
    if not swapped:
        note_path.unlink(missing_ok=True)
        return False
    db = open_database(paths.database_path(data_dir))
    try:
        with db.session() as s:
            station = s.get(Meta, "station_id")
            audit.record(s, at=now, station_id=station.value if station else "office", operator_id=None,
                         action="restore", detail=f"{name} #{token}"[:200])
            s.commit()
            # The restored chain is older than the anchor the replaced database left: the restore,
            # recorded, is the new starting point.
            audit.save_anchor(db.path, s)
    finally:
        db.close()
    note_path.unlink(missing_ok=True)
    return True
