"""Opening, creating and migrating the database.

Everything that is specific to SQLite (pragmas, the backup API, file checks) lives in this
module, so the office can later run the same tables on PostgreSQL.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.pool import StaticPool
from sqlmodel import Field, Session, SQLModel

from models.store import files, migrations, paths, registry
from models.store.clock import utcnow
from models.store.i18n import QT_TRANSLATE_NOOP, Message

SCHEMA_VERSION = 7

# Each step moves a database from version N-1 to N, with explicit DDL (never create_all on an
# existing database). All pending steps run in one transaction, after a backup of the file.
MIGRATIONS: dict[int, Callable[[Connection], None]] = dict(migrations.STEPS)


class Meta(SQLModel, table=True):
    """Facts about this database file: schema version, which station it belongs to."""

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=256)


class DatabaseProblem(Exception):
    """A database GateDesk must not open; the message says why, in the user's language."""

    def __init__(self, message: Message):
        super().__init__(message.text.format(**message.params))
        self.message = message


class NotSaved(Exception):
    """The database could not be written (a full disk, a read-only or vanished folder): nothing
    was saved, and what the user typed is still on screen."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.message = Message("Database", QT_TRANSLATE_NOOP(
            "Database", "Not saved: the disk is full or the data folder cannot be written ({detail}). What you "
            "typed is kept; free some space or call the administrator, then save again."), {"detail": detail})


@contextmanager
def saving():
    """Wrap a save: a storage failure becomes NotSaved (the transaction has rolled back)."""
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError as exc:
        raise NotSaved(str(exc.orig) if exc.orig is not None else type(exc).__name__) from exc


def _pragmas(*, autocheckpoint: bool):
    def on_connect(dbapi_connection, _record) -> None:
        cur = dbapi_connection.cursor()
        # A registration the guard saw as saved must survive a power cut: WAL + synchronous=FULL.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        # Erased personal data is overwritten with zeros, not left readable in free pages.
        cur.execute("PRAGMA secure_delete=ON")
        if not autocheckpoint:
            # The background checkpointer keeps up between saves; this only bounds a long burst.
            cur.execute(f"PRAGMA wal_autocheckpoint={BURST_CHECKPOINT_PAGES}")
        cur.close()
        dbapi_connection.isolation_level = None

    return on_connect


CHECKPOINT_INTERVAL = 2.0  # seconds
BURST_CHECKPOINT_PAGES = 10_000  # ~40 MB of WAL


class Checkpointer(threading.Thread):
    """Copies the WAL into the database file in the background.

    SQLite otherwise does this inside whichever commit crosses the WAL threshold, and that
    save then takes several times longer than the others. PASSIVE never blocks the writer.
    """

    def __init__(self, path: Path, interval: float | None = None):
        super().__init__(name="gatedesk-checkpoint", daemon=True)
        self.path = path
        self.interval = CHECKPOINT_INTERVAL if interval is None else interval
        self._stopping = threading.Event()

    def run(self) -> None:
        con = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            while not self._stopping.wait(self.interval):
                try:
                    con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    continue  # the next round tries again; the WAL is durable meanwhile
        finally:
            con.close()

    def stop(self) -> None:
        self._stopping.set()
        self.join(timeout=10)


def _begin(conn: Connection) -> None:
    # Sessions (units of work that read, then write) take the write lock at BEGIN. A deferred
    # transaction that reads first and then writes fails at once with "database is locked" if
    # another connection (the housekeeping thread) wrote in between, whatever busy_timeout says;
    # IMMEDIATE waits its turn instead. Plain connections (exports, reports) read without it.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN")


IMMEDIATE = "gatedesk_immediate"


class _Depth(threading.local):
    depth = 0


_open_units = _Depth()


class _Unit(Session):
    def __enter__(self):
        _open_units.depth += 1
        return super().__enter__()

    def __exit__(self, *exc):
        _open_units.depth -= 1
        return super().__exit__(*exc)


def make_engine(url: str, *, autocheckpoint: bool = True) -> Engine:
    if url.startswith("sqlite"):
        kw: dict = {"connect_args": {"check_same_thread": False}}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kw["poolclass"] = StaticPool
        # hide_parameters: an error message never carries the values (names, phones) of a statement.
        engine = create_engine(url, hide_parameters=True, **kw)
        event.listen(engine, "connect", _pragmas(autocheckpoint=autocheckpoint))
        # pysqlite does not put DDL inside transactions; take BEGIN into our own hands (SQLAlchemy's
        # documented recipe) so a failed migration rolls back whole.
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


@dataclass
class Database:
    engine: Engine
    path: Path | None  # None for an in-memory database
    checkpointer: Checkpointer | None = None
    damaged: bool = False  # found damaged while open: closing must not mark it clean

    def __post_init__(self) -> None:
        self._units = self.engine.execution_options(**{IMMEDIATE: True})

    def session(self) -> Session:
        """A unit of work that writes. The outermost one in a thread takes the write lock at BEGIN;
        one opened inside it (a helper reading names, say) only reads, or it would wait for its own
        thread."""
        return _Unit(self._units if _open_units.depth == 0 else self.engine, expire_on_commit=False)

    def reading(self) -> Session:
        """A unit of work that only reads: a plain transaction, which with WAL never waits for a
        writer (an office import holds its write lock for minutes) and sees the last commit."""
        return _Unit(self.engine, expire_on_commit=False)

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.stop()
            self.checkpointer = None
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()
        if self.path is not None and self.path.exists() and not self.damaged:
            try:
                clean_mark(self.path).touch()
            except OSError:
                pass  # the next start then checks the whole file first: slower, never less safe


def scrub(db: Database, *, vacuum: bool = False) -> None:
    """After an erasure: no old copy of a page stays in the write-ahead log, and with vacuum the
    file is rebuilt so nothing erased survives anywhere in it."""
    if db.engine.dialect.name != "sqlite":
        return  # PostgreSQL's own VACUUM is the server administrator's
    raw = db.engine.raw_connection()  # outside any transaction: VACUUM cannot run inside one
    try:
        if vacuum:
            raw.driver_connection.execute("VACUUM")
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()


def _read_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table("meta"):
        return None
    row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
    return int(row[0]) if row else None


def _write_version(conn: Connection, version: int) -> None:
    updated = conn.execute(text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(version)})
    if updated.rowcount == 0:
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', :v)"), {"v": str(version)})


def _check_sqlite_file(path: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "{path} is not a readable GateDesk database ({error}). It was left untouched."),
            {"path": str(path), "error": str(exc)})) from exc


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


def open_database(url_or_path: str | Path, *, backups: Path | None = None,
                  background_checkpoints: bool = False) -> Database:
    """Open (creating or migrating as needed) a GateDesk database.

    Refuses, without changing the file, a database written by a newer GateDesk or a file
    that is not a GateDesk database. background_checkpoints suits a long-running app whose
    saves should not wait for WAL checkpoints; short commands leave it off.
    """
    registry.features()  # importing the features puts their tables on SQLModel.metadata
    if isinstance(url_or_path, Path):
        path: Path | None = url_or_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            _check_sqlite_file(path)
        # Owner-only: SQLite gives its -wal and -shm files the database file's permissions.
        if not path.exists():
            files.create_private(path)
        for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            files.make_private(part)
        url = f"sqlite:///{path}"
    else:
        url, path = url_or_path, None
    background = background_checkpoints and path is not None
    engine = make_engine(url, autocheckpoint=not background)
    try:
        with engine.connect() as conn:
            version = _read_version(conn)
            has_tables = bool(inspect(conn).get_table_names())
        if version is None and has_tables:
            raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
                "Database", "This file holds tables but is not a GateDesk database. It was left untouched."), {}))
        if version is None:
            with engine.begin() as conn:
                SQLModel.metadata.create_all(conn)
                _write_version(conn, SCHEMA_VERSION)
        elif version > SCHEMA_VERSION:
            raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
                "Database", "This database was written by a newer GateDesk (schema {found}; this version "
                "understands up to {known}). Install the newer GateDesk; the file was left untouched."),
                {"found": version, "known": SCHEMA_VERSION}))
        elif version < SCHEMA_VERSION:
            _migrate(engine, path, version, backups)
    except Exception:
        engine.dispose()
        raise
    db = Database(engine=engine, path=path)
    if background:
        db.checkpointer = Checkpointer(path)
        db.checkpointer.start()
    return db


def _migrate(engine: Engine, path: Path | None, version: int, backups: Path | None) -> None:
    if path is not None:
        backup_file(path, backups or paths.backups_dir(path.parent), f"before-v{SCHEMA_VERSION}-from-v{version}")
    with engine.begin() as conn:
        for step in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[step](conn)
        _write_version(conn, SCHEMA_VERSION)


def schema_version(db: Database) -> int | None:
    with db.engine.connect() as conn:
        return _read_version(conn)


# -- bulk writes for imports -----------------------------------------------------------------
# Imports bind plain values straight to the driver: per-value type processing would cost more
# than the insert itself. Times arrive already in the dialect's storage form (time_storage).
def time_storage(dialect_name: str) -> Callable[[str], object]:
    """A checked wire time (2026-11-29T03:21:08.123456Z) in the form a UTCDateTime column stores."""
    if dialect_name == "sqlite":
        # SQLAlchemy's SQLite DATETIME text form, naive UTC: 2026-11-29 03:21:08.123456
        return lambda wire: wire[:10] + " " + wire[11:26]
    # PostgreSQL's timestamptz takes an aware datetime; the text was checked on the wire already.
    return lambda wire: datetime.fromisoformat(wire[:26]).replace(tzinfo=timezone.utc)


def begin_import(conn: Connection) -> None:
    """Settings for one long write transaction on this connection."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size=-65536")  # 64 MB: index pages stay in memory


