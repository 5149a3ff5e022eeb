"""A supervision team's visits: items answered, the visit signed off, failed items turned into
findings with deadlines, a follow-up closing some, a repeat counted, a closed finding re-opened,
and a mystery check made at a gate."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from models import supervision
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.supervision import Answer, FindingStatus, Party, StandardKind
from models.trust.operators import Role
from tests.models.test_trust import PINS, op_id

DAY = date(2022, 11, 28)  # the fixed clock's local day


@pytest.fixture
def team(desk):
    """An inspection team's desk with the shipped standards, a team member on duty."""
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        desk.supervision.install_shipped()
    return desk


def standard(desk, kind=StandardKind.INSPECTION) -> supervision.StandardView:
    [view] = desk.supervision.standards(kind)
    return view


def visit(desk, *, fails=(), na=(), compound=("c-1", "榕城花园"), kind=StandardKind.INSPECTION, **kw):
    view = standard(desk, kind)
    v = desk.supervision.open_visit(compound_id=compound[0], compound_name=compound[1], standard_id=view.standard.id,
                                    team="督导一组 王科长", **kw)
    for item in view.items:
        result = Answer.FAIL if item.code in fails else Answer.NOT_APPLICABLE if item.code in na else Answer.PASS
        desk.supervision.answer_item(v.id, item.id, result)
    return v


def later(desk, days: int) -> Desk:
    """The same station some days on (the same operator on duty)."""
    d = Desk(desk.db, clock=lambda: desk.now() + timedelta(days=days))
    d.operator = desk.operator
    return d


def test_a_visit_signed_off_keeps_its_score_and_makes_a_finding_per_failed_item(team):
    v = visit(team, fails=("2", "10"), announced=False)
    done = team.supervision.sign_off_visit(v.id, party=Party.PROPERTY, party_name="榕城物业", met="物业经理 陈先生")
    assert (done.visit.points, done.visit.passed, done.visit.announced) == (86, True, False)
    assert [(f.code, f.severity, f.due_on, f.party, f.party_name) for f in done.opened] == [
        ("2", "critical", "2022-11-29", "property", "榕城物业"), ("10", "minor", "2022-12-05", "property", "榕城物业")]
    with pytest.raises(supervision.InspectionRefused, match="signed off"):
        team.supervision.answer_item(v.id, standard(team).items[0].id, Answer.FAIL)


def test_an_unfinished_visit_cannot_be_signed_off_and_nothing_is_written(team):
    view = standard(team)
    v = team.supervision.open_visit(compound_id="c-1", compound_name="榕城花园", standard_id=view.standard.id)
    team.supervision.answer_item(v.id, view.items[0].id, Answer.FAIL)
    with pytest.raises(supervision.InspectionRefused) as refused:
        team.supervision.sign_off_visit(v.id, party=Party.PROPERTY)
    assert refused.value.message.params == {"count": 13}
    assert team.supervision.open_findings("c-1") == []
    assert team.supervision.visit_view(v.id).visit.signed_at is None


def test_an_item_answered_again_counts_its_last_answer(team):
    view = standard(team)
    v = visit(team, fails=("1",))
    team.supervision.answer_item(v.id, view.items[0].id, Answer.PASS, "补充：夜班两人在岗")
    shown = team.supervision.visit_view(v.id)
    assert shown.score.passed and shown.score.points == 100
    assert team.supervision.sign_off_visit(v.id, party=Party.PROPERTY).opened == []


