"""The office keeps only the indexes its own screens use, and every question its screens, reports,
imports and erasure ask of the visits, the parcels, the testing rounds and the home-service ledger still seeks an index: the statements are caught as the real
services run them, and each one's plan is read back from the engine (SQLite's EXPLAIN QUERY PLAN;
PostgreSQL's EXPLAIN with sequential scans made a last resort, so a missing index shows)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event, inspect

from models.store import registry
from models.sync import day_figures
from models.store.clock import local_today
from models.trust.operators import Role
from tests.conftest import NOW, as_of
from tests.models.test_units import gates, office  # noqa: F401 - fixtures

GATE_SEARCHES = {"ix_visit_name", "ix_visit_phone_tail", "ix_visit_id_tail", "ix_visit_kind", "ix_visit_decision",
                 "ix_visit_onsite"}
COUNTER_SEARCHES = {"ix_parcel_code", "ix_parcel_room", "ix_parcel_tracking"}
SCAN_PATH = {"ix_round_person_resident"}  # a scanned pass's line in the round


def visit_indexes(db, table: str = "visit") -> set[str]:
    with db.engine.connect() as c:
        return {i["name"] for i in inspect(c).get_indexes(table)}


def test_the_office_drops_the_gates_search_indexes_and_a_gate_keeps_them(office, gates, tmp_path):  # noqa: F811
    assert set(registry.gate_only_indexes()) == GATE_SEARCHES | COUNTER_SEARCHES | SCAN_PATH
    # by day (the dashboard's drill-down, the erasure), and by gate and day (the figures recounted)
    assert visit_indexes(office.db) == {"ix_visit_created", "ix_visit_gate_day"}
    # parcels by status (waiting, overdue) and by the times received, collected, delivered
    assert visit_indexes(office.db, "parcel") == {"ix_parcel_status", "ix_parcel_received", "ix_parcel_collected",
                                                  "ix_parcel_delivered"}
    # a round's people by building (its figures, its lists), and by age (their names erased)
    assert visit_indexes(office.db, "round_person") == {"ix_round_person_place", "ix_round_person_created"}
    _, dbs = gates
    assert GATE_SEARCHES <= visit_indexes(dbs[0])
    assert COUNTER_SEARCHES <= visit_indexes(dbs[0], "parcel")
    assert SCAN_PATH <= visit_indexes(dbs[0], "round_person")


def caught_statements(desk, tmp_path) -> list[tuple[str, object]]:
    """Every SELECT on the visits the office's work sends, with its parameters."""
    caught = []

    def catch(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and not executemany and (
                any(t in statement.lower() for t in ("visit", "parcel", "testing_round", "round_person", "home_"))):
            caught.append((statement, parameters))

    engine = desk.db.engine
    day = local_today(NOW, desk.settings.zone)
    desk.office.dashboard(day)  # the figures per gate and day are counted once, in one pass (by design)
    with desk.db.engine.connect() as conn:
        gate = conn.exec_driver_sql("SELECT gate_id FROM visit LIMIT 1").scalar()
    event.listen(engine, "before_cursor_execute", catch)
    try:
        view = desk.office.dashboard(day)
        with desk.db.writing() as conn:  # what each import asks for the (gate, day)s its file touched
            day_figures.recount(conn, [(gate, day.isoformat())], desk.settings.zone)
        desk.office.visit_series(day, 28, view.unit_id)
        desk.office.visit_series(day, 28)
        for row in view.rows:
            if row.compound_ids:
                desk.office.drill_visits(compound_ids=row.compound_ids, day=day)
                desk.office.drill_visits(compound_ids=row.compound_ids, day=day, decision="refuse")
        assert desk.office.round_summary(day).rows  # the day's rounds, by building
        assert desk.office.care_summary(day).rows  # the day's home services, by compound
        desk.office.write_report(day, tmp_path / "r.xlsx")
        desk.clock = lambda: NOW + timedelta(days=40)  # the first visits are past the retention period
        desk.records.erase_expired(chunk=50)
    finally:
        event.remove(engine, "before_cursor_execute", catch)
    return caught


def plan(db, statement: str, parameters) -> str:
    with db.engine.connect() as c:
        if db.engine.dialect.name == "sqlite":
            rows = c.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            return "\n".join(str(r[-1]) for r in rows)
        c.exec_driver_sql("SET enable_seqscan = off")
        return "\n".join(r[0] for r in c.exec_driver_sql("EXPLAIN " + statement, parameters))


def scans_the_visits(db, text: str) -> bool:
    """Reads the visits, the parcels or the rounds' people whole."""
    tables = ("visit", "parcel", "round_person", "testing_round", "home_need", "home_service")
    if db.engine.dialect.name == "sqlite":
        return any(line.startswith(tuple(f"SCAN {t}" for t in tables)) or line == "SCAN v" for line in text.splitlines())
    return any(f"Seq Scan on {t}" in text for t in tables)


def test_every_office_question_about_visits_and_parcels_seeks_an_index(office, tmp_path):  # noqa: F811
    with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
        statements = caught_statements(office, tmp_path)
        assert len(statements) >= 5  # the dashboard, the chart, the drill-down, the report, the erasure
        scanning = [(s, p) for s, p in statements if scans_the_visits(office.db, p_ := plan(office.db, s, p)) or
                    not p_]
        assert scanning == [], "\n\n".join(f"{s}\n{plan(office.db, s, p)}" for s, p in scanning)


def test_an_office_from_schema_11_drops_the_counters_searches_and_a_gate_keeps_them(gates, tmp_path,  # noqa: F811
                                                                                    open_office):
    from sqlalchemy import text

    from models.app.demo import create_demo
    from models.store import db as dbmod
    from models.store import migrations
    from models.store.db import open_database
    from models.sync import ensure_office

    office_db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office_db)
    gate_db = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    create_demo(gate_db, days=1, visits_per_day=5, parcels_per_day=3, seed=3, now=NOW)
    for db in (office_db, gate_db):
        with db.engine.begin() as c:  # as schema 11 had them, at an office and at a gate
            for statement in ("CREATE INDEX IF NOT EXISTS ix_parcel_code ON parcel (pickup_code, status, received_at)",
                              "CREATE INDEX IF NOT EXISTS ix_parcel_room ON parcel (room, status, received_at)",
                              "CREATE INDEX IF NOT EXISTS ix_parcel_tracking ON parcel (tracking_no)"):
                c.execute(text(statement))
            for statement in as_of(11):
                c.execute(text(statement))
            c.execute(text("UPDATE meta SET value = '11' WHERE key = 'schema_version'"))
    office_db.close()
    gate_db.close()
    office_db, gate_db = open_office(tmp_path / "office" / "gatedesk.sqlite3"), \
        open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    assert dbmod.schema_version(office_db) == dbmod.schema_version(gate_db) == migrations.SCHEMA_VERSION == 17
    assert not COUNTER_SEARCHES & visit_indexes(office_db, "parcel")
    assert COUNTER_SEARCHES <= visit_indexes(gate_db, "parcel")
    office_db.close()
    gate_db.close()
