"""A testing round at the compound, through the desk's services with a guard on duty (an
administrator opens it, a supervisor closes and corrects it): who is due, calling down, checking off
by pass and by room, the double scan, people added on the spot, reasons, home sampling, the
figures, and a closed round's corrections."""
from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import care, residents, rounds
from models.kit.masking import mask_name
from models.kit.validation import InvalidInput
from models.trust.operators import NotAllowed, Role
from tests.models.test_trust import PINS, op_id

POINTS = ["1#楼下", "篮球场"]


@pytest.fixture
def compound(desk):
    """Two buildings: building 1 has six people over three floors, building 2 has two; passes for all."""
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        people = {}
        for room, name in [("1-1-101", "王大明"), ("1-1-101", "王小明"), ("1-1-201", "李红"), ("1-2-202", "赵六"),
                           ("1-1-1001", "孙七"), ("1-1-301", "周八"), ("2-1-101", "吴九"), ("2-1-102", "郑十")]:
            people[name] = desk.residents.add_resident(room=room, name=name, phone="").id
        desk.residents.issue_passes(list(people.values()))
        cards = {c.room + c.name: c.payload for c in desk.residents.pass_cards()}
    return people, cards


def open_round(desk, **kw):
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        return desk.rounds.open_round(title="全员核酸", points=POINTS, **kw)


def card(compound, name):
    people, cards = compound
    return next(payload for key, payload in cards.items() if key.endswith(mask_name(name)))


def figures(desk, r):
    return {p.building: (p.due, p.sampled, p.exempt, p.missing, p.at_home) for p in desk.rounds.round_progress(r.id)}


def test_a_round_lists_everyone_due_by_building_and_a_guard_cannot_open_one(desk, compound):
    with pytest.raises(NotAllowed):
        desk.rounds.open_round(title="全员核酸", points=POINTS)
    r = open_round(desk)
    assert r.day == desk.today().isoformat() and r.point_list == POINTS
    assert figures(desk, r) == {"1": (6, 0, 0, 6, 0), "2": (2, 0, 0, 2, 0), "": (8, 0, 0, 8, 0)}
    # one building only, and never two rounds at once
    with pytest.raises(rounds.RoundProblem) as second:
        open_round(desk)
    assert "全员核酸" in second.value.message.text.format(**second.value.message.params)


def test_a_round_for_some_buildings_and_what_is_refused_when_opening(desk, compound):
    with pytest.raises(InvalidInput) as bad:
        open_round(desk, buildings=["9"])
    assert bad.value.fields() == {"buildings"}
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        with pytest.raises(InvalidInput) as empty:
            desk.rounds.open_round(title=" ", points=["", " "])
        assert empty.value.fields() == {"title", "points"}
        with pytest.raises(InvalidInput) as none_ticked:  # no building chosen is not everyone
            desk.rounds.open_round(title="全员核酸", points=POINTS, buildings=[])
        assert none_ticked.value.fields() == {"buildings"}
    r = open_round(desk, buildings=["2"])
    assert figures(desk, r) == {"2": (2, 0, 0, 2, 0), "": (2, 0, 0, 2, 0)}


def test_calling_down_takes_the_next_of_a_building_floor_by_floor(desk, compound):
    r = open_round(desk)
    first = desk.rounds.call_batch(r.id, "1", size=4)
    assert [(p.unit, p.floor, p.room) for p in first] == [("1", "1", "101"), ("1", "1", "101"), ("1", "2", "201"),
                                                         ("1", "3", "301")]
    assert all(p.called_at == desk.now() for p in first)
    assert all("*" in p.name for p in first)  # masked on screen
    rest = desk.rounds.call_batch(r.id, "1", size=20)
    assert [(p.unit, p.floor, p.room) for p in rest] == [("1", "10", "1001"), ("2", "2", "202")]
    assert desk.rounds.call_batch(r.id, "1") == []  # everyone has been called


