"""A district through supervision: two inspection stations set up and enrolled, visits to the
gates' compounds (one unannounced), findings with deadlines, a follow-up closing some, their
bundles (format 5) imported at the district, and the office's coverage, overdue list and league
right to the count. A team is no gate there, and a gate cannot send a team's records."""
from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta

import pytest

from models import supervision
from models.app.desk import Desk
from models.formats import bundle
from models.store.db import open_database
from models.supervision import Answer, Party, StandardKind
from models.sync import export_bundle
from models.trust.operators import Role
from tests.conftest import NOW
from tests.models.test_units import GATES, make_gate
from tests.sync_helpers import craft, enroll, signing_key

LATER = NOW + timedelta(days=2)  # the district imports two days on


def team_station(root, name, unit):
    db = open_database(root / name / "gatedesk.sqlite3")
    desk = Desk(db, clock=lambda: NOW)
    desk.sync.complete_inspection_setup(team_name=name, admin_name="王科长", pin="1357", pin_again="1357",
                                        district=unit[0], subdistrict=unit[1], community=unit[2])
    return desk


def compounds_of(gate_dbs) -> list[tuple[str, str]]:
    out = []
    for db in gate_dbs:
        with db.reading() as s:
            from models.setup.site import this_station

            ctx = this_station(s)
            out.append((ctx.compound_id, ctx.compound_name))
    return out


def inspect(team: Desk, compound, *, fails=(), announced=True, follows=None, review=()):
    [view] = team.supervision.standards(StandardKind.INSPECTION)
    v = team.supervision.open_visit(compound_id=compound[0], compound_name=compound[1], standard_id=view.standard.id,
                                    announced=announced, team="督导一组", follows_id=follows)
    if follows is None:
        for item in view.items:
            team.supervision.answer_item(v.id, item.id, Answer.FAIL if item.code in fails else Answer.PASS)
    for finding_id, fixed in review:
        team.supervision.review_finding(v.id, finding_id, put_right=fixed)
    return team.supervision.sign_off_visit(v.id, party=Party.PROPERTY, party_name=f"{compound[1]}物业")


@pytest.fixture
def district(tmp_path, open_office):
    root = tmp_path
    gate_dbs = [make_gate(root, i, *g) for i, g in enumerate(GATES[:3])]
    office_db = open_office(root / "district" / "gatedesk.sqlite3")
    office = Desk(office_db, clock=lambda: LATER)
    office.sync.complete_office_setup(office_name="鼓楼区住建局", community="", admin_name="周主任", pin="2468",
                                      pin_again="2468", office_label="督导办")
    teams = [team_station(root, "督导一组", ("鼓楼区", "东街街道", "")),
             team_station(root, "督导二组", ("仓山区", "", ""))]  # lent by another district
    yield office, gate_dbs, teams
    for db in gate_dbs:
        db.close()
    for t in teams:
        t.db.close()
    office_db.close()


def test_a_district_takes_its_teams_visits_and_sees_coverage_overdue_and_league(district, tmp_path):
    office, gate_dbs, (one, two) = district
    places = compounds_of(gate_dbs)  # 榕城花园 (东门, 西门: one compound each, as gates set up), 三坊小区
    first = inspect(one, places[0], fails=("2", "5"))
    inspect(one, places[2], announced=False)
    on = Desk(one.db, clock=lambda: NOW + timedelta(days=1))
    on.operator = one.operator
    follow = inspect(on, places[0], follows=first.visit.id,
                     review=[(f.id, f.code == "2") for f in first.opened])  # 2 put right, 5 not yet
    assert [f.code for f in follow.closed] == ["2"]
    inspect(two, places[1], fails=("14",))  # a veto: 95 points, not passed
    usb = tmp_path / "usb"
    bundles = [export_bundle(db, usb, sheets=False, now=NOW + timedelta(minutes=1)).path for db in gate_dbs]
    sent = [export_bundle(t.db, usb, sheets=False, now=NOW + timedelta(days=1, minutes=5)).path for t in (one, two)]
    for path in sent:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(bundle.MANIFEST))
        assert (manifest["format_version"], manifest["station"]["kind"]) == (5, "inspection")
    with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
        enroll(office.db, *gate_dbs, one.db, two.db)
        importer = office.sync.importer()
        results = [importer.run(p) for p in bundles + sent]
        assert [r.status for r in results] == ["accepted"] * 5, [r.problem.message.params for r in results
                                                                 if r.problem]
        later = Desk(office.db, clock=lambda: NOW + timedelta(days=4))
        later.operator = office.operator
        today = date(2022, 12, 2)
        cover = later.office.supervision_coverage(days=7)
        # three compounds, the teams' own places not among them; each visited
        assert sorted((c.place.compound, c.visits) for c in cover) == [
            ("三坊小区", 1), ("榕城花园", 1), ("榕城花园", 2)]  # 东门's compound twice, 西门's once
        parties = later.office.findings_by_party()
        # item 5 at 东门's compound (major: due 12-01) and the veto item 14 at 西门's (critical: 11-29);
        # item 2 was put right by the follow-up
        assert [(p.party, p.party_name, p.open, p.overdue) for p in parties] == [("property", "榕城花园物业", 2, 2)]
        league = later.office.league_table(date(2022, 11, 28), today, "community")
        # 榕城花园 (东门) 86 points, passed; (西门) vetoed; 三坊小区 100
        assert [(r.name, r.visits, r.passed) for r in league] == [("东街社区", 1, 1), ("温泉社区", 2, 1)]
        # the district's dashboard and its list of gates know no team
        names = [r.gate_name for r in office.sync.completeness()]
        assert sorted(names) == ["东门", "北门", "西门"]
        assert not [line for line in office.office.not_reported(NOW.date()) if "督导" in line]


