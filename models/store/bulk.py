"""Bulk writes for imports. They bind plain values straight to the driver: per-value type processing
would cost more than the insert itself. Times arrive already in the dialect's storage form (time_storage)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError


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
