"""The demo's week of supervision: a plausible team's laptop, made through the team's own actions, that
an office takes in like any team's bundle."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from models import supervision
from models.app.desk import Desk
from models.app.team_demo import COMPOUNDS, create_team_demo, demo_list
from models.store.db import open_database
from models.sync import export_bundle
from models.trust import audit
from tests.conftest import NOW
from tests.sync_helpers import enroll


def week(tmp_path, name="team", seed=1):
    db = open_database(tmp_path / name / "gatedesk.sqlite3")
    result = create_team_demo(db, now=NOW, seed=seed)
    with db.reading() as s:
        visits = supervision.visits(s)
        findings = list(s.exec(select(supervision.Finding)))
    return db, result, visits, findings


def test_a_week_of_visits_unannounced_checks_and_follow_ups(tmp_path):
    db, result, visits, findings = week(tmp_path)
    try:
        days = {v.day for v in visits}
        assert len(days) == 7 and max(days) == "2022-11-28"  # NOW is 10:00 on the 28th in China
        assert result.visits == len(visits) and result.findings == len(findings)
        fresh = [v for v in visits if v.follows_id is None and not v.gate_name]
        assert {v.compound_name for v in fresh} <= {c[0] for c in COMPOUNDS} and len({v.compound_name for v in fresh}) >= 5
        assert any(not v.announced for v in fresh) and any(v.announced for v in fresh)
        assert sum(bool(v.gate_name) for v in visits) == 6  # a mystery check each afternoon (not yet today)
        follow_ups = [v for v in visits if v.follows_id is not None]
        closed = [f for f in findings if f.status == supervision.FindingStatus.CLOSED]
        assert follow_ups and closed and {f.closed_in for f in closed} <= {v.id for v in follow_ups}
        assert result.findings_open == len(findings) - len(closed) > 0
        [still_open] = [v for v in visits if v.signed_at is None]  # the team is at its last one now
        assert still_open.day == "2022-11-28"
        assert all(v.created_at <= NOW for v in visits)  # nothing lies in the future
        assert any(f.due_on < "2022-11-28" for f in findings if f.status == "open")  # some overdue
        with db.reading() as s:
            assert audit.verify(s).first_bad is None  # every visit and answer on the audit chain
    finally:
        db.close()


def test_the_same_seed_makes_the_same_week(tmp_path):
    one, _, a, _ = week(tmp_path, "one", seed=5)
    two, _, b, _ = week(tmp_path, "two", seed=5)
    try:
        assert [(v.day, v.compound_name, v.points) for v in a] == [(v.day, v.compound_name, v.points) for v in b]
        assert [c.compound_id for c in demo_list(5).compounds] == [c.compound_id for c in demo_list(5).compounds]
    finally:
        one.close()
        two.close()


def test_an_office_takes_in_the_demo_teams_bundle(tmp_path, open_office):
    db, result, visits, findings = week(tmp_path)
    office_db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    try:
        office = Desk(office_db, clock=lambda: NOW + timedelta(hours=2))
        office.sync.complete_office_setup(office_name="鼓楼区住建局", community="", admin_name="周主任", pin="2468",
                                          pin_again="2468", office_label="督导办")
        enroll(office_db, db)
        made = export_bundle(db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=5))
        outcome = office.sync.importer().run(made.path)
        assert outcome.status == "accepted", (outcome.problem.code, outcome.problem.message)
        with office_db.reading() as s:
            assert len(supervision.visits(s)) == len(visits)
            assert len(supervision.open_findings(s)) == result.findings_open
    finally:
        office_db.close()
        db.close()


def test_a_teams_stats_count_the_compounds_of_its_list_by_kind(tmp_path):
    from models.app.stats import record_counts

    db, result, visits, _ = week(tmp_path)
    try:
        with db.reading() as s:
            counts = record_counts(s)
        assert counts["compounds_by_type"] == {"property": 4, "none": 3, "owners": 1, "uncounted": 0}
        assert (counts["inspections"], counts["findings_open"]) == (len(visits), result.findings_open)
    finally:
        db.close()