def test_a_scanned_pass_checks_a_resident_off_once(desk, compound):
    r = open_round(desk)
    done = desk.rounds.scan_for_round(r.id, card(compound, "王大明"), "1#楼下")
    assert not done.already and done.person.point == "1#楼下" and done.person.sampled_at == desk.now()
    assert done.person.name == "王*明"
    desk.clock = lambda: done.person.sampled_at + timedelta(minutes=3)
    again = desk.rounds.scan_for_round(r.id, card(compound, "王大明"), "篮球场")
    assert again.already and again.person.point == "1#楼下"  # said so; the first sampling stands
    assert figures(desk, r)["1"] == (6, 1, 0, 5, 0)
    with pytest.raises(InvalidInput):
        desk.rounds.scan_for_round(r.id, card(compound, "李红"), "小区门口")  # not one of the round's points
    with pytest.raises(residents.PassRefused) as forged:
        desk.rounds.scan_for_round(r.id, card(compound, "李红")[:-6] + "AAAAAA", "1#楼下")
    assert forged.value.code == "pass_forged"
    assert figures(desk, r)[""] == (8, 1, 0, 7, 0)


def test_a_resident_outside_the_rounds_buildings_is_added_when_scanned(desk, compound):
    r = open_round(desk, buildings=["2"])
    done = desk.rounds.scan_for_round(r.id, card(compound, "李红"), "篮球场")
    assert not done.already and (done.person.building, done.person.room) == ("1", "201")
    assert not done.person.on_spot  # on the roster
    assert figures(desk, r)[""] == (3, 1, 0, 2, 0)


def test_found_by_room_and_name_in_a_few_keys(desk, compound):
    r = open_round(desk)
    assert [p.name for p in desk.rounds.find_in_round(r.id, "1-1-101")] == ["王*明", "王*明"]
    assert [p.room for p in desk.rounds.find_in_round(r.id, "1-1-101 王小")] == ["101"]
    assert [p.room for p in desk.rounds.find_in_round(r.id, "李")] == ["201"]
    assert [p.room for p in desk.rounds.find_in_round(r.id, "1001")] == ["1001"]
    assert [p.room for p in desk.rounds.find_in_round(r.id, "2-1")] == ["101", "102"]
    assert desk.rounds.find_in_round(r.id, "%") == [] and desk.rounds.find_in_round(r.id, "") == []
    person = desk.rounds.find_in_round(r.id, "1-1-101 王小")[0]
    assert not desk.rounds.check_off(person.id, "篮球场").already
    assert desk.rounds.check_off(person.id, "篮球场").already


def test_someone_not_on_the_roster_is_added_on_the_spot_and_flagged(desk, compound):
    r = open_round(desk)
    done = desk.rounds.add_on_spot(r.id, room="2-1-101", name="钱十一", point="篮球场")
    assert done.person.on_spot and done.person.resident_id is None and done.person.name == "钱*一"
    assert figures(desk, r)["2"] == (3, 1, 0, 2, 0)
    with pytest.raises(InvalidInput) as bad:
        desk.rounds.add_on_spot(r.id, room="二楼", name="", point="篮球场")
    assert bad.value.fields() == {"room", "name"}


def test_reasons_make_a_resident_exempt_but_a_refusal_stays_missing(desk, compound):
    r = open_round(desk)
    line = {p.room: p for p in desk.rounds.not_sampled(r.id, "2")}
    desk.rounds.set_reason(line["101"].id, "away", "外地出差")
    desk.rounds.set_reason(line["102"].id, "refused", "")
    assert figures(desk, r)["2"] == (2, 0, 1, 1, 0)
    assert [p.room for p in desk.rounds.not_sampled(r.id, "2")] == ["102"]  # the door-knocking list
    with pytest.raises(InvalidInput) as proof:
        desk.rounds.set_reason(line["102"].id, "elsewhere", "")
    assert proof.value.fields() == {"note"}
    with pytest.raises(InvalidInput):
        desk.rounds.set_reason(line["102"].id, "bored", "")
    # an excused resident who comes down after all is sampled, and no longer exempt
    assert not desk.rounds.check_off(line["101"].id, "篮球场").already
    assert figures(desk, r)["2"] == (2, 1, 0, 1, 0)
    assert desk.rounds.call_batch(r.id, "2") != []  # the one who refused is called again


