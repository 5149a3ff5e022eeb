"""Bulk writes for imports. They bind plain values straight to the driver: per-value type processing
would cost more than the insert itself. Times arrive already in the dialect's storage form (time_storage).

On PostgreSQL new rows go in with COPY and a batch's lookups bind one array, not thousands of
parameters: each executemany row or parameter is a round of work for the driver (the import spent
two thirds of its time in psycopg's pipeline before)."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from models.store import locks


def time_storage(dialect_name: str) -> Callable[[str], object]:
    """A checked wire time (2026-11-29T03:21:08.123456Z) in the form a UTCDateTime column stores."""
    if dialect_name == "sqlite":
        # SQLAlchemy's SQLite DATETIME text form, naive UTC: 2026-11-29 03:21:08.123456
        return lambda wire: wire[:10] + " " + wire[11:26]
    # PostgreSQL reads the checked wire text itself (ISO 8601 with its Z) in COPY and as a parameter
    # of a timestamptz column: making a datetime of each time first cost a tenth of the import.
    return lambda wire: wire


def begin_import(conn: Connection) -> None:
    """Settings for one long write transaction on this connection."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size=-65536")  # 64 MB: index pages stay in memory
    else:
        # The driver prepares a statement run often; a plan made while a table was still nearly
        # empty (a scan) would then be kept while it fills. Each batch's lookups are planned anew.
        conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")


_CLAIM = "import_claim"


def claim_new(conn: Connection, table, columns: list[str], rows: list[tuple], *, likely_new: bool,
              lines: bytes | None = None) -> set[str] | None:
    """PostgreSQL: write (id, ...) rows into table (a primary key on id) for the ids it does not
    hold yet, and return those ids; the rest are the ones held. Each id is sought in the index
    once (asking first and inserting after sought it twice, in two round trips). A batch likely
    all new goes in by one COPY; when an id is held after all (or the batch was not likely new),
    by COPY to a staging table and one set-based merge, INSERT … ON CONFLICT DO NOTHING: an id
    another PC's import adds meanwhile is then found held, not a unique error. None on SQLite,
    whose executemany is already the fastest way in: ask first there; and None for a batch of a
    few rows (a file's compound, gate, operators): one question then one COPY is a round trip
    fewer than a savepoint around a COPY. lines: the same rows as COPY text (copy_line), made by a
    worker reading ahead, sent as they are."""
    if not _is_postgresql(conn) or len(rows) < CLAIM_FROM:
        return None
    quote = conn.dialect.identifier_preparer.quote
    named = ", ".join(quote(c) for c in columns)
    if likely_new:
        try:
            with conn.begin_nested():
                _copy(conn, f"COPY {quote(table.name)} ({named}) FROM STDIN", rows if lines is None else lines)
            return {r[0] for r in rows}
        except IntegrityError as exc:
            if getattr(exc.orig, "sqlstate", None) != locks.UNIQUE_VIOLATION:
                raise
    # Made where it is needed (a savepoint rolled back since may have taken it away), in one round trip.
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {_CLAIM} (id varchar(36), record_type varchar(32), "
                         f"rev integer, digest varchar(32), station_id varchar(36)); TRUNCATE {_CLAIM}")
    _copy(conn, f"COPY {_CLAIM} ({named}) FROM STDIN", rows if lines is None else lines)
    return set(conn.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({named}) SELECT {named} FROM {_CLAIM} "
                                    "ON CONFLICT (id) DO NOTHING RETURNING id").scalars())


CLAIM_FROM = 100  # rows in a batch


def claims_whole_files(conn: Connection) -> bool:
    """Whether a file read whole ahead claims its likely new records at once: on a server, where
    each round trip costs; the embedded file asks batch by batch (a question there is a call in
    the same process)."""
    return _is_postgresql(conn)


IN_MEMORY_IDS = 250_000  # a file with more records keeps the ids it brought in the database instead