def test_a_follow_up_closes_what_was_put_right_and_the_rest_goes_overdue(team):
    first = team.supervision.sign_off_visit(visit(team, fails=("2", "5", "12")).id, party=Party.PROPERTY)
    assert len(first.opened) == 3
    on = later(team, 2)
    carried = on.supervision.open_findings("c-1")
    assert [f.code for f in carried] == ["2", "5", "12"]  # the most urgent first
    follow = on.supervision.open_visit(compound_id="c-1", compound_name="榕城花园",
                                       standard_id=standard(team).standard.id, follows_id=first.visit.id)
    on.supervision.review_finding(follow.id, carried[0].id, put_right=True, note="已增加测温枪")
    on.supervision.review_finding(follow.id, carried[1].id, put_right=False, note="登记仍不全")
    done = on.supervision.sign_off_visit(follow.id, party=Party.PROPERTY)
    assert [f.code for f in done.closed] == ["2"] and done.score is None
    assert [f.code for f in on.supervision.open_findings("c-1")] == ["5", "12"]
    assert [f.code for f in later(team, 4).supervision.overdue_findings()] == ["5", "12"]  # 5 due 12-01, 12 too
    assert [f.code for f in later(team, 3).supervision.overdue_findings()] == []  # 12-01 is not past on 12-01


def test_a_follow_up_reviews_findings_not_items_and_only_its_own_compounds(team):
    first = team.supervision.sign_off_visit(visit(team, fails=("2",)).id, party=Party.PROPERTY)
    other = team.supervision.sign_off_visit(visit(team, fails=("3",), compound=("c-2", "金山小区")).id,
                                            party=Party.OWNERS)
    follow = team.supervision.open_visit(compound_id="c-1", compound_name="榕城花园",
                                         standard_id=standard(team).standard.id, follows_id=first.visit.id)
    with pytest.raises(supervision.InspectionRefused):
        team.supervision.answer_item(follow.id, standard(team).items[0].id, Answer.PASS)
    with pytest.raises(supervision.InspectionRefused):
        team.supervision.review_finding(follow.id, other.opened[0].id, put_right=True)
    with pytest.raises(supervision.InspectionRefused):  # a follow-up of another compound's visit
        team.supervision.open_visit(compound_id="c-2", compound_name="金山小区",
                                    standard_id=standard(team).standard.id, follows_id=first.visit.id)


def test_a_problem_found_again_is_one_finding_found_twice_and_a_closed_one_reopens(team):
    first = team.supervision.sign_off_visit(visit(team, fails=("2", "9")).id, party=Party.PROPERTY)
    again = later(team, 1)
    second = again.supervision.sign_off_visit(visit(again, fails=("2",)).id, party=Party.PROPERTY)
    assert second.opened == [] and [(f.code, f.times_found) for f in second.repeated] == [("2", 2)]
    follow = again.supervision.open_visit(compound_id="c-1", compound_name="榕城花园",
                                          standard_id=standard(team).standard.id, follows_id=second.visit.id)
    nine = next(f for f in first.opened if f.code == "9")
    again.supervision.review_finding(follow.id, nine.id, put_right=True)
    again.supervision.sign_off_visit(follow.id, party=Party.PROPERTY)
    third_day = later(team, 5)
    third = third_day.supervision.sign_off_visit(visit(third_day, fails=("9",)).id, party=Party.COMMUNITY,
                                                 party_name="温泉社区")
    [reopened] = third.reopened
    assert (reopened.id, reopened.status, reopened.times_found, reopened.due_on, reopened.party) == (
        nine.id, FindingStatus.OPEN, 2, "2022-12-06", "community")


def test_a_mystery_check_is_made_at_a_gate_and_its_misses_are_that_gates(team):
    with pytest.raises(supervision.InspectionRefused, match="gate"):
        visit(team, kind=StandardKind.MYSTERY)
    v = visit(team, kind=StandardKind.MYSTERY, fails=("1",), gate_name="东门", announced=True)
    done = team.supervision.sign_off_visit(v.id, party=Party.PROPERTY, party_name="榕城物业")
    assert done.visit.announced is False  # a mystery check never is
    assert (done.score.points, done.score.passed) == (None, False)
    assert [(f.gate_name, f.text, f.due_on) for f in done.opened] == [("东门", "测温", "2022-11-29")]


