"""A testing round run in the real window, as at the sampling point: an administrator opens it,
passes are scanned with the USB scanner (twice for one person), residents found by room, a building
called down, reasons, the home-service list, someone added on the spot, a supervisor closes it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.main_window import MainWindow
from tests.gui.conftest import PINS, operator_id, type_text
from tests.gui.test_passes_gui import a_pass, scan


@pytest.fixture
def window(app, qtbot, desk):
    w = MainWindow(desk)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def roster(desk):
    """Building 1: four people on two floors; building 2: two. Each with a pass."""
    people = [("1-1-101", "王大明"), ("1-1-101", "王小红"), ("1-1-201", "李四"), ("1-2-202", "赵六"),
              ("2-1-101", "吴九"), ("2-1-102", "郑十")]
    return {name: a_pass(desk, room, name) for room, name in people}


def as_(desk, monkeypatch, name, role):
    """The PIN dialog answered by this person (their authority for the one task)."""
    import gui.dialogs.sign_in_dialog as sign_in_mod

    monkeypatch.setattr(sign_in_mod, "ask_supervisor",
                        lambda *a, **k: desk.grant(operator_id(desk, name), PINS[name], role))


def figures(panel) -> dict[str, int]:
    return {key: int(label.text()) for key, label in panel.figures.items()}


def open_round(window, desk, monkeypatch, qtbot, *, untick=()):
    from gui.dialogs import open_round_dialog
    from models.trust.operators import Role

    def fill(dialog):
        dialog.title.setText("第三轮全员核酸")
        dialog.points.setText("1#楼下，篮球场")
        for i in range(dialog.buildings.count()):
            item = dialog.buildings.item(i)
            if item.data(Qt.UserRole) in untick:
                item.setCheckState(Qt.Unchecked)
        dialog.accept()
        return dialog.result()

    as_(desk, monkeypatch, "林管理", Role.ADMIN)
    monkeypatch.setattr(open_round_dialog.OpenRoundDialog, "exec", fill)
    window.tabs.setCurrentWidget(window.testing)
    panel = window.testing
    assert panel.empty.isVisible() and not panel.body.isVisible()
    qtbot.mouseClick(panel.open_button, Qt.LeftButton)
    assert panel.body.isVisible() and not desk.may(Role.ADMIN)  # the PIN's authority ended with the task
    return panel


def test_a_guard_runs_the_round_at_the_sampling_point(window, qtbot, desk, roster, monkeypatch):
    panel = open_round(window, desk, monkeypatch, qtbot)
    assert "第三轮全员核酸" in panel.title.text()
    assert [panel.point.itemText(i) for i in range(panel.point.count())] == ["1#楼下", "篮球场"]
    assert figures(panel) == {"due": 6, "sampled": 0, "exempt": 0, "missing": 6, "at_home": 0}

    # The scanner types the pass and Enter into whatever has focus.
    scan(qtbot, panel.search, roster["王大明"])
    assert panel.notice.tone() == "done" and "1-1-101 王*明" in panel.notice.text()
    assert figures(panel)["sampled"] == 1 and panel.search.text() == ""
    panel.point.setCurrentText("篮球场")
    scan(qtbot, panel.note, roster["王大明"])  # again, at another point: said, not counted
    assert panel.notice.tone() == "problem" and "不重复计数" in panel.notice.text() and "1#楼下" in panel.notice.text()
    assert figures(panel)["sampled"] == 1 and panel.note.text() == ""

    # Someone without their pass: found by room, checked off with Enter.
    type_text(qtbot, panel.search, "1-1-201")
    assert panel.people_model.rowCount() == 1
    qtbot.keyPress(panel.search, Qt.Key_Return)
    assert "1-1-201 李*" in panel.notice.text() and figures(panel)["sampled"] == 2

    # Building 1 called down: the next who are neither sampled nor excused, floor by floor.
    panel.buildings.selectRow(0)
    qtbot.mouseClick(panel.call_button, Qt.LeftButton)
    assert [panel.people_model.rows[i].room for i in range(panel.people_model.rowCount())] == ["101", "202"]
    assert "2" in panel.notice.text() and panel.list_kind() == "called"

    # Door-knocking: building 2's list, a reason that excuses one, a refusal that does not.
    panel.buildings.selectRow(1)
    panel.buildings.clicked.emit(panel.buildings.currentIndex())
    panel.showing.setCurrentIndex(panel.LISTS.index("missing"))
    assert [p.room for p in panel.people_model.rows] == ["101", "102"]
    panel.people.selectRow(0)
    panel.reason.setCurrentIndex(panel.reason.findData("hospital"))
    type_text(qtbot, panel.note, "市一医院")
    qtbot.mouseClick(panel.reason_button, Qt.LeftButton)
    assert figures(panel)["exempt"] == 1 and [p.room for p in panel.people_model.rows] == ["102"]

    # The last one cannot come down: the home-service list, then sampled at the door.
    panel.people.selectRow(0)
    qtbot.mouseClick(panel.home_button, Qt.LeftButton)
    assert figures(panel)["at_home"] == 1
    qtbot.mouseClick(panel.home_sample_button, Qt.LeftButton)  # who sampled is asked first
    assert panel.notice.tone() == "problem" and figures(panel)["at_home"] == 1
    type_text(qtbot, panel.sampler, "刘医生")
    qtbot.mouseClick(panel.home_sample_button, Qt.LeftButton)
    assert figures(panel) == {"due": 6, "sampled": 3, "exempt": 1, "missing": 2, "at_home": 0}

    # A new tenant not on the roster.
    type_text(qtbot, panel.spot_room, "2-1-103")
    type_text(qtbot, panel.spot_name, "钱十一")
    qtbot.mouseClick(panel.spot_button, Qt.LeftButton)
    assert "名册" in panel.notice.text() and figures(panel)["due"] == 7 and figures(panel)["sampled"] == 4
    # Everything shown is masked.
    panel.showing.setCurrentIndex(panel.LISTS.index("building"))
    assert all("*" in p.name for p in panel.people_model.rows)


def test_a_supervisor_closes_the_round_and_the_tab_offers_a_new_one(window, qtbot, desk, roster, monkeypatch):
    from models.trust.operators import Role

    panel = open_round(window, desk, monkeypatch, qtbot, untick=("2",))
    assert figures(panel)["due"] == 4  # building 1 only
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    qtbot.mouseClick(panel.close_button, Qt.LeftButton)
    assert panel.body.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    as_(desk, monkeypatch, "陈主管", Role.SUPERVISOR)
    qtbot.mouseClick(panel.close_button, Qt.LeftButton)
    assert panel.empty.isVisible() and not panel.body.isVisible()
    assert desk.rounds.current_round() is None and not desk.may(Role.SUPERVISOR)


def test_a_refused_pass_says_why_and_counts_nothing(window, qtbot, desk, roster, monkeypatch):
    panel = open_round(window, desk, monkeypatch, qtbot)
    scan(qtbot, panel.search, roster["李四"][:-6] + "AAAAAA")
    assert panel.notice.tone() == "problem" and panel.notice.text()
    assert figures(panel)["sampled"] == 0


def test_the_home_service_ledger_from_the_testing_tab(window, qtbot, desk, roster, monkeypatch):
    """A supervisor puts a resident on the register; a volunteer's delivery is recorded with a
    drop-off item taken to the door; the next visit is planned; a guard cannot change the register."""
    from gui.dialogs import care_dialog
    from models.station.parcels import IntakeForm
    from models.trust.operators import Role

    opened = []
    monkeypatch.setattr(care_dialog.CareDialog, "exec", lambda self: opened.append(self) or 0)
    window.tabs.setCurrentWidget(window.testing)
    qtbot.mouseClick(window.testing.care_button_empty, Qt.LeftButton)  # no round needed
    [dialog] = opened
    qtbot.addWidget(dialog)
    assert dialog.due_model.rowCount() == 0
    # A guard on duty: the register is a supervisor's.
    import gui.dialogs.sign_in_dialog as sign_in_mod

    monkeypatch.setattr(sign_in_mod, "ask_supervisor", lambda *a, **k: None)
    type_text(qtbot, dialog.room, "1-1-201")
    type_text(qtbot, dialog.name, "李四")
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert dialog.needs_model.rowCount() == 0
    as_(desk, monkeypatch, "陈主管", Role.SUPERVISOR)
    dialog.need_kind.setCurrentIndex(dialog.need_kind.findData("elderly_alone"))
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert dialog.notice.tone() == "done" and [n.name for n in dialog.needs_model.rows] == ["李*"]
    assert not desk.may(Role.SUPERVISOR)
    # Due today (a daily visit, never visited); groceries wait at the drop-off station for the room.
    item = desk.parcels.take_in(IntakeForm(room="1-1-201", kind="groceries"))
    dialog.refresh()
    assert dialog.due_model.rowCount() == 1
    dialog.due.selectRow(0)
    dialog.due.clicked.emit(dialog.due.currentIndex())
    assert dialog.item.findData(item.id) > 0
    dialog.item.setCurrentIndex(dialog.item.findData(item.id))
    dialog.kind.setCurrentIndex(dialog.kind.findData("necessities"))
    qtbot.mouseClick(dialog.done_button, Qt.LeftButton)  # the volunteer's name is asked first
    assert dialog.notice.tone() == "problem" and dialog.due_model.rowCount() == 1
    type_text(qtbot, dialog.volunteer, "志愿者小林")
    qtbot.mouseClick(dialog.done_button, Qt.LeftButton)
    assert dialog.notice.tone() == "done" and dialog.due_model.rowCount() == 0
    assert [(s.kind, s.volunteer) for s in dialog.done_model.rows] == [("necessities", "志***林")]
    assert desk.parcels.waiting_parcels() == []  # delivered to the door
    # Tomorrow's medicine, planned from the register.
    dialog.needs.selectRow(0)
    dialog.kind.setCurrentIndex(dialog.kind.findData("medicine"))
    qtbot.mouseClick(dialog.plan_button, Qt.LeftButton)
    assert dialog.notice.tone() == "done"
    [tomorrow] = desk.care.due_today(desk.today() + __import__("datetime").timedelta(days=1))
    assert tomorrow.service.kind == "medicine"


def test_the_communitys_notice_fills_the_form_that_opens_the_round(window, qtbot, desk, roster, monkeypatch, tmp_path):
    from gui.dialogs.open_round_dialog import OpenRoundDialog
    from models.trust.operators import Role

    today = desk.today().isoformat()
    notice = tmp_path / "通知.csv"
    notice.write_text(f"轮次名称,日期,采样点,楼栋\n第五轮全员核酸,{today},东门广场、篮球场,1号楼、9号楼\n\n"
                      "房号,姓名,免检原因,说明\n1-1-201,李四,住院,市一医院\n1-2-202,赵六,已在单位检测,12月2日报告\n"
                      "2-1-101,吴九,外出,\n1-1-101,王大明,不想做,\n", encoding="utf-8")
    old = tmp_path / "旧通知.csv"
    old.write_text("轮次名称,日期,采样点\n第一轮,2020-01-01,篮球场\n", encoding="utf-8")
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        dialog = OpenRoundDialog(desk)
        qtbot.addWidget(dialog)
        assert not dialog.load_file(old) and "2020-01-01" in dialog.error.text()
        assert not dialog.load_file(tmp_path / "none.xlsx") and dialog.error.text()
        assert dialog.load_file(notice)
        assert dialog.title.text() == "第五轮全员核酸" and "9" in dialog.error.text()  # not on this roster
        assert dialog.chosen() == ["1"]
        # the notice's excused: two of building 1 shown masked; building 2's (not in the round) and a
        # reason that excuses nobody are named as left out, by room or by row
        assert not dialog.excused.isHidden() and "2" in dialog.excused.text()
        assert "1-1-201 李* 住院" in dialog.excused.text() and "赵*" in dialog.excused.text()
        assert "李四" not in dialog.excused.text() and "2-1-101 吴*（不在本门岗应检名单）" in dialog.error.text()
        assert "第 8 行（不想做）" in dialog.error.text()
        dialog.accept()
        r = desk.rounds.current_round()
        assert (r.title, r.point_list, r.buildings) == ("第五轮全员核酸", ["东门广场", "篮球场"], "1")
        assert {(p.building, p.exempt, p.missing) for p in desk.rounds.round_progress(r.id)} >= {("1", 2, 2)}
        assert [p.reason for p in desk.rounds.find_in_round(r.id, "1-1-201")] == ["hospital"]


def test_a_closed_round_is_corrected_by_a_supervisor_with_a_reason(window, qtbot, desk, roster, monkeypatch):
    from gui.dialogs import round_correction_dialog
    from models.trust.operators import Role

    panel = open_round(window, desk, monkeypatch, qtbot)
    scan(qtbot, panel.search, roster["王大明"])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    as_(desk, monkeypatch, "陈主管", Role.SUPERVISOR)
    panel.close_round()
    opened = []
    monkeypatch.setattr(round_correction_dialog.RoundCorrectionDialog, "exec", lambda self: opened.append(self) or 0)
    qtbot.mouseClick(panel.correct_button_empty, Qt.LeftButton)
    [dialog] = opened
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.search, "2-1-101")
    assert [p.room for p in dialog.model.rows] == ["101"]
    dialog.field.setCurrentIndex(dialog.field.findData("sampled"))
    dialog.value.setCurrentIndex(dialog.value.findData("home"))
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)  # no reason given: refused
    assert dialog.notice.tone() == "problem"
    import gui.dialogs.sign_in_dialog as sign_in_mod

    monkeypatch.setattr(sign_in_mod, "ask_supervisor", lambda *a, **k: None)  # a guard cannot
    type_text(qtbot, dialog.why, "纸质台账补录")
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    [closed] = desk.rounds.recent_rounds()
    assert desk.rounds.round_progress(closed.id)[-1].sampled == 1  # nothing changed without the PIN
    as_(desk, monkeypatch, "陈主管", Role.SUPERVISOR)
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert dialog.notice.tone() == "done" and "2-1-101" in dialog.notice.text()
    assert desk.rounds.round_progress(closed.id)[-1].sampled == 2


def test_a_room_where_several_live_asks_who_and_takes_a_number_key(window, qtbot, desk, roster, monkeypatch):
    """Issue: typing 1-1-101 (two residents) checked off the first one without asking, and typing it
    again was refused as already sampled: the rest of the household could not be checked off by room."""
    panel = open_round(window, desk, monkeypatch, qtbot)
    type_text(qtbot, panel.search, "1-1-101")
    qtbot.keyPress(panel.search, Qt.Key_Return)
    assert figures(panel)["sampled"] == 0  # nobody checked off yet: the household is listed
    assert panel.people_model.rowCount() == 2 and panel.people.hasFocus()
    assert "1-2" in panel.notice.text() and panel.people.verticalHeader().isVisible()  # numbered 1 and 2
    second = panel.people_model.rows[1]
    qtbot.keyClick(panel.people, Qt.Key_2)
    assert figures(panel)["sampled"] == 1 and second.name in panel.notice.text()
    # The same room again: the one still to come is listed alone, and Enter checks them off.
    type_text(qtbot, panel.search, "1-1-101")
    qtbot.keyPress(panel.search, Qt.Key_Return)
    assert figures(panel)["sampled"] == 2 and panel.notice.tone() == "done"