def test_a_gate_cannot_send_a_teams_records_nor_a_team_become_a_gate(district, tmp_path):
    office, gate_dbs, (one, _two) = district
    places = compounds_of(gate_dbs)
    inspect(one, places[0])
    usb = tmp_path / "usb"
    sent = export_bundle(one.db, usb, sheets=False, now=NOW + timedelta(minutes=5)).path
    with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
        enroll(office.db, one.db, gate_dbs[0])
        importer = office.sync.importer()
        # the team's bundle re-signed as a gate's (its own key: the kind is in the signed manifest)
        as_gate = craft(sent, tmp_path / "as-gate.gdbundle", signing_key(one),
                        manifest=lambda body: body["station"].pop("kind"))
        result = importer.run(as_gate)
        assert (result.status, result.problem.code) == ("rejected", "wrong_station_kind")
        assert importer.run(sent).status == "accepted"
        # after its first bundle, a team stays a team
        again = export_bundle(one.db, usb, sheets=False, now=NOW + timedelta(minutes=9)).path
        gate_now = craft(again, tmp_path / "gate-now.gdbundle", signing_key(one),
                         manifest=lambda body: body["station"].pop("kind"))
        result = importer.run(gate_now)
        assert (result.status, result.problem.code) == ("rejected", "station_kind_changed")
    with office.db.reading() as s:
        assert len(supervision.current(s)) == 2  # the team's standards arrived once, with its first bundle


def test_a_team_does_not_judge_its_own_unit(district, tmp_path):
    """督导一组 belongs to 东街街道: its visit to 金山小区 there is refused at the district."""
    office, gate_dbs, (one, _two) = district
    own = make_gate(tmp_path, 3, *GATES[3])  # 金山小区, 鼓楼区 东街街道 东街社区
    try:
        [(cid, name)] = compounds_of([own])
        inspect(one, (cid, name))
        usb = tmp_path / "usb"
        gate = export_bundle(own, usb, sheets=False, now=NOW + timedelta(minutes=1)).path
        sent = export_bundle(one.db, usb, sheets=False, now=NOW + timedelta(minutes=5)).path
        with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
            enroll(office.db, own, one.db)
            importer = office.sync.importer()
            assert importer.run(gate).status == "accepted"
            result = importer.run(sent)
            assert (result.status, result.problem.code) == ("rejected", "own_unit")
            assert result.problem.message.params["unit"] == "东街街道"
        with office.db.reading() as s:
            assert supervision.current(s) == []  # nothing of the file was written
    finally:
        own.close()


