"""Opening, creating and migrating the database; the engine and units of work.

Everything specific to SQLite lives in models/store (pragmas and the write lock here, the file
itself in backups.py, bulk writes in bulk.py), so the office can run the same tables on PostgreSQL."""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Field, Session, SQLModel

from models.store import anchor, files, migrations, paths, registry, schema, server
from models.store.backups import DatabaseProblem, backup_file, check_sqlite_file, clean_mark
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.store.migrations import SCHEMA_VERSION

# Up to version 7 each step moved a gate's SQLite file from N-1 to N with explicit DDL; later
# steps are Alembic revisions (models/store/schema). Never create_all on an existing database;
# all pending steps run in one transaction, after a backup of the file.
MIGRATIONS: dict[int, Callable[[Connection], None]] = dict(migrations.STEPS)


class Meta(SQLModel, table=True):
    """Facts about this database file: schema version, which station it belongs to."""
    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=256)


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


# From this schema on, every commit that writes to the audit chain moves its anchor: a database
# upgraded to it may begin its anchor afresh (before, only the window's path kept one).
ANCHORED_FROM = 15


@dataclass
class Database:
    engine: Engine
    path: Path | None  # None for an in-memory database
    checkpointer: Checkpointer | None = None
    damaged: bool = False  # found damaged while open: closing must not mark it clean
    # Where the audit chain's head is kept (beside the file; on a server, in the PC's data folder).
    anchor: Path | None = None
    anchor_may_begin: bool = True

    def __post_init__(self) -> None:
        self._units = self.engine.execution_options(**{IMMEDIATE: True})
        if self.anchor is None and self.path is not None:
            self.anchor = anchor.path_beside(self.path)
        self._keeper = anchor.keep(self.engine, self.anchor, may_begin=self.anchor_may_begin)

    def anchor_at(self, path: Path) -> None:
        """A server's database: this PC keeps its anchor at path (its data folder)."""
        self.anchor = self._keeper.path = path

    def session(self) -> Session:
        """A unit of work that writes. The outermost one in a thread takes the write lock at BEGIN;
        one opened inside it (a helper reading names, say) only reads, or it would wait for its own
        thread."""
        return _Unit(self._units if _open_units.depth == 0 else self.engine, expire_on_commit=False)

    def writing(self):
        """A plain connection in a transaction that writes (reads first, then writes): on SQLite it
        takes the write lock at BEGIN, so it waits its turn instead of failing when another
        connection wrote meanwhile."""
        return self._units.begin()

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


def open_database(url_or_path: str | Path, *, backups: Path | None = None,
                  background_checkpoints: bool = False, create: bool = True) -> Database:
    """Open (creating or migrating as needed) a GateDesk database.

    Refuses, without changing the file, a database written by a newer GateDesk or a file
    that is not a GateDesk database. background_checkpoints suits a long-running app whose
    saves should not wait for WAL checkpoints; short commands leave it off. create=False refuses
    an empty database instead of creating the tables (a server's is made by office-init).
    A file's audit anchor is kept beside it; a server's, where the caller says (Database.anchor_at).
    """
    registry.features()  # importing the features puts their tables on SQLModel.metadata
    if isinstance(url_or_path, Path):
        path: Path | None = url_or_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            check_sqlite_file(path)
        # Owner-only: SQLite gives its -wal and -shm files the database file's permissions.
        if not path.exists():
            files.create_private(path)
        for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            files.make_private(part)
        url = f"sqlite:///{path}"
    else:
        url, path = _url(url_or_path), None
    background = background_checkpoints and path is not None
    with _driver(url):
        engine = make_engine(url, autocheckpoint=not background)
    try:
        try:
            with engine.connect() as conn:
                version = _read_version(conn)
                has_tables = bool(inspect(conn).get_table_names())
        except OperationalError as exc:
            if path is not None:
                raise
            detail = _first_line(exc)
            if server.needs_password(detail):
                raise PasswordNeeded(server.password_refused(url)) from None
            raise DatabaseProblem(server.unreachable(url, detail)) from None
        if version is None and has_tables:
            raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
                "Database", "This file holds tables but is not a GateDesk database. It was left untouched."), {}))
        if version is None and not create:
            raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
                "Database", "There is no GateDesk database at {where} yet: create it with office-init."),
                {"where": server.shown(url) if path is None else str(path)}))
        if version is None:
            with engine.begin() as conn:
                SQLModel.metadata.create_all(conn)
                _write_version(conn, SCHEMA_VERSION)
            may_begin = True
        elif version > SCHEMA_VERSION:
            raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
                "Database", "This database was written by a newer GateDesk (schema {found}; this version "
                "understands up to {known}). Install the newer GateDesk; the file was left untouched."),
                {"found": version, "known": SCHEMA_VERSION}))
        else:
            if version < SCHEMA_VERSION:
                _migrate(engine, path, version, backups)
            may_begin = version < ANCHORED_FROM or path is None
    except Exception:
        engine.dispose()
        raise
    db = Database(engine=engine, path=path, anchor_may_begin=may_begin)
    if background:
        db.checkpointer = Checkpointer(path)
        db.checkpointer.start()
    return db


