import sqlite3

import pytest
from sqlalchemy import inspect, text

from models.store import db as dbmod
from models.store import migrations
from models.store.backups import DatabaseProblem
from models.store.clock import utcnow
from models.store.db import open_database, schema_version
from tests.conftest import tables_after


def file_bytes(path):
    return path.read_bytes()


def test_new_database_is_durable_and_versioned(tmp_path):
    d = open_database(tmp_path / "g.sqlite3")
    with d.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert schema_version(d) == migrations.SCHEMA_VERSION
    d.close()


def test_newer_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "g.sqlite3"
    d = open_database(path)
    with d.engine.begin() as c:
        c.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    d.close()
    before = file_bytes(path)
    with pytest.raises(DatabaseProblem) as exc:
        open_database(path)
    assert exc.value.message.params["found"] == 99
    assert file_bytes(path) == before


def test_garbage_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "g.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseProblem):
        open_database(path)
    assert path.read_bytes() == b"this is not a database" * 100


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "g.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE stuff (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem):
        open_database(path)
    assert [r[0] for r in sqlite3.connect(path).execute("select name from sqlite_master")] == ["stuff"]


STEP = '''"""A step of the test's own: a column with a default on a table with rows, and a new table."""
import sqlalchemy as sa
from alembic import op

revision = "{rev}"
down_revision = "{down}"


def upgrade():
    with op.batch_alter_table("compound") as batch:
        batch.add_column(sa.Column("grid", sa.String(50), nullable=False, server_default=""))
    op.create_table("grid_note", sa.Column("id", sa.Integer, primary_key=True))
    {extra}
'''


def add_step(tmp_path, monkeypatch, extra: str = "pass") -> int:
    """One more Alembic step after today's newest: the version it makes."""
    import shutil

    from models.store import schema

    location = tmp_path / "schema"
    shutil.copytree(schema.LOCATION, location, ignore=shutil.ignore_patterns("__pycache__"))
    old = migrations.SCHEMA_VERSION
    (location / "versions" / f"{old + 1:04d}_test.py").write_text(
        STEP.format(rev=schema.revision_of(old + 1), down=schema.revision_of(old), extra=extra))
    monkeypatch.setattr(schema, "LOCATION", location)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", old + 1)
    return old + 1


def a_compound(d) -> None:
    with d.engine.begin() as c:
        c.execute(text("INSERT INTO compound (id, station_id, name, address, community, subdistrict, district, "
                       "created_at, updated_at, rev) VALUES ('c1', 's1', '老小区', '', '', '', '', "
                       "'2022-11-01 00:00:00', '2022-11-01 00:00:00', 1)"))


def test_an_upgrade_backs_up_first_and_runs_the_steps_in_place(tmp_path, monkeypatch, open_office):
    path = tmp_path / "g.sqlite3"
    d = open_office(path)
    a_compound(d)
    d.close()
    new = add_step(tmp_path, monkeypatch)
    d = open_office(path, backups=tmp_path / "bk")
    assert schema_version(d) == new
    with d.engine.connect() as c:
        assert c.execute(text("SELECT name, grid FROM compound")).one() == ("老小区", "")
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == f"{new:04d}"
        assert "grid_note" in inspect(c).get_table_names()
    d.close()
    open_office(path).close()  # opened again: nothing more to do
    if open_office.engine == "sqlite":
        [backup] = (tmp_path / "bk").iterdir()
        con = sqlite3.connect(backup)
        assert con.execute("select value from meta where key='schema_version'").fetchone()[0] == str(new - 1)
        assert con.execute("select name from compound").fetchone()[0] == "老小区"


def test_a_failed_upgrade_changes_nothing(tmp_path, monkeypatch, open_office):
    path = tmp_path / "g.sqlite3"
    d = open_office(path)
    a_compound(d)
    d.close()
    old = migrations.SCHEMA_VERSION
    add_step(tmp_path, monkeypatch, extra='raise RuntimeError("the power went")')
    with pytest.raises(DatabaseProblem) as failed:
        open_office(path, backups=tmp_path / "bk")
    assert f"{old}" in str(failed.value) and "nothing was changed" in failed.value.message.text
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", old)
    d = open_office(path)
    assert schema_version(d) == old
    with d.engine.connect() as c:
        assert "grid" not in [col["name"] for col in inspect(c).get_columns("compound")]
        assert not {"grid_note", "alembic_version"} & set(inspect(c).get_table_names())
        assert c.execute(text("SELECT name FROM compound")).scalar() == "老小区"
    d.close()


def test_the_steps_end_at_the_version_this_gatedesk_writes():
    from models.store import schema

    assert schema.head() == migrations.SCHEMA_VERSION >= migrations.BASELINE


def test_background_checkpoints_keep_the_wal_small_and_lose_nothing(tmp_path, monkeypatch):
    import time

    from models.store.clock import utcnow
    from models.trust.audit import record

    def save(d, i):
        with d.session() as s:
            record(s, at=utcnow(), station_id="s", operator_id=None, action=f"a{i}", detail="x" * 400)
            s.commit()

    path = tmp_path / "g.sqlite3"
    monkeypatch.setattr(dbmod, "CHECKPOINT_INTERVAL", 0.02)
    d = open_database(path, background_checkpoints=True)
    with d.engine.connect() as c:
        assert c.execute(text("PRAGMA wal_autocheckpoint")).scalar() == dbmod.BURST_CHECKPOINT_PAGES
    for i in range(300):
        save(d, i)
    time.sleep(0.3)  # a quiet moment at the gate: the checkpointer catches up
    save(d, 300)
    frames = sqlite3.connect(path).execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]
    assert frames < 50  # the WAL started again instead of growing with every save
    d.close()
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    again = open_database(path)
    with again.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_event")).scalar() == 301
    again.close()