def test_a_visit_needs_its_compound_and_a_standard_in_use(team, tmp_path):
    with pytest.raises(InvalidInput) as bad:
        team.supervision.open_visit(compound_id="", compound_name=" ", standard_id=standard(team).standard.id)
    assert bad.value.fields() == {"compound"}
    old = standard(team).standard.id
    with team.authorised(op_id(team, "林管理"), PINS["林管理"], Role.ADMIN):
        team.supervision.load_standard(supervision.COMPOUND_STANDARD, source="再次载入")
    with pytest.raises(supervision.InspectionRefused, match="replaced"):
        team.supervision.open_visit(compound_id="c-1", compound_name="榕城花园", standard_id=old)


def test_whom_the_team_met_is_blanked_when_the_visit_ages_out(team):
    v = team.supervision.sign_off_visit(visit(team).id, party=Party.PROPERTY, met="物业经理 陈先生 13800138000")
    assert v.visit.met
    aged = later(team, team.settings.retention_days + 1)
    aged.records.erase_expired()
    shown = aged.supervision.visit_view(v.visit.id).visit
    assert (shown.met, shown.team) == ("", "督导一组 王科长")


def test_the_office_sees_coverage_overdue_by_party_repeats_and_the_league(team):
    """Three compounds in two communities: one never visited, one visited twice with a problem
    found again and left overdue, one passed."""
    from models.office import supervision as board
    from models.setup.site import Compound

    now = team.now()
    with team.db.session() as s:
        for cid, name, community in (("c-1", "榕城花园", "温泉社区"), ("c-2", "金山小区", "温泉社区"),
                                     ("c-3", "东街大院", "东街社区")):
            s.add(Compound(id=cid, name=name, community=community, subdistrict="温泉街道", station_id="x",
                           created_at=now, updated_at=now))
        s.commit()
    first = team.supervision.sign_off_visit(visit(team, fails=("5",)).id, party=Party.PROPERTY, party_name="榕城物业")
    assert first.visit.passed
    on = later(team, 3)
    on.supervision.sign_off_visit(visit(on, fails=("5", "2", "3")).id, party=Party.PROPERTY, party_name="榕城物业")
    on.supervision.sign_off_visit(visit(on, compound=("c-2", "金山小区")).id, party=Party.OWNERS)
    week = later(team, 6)
    three = {"c-1", "c-2", "c-3"}
    with team.db.engine.connect() as conn:
        cover = board.coverage(conn, date(2022, 12, 4), days=3, compounds=three)
        # never visited first, then the longest unvisited; none in the last three days
        assert [(c.place.compound, c.visits, c.days_since(date(2022, 12, 4))) for c in cover] == [
            ("东街大院", 0, None), ("榕城花园", 0, 3), ("金山小区", 0, 3)]
        cover = board.coverage(conn, date(2022, 12, 1), days=7, compounds=three)
        assert [(c.place.compound, c.visits) for c in cover] == [("东街大院", 0), ("金山小区", 1), ("榕城花园", 2)]
        [line] = board.findings_by_party(conn, date(2022, 12, 4), compounds=three)
        # item 5 (major: due 12-01 from the first visit, found again), 2 and 3 (critical: due 12-02)
        assert (line.party, line.party_name, line.open, line.overdue) == ("property", "榕城物业", 3, 3)
        assert board.findings_by_party(conn, date(2022, 12, 1), compounds=three)[0].overdue == 0
        [again] = board.repeats(conn, compounds=three)
        assert (again.compound, again.code, again.times_found) == ("榕城花园", "5", 2)
        by_community = board.league(conn, date(2022, 11, 28), date(2022, 12, 4), date(2022, 12, 4),
                                    level="community", compounds=three)
        # 94 and 78 at 榕城花园, 100 at 金山小区; 东街社区 had no visit, so no line
        assert [(r.name, r.visits, r.passed, r.mean_points, r.pass_rate, r.overdue) for r in by_community] == [
            ("温泉社区", 3, 2, 90.7, 66.7, 3)]
        by_company = board.league(conn, date(2022, 11, 28), date(2022, 12, 4), date(2022, 12, 4),
                                  level="property", compounds=three)
        assert [(r.name, r.visits, r.mean_points) for r in by_company] == [("榕城物业", 2, 86.0)]
    # through the desk: every compound the station knows, its own gate's compound (never visited) too
    never = [c.place.compound_id for c in week.office.supervision_coverage(days=7) if c.last_visit is None]
    assert sorted(never) == sorted(["c-3", team.ctx.compound_id])


