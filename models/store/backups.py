"""The SQLite database file on disk: checks of a file, consistent copies (SQLite's backup API),
daily backups, restores, whose database a file is, and the mark of a clean shutdown."""
from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.store import files
from models.store.paths import clean_mark, closed_cleanly  # noqa: F401 - re-exported
from models.store.clock import utcnow
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.store.migrations import SCHEMA_VERSION


class DatabaseProblem(Exception):
    """A database GateDesk must not open; the message says why, in the user's language."""

    def __init__(self, message: Message):
        super().__init__(message.text.format(**message.params))
        self.message = message


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """The file opened read-only with the standard library (it may be damaged, or another
    program's), closed when the block ends."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield con
    finally:
        con.close()


def unreadable(path: Path, exc: Exception) -> DatabaseProblem:
    return DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
        "Database", "{path} is not a readable GateDesk database ({error}). It was left untouched."),
        {"path": str(path), "error": str(exc)}))


def check_sqlite_file(path: Path) -> None:
    try:
        with read_only(path) as con:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc


def _standalone(con: sqlite3.Connection) -> None:
    """A copy is one file: the copied WAL setting would leave -wal/-shm files beside it."""
    con.execute("PRAGMA journal_mode=DELETE").fetchall()


def _copy_live(path: Path, dest: Path) -> None:
    """SQLite's backup API: a consistent copy even while GateDesk writes."""
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
            _standalone(dst)
        finally:
            dst.close()
    finally:
        src.close()


def backup_file(path: Path, dest_dir: Path, label: str, now: datetime | None = None) -> Path:
    """A consistent copy of a live SQLite file, through SQLite's backup API."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or utcnow()).strftime("%Y%m%dT%H%M%S%fZ")
    dest = dest_dir / f"gatedesk-{label}-{stamp}.sqlite3"
    with files.written_whole(dest) as partial:
        _copy_live(path, partial)
    return dest


# -- backups and restores ------------------------------------------------------------------------
def verify_copy(path: Path) -> int:
    """The schema version of a GateDesk database file that passes SQLite's integrity check.

    Raises DatabaseProblem (untouched file) for anything else: not SQLite, damaged, not GateDesk,
    or written by a newer GateDesk.
    """
    check_sqlite_file(path)
    with read_only(path) as con:
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
        version = stored_version(con)
    if result != "ok":
        raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "{path} is damaged ({error}). It was left untouched."), {"path": str(path), "error": result}))
    return known_version(version)


def stored_version(con: sqlite3.Connection):
    """The schema version in a file's meta table; None when it has none."""
    has_meta = con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0]
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if has_meta else None
    return row[0] if row else None


def known_version(version) -> int:
    """The schema version stored in a file's meta table, if this GateDesk may use the file."""
    if version is None:
        raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "This file holds tables but is not a GateDesk database. It was left untouched."), {}))
    if int(version) > SCHEMA_VERSION:
        raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "This database was written by a newer GateDesk (schema {found}; this version "
            "understands up to {known}). Install the newer GateDesk; the file was left untouched."),
            {"found": int(version), "known": SCHEMA_VERSION}))
    return int(version)


@dataclass(frozen=True)
class Identity:
    """Whose database a file is: a gate station (its compound and gate) or a community office."""

    office: bool
    station_id: str | None
    label: str

    def same_as(self, other: Identity) -> bool:
        return self.office == other.office and self.station_id == other.station_id


def identity(path: Path) -> Identity | None:
    """Read-only; None for a file that is not a set-up GateDesk database."""
    try:
        with read_only(path) as con:
            meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('station_id', 'mode', 'office_name')"))
            names = con.execute("SELECT c.name, g.name FROM station s JOIN gate g ON g.id = s.gate_id "
                                "JOIN compound c ON c.id = g.compound_id WHERE s.id = ?",
                                (meta.get("station_id"),)).fetchone()
    except sqlite3.Error:
        return None
    office = meta.get("mode") == "office"
    if not office and names is None:
        return None
    label = meta.get("office_name") or (names[0] if names else "") if office else f"{names[0]} {names[1]}"
    return Identity(office, meta.get("station_id"), label)


def backup_to(path: Path, dest: Path) -> Path:
    """A consistent copy of a live database (SQLite's backup API), checked before it is kept."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with files.written_whole(dest) as partial:
        _copy_live(path, partial)
        verify_copy(partial)
    return dest


def restore_from(backup: Path, path: Path, backups: Path, now: datetime | None = None) -> Path:
    """Replace the database at path with a verified backup; the database it replaces is kept first.

    Run only while no GateDesk has the database open. Returns where the replaced database was kept.
    """
    verify_copy(backup)
    if not path.exists():
        kept = path
    elif integrity_problem(path) is None:
        kept = backup_file(path, backups, "before-restore", now)
    else:  # SQLite's backup cannot read a damaged file; its bytes are kept as they are
        kept = set_aside(path, backups, "damaged", now)
    with files.written_whole(path) as partial:
        shutil.copyfile(backup, partial)
        for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
    return kept


def opening(path: Path) -> None:
    clean_mark(path).unlink(missing_ok=True)


def integrity_problem(path: Path) -> str | None:
    """SQLite's quick check of a database file (read-only); None when sound."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with read_only(path) as con:
            rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == [("ok",)] else "; ".join(r[0] for r in rows[:3])


def set_aside(path: Path, backups: Path, label: str, now: datetime | None = None) -> Path:
    """A byte-for-byte copy of a (perhaps damaged) database and its WAL, for whoever may rescue it."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = (now or utcnow()).strftime("%Y%m%dT%H%M%S%fZ")
    dest = backups / f"gatedesk-{label}-{stamp}.sqlite3"
    for suffix in ("", "-wal"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            shutil.copy2(source, dest.with_name(dest.name + suffix))
    return dest


def latest_backup(folders: list[Path], of: Identity | None = None) -> Path | None:
    """The newest daily backup in any of the folders that passes its own check (and, given
    `of`, is a backup of that station: a backup folder on a shared drive may hold others')."""
    found = sorted((p for f in folders if f.is_dir() for p in f.glob(f"{DAILY_PREFIX}*.sqlite3")),
                   key=lambda p: p.name, reverse=True)
    for candidate in found:
        try:
            verify_copy(candidate)
        except DatabaseProblem:
            continue
        theirs = identity(candidate)
        if of is None or (theirs is not None and theirs.same_as(of)):
            return candidate
    return None


def backup_folders(path: Path) -> list[Path]:
    """Where daily backups of the database at path may be: the data folder's backups/, and the
    folder chosen in settings (read directly, as the database may be damaged)."""
    folders = [path.parent / "backups"]
    try:
        with read_only(path) as con:
            row = con.execute("SELECT value FROM setting WHERE key = 'backup_folder'").fetchone()
        chosen = json.loads(row[0]) if row else ""
        if chosen:
            folders.append(Path(chosen))
    except (sqlite3.Error, ValueError, TypeError):
        pass
    return folders


DAILY_PREFIX = "gatedesk-daily-"


def daily_backup(path: Path, folder: Path, day: str, keep: int) -> Path | None:
    """Today's backup if there is none yet, then only the newest `keep` daily backups are kept.

    Returns the new backup, or None when today's already exists. Copies made by hand, and those
    made before migrations, are never pruned.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{DAILY_PREFIX}{day}.sqlite3"
    made = None
    if not target.exists():
        made = backup_to(path, target)
    for old in sorted(folder.glob(f"{DAILY_PREFIX}*.sqlite3"))[:-keep]:
        old.unlink()
    return made