def begin_seen_ids(conn: Connection) -> None:
    """A scratch table of the ids one imported file has brought so far (the same id twice in one
    file is refused): in the database's temporary store, not in memory, whatever the file's size."""
    rowid = " WITHOUT ROWID" if conn.dialect.name == "sqlite" else ""
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS import_seen (id VARCHAR(36) PRIMARY KEY){rowid}")
    conn.exec_driver_sql("DELETE FROM import_seen")


def note_seen_ids(conn: Connection, ids: list[str]) -> str | None:
    """Add a batch of ids; returns one that was there already (or twice in the batch), else None."""
    from sqlalchemy.exc import IntegrityError

    seen: set[str] = set()
    for rid in ids:
        if rid in seen:
            return rid
        seen.add(rid)
    try:
        with conn.begin_nested():  # on PostgreSQL a failed INSERT spoils the transaction; this keeps it
            conn.exec_driver_sql(f"INSERT INTO import_seen (id) VALUES ({_marker(conn)})", [(i,) for i in ids])
    except IntegrityError:
        marks = ", ".join([_marker(conn)] * len(ids))
        return conn.exec_driver_sql(f"SELECT id FROM import_seen WHERE id IN ({marks}) LIMIT 1",
                                    tuple(ids)).scalar()
    return None