def test_home_sampling_is_recorded_with_who_sampled(desk, compound):
    r = open_round(desk)
    line = desk.rounds.find_in_round(r.id, "孙")[0]
    desk.rounds.to_home(line.id)
    assert figures(desk, r)["1"] == (6, 0, 0, 6, 1)
    assert line.id not in {p.id for p in desk.rounds.call_batch(r.id, "1")}  # not called down
    with pytest.raises(InvalidInput):
        desk.rounds.sample_at_home(line.id, " ")
    done = desk.rounds.sample_at_home(line.id, "社区医生刘")
    assert done.person.point == rounds.HOME and done.person.sampled_by == "社***刘"
    assert figures(desk, r)["1"] == (6, 1, 0, 5, 0)
    assert [p.sampled_by for p in desk.rounds.home_list(r.id)] == ["社***刘"]


def test_each_home_sampling_is_a_line_of_the_home_service_ledger(desk, compound, monkeypatch):
    """检测一人、记录一人: whoever is sampled at the door is in the ledger, on the register already or put on it."""
    with desk.authorised(op_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        held = desk.care.add_need(room="1-1-1001", name="孙七", kind="elderly_alone", every_days=2)
    r = open_round(desk)
    sun, zhou = (desk.rounds.find_in_round(r.id, name)[0] for name in ("孙", "周"))
    desk.rounds.sample_at_home(sun.id, "社区医生刘")
    desk.rounds.sample_at_home(zhou.id, "社区医生刘")
    assert desk.rounds.sample_at_home(zhou.id, "社区医生王").already  # a second time adds no line
    done = desk.care.service_history()
    assert sorted((d.kind, d.volunteer, d.note) for d in done) == [("sampling", "社***刘", "全员核酸")] * 2
    register = {n.name: n for n in desk.care.care_needs()}
    assert register["孙*"].id == held.id and register["孙*"].kind == "elderly_alone"
    assert (register["周*"].kind, register["周*"].note, register["周*"].every_days) == ("other", "全员核酸", 0)
    assert {d.need_id for d in done} == {held.id, register["周*"].id}
    # both or neither: a ledger that cannot be written leaves the round's line unsampled
    li = desk.rounds.find_in_round(r.id, "李")[0]
    monkeypatch.setattr(care, "record_round_sampling", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        desk.rounds.sample_at_home(li.id, "社区医生刘")
    assert desk.rounds.find_in_round(r.id, "李")[0].sampled_at is None


def test_a_closed_round_changes_only_by_a_correction_with_a_reason(desk, compound):
    r = open_round(desk)
    line = desk.rounds.find_in_round(r.id, "吴")[0]
    with pytest.raises(NotAllowed):
        desk.rounds.close_round(r.id)
    with desk.authorised(op_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        with pytest.raises(rounds.RoundProblem):
            desk.rounds.correct_round(line.id, "sampled", "篮球场", "补录")  # still open: change the line itself
        desk.rounds.close_round(r.id)
    for change in (lambda: desk.rounds.check_off(line.id, "篮球场"), lambda: desk.rounds.call_batch(r.id, "1"),
                   lambda: desk.rounds.set_reason(line.id, "away", ""), lambda: desk.rounds.to_home(line.id),
                   lambda: desk.rounds.sample_at_home(line.id, "刘医生"),
                   lambda: desk.rounds.add_on_spot(r.id, room="1-1-101", name="钱十一", point="篮球场")):
        with pytest.raises(rounds.RoundProblem):
            change()
    with pytest.raises(NotAllowed):
        desk.rounds.correct_round(line.id, "sampled", "篮球场", "补录")
    with desk.authorised(op_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        with pytest.raises(InvalidInput) as why:
            desk.rounds.correct_round(line.id, "sampled", "篮球场", " ")
        assert why.value.fields() == {"reason"}
        fix = desk.rounds.correct_round(line.id, "sampled", "篮球场", "纸质登记漏录")
        assert (fix.old_value, fix.new_value, fix.reason) == ("", "篮球场", "纸质登记漏录")
        assert figures(desk, r)["2"] == (2, 1, 0, 1, 0)
        desk.rounds.correct_round(line.id, "sampled", "", "扫错了人")
        desk.rounds.correct_round(line.id, "reason", "hospital", "住院证明")
        assert figures(desk, r)["2"] == (2, 0, 1, 1, 0)
        with desk.db.reading() as s:
            assert s.get(rounds.RoundPerson, line.id).rev == 4 and s.get(rounds.TestingRound, r.id).rev == 5


def test_floors_as_people_read_room_numbers():
    assert [rounds.floor_of(r) for r in ("101", "602", "1203", "2501", "12", "B1", "")] == \
        ["1", "6", "12", "25", "", "", ""]


def test_names_in_rounds_age_out_like_every_record_and_the_figures_stay(tmp_path, now):
    from sqlalchemy import select

    from tests.models.test_retention import demo_desk

    desk = demo_desk(tmp_path, now, days=1)
    with desk.db.engine.connect() as conn:
        ids = conn.execute(select(rounds.TestingRound.id)).scalars().all()
        before = [rounds.progress(conn, rid) for rid in ids]
        assert conn.execute(select(rounds.RoundPerson.name)).scalars().first()
    desk.clock = lambda: now + timedelta(days=40)  # past the retention period
    erased = desk.records.erase_expired()
    assert erased.counts["round_person"] == sum(p[-1].due for p in before)
    with desk.db.engine.connect() as conn:
        assert set(conn.execute(select(rounds.RoundPerson.name)).scalars()) == {""}
        assert set(conn.execute(select(rounds.RoundPerson.sampled_by)).scalars()) == {None}
        assert [rounds.progress(conn, rid) for rid in ids] == before


def test_the_end_of_the_campaign_leaves_no_name_in_a_round_or_the_ledger(tmp_path, now):
    from sqlalchemy import select

    from tests.models.test_retention import demo_desk, sign_in

    desk = demo_desk(tmp_path, now, days=1)
    with desk.db.engine.connect() as conn:
        name = conn.execute(select(rounds.RoundPerson.name).where(rounds.RoundPerson.sampled_by.is_not(None))).scalar()
        by = conn.execute(select(rounds.RoundPerson.sampled_by).where(rounds.RoundPerson.sampled_by.is_not(None))).scalar()
    sign_in(desk, "林管理")
    desk.records.end_campaign(desk.records.campaign_phrase())
    with desk.db.engine.connect() as conn:
        assert set(conn.execute(select(rounds.RoundPerson.name)).scalars()) == {""}
        # the home-service ledger too: help still going on or not
        assert set(conn.execute(select(care.HomeNeed.name)).scalars()) == {""}
        assert set(conn.execute(select(care.HomeService.volunteer)).scalars()) == {None}
    desk.db.close()
    raw = b"".join(p.read_bytes() for p in (tmp_path / "gate").glob("gatedesk.sqlite3*"))
    assert name.encode() not in raw and by.encode() not in raw


@pytest.mark.parametrize("content, code", [
    (b"\xff\xfe\x00garbage\x00" * 50, "not_a_sheet"),
    ("名称,地点\n第三轮,篮球场\n".encode(), "header"),
    ("轮次名称,日期,采样点\n".encode(), "empty"),
    ("轮次名称,日期,采样点\n第三轮,下周三,篮球场\n".encode(), "day"),
    ("轮次名称,日期,采样点\n第三轮,2022-13-45,篮球场\n".encode(), "day"),
])
def test_a_round_notice_that_is_not_one_says_why(desk, tmp_path, content, code):
    from models.formats.sheets import SheetProblem
    from models.rounds.round_file import RoundFileProblem

    path = tmp_path / "notice.csv"
    path.write_bytes(content)
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        with pytest.raises((SheetProblem, RoundFileProblem)) as problem:
            desk.rounds.read_round_file(path)
        assert problem.value.code == code and "notice.csv" in problem.value.message.params["name"]


def test_the_communitys_notice_of_a_round_is_read(desk, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["轮次名称", "日期", "采样点", "楼栋"])
    book.active.append(["第三轮全员核酸检测", "2022/11/28", "1#楼下、篮球场", "1号楼，2栋"])
    path = tmp_path / "notice.xlsx"
    book.save(path)
    with pytest.raises(NotAllowed):
        desk.rounds.read_round_file(path)
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        notice = desk.rounds.read_round_file(path)
        assert (notice.title, notice.day.isoformat(), notice.points, notice.buildings) == (
            "第三轮全员核酸检测", "2022-11-28", ["1#楼下", "篮球场"], ["1", "2"])
        with pytest.raises(__import__("models.formats.sheets", fromlist=["x"]).SheetProblem):
            desk.rounds.read_round_file(tmp_path / "missing.xlsx")


def test_those_the_community_excuses_are_exempt_from_the_start(desk, compound):
    """Exemptions when the round opens: an excusing reason on the person's line; anyone not due,
    a reason that excuses nobody, or tested elsewhere without the proof refuses the round, named."""
    sick = rounds.Exemption("1栋1单元201", "李红", "hospital", "市一医院")
    proof = rounds.Exemption("1-2-202", "赵六", "elsewhere", "单位检测 12月2日")
    for bad, why in [(rounds.Exemption("2-1-101", "吴九", "away"), "吴*"),  # building 2 is not in the round
                     (rounds.Exemption("1-1-101", "王老五", "away"), "王*五"),  # no such person
                     (rounds.Exemption("1-1-101", "王大明", "refused"), "王*明"),  # excuses nobody
                     (rounds.Exemption("1-1-301", "周八", "elsewhere"), "周*")]:  # no proof
        with pytest.raises(InvalidInput) as refused:
            open_round(desk, buildings=["1"], exemptions=[sick, bad])
        assert refused.value.fields() == {"exemptions"}
        said = " ".join(e.message.text.format(**e.message.params) for e in refused.value.errors)
        assert why in said and "王大明" not in said
        assert desk.rounds.current_round() is None  # nothing opened
    r = open_round(desk, buildings=["1"], exemptions=[sick, proof])
    assert figures(desk, r)["1"] == (6, 0, 2, 4, 0)
    assert sorted(p.name for p in desk.rounds.not_sampled(r.id)) == ["周*", "孙*", "王*明", "王*明"]  # to knock on
    lines = {p.name: (p.reason, p.note) for who in ("李", "赵") for p in desk.rounds.find_in_round(r.id, who)}
    assert lines["李*"] == ("hospital", "市一医院") and lines["赵*"] == ("elsewhere", "单位检测 12月2日")
    # an excused resident who comes down after all is sampled and no longer exempt
    assert not desk.rounds.check_off(desk.rounds.find_in_round(r.id, "赵")[0].id, "篮球场").already
    assert figures(desk, r)["1"] == (6, 1, 1, 4, 0)


def test_the_notices_list_of_the_excused_is_read_and_checked_against_the_roster(desk, compound, tmp_path):
    path = tmp_path / "notice.csv"
    path.write_text("轮次名称,日期,采样点\n第三轮,2022-11-28,篮球场\n\n说明,房号,免检原因,姓名\n"
                    "市一医院,1-1-201,住院,李红\n12月2日单位,1-2-202,外单位已检测,赵六\n,1-1-101,出差,王大明\n"
                    ",9-9-999,外出,路人甲\n,1-1-301,想睡觉,周八\n,,住院,\n", encoding="utf-8")
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        notice = desk.rounds.read_round_file(path)
        assert [(e.room, e.name, e.reason, e.note) for e in notice.exemptions] == [
            ("1-1-201", "李红", "hospital", "市一医院"), ("1-2-202", "赵六", "elsewhere", "12月2日单位"),
            ("1-1-101", "王大明", "away", "")]
        assert notice.shown == ["1-1-201 李*", "1-2-202 赵*", "1-1-101 王*明"]
        # not understood (by row number and the reason written), and not on the roster (masked)
        assert [m.params for m in notice.left_out] == [{"row": 9, "said": "想睡觉"}, {"row": 10, "said": "住院"},
                                                       {"who": "9-9-999 路*甲"}]



@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=st.binary(max_size=400), text=st.text(max_size=200))
def test_any_bytes_in_a_notice_are_a_reason_or_a_notice_never_an_error(tmp_path, tail, text):
    """A hostile notice: whatever follows a valid heading (bytes, or text laid out as an excusing
    list), reading it gives a notice whose exemptions all carry an excusing reason, or a coded
    problem with a message; nothing else escapes."""
    from models.formats.sheets import SheetProblem
    from models.rounds.round_file import RoundFileProblem, read_round_file

    path = tmp_path / "notice.csv"
    for body in (b"\xe8\xbd\xae\xe6\xac\xa1\xe5\x90\x8d\xe7\xa7\xb0,date,points\n" + tail,
                 f"title,date,points\nR,2026-12-03,P\nroom,name,reason\n{text}".encode("utf-8", "surrogatepass")):
        path.write_bytes(body)
        try:
            notice = read_round_file(path)
        except (SheetProblem, RoundFileProblem) as problem:
            assert problem.code and problem.message.text
            continue
        assert all(e.reason in rounds.EXEMPTING and e.room and e.name for e in notice.exemptions)


def test_the_building_heads_call_sheet(desk, compound, tmp_path):
    """Building 1's people by unit, floor and room with masked names, the called and sampled boxes
    ticked for who was, the reason for who was excused, and the count at the foot."""
    import subprocess

    from models.kit.drawing import Text, save_pdf

    r = open_round(desk)
    desk.rounds.check_off(desk.rounds.find_in_round(r.id, "李")[0].id, "篮球场")
    desk.rounds.set_reason(desk.rounds.find_in_round(r.id, "赵")[0].id, "hospital", "市一医院")
    [page] = desk.rounds.call_sheet_pages(r.id, "1")
    rows = {}
    for mark in page.marks:  # each text in the ruled row it stands in (8 mm rows from 34 mm down)
        if isinstance(mark, Text) and 34 < mark.y < 280:
            rows.setdefault(int((mark.y - 34) // 8), []).append(mark.text)
    lines = [cells for _y, cells in sorted(rows.items())]
    assert lines[0][:4] == ["单元", "楼层", "房号", "姓名"]
    assert [cells[:4] for cells in lines[1:]] == [
        ["1", "1", "101", "王*明"], ["1", "1", "101", "王*明"], ["1", "2", "201", "李*"], ["1", "3", "301", "周*"],
        ["1", "10", "1001", "孙*"], ["2", "2", "202", "赵*"]]
    assert lines[3][4:] == ["✓"]  # 李红: sampled (not called down first): the tick in the 已采 column
    assert [m.x for m in page.marks if isinstance(m, Text) and m.text == "✓"] == [12 + 14 + 14 + 22 + 34 + 18 + 9]
    assert lines[6][4:] == ["住院：市一医院"]
    pdf = save_pdf([page], tmp_path / "sheet.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "1号楼 呼叫单" in text and "共 6 人" in text and "李红" not in text and "王大明" not in text
