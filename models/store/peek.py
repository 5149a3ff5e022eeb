"""Reading a few rows of a gate's database without the database layer.

A command that prints one thing (the check-in poster) would otherwise spend most of its time
loading SQLAlchemy and every table. This opens the SQLite file read-only with the standard
library; the SQL passed in must be plain SELECTs. Everything that writes, and every office
database (PostgreSQL), goes through models.store.db.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from models.store.backups import known_version, read_only, stored_version, unreadable


@contextmanager
def peek(path: Path) -> Iterator[Callable[..., list[sqlite3.Row]]]:
    """`with peek(path) as rows: rows(sql, params)`. Raises DatabaseProblem for a file GateDesk
    would not open (not a database, not ours, newer)."""
    with read_only(path) as con:
        con.row_factory = sqlite3.Row
        try:
            version = stored_version(con)
        except sqlite3.DatabaseError as exc:
            raise unreadable(path, exc) from exc
        known_version(version)
        yield lambda sql, params=(): con.execute(sql, params).fetchall()
