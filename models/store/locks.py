"""Writers that must take turns, on an engine with many writers.

SQLite has one writer at a time: a unit of work that writes holds the whole database, so these
are no-ops there. On PostgreSQL several office PCs import and edit at once; what must happen one
at a time takes a transaction-level advisory lock, released by the commit or rollback:
- one station's bundles (two PCs importing the same stick, or two bundles of one gate),
- the end of the audit chain (each entry names the hash of the one before),
- the retention erasure (the office PC that finds it running elsewhere leaves it to that one).
Everything else is concurrent, and a reader never waits for any of it.
"""
from __future__ import annotations

import hashlib

from sqlalchemy import Connection

# What PostgreSQL says when it chose this transaction to end so others go on: it is run again.
UNIQUE_VIOLATION = "23505"
TRANSIENT = {
    "40P01",  # deadlock detected
    "40001",  # serialization failure
    "55P03",  # lock not available
    UNIQUE_VIOLATION,  # a row another transaction added meanwhile (the rerun sees it)
}
RETRIES = 5


def _key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def _connection(unit) -> Connection:
    return unit if hasattr(unit, "dialect") else unit.connection()  # a Connection, or a Session's


def hold(conn: Connection, name: str) -> None:
    """Wait for, then hold until this transaction ends, the lock called name (conn: a Connection
    or a Session)."""
    conn = _connection(conn)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (_key(name),))


def try_hold(conn: Connection, name: str) -> bool:
    """Take the lock called name if nobody holds it (until this transaction ends); False when
    another writer has it. Always True with one writer at a time."""
    conn = _connection(conn)
    if conn.dialect.name != "postgresql":
        return True
    return bool(conn.exec_driver_sql("SELECT pg_try_advisory_xact_lock(%s)", (_key(name),)).scalar())


def is_transient(exc: BaseException) -> bool:
    """A failure that running the same transaction again resolves."""
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in TRANSIENT


def one_transaction_per_run(conn_or_engine) -> bool:
    """Whether a run of several files is one transaction (cancelling it undoes the run whole). With
    one writer at a time that costs nobody anything; on a server it would hold every lock the run
    took until its end, so each file commits on its own there."""
    return conn_or_engine.dialect.name == "sqlite"