class SeenIds:
    """The ids one imported file has brought so far (the same id twice in one file is refused): a
    set in memory for a file of ordinary size, a scratch table in the database's temporary store
    for a huge one, so memory stays bounded whatever the file's size."""

    def __init__(self, conn: Connection, records: int):
        self.conn = conn
        self.ids: set[str] | None = set() if records <= IN_MEMORY_IDS else None
        if self.ids is None:
            rowid = " WITHOUT ROWID" if conn.dialect.name == "sqlite" else ""
            conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS import_seen (id VARCHAR(36) PRIMARY KEY){rowid}")
            conn.exec_driver_sql("DELETE FROM import_seen")

    def note(self, ids: list[str]) -> str | None:
        """Add a batch of ids; returns one that was there already (or twice in the batch), else None."""
        batch = set(ids)
        if len(batch) < len(ids):
            once: set[str] = set()
            return next(rid for rid in ids if rid in once or once.add(rid))
        if self.ids is not None:
            if self.ids.isdisjoint(batch):
                self.ids |= batch
                return None
            return next(rid for rid in ids if rid in self.ids)
        return _note_in_table(self.conn, ids)


def _note_in_table(conn: Connection, ids: list[str]) -> str | None:
    if _is_postgresql(conn):
        again = conn.exec_driver_sql("SELECT id FROM import_seen WHERE id = ANY(%s) LIMIT 1", (ids,)).scalar()
        if again is None:
            conn.exec_driver_sql("INSERT INTO import_seen (id) SELECT unnest(%s::varchar[])", (ids,))
        return again
    try:
        with conn.begin_nested():
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
    if _is_postgresql(conn):
        sql = sql.replace(" IN {in_}", " = ANY({in_})")
        return conn.exec_driver_sql(sql.format(in_=mark, mark=mark), (*before, list(values))).fetchall()
    marks = ", ".join([mark] * len(values))
    return conn.exec_driver_sql(sql.format(in_=f"({marks})", mark=mark), (*before, *values)).fetchall()


def _is_postgresql(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _marker(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def bulk_insert(conn: Connection, table, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    if _is_postgresql(conn):
        _copy(conn, f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN", rows)
        return
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


_COPY_TEXT = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f",
                            "\v": "\\v"})


def copy_line(row: tuple) -> bytes:
    """A row of checked values (text, whole numbers, numbers, true/false, bytes, None) as a line of
    PostgreSQL's COPY text format: what the driver's write_row sends, made where it costs the
    importer nothing (a worker reading ahead)."""
    out = []
    for value in row:
        if value is None:
            out.append("\\N")
        elif value is True or value is False:
            out.append("t" if value else "f")
        elif isinstance(value, str):
            # Nearly no value holds a character to escape, all of which but the backslash are
            # unprintable: two C checks instead of translating each character (3x faster a line).
            out.append(value if value.isprintable() and "\\" not in value else value.translate(_COPY_TEXT))
        elif isinstance(value, bytes):
            out.append("\\\\x" + value.hex())  # bytea's hex form, its backslash escaped for COPY text
        else:
            out.append(repr(value))  # int, float (finite: the wire allows no other)
    return ("\t".join(out) + "\n").encode()


def copy_line_checked(row: tuple) -> bytes:
    """copy_line for values already checked to hold nothing to escape (UUIDs, hex digests, names of
    kinds, whole numbers): a sync row, made per record by a worker reading ahead."""
    if None in row:
        return copy_line(row)
    return ("\t".join(map(str, row)) + "\n").encode()


def copy_lines(conn: Connection, table, columns: list[str], lines: list[bytes]) -> None:
    """Rows already made into COPY text lines (copy_line), in one COPY."""
    if lines:
        quote = conn.dialect.identifier_preparer.quote
        _copy(conn, f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN",
              b"".join(lines))


def _copy(conn: Connection, sql: str, rows: list[tuple] | bytes) -> None:
    """COPY on the connection's own transaction, of rows (or of lines already in COPY text);
    the driver's errors come out as SQLAlchemy's (a unique race with another PC is told apart by
    its SQLSTATE, as for any statement)."""
    dbapi = conn.dialect.loaded_dbapi
    try:
        with conn.connection.dbapi_connection.cursor() as cursor, cursor.copy(sql) as copy:
            if isinstance(rows, bytes):
                copy.write(rows)
            else:
                for row in rows:
                    copy.write_row(row)
    except dbapi.Error as exc:
        raise DBAPIError.instance(sql, None, exc, dbapi.Error) from None