def rows_in(conn: Connection, sql: str, values: list, *before) -> list[tuple]:
    """A query with one `IN {in_}` over a batch of values, bound straight to the driver: an import
    asks a few of these per 2,000 records, and SQLAlchemy's expanding parameters cost more than
    the lookups themselves. `{mark}` places a parameter, bound from `before` in order."""
    if not values:
        return []
    mark = _marker(conn)
    marks = ", ".join([mark] * len(values))
    return conn.exec_driver_sql(sql.format(in_=f"({marks})", mark=mark), (*before, *values)).fetchall()


def _marker(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def bulk_insert(conn: Connection, table, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join([_marker(conn)] * len(columns))})")
    conn.exec_driver_sql(sql, rows)


def bulk_update(conn: Connection, table, columns: list[str], rows: list[tuple], key: str = "id") -> None:
    """Replace every column of existing rows, found by key."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    k = columns.index(key)
    others = [i for i, c in enumerate(columns) if i != k]
    sql = (f"UPDATE {quote(table.name)} SET {', '.join(f'{quote(columns[i])} = {_marker(conn)}' for i in others)} "
           f"WHERE {quote(key)} = {_marker(conn)}")
    conn.exec_driver_sql(sql, [tuple(r[i] for i in others) + (r[k],) for r in rows])


# -- backups and restores ------------------------------------------------------------------------
def verify_copy(path: Path) -> int:
    """The schema version of a GateDesk database file that passes SQLite's integrity check.

    Raises DatabaseProblem (untouched file) for anything else: not SQLite, damaged, not GateDesk,
    or written by a newer GateDesk.
    """
    _check_sqlite_file(path)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
        has_meta = con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0]
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if has_meta else None
    finally:
        con.close()
    if result != "ok":
        raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "{path} is damaged ({error}). It was left untouched."), {"path": str(path), "error": result}))
    if version is None:
        raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "This file holds tables but is not a GateDesk database. It was left untouched."), {}))
    if int(version[0]) > SCHEMA_VERSION:
        raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "This database was written by a newer GateDesk (schema {found}; this version "
            "understands up to {known}). Install the newer GateDesk; the file was left untouched."),
            {"found": int(version[0]), "known": SCHEMA_VERSION}))
    return int(version[0])


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
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('station_id', 'mode', 'office_name')"))
            names = con.execute("SELECT c.name, g.name FROM station s JOIN gate g ON g.id = s.gate_id "
                                "JOIN compound c ON c.id = g.compound_id WHERE s.id = ?",
                                (meta.get("station_id"),)).fetchone()
        finally:
            con.close()
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


def clean_mark(path: Path) -> Path:
    """Present while the database is closed after a clean shutdown; gone while it is open, so
    after a crash or a power cut the next start knows to check the whole file first."""
    return path.with_name(path.name + ".closed")


def closed_cleanly(path: Path) -> bool:
    return clean_mark(path).exists()


def opening(path: Path) -> None:
    clean_mark(path).unlink(missing_ok=True)


def integrity_problem(path: Path) -> str | None:
    """SQLite's quick check of a database file (read-only); None when sound."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
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
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM setting WHERE key = 'backup_folder'").fetchone()
        finally:
            con.close()
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
