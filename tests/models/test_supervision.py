"""Supervision's standards: the shipped defaults, judging a visit against one, versions, and a
district's own standard read from a sheet, its unusable rows each named with a reason."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import supervision
from models.formats.sheets import SheetProblem
from models.supervision import Answer, Severity, StandardKind
from models.trust.operators import Role
from tests.models.test_trust import PINS, op_id

SHEET = """标准名称,合格分
鼓楼区小区疫情防控检查标准,85
部分,编号,检查内容,分值,否决项,严重程度
一、出入口管理,1,出入口24小时有人值守,40,是,严重
,2,进入人员逐一测温,30,,严重
二、场所设置,3,设置临时隔离点,20,否,一般
,4,张贴场所码,10,,轻微
"""


@pytest.fixture
def admin_desk(desk):
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        yield desk


def sheet(tmp_path, text: str, name: str = "standard.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def answered(view: supervision.StandardView, fails=(), na=()) -> dict:
    return {i.id: Answer.FAIL if i.code in fails else Answer.NOT_APPLICABLE if i.code in na else Answer.PASS
            for i in view.items}


def test_the_shipped_standard_is_three_parts_of_fourteen_items_worth_a_hundred(admin_desk):
    assert admin_desk.supervision.install_shipped() == 2
    assert admin_desk.supervision.install_shipped() == 0  # already there: nothing added, no entry
    [compound] = admin_desk.supervision.standards(StandardKind.INSPECTION)
    assert (len(compound.items), compound.total_points, compound.standard.pass_mark) == (14, 100, 85)
    assert len({i.section for i in compound.items}) == 3
    assert {i.code for i in compound.items if i.veto} == {"1", "14"}  # 24-hour duty; a gate reprimanded
    [mystery] = admin_desk.supervision.standards(StandardKind.MYSTERY)
    assert [i.text for i in mystery.items] == ["测温", "亮码、查码", "登记", "戴口罩", "核酸查验"]
    assert mystery.standard.pass_mark is None


def test_a_visit_is_scored_over_the_items_that_apply_and_a_veto_fails_it(admin_desk):
    admin_desk.supervision.install_shipped()
    [view] = admin_desk.supervision.standards(StandardKind.INSPECTION)
    judge = lambda **kw: supervision.score(view.standard, view.items, answered(view, **kw))  # noqa: E731
    assert judge() == supervision.Score(100, (), (), 0, True, 100, 100)
    assert (judge(fails=("2", "5")).points, judge(fails=("2", "5")).passed) == (86, True)
    assert (judge(fails=("2", "5", "10")).points, judge(fails=("2", "5", "10")).passed) == (80, False)
    # Vehicles not applicable (no car entrance): 81 of 95 is 85.26, rounded to 85, a pass.
    na = judge(fails=("2", "5"), na=("7",))
    assert (na.got, na.applicable, na.points, na.passed) == (81, 95, 85, True)
    vetoed = judge(fails=("14",))
    assert (vetoed.points, vetoed.vetoed, vetoed.passed) == (95, ("14",), False)
    half = {i.id: Answer.PASS for i in view.items[:7]}
    assert supervision.score(view.standard, view.items, half).passed is False  # not finished: no result yet


def test_a_checklist_passes_only_with_nothing_failed(admin_desk):
    admin_desk.supervision.install_shipped()
    [view] = admin_desk.supervision.standards(StandardKind.MYSTERY)
    assert supervision.score(view.standard, view.items, answered(view)).passed
    missed = supervision.score(view.standard, view.items, answered(view, fails=("3",)))
    assert (missed.points, missed.failed, missed.passed) == (None, ("3",), False)


def test_a_failed_items_deadline_follows_its_severity():
    day = date(2022, 11, 28)
    assert [supervision.deadline(s, day) for s in (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR)] == [
        date(2022, 11, 29), date(2022, 12, 1), date(2022, 12, 5)]


def test_a_districts_sheet_is_read_and_loaded_as_the_next_version(admin_desk, tmp_path):
    admin_desk.supervision.install_shipped()
    read = admin_desk.supervision.read_standard_sheet(sheet(tmp_path, SHEET))
    assert read.left_out == []
    draft = read.draft
    assert (draft.name, draft.pass_mark, len(draft.items)) == ("鼓楼区小区疫情防控检查标准", 85, 4)
    assert [i.section for i in draft.items] == ["一、出入口管理"] * 2 + ["二、场所设置"] * 2  # merged cells carry down
    assert [(i.veto, i.severity) for i in draft.items] == [(True, Severity.CRITICAL), (False, Severity.CRITICAL),
                                                           (False, Severity.MAJOR), (False, Severity.MINOR)]
    first = admin_desk.supervision.load_standard(draft, source="鼓楼区.csv")
    again = admin_desk.supervision.load_standard(draft, source="鼓楼区.csv")
    assert (first.version, again.version) == (1, 2)
    names = [(v.standard.name, v.standard.version) for v in admin_desk.supervision.standards()]
    assert ("鼓楼区小区疫情防控检查标准", 2) in names and ("鼓楼区小区疫情防控检查标准", 1) not in names
    with admin_desk.db.reading() as s:
        assert len(supervision.items_of(s, first.id)) == 4  # a visit made with version 1 keeps its items
        entries = [e.detail for e in __import__("models.trust.audit", fromlist=["x"]).entries(s, actions=("standard",))]
    assert "鼓楼区小区疫情防控检查标准 v2 items=4" in entries


def test_each_row_that_cannot_be_used_is_named_with_its_reason(tmp_path):
    text = ("部分,编号,检查内容,分值,否决项,严重程度\n"
            "一、门岗,1,有人值守,十,,严重\n"          # points not a number
            ",2,测温,10,也许,严重\n"                 # veto neither yes nor no
            ",3,查码,10,,紧要\n"                     # no such severity
            ",4,,10,,一般\n"                         # no text
            ",1,重复的编号,10,,一般\n"                # code 1 again (row 2 was refused, so this one stands)
            ",1,又一个1号,10,,一般\n"                 # now a duplicate
            f",6,{'很长' * 101},10,,一般\n"          # text too long
            ",7,登记,101,,一般\n"                    # points over 100
            "\n"
            ",8,戴口罩,10,否,轻微\n")
    read = supervision.read_standard_sheet(sheet(tmp_path, "标准名称,合格分\n测试,60\n" + text))
    assert read.codes == ["points", "veto", "severity", "no_text", "duplicate", "text_long", "points"]
    assert [m.params["row"] for m in read.left_out] == [4, 5, 6, 7, 9, 10, 11]
    assert [i.code for i in read.draft.items] == ["1", "8"]


def test_a_sheet_that_is_not_a_standard_is_refused_whole_with_its_reason(tmp_path):
    with pytest.raises(supervision.StandardSheetProblem) as no_header:
        supervision.read_standard_sheet(sheet(tmp_path, "房号,姓名\n1-1-101,张三\n"))
    assert no_header.value.code == "header"
    with pytest.raises(supervision.StandardSheetProblem) as mark:
        supervision.read_standard_sheet(sheet(tmp_path, "标准名称,合格分\n测试,八十五\n检查内容,分值\n测温,100\n"))
    assert mark.value.code == "mark"
    with pytest.raises(supervision.StandardProblem, match="no pass mark"):
        supervision.read_standard_sheet(sheet(tmp_path, "检查内容,分值\n测温,100\n"))
    with pytest.raises(supervision.StandardProblem, match="no items"):
        supervision.read_standard_sheet(sheet(tmp_path, "检查内容,分值\n,100\n"))


def test_a_gbk_sheet_from_chinese_excel_and_an_xlsx_read_alike(tmp_path):
    from openpyxl import Workbook

    gbk = supervision.read_standard_sheet(sheet(tmp_path, SHEET, encoding="gbk"))
    book = Workbook()
    for line in SHEET.strip().split("\n"):
        book.active.append([int(c) if c.isdigit() else (c or None) for c in line.split(",")])
    book.save(tmp_path / "standard.xlsx")
    xlsx = supervision.read_standard_sheet(tmp_path / "standard.xlsx")
    assert gbk.draft == xlsx.draft == supervision.read_standard_sheet(sheet(tmp_path, SHEET)).draft


def test_without_a_name_row_the_file_names_the_standard(tmp_path):
    read = supervision.read_standard_sheet(sheet(tmp_path, "检查内容,严重程度\n测温,严重\n查码,\n", name="暗访清单.csv"))
    assert (read.draft.name, read.draft.pass_mark, [i.code for i in read.draft.items]) == ("暗访清单", None, ["1", "2"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600) | st.text(max_size=300).map(lambda t: ("检查内容,分值,否决项,严重程度\n" + t).encode()))
def test_any_bytes_give_a_standard_or_a_reason_never_a_traceback(tmp_path, data):
    path = tmp_path / "hostile.csv"
    path.write_bytes(data)
    try:
        read = supervision.read_standard_sheet(path)
    except (SheetProblem, supervision.StandardProblem) as refused:
        assert refused.message.text
        return
    assert 0 < len(read.draft.items) <= supervision.MAX_ITEMS
    assert all(len(i.text) <= 200 and 0 <= i.points <= 100 for i in read.draft.items)
