"""The hand-written steps that moved a gate's SQLite database up to schema version 7.

Each step is frozen DDL, written as the tables were when the step was made: later changes to a
table get a step of their own, never an edit here. New databases are created whole from the
current tables and stamped with the latest version (models/db.py).

These steps are SQLite's (gate stations); an office on PostgreSQL starts at version 7 or later.
Every step after 7 is an Alembic revision, for both engines: models/store/schema.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import TYPE_CHECKING

from models.store.early_tables import V2_DDL, V3_DDL, V4_DDL

if TYPE_CHECKING:  # only named here: SCHEMA_VERSION is read by commands that load no database layer
    from sqlalchemy import Connection


# v5: the audit log becomes a numbered hash chain. The table is rebuilt (SQLite cannot add NOT NULL
# columns in place) and the existing entries are chained in the order they were written.
V5_AUDIT_DDL = (
    """CREATE TABLE audit_event (
    id VARCHAR(36) NOT NULL,
    seq INTEGER NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL,
    at DATETIME NOT NULL,
    station_id VARCHAR(36) NOT NULL,
    operator_id VARCHAR(36),
    action VARCHAR(40) NOT NULL,
    record_id VARCHAR(36),
    detail VARCHAR(500) NOT NULL,
    PRIMARY KEY (id)
)""",
    """CREATE INDEX ix_audit_event_action ON audit_event (action)""",
    """CREATE INDEX ix_audit_event_at ON audit_event (at)""",
    """CREATE UNIQUE INDEX ix_audit_event_seq ON audit_event (seq)""",
)


def _v5_hash(seq, at_text, station_id, operator_id, action, record_id, detail, prev_hash) -> str:
    """The chain hash as format v5 defines it; frozen here, like the DDL."""
    at = datetime.fromisoformat(at_text).isoformat(timespec="microseconds") + "Z"
    body = json.dumps([seq, at, station_id, operator_id, action, record_id, detail, prev_hash],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def to_v5(conn: Connection) -> None:
    rows = conn.exec_driver_sql(
        "SELECT id, at, station_id, operator_id, action, record_id, detail FROM audit_event ORDER BY at, id").fetchall()
    conn.exec_driver_sql("DROP TABLE audit_event")  # its indexes go with it
    for statement in V5_AUDIT_DDL:
        conn.exec_driver_sql(statement)
    prev = "0" * 64
    for seq, (rid, at, station_id, operator_id, action, record_id, detail) in enumerate(rows, start=1):
        digest = _v5_hash(seq, at, station_id, operator_id, action, record_id, detail, prev)
        conn.exec_driver_sql(
            "INSERT INTO audit_event (id, seq, prev_hash, hash, at, station_id, operator_id, action, record_id, "
            "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rid, seq, prev, digest, at, station_id, operator_id, action, record_id, detail))
        prev = digest


# v6: the audit log keyed by its sequence number (SQLite's rowid), without the indexes on the
# UUID, the time and (now the key) the sequence: each save appends one entry, cheaply.
V6_AUDIT_DDL = (
    """CREATE TABLE audit_event (
    seq INTEGER NOT NULL,
    id VARCHAR(36) NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL,
    at DATETIME NOT NULL,
    station_id VARCHAR(36) NOT NULL,
    operator_id VARCHAR(36),
    action VARCHAR(40) NOT NULL,
    record_id VARCHAR(36),
    detail VARCHAR(500) NOT NULL,
    PRIMARY KEY (seq)
)""",
    """CREATE INDEX ix_audit_event_action ON audit_event (action)""",
)
V6_COLUMNS = "seq, id, prev_hash, hash, at, station_id, operator_id, action, record_id, detail"


def to_v6(conn: Connection) -> None:
    # Copied aside and back rather than renamed, so the table's stored definition is the one a
    # new database gets. Every value is kept as it was: the hash chain verifies unchanged.
    conn.exec_driver_sql(f"CREATE TEMP TABLE audit_v5 AS SELECT {V6_COLUMNS} FROM audit_event")
    conn.exec_driver_sql("DROP TABLE audit_event")
    for statement in V6_AUDIT_DDL:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(f"INSERT INTO audit_event ({V6_COLUMNS}) SELECT {V6_COLUMNS} FROM audit_v5 ORDER BY seq")
    conn.exec_driver_sql("DROP TABLE audit_v5")


def to_v2(conn: Connection) -> None:
    for statement in V2_DDL:
        conn.exec_driver_sql(statement)


def to_v3(conn: Connection) -> None:
    for statement in V3_DDL:
        conn.exec_driver_sql(statement)


def to_v4(conn: Connection) -> None:
    for statement in V4_DDL:
        conn.exec_driver_sql(statement)


# v7: the office keeps who owns each record, the gates' audit heads, enrolled keys; a PIN lockout
# apart from the audit log; deletions looked up by the deleted record's id.
V7_TABLES = {
    "sync_export": ("""CREATE TABLE sync_export (
    seq INTEGER NOT NULL,
    station_id VARCHAR(36) NOT NULL,
    created_at DATETIME NOT NULL,
    since DATETIME,
    upto DATETIME NOT NULL,
    day_from VARCHAR(10),
    day_to VARCHAR(10),
    file_name VARCHAR(255) NOT NULL,
    records INTEGER NOT NULL,
    audit_seq INTEGER,
    audit_hash VARCHAR(64),
    PRIMARY KEY (seq)
)""", "seq, station_id, created_at, since, upto, day_from, day_to, file_name, records", ()),
    "sync_station": ("""CREATE TABLE sync_station (
    station_id VARCHAR(36) NOT NULL,
    public_key VARCHAR(64) NOT NULL,
    compound_id VARCHAR(36) NOT NULL,
    compound_name VARCHAR(100) NOT NULL,
    community VARCHAR(100) NOT NULL,
    gate_id VARCHAR(36) NOT NULL,
    gate_name VARCHAR(100) NOT NULL,
    first_seen DATETIME NOT NULL,
    last_imported_at DATETIME NOT NULL,
    last_seq INTEGER NOT NULL,
    last_bundle_at DATETIME NOT NULL,
    audit_alarm VARCHAR(16),
    audit_alarm_seq INTEGER,
    PRIMARY KEY (station_id)
)""", "station_id, public_key, compound_id, compound_name, community, gate_id, gate_name, first_seen, "
      "last_imported_at, last_seq, last_bundle_at", ()),
    "sync_receipt": ("""CREATE TABLE sync_receipt (
    id VARCHAR(64) NOT NULL,
    station_id VARCHAR(36) NOT NULL,
    seq INTEGER NOT NULL,
    bundle_created_at DATETIME NOT NULL,
    imported_at DATETIME NOT NULL,
    period_from DATETIME,
    period_to DATETIME NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    audit_seq INTEGER,
    audit_hash VARCHAR(64),
    audit_prev_seq INTEGER,
    audit_prev_hash VARCHAR(64),
    PRIMARY KEY (id)
)""", "id, station_id, seq, bundle_created_at, imported_at, period_from, period_to, file_name, created, updated, "
      "unchanged, conflicts", ("""CREATE INDEX ix_sync_receipt_station ON sync_receipt (station_id, seq)""",)),
    "sync_record": ("""CREATE TABLE sync_record (
    id VARCHAR(36) NOT NULL,
    record_type VARCHAR(32) NOT NULL,
    rev INTEGER NOT NULL,
    digest VARCHAR(32) NOT NULL,
    station_id VARCHAR(36),
    PRIMARY KEY (id)
)""", "id, record_type, rev, digest", ()),
}
V7_NEW = (
    """CREATE TABLE sync_enrollment (
    fingerprint VARCHAR(19) NOT NULL,
    enrolled_at DATETIME NOT NULL,
    operator_id VARCHAR(36),
    PRIMARY KEY (fingerprint)
)""",
    """CREATE TABLE pin_guard (
    operator_id VARCHAR(36) NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at DATETIME,
    PRIMARY KEY (operator_id)
)""",
    """CREATE INDEX ix_tombstone_record ON tombstone (record_id)""",
)
# Record types and their tables as they were at v7.
V7_RECORD_TABLES = ("compound", "gate", "operator", "shift", "visit", "isolation_case", "isolation_recheck",
                    "isolation_notice", "isolation_correction", "parcel", "disinfection_round", "readiness_check",
                    "tombstone")


def to_v7(conn: Connection) -> None:
    for table, (ddl, columns, indexes) in V7_TABLES.items():
        conn.exec_driver_sql(f"CREATE TEMP TABLE {table}_v6 AS SELECT {columns} FROM {table}")
        conn.exec_driver_sql(f"DROP TABLE {table}")
        conn.exec_driver_sql(ddl)
        for statement in indexes:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table}_v6")
        conn.exec_driver_sql(f"DROP TABLE {table}_v6")
    for statement in V7_NEW:
        conn.exec_driver_sql(statement)
    # Each record the office holds is owned by the station that wrote it. A deletion made before
    # owners were kept stays without one: the next live copy of the record claims it back, so a
    # record deleted by another station's tombstone returns when its own gate sends it again.
    for table in V7_RECORD_TABLES:
        conn.exec_driver_sql(
            f"UPDATE sync_record SET station_id = (SELECT t.station_id FROM {table} t WHERE t.id = sync_record.id) "
            f"WHERE record_type = '{table}' AND digest != 'deleted'")


STEPS = {2: to_v2, 3: to_v3, 4: to_v4, 5: to_v5, 6: to_v6, 7: to_v7}
BASELINE = max(STEPS)  # from here on the steps are Alembic revisions (models/store/schema_steps/versions)
# What this GateDesk writes: the newest revision's number (a test checks). A newer file is refused, untouched.
SCHEMA_VERSION = 17