def three_compounds(desk):
    from models.setup.site import Compound

    now = desk.now()
    with desk.db.session() as s:
        for cid, name, community in (("c-1", "榕城花园", "温泉社区"), ("c-2", "金山小区", "温泉社区"),
                                     ("c-3", "东街大院", "东街社区")):
            s.add(Compound(id=cid, name=name, community=community, subdistrict="温泉街道", station_id="x",
                           created_at=now, updated_at=now))
        s.commit()


def test_the_notice_praises_criticises_and_lists_each_problem_in_its_annex(team, tmp_path):
    """Rendered as a PDF and read back as text (not pictures of text), and as a workbook."""
    import shutil
    import subprocess

    from openpyxl import load_workbook

    three_compounds(team)
    team.supervision.sign_off_visit(visit(team, compound=("c-2", "金山小区")).id, party=Party.OWNERS)
    team.supervision.sign_off_visit(visit(team, fails=("5",), compound=("c-3", "东街大院"), announced=False).id,
                                    party=Party.COMMUNITY, party_name="东街社区")
    bad = team.supervision.sign_off_visit(visit(team, fails=("2", "14")).id, party=Party.PROPERTY,
                                          party_name="榕城物业", met="物业经理 陈先生")
    assert bad.visit.passed is False
    on = later(team, 2)
    follow = on.supervision.open_visit(compound_id="c-1", compound_name="榕城花园",
                                       standard_id=standard(team).standard.id, follows_id=bad.visit.id)
    fourteen = next(f for f in bad.opened if f.code == "14")
    on.supervision.review_finding(follow.id, fourteen.id, put_right=True)
    on.supervision.sign_off_visit(follow.id, party=Party.PROPERTY)
    with on.authorised(op_id(team, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        pdf = on.office.write_notice(date(2022, 11, 28), date(2022, 11, 30), tmp_path / "通报.pdf")
        xlsx = on.office.write_notice(date(2022, 11, 28), date(2022, 11, 30), tmp_path / "通报.xlsx")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    # 3 visits to 3 compounds, 1 unannounced; 2 passed (66.7%); 3 problems, 1 put right, 1 overdue
    # (item 2 at 榕城花园, critical: due 11-29, and it is 11-30).
    assert "督导组共检查小区3个、3次（其中暗访1次），达标2次，达标率66.7%" in flat, flat[:400]
    assert "发现问题3个，已整改1个，逾期未整改1个" in flat
    praised = flat[flat.index("一、表扬"):flat.index("二、批评")]
    assert "金山小区（100分）" in praised and "东街大院（94分）" in praised
    assert "榕城花园" in flat[flat.index("二、批评"):flat.index("三、整改要求")]
    annex = flat[flat.index("附件"):]
    assert "进入人员逐一测温" in annex and "物业公司榕城物业" in annex and "逾期" in annex
    assert "陈先生" not in flat  # whom the team met never reaches a notice
    book = load_workbook(xlsx, read_only=True)
    lines = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert any("达标率66.7%" in (line or "") for line in lines)
    rows = list(book.worksheets[1].iter_rows(values_only=True))[2:]
    assert [(r[2], r[6]) for r in rows] == [("东街大院", "未整改"), ("榕城花园", "逾期"), ("榕城花园", "已整改")]