def test_a_v1_gate_database_upgrades_to_the_same_schema_as_a_new_one(tmp_path):
    """v1 is today's schema without the isolation and parcel tables (v2), the sync tables (v3), the
    posters' and residents' tables (v4), with the audit log before its hash chain (v5) and keyed
    by a UUID (v6), without enrollments, the PIN lockout's table and owners (v7), and without the
    office's organisation units (v8, the first Alembic step) its forwarding offices (v10), its figures per gate and day (v11) the testing rounds (v13), the home-service ledger (v14), the gates' bundles an office relays (v15) and supervision's standards (v16)."""
    v2_tables = ("isolation_case", "isolation_recheck", "isolation_notice", "isolation_correction", "parcel",
                 "disinfection_round", "readiness_check", "sync_export", "sync_station", "sync_receipt",
                 "sync_record", "sync_conflict", "tombstone", "venue_code", "passage", "home_monitoring",
                 "resident_pass", "resident", "household", "sync_enrollment", "pin_guard") + tables_after(7)
    old = tmp_path / "old.sqlite3"
    d = open_database(old)
    with d.engine.begin() as c:
        for t in v2_tables:
            c.execute(text(f"DROP TABLE {t}"))
        c.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
        c.execute(text("DROP TABLE audit_event"))
        c.execute(text("CREATE TABLE audit_event (id VARCHAR(36) NOT NULL, at DATETIME NOT NULL, "
                       "station_id VARCHAR(36) NOT NULL, operator_id VARCHAR(36), action VARCHAR(40) NOT NULL, "
                       "record_id VARCHAR(36), detail VARCHAR(500) NOT NULL, PRIMARY KEY (id))"))
        c.execute(text("CREATE INDEX ix_audit_event_at ON audit_event (at)"))
        c.execute(text("CREATE INDEX ix_audit_event_action ON audit_event (action)"))
        c.execute(text("INSERT INTO audit_event (id, at, station_id, action, detail) "
                       "VALUES ('e1', '2022-11-01 00:00:00', 's', 'sign_in', '')"))
        c.execute(text("INSERT INTO audit_event (id, at, station_id, action, detail) "
                       "VALUES ('e2', '2022-11-01 08:00:00.250000', 's', 'reveal', '')"))
    d.close()
    d = open_database(old, backups=tmp_path / "bk")
    assert schema_version(d) == migrations.SCHEMA_VERSION
    from models.trust import audit

    with d.session() as s:
        assert audit.verify(s) == audit.Verdict(2, None)  # the old entries, chained in the order written
        audit.record(s, at=utcnow(), station_id="s", operator_id=None, action="sign_in")
        s.commit()
        assert audit.verify(s) == audit.Verdict(3, None)
    d.close()
    fresh = tmp_path / "new.sqlite3"
    open_database(fresh).close()
    q = ("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
         "AND tbl_name != 'alembic_version' ORDER BY name")  # Alembic's mark of the steps run

    def norm(rows):
        return [(a, b, c, " ".join((sql or "").split())) for a, b, c, sql in rows]

    assert norm(sqlite3.connect(old).execute(q).fetchall()) == norm(sqlite3.connect(fresh).execute(q).fetchall())
    assert sqlite3.connect(old).execute("SELECT action FROM audit_event ORDER BY seq").fetchall() == [
        ("sign_in",), ("reveal",), ("sign_in",)]
    [backup] = (tmp_path / "bk").iterdir()
    assert "from-v1" in backup.name


def test_a_unit_of_work_is_not_refused_because_another_thread_wrote_meanwhile(db, station, now):
    """SQLite refuses a transaction that read, then tries to write after another connection
    committed ("database is locked", at once). Units of work take the write lock at BEGIN, so
    the housekeeping thread waits its turn instead of breaking a guard's save."""
    import threading
    import time

    from models.trust import audit

    def other_writer():
        with db.session() as s2:
            audit.record(s2, at=now, station_id="s", operator_id=None, action="purge", detail="other")
            s2.commit()

    with db.session() as s:
        audit.entries(s)  # reads first…
        worker = threading.Thread(target=other_writer)
        worker.start()
        time.sleep(0.3)  # …the other thread tries to write meanwhile…
        audit.record(s, at=now, station_id="s", operator_id=None, action="sign_in")  # …then this writes
        s.commit()
    worker.join(timeout=10)
    with db.session() as s:
        assert [e.action for e in audit.entries(s)][:2] == ["purge", "sign_in"]
        assert audit.verify(s).first_bad is None


def test_a_unit_of_work_may_read_through_a_helper_inside_another(db, station):
    """A helper that opens its own session inside a caller's must not wait for its own thread."""
    from models.trust.operators import list_operators

    with db.session() as outer:
        outer.execute(text("SELECT 1"))
        with db.session() as inner:
            assert len(list_operators(inner)) == 3


def test_a_newer_server_database_is_refused_and_untouched(pg_server):
    from sqlalchemy import create_engine

    url = pg_server.new_database()
    d = open_database(url)
    with d.engine.begin() as c:
        c.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
        tables = sorted(inspect(c).get_table_names())
    d.close()
    with pytest.raises(DatabaseProblem) as refused:
        open_database(url)
    assert "99" in str(refused.value)
    engine = create_engine(url)
    with engine.connect() as c:
        assert c.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar() == "99"
        assert sorted(inspect(c).get_table_names()) == tables  # no Alembic mark, nothing made
    engine.dispose()
