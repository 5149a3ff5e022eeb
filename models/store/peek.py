"""Reading a few rows of a gate's database without the database layer.

A command that prints one thing (the check-in poster) would otherwise spend most of its time
loading SQLAlchemy and every table. This opens the SQLite file read-only with the standard
library; the SQL passed in must be plain SELECTs. Everything that writes, and every office
database (PostgreSQL), goes through models.store.db.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from models.store.backups import check_sqlite_file, known_version


class Peek:
    """A read-only look at one database file: `with Peek(path) as p: p.rows(sql, params)`.
    Raises DatabaseProblem for a file GateDesk would not open (not a database, not ours, newer)."""

    def __init__(self, path: Path):
        self.path = path
        self._con: sqlite3.Connection | None = None

    def __enter__(self) -> Peek:
        check_sqlite_file(self.path)
        self._con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        self._con.row_factory = sqlite3.Row
        try:
            has_meta = self.rows("SELECT count(*) AS n FROM sqlite_master WHERE name = 'meta'")[0]["n"]
            version = self.rows("SELECT value FROM meta WHERE key = 'schema_version'") if has_meta else []
            known_version(version[0]["value"] if version else None)
        except BaseException:
            self.__exit__()
            raise
        return self

    def rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self._con.execute(sql, params).fetchall()

    def __exit__(self, *exc) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