def test_the_offices_list_tells_a_team_which_compounds_it_may_visit(district, tmp_path):
    """The district writes its compounds with their gates' ids; a team loads the list, visits only
    those, and none of its own unit; its visit lands on the gate's compound at the district."""
    office, gate_dbs, (one, _two) = district
    usb = tmp_path / "usb"
    own = make_gate(tmp_path, 3, *GATES[3])  # 金山小区 in 东街街道, 督导一组's own sub-district
    try:
        with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
            enroll(office.db, *gate_dbs, own, one.db)
            importer = office.sync.importer()
            for db in [*gate_dbs, own]:
                importer.run(export_bundle(db, usb, sheets=False, now=NOW + timedelta(minutes=1)).path)
            office.supervision.set_census(compounds_of(gate_dbs)[2][0], "none")
            assert office.supervision.write_compound_list(tmp_path / "督导小区清单.xlsx") == 4
        with one.authorised(one.staff.operators()[0].id, "1357", Role.ADMIN):
            read = one.supervision.read_compound_list(tmp_path / "督导小区清单.xlsx")
            assert read.left_out == []
            assert one.supervision.load_compound_list(read) == 4
        listed = {c.name + c.community: c for c in one.supervision.listed_compounds()}
        assert listed["三坊小区东街社区"].kind == "none"
        [view] = one.supervision.standards(StandardKind.INSPECTION)
        with pytest.raises(supervision.InspectionRefused, match="not on the office's list"):
            one.supervision.open_visit(compound_id="5c0e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6", compound_name="别处",
                                       standard_id=view.standard.id)
        with pytest.raises(supervision.InspectionRefused, match="own unit"):
            one.supervision.open_visit(compound_id=listed["金山小区东街社区"].compound_id, compound_name="金山小区",
                                       standard_id=view.standard.id)
        sanfang = listed["三坊小区东街社区"]
        v = one.supervision.open_visit(compound_id=sanfang.compound_id, compound_name="随便写的名字",
                                       standard_id=view.standard.id)
        assert v.compound_name == "三坊小区"  # the list's name, whatever was typed
    finally:
        own.close()


def test_a_compound_list_row_that_cannot_be_used_is_named(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("编号,小区,社区,街道,区,类型,物业公司\n"
                    "not-an-id,榕城花园,温泉社区,温泉街道,鼓楼区,有物业,榕城物业\n"
                    "5c0e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6,,温泉社区,温泉街道,鼓楼区,,\n"
                    "5C0E6F1A-2B3C-4D5E-8F90-A1B2C3D4E5F6,东街大院,东街社区,温泉街道,鼓楼区,无物业,\n"
                    "5c0e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6,东街大院,东街社区,温泉街道,鼓楼区,无物业,\n",
                    encoding="utf-8")
    read = supervision.read_compound_list(path)
    assert read.codes == ["bad_id", "no_name", "repeated"]
    assert [c.compound_id for c in read.compounds] == ["5c0e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6"]
    path.write_text("房号,姓名\n", encoding="utf-8")
    with pytest.raises(supervision.CompoundListProblem):
        supervision.read_compound_list(path)


def test_whether_a_compound_is_in_a_teams_unit():
    assert supervision.in_unit(("鼓楼区", "东街街道", ""), ("鼓楼区", "东街街道", "东街社区"))
    assert supervision.in_unit(("鼓楼区", "", ""), ("鼓楼区", "温泉街道", "温泉社区"))
    assert not supervision.in_unit(("鼓楼区", "东街街道", ""), ("鼓楼区", "温泉街道", "东街社区"))
    assert not supervision.in_unit(("", "", ""), ("鼓楼区", "温泉街道", "温泉社区"))  # no unit: holds nothing
    assert supervision.in_unit(("", "", "温泉 社区"), ("鼓楼区", "温泉街道", "温泉社区"))  # spacing aside


def test_two_communities_of_one_name_stay_two_in_the_league(district, tmp_path):
    office, gate_dbs, (_one, two) = district
    other = make_gate(tmp_path, 3, *GATES[3])  # 金山小区: 东街街道's 东街社区; 三坊小区 is 温泉街道's
    try:
        places = compounds_of([gate_dbs[2], other])
        inspect(two, places[0])
        inspect(two, places[1], fails=("2",))
        usb = tmp_path / "usb"
        with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
            enroll(office.db, gate_dbs[2], other, two.db)
            importer = office.sync.importer()
            for db in (gate_dbs[2], other, two.db):
                assert importer.run(export_bundle(db, usb, sheets=False, now=NOW + timedelta(minutes=5)).path
                                    ).status == "accepted"
        league = office.office.league_table(date(2022, 11, 28), date(2022, 11, 30), "community")
        assert [(r.name, r.visits, r.mean_points) for r in league] == [("东街社区（温泉街道）", 1, 100.0),
                                                                      ("东街社区（东街街道）", 1, 92.0)]
    finally:
        other.close()