def _url(text: str) -> str:
    """SQLAlchemy's URL for what was given: a server's address (checked, with its driver) or a URL."""
    if not server.is_server(text):
        return text
    try:
        return server.engine_url(text)
    except server.NotAServer as exc:
        raise DatabaseProblem(exc.message) from None


@contextmanager
def _driver(url: str):
    """The server's driver is an extra (pip install 'gatedesk[server]'): said, not a traceback."""
    try:
        yield
    except ImportError:
        raise DatabaseProblem(server.unreachable(url, "psycopg is not installed (pip install 'gatedesk[server]')")) \
            from None


class PasswordNeeded(DatabaseProblem):
    """The server wants a password for this user that it was not given (or not this one)."""


def _first_line(exc: OperationalError) -> str:
    """What the server said, in one line (libpq's messages never carry the password)."""
    lines = [x.strip() for x in str(exc.orig or exc).splitlines() if x.strip()]
    return " ".join(lines)[:300] if lines else type(exc).__name__


def _migrate(engine: Engine, path: Path | None, version: int, backups: Path | None) -> None:
    """Every pending step in one transaction, after a copy of the file: the steps up to the
    baseline are SQLite's own (files from before Alembic), the later ones Alembic revisions."""
    folder = None
    if path is not None:
        folder = backups or paths.backups_dir(path.parent)
        backup_file(path, folder, f"before-v{SCHEMA_VERSION}-from-v{version}")
    try:
        with engine.begin() as conn:
            for step in range(version + 1, min(migrations.BASELINE, SCHEMA_VERSION) + 1):
                MIGRATIONS[step](conn)
            if SCHEMA_VERSION > max(version, migrations.BASELINE):
                schema.upgrade(conn, from_version=max(version, migrations.BASELINE))
            _write_version(conn, SCHEMA_VERSION)
    except OperationalError:
        raise  # the disk or the server, said as such by the caller
    except Exception as exc:  # noqa: BLE001 - a step that fails is a bug; the database is as it was
        text = QT_TRANSLATE_NOOP(
            "Database", "Upgrading the database from schema {found} to {known} failed, and nothing was changed "
            "({error}). Please report this to whoever supports GateDesk.") if folder is None else QT_TRANSLATE_NOOP(
            "Database", "Upgrading the database from schema {found} to {known} failed, and nothing was changed "
            "({error}); a copy from before is in {folder}. Please report this to whoever supports GateDesk.")
        raise DatabaseProblem(Message("Database", text, {"found": version, "known": SCHEMA_VERSION,
                                                         "error": type(exc).__name__, "folder": str(folder)})) from exc


def stored_version(url_or_path: str | Path) -> int | None:
    """The schema version a database holds, without creating or changing anything: None when it is
    empty or absent. Raises DatabaseProblem when it cannot be reached."""
    if isinstance(url_or_path, Path):
        if not url_or_path.exists():
            return None
        url = f"sqlite:///{url_or_path}"
    else:
        url = _url(url_or_path)
    with _driver(url):
        engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return _read_version(conn)
    except OperationalError as exc:
        raise DatabaseProblem(server.unreachable(url, _first_line(exc))) from None
    finally:
        engine.dispose()


def schema_version(db: Database) -> int | None:
    with db.engine.connect() as conn:
        return _read_version(conn)
