"""A guard's day at the isolation point and the drop-off station, through the real widgets."""
import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from gui.main_window import MainWindow
from models.station.isolation import IsolationCase
from models.station.parcels import Parcel
from models.trust.operators import Role
from tests.gui.conftest import PINS, operator_id, type_text
from tests.gui.test_gate_flow import fill_visitor


@pytest.fixture
def window(app, qtbot, desk):
    w = MainWindow(desk)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def rows(desk, table):
    with desk.db.session() as s:
        return list(s.exec(select(table)))


def test_fevered_visitor_goes_to_the_isolation_point_and_the_case_is_closed(window, qtbot, desk):
    gate = window.gate
    fill_visitor(qtbot, gate, temperature="38.0")
    qtbot.keyClick(gate.nat_time, Qt.Key_Return)
    type_text(qtbot, gate.temperature, "37.9")
    qtbot.keyClick(gate.temperature, Qt.Key_Return)
    assert gate.banner.text() == "送临时隔离点" and gate.isolate_button.isVisible()
    qtbot.keyClick(gate, Qt.Key_F9)  # one action from the decision
    assert window.tabs.currentWidget() is window.isolation
    [case] = rows(desk, IsolationCase)
    assert (case.name, case.phone, case.temperature) == ("王小明", "13812345678", 37.9)
    panel = window.isolation
    assert panel.model.rowCount() == 1 and panel.selected().case.id == case.id
    assert "发热" in panel.model.index(0, panel.model.COL_REASON).data()
    assert "隔离点：1" in window.status.counts.text()

    type_text(qtbot, panel.temperature, "37.7")
    qtbot.keyClick(panel.temperature, Qt.Key_Return)
    assert panel.model.index(0, panel.model.COL_RECHECKS).data() == "1"
    panel.party.setCurrentIndex(panel.party.findData("community"))
    type_text(qtbot, panel.note, "王书记已知悉")
    panel.notify()
    assert panel.model.index(0, panel.model.COL_NOTIFIED).data() == "社区"
    panel.outcome.setCurrentIndex(panel.outcome.findData("released"))
    panel.close_case()
    assert "复测" in panel.message.text() and panel.model.rowCount() == 1  # still feverish: not released
    panel.outcome.setCurrentIndex(panel.outcome.findData("ambulance"))
    panel.close_case()
    assert panel.model.rowCount() == 0 and panel.summary.text().startswith("处置中 0 例")
    [case] = rows(desk, IsolationCase)
    assert case.outcome == "ambulance" and case.closed_at is not None


def test_case_opened_by_hand(window, qtbot, desk):
    from gui.dialogs.case_dialog import CaseDialog

    dialog = CaseDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "姓名" in dialog.error.text() and dialog.case is None
    type_text(qtbot, dialog.inputs["name"], "李四")
    type_text(qtbot, dialog.inputs["reason"], "自述发热")
    dialog.accept()
    assert dialog.case.name == "李*"  # what the screen is given is masked; the case holds the name
    with desk.db.reading() as s:
        assert s.get(IsolationCase, dialog.case.id).name == "李四"
    window.tabs.setCurrentWidget(window.isolation)
    assert window.isolation.model.rowCount() == 1


def test_parcels_in_by_scanner_disinfected_and_out_by_code(window, qtbot, desk):
    window.tabs.setCurrentWidget(window.parcels)
    p = window.parcels
    type_text(qtbot, p.carrier, "顺丰")
    codes = []
    for i in range(3):
        qtbot.keyClicks(p.tracking, f"SF10000000{i}")  # the scanner types the number…
        qtbot.keyClick(p.tracking, Qt.Key_Return)  # …and presses Enter: on to the room
        assert p.room.hasFocus()
        type_text(qtbot, p.room, "3-2-501" if i < 2 else "9-1-101")
        qtbot.keyClick(p.room, Qt.Key_Return)
        assert p.tracking.hasFocus() and p.carrier.text() == "顺丰"  # ready for the next item
        codes.append(p.last.pickup_code)
        assert p.last.pickup_code in p.code_banner.text()
    assert p.model.rowCount() == 3
    assert "收件 3" in p.summary.text() and "待取 3" in p.summary.text()
    type_text(qtbot, p.agent, "含氯消毒液")
    p.disinfect()
    assert "3" in p.message.text() and p.message.tone() == "done"
    assert all(x.disinfected_at is not None for x in rows(desk, Parcel))

    type_text(qtbot, p.code, codes[0])
    qtbot.keyClick(p.code, Qt.Key_Return)
    assert p.model.rowCount() == 1 and p.collector.hasFocus()
    type_text(qtbot, p.collector, "王大明")
    p.collect()
    assert p.message.tone() == "done" and p.message.text().startswith(f"已取走：取件码 {codes[0]} · 3-2-501")
    type_text(qtbot, p.code, "9-1-101")
    qtbot.keyClick(p.code, Qt.Key_Return)
    assert p.model.rowCount() == 1
    type_text(qtbot, p.volunteer, "志愿者小林")
    p.deliver()
    by_code = {x.pickup_code: x for x in rows(desk, Parcel)}
    assert by_code[codes[0]].status == "collected" and by_code[codes[0]].collected_by == "王大明"
    assert by_code[codes[2]].status == "delivered" and by_code[codes[2]].delivered_by == "志愿者小林"
    assert p.model.rowCount() == 1  # one still waiting


def test_bad_intake_is_explained_and_kept(window, qtbot, desk):
    p = window.parcels
    type_text(qtbot, p.room, "楼下")
    qtbot.keyClick(p.room, Qt.Key_Return)
    assert "3-2-501" in p.intake_error.text() and p.room.text() == "楼下" and rows(desk, Parcel) == []


def test_room_completion_from_rooms_seen_before(window, qtbot, desk):
    from models.station.parcels import IntakeForm

    desk.parcels.take_in(IntakeForm(room="12-1-1801"))
    p = window.parcels
    type_text(qtbot, p.room, "12-")
    assert p.rooms.stringList() == ["12-1-1801"]


def test_daily_readiness_check(window, qtbot, desk):
    from gui.dialogs.readiness_dialog import ReadinessDialog

    dialog = ReadinessDialog(desk, window)
    qtbot.addWidget(dialog)
    assert dialog.boxes["thermometer"].text() == "体温计正常"
    for cb in dialog.boxes.values():
        cb.setChecked(True)
    type_text(qtbot, dialog.remarks, "口罩余 200 个")
    dialog.accept()
    assert dialog.saved.complete and dialog.saved.remarks == "口罩余 200 个"
    again = ReadinessDialog(desk, window)
    qtbot.addWidget(again)
    assert all(cb.isChecked() for cb in again.boxes.values())


def test_disinfection_round_of_an_area(window, qtbot, desk):
    from gui.dialogs.round_dialog import RoundDialog

    dialog = RoundDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.saved is None and dialog.error.text()
    type_text(qtbot, dialog.agent, "75%酒精")
    dialog.accept()
    assert dialog.saved.area == "门岗" and dialog.saved.operator_id == desk.operator.id


def test_closed_case_is_corrected_with_a_reason(window, qtbot, desk):
    from gui.dialogs.correction_dialog import CorrectionDialog
    from models.station.isolation import CaseForm, Outcome

    case = desk.isolation.open_isolation_case(CaseForm(name="李四", reason="发热"))
    desk.isolation.close_case(case.id, Outcome.OTHER)
    panel = window.isolation
    window.tabs.setCurrentWidget(panel)
    panel.view.setCurrentIndex(panel.view.findData("closed"))
    assert panel.table.model().rowCount() == 1 and not panel.case_actions.isVisible() and panel.correct_button.isVisible()
    panel.table.selectRow(0)
    closed = panel.selected()
    with desk.authorised(operator_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):  # the panel asks first
        dialog = CorrectionDialog(desk, closed, panel)
        qtbot.addWidget(dialog)
        dialog.field.setCurrentIndex(dialog.field.findData("name"))
        type_text(qtbot, dialog.value, "李四光")
        dialog.accept()
        assert "理由" in dialog.error.text() and dialog.saved is None
        type_text(qtbot, dialog.reason, "身份证核对后更正")
        dialog.accept()
        assert (dialog.saved.old_value, dialog.saved.new_value) == ("李四", "李四光")
        panel.refresh()
        assert panel.table.model().index(0, 4).data() == "3"  # closed (2), corrected (3)


def test_parcel_lists_and_single_disinfection(window, qtbot, desk):
    from datetime import timedelta

    from models.station.parcels import IntakeForm

    real = desk.clock
    desk.clock = lambda: real() - timedelta(hours=30)
    old = desk.parcels.take_in(IntakeForm(room="1-1-101", tracking_no="OLD0001"))
    desk.clock = real
    new = desk.parcels.take_in(IntakeForm(room="2-1-201", tracking_no="NEW0001"))
    gone = desk.parcels.take_in(IntakeForm(room="3-1-301", tracking_no="OUT0001"))
    desk.parcels.collect(gone.id, "本人")
    p = window.parcels
    window.tabs.setCurrentWidget(p)
    p.view.setCurrentIndex(p.view.findData("overdue"))
    assert [r.id for r in p.model.rows] == [old.id]
    p.view.setCurrentIndex(p.view.findData("handed_out"))
    assert [r.id for r in p.model.rows] == [gone.id]
    assert p.model.index(0, p.model.COL_STATUS).data().startswith("已领取")
    p.view.setCurrentIndex(p.view.findData("waiting"))
    assert {r.id for r in p.model.rows} == {old.id, new.id}
    p.table.selectRow([r.id for r in p.model.rows].index(new.id))
    type_text(qtbot, p.agent, "75%酒精")
    p.disinfect_selected()
    assert p.message.text() == "已消毒 1 件。"
    with desk.db.session() as s:
        assert s.get(Parcel, new.id).disinfected_at is not None and s.get(Parcel, old.id).disinfected_at is None


def test_counts_per_day_dialog(window, qtbot, desk):
    from gui.dialogs.parcel_days_dialog import ParcelDaysDialog
    from models.station.parcels import IntakeForm

    desk.parcels.take_in(IntakeForm(room="1-1-101"))
    dialog = ParcelDaysDialog(desk.parcels.parcel_counts_by_day(7), window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 7 and dialog.model.item(0, 1).text() == "1"


def test_a_day_at_the_drop_off_station(window, qtbot, desk):
    """200 parcels in by scanner, one disinfection round, 100 out by code, 20 to the door."""
    p = window.parcels
    window.tabs.setCurrentWidget(p)
    type_text(qtbot, p.carrier, "中通")
    for i in range(200):
        qtbot.keyClicks(p.tracking, f"ZT{i:010d}")
        qtbot.keyClick(p.tracking, Qt.Key_Return)
        qtbot.keyClicks(p.room, f"{1 + i % 12}-{1 + i % 3}-{101 + i}")
        qtbot.keyClick(p.room, Qt.Key_Return)
    assert len(rows(desk, Parcel)) == 200 and "收件 200" in p.summary.text()
    type_text(qtbot, p.agent, "含氯消毒液")
    p.disinfect()
    assert p.message.text() == "已消毒 200 件。"
    by_room = {x.room: x for x in rows(desk, Parcel)}
    for i in range(100):
        code = by_room[f"{1 + i % 12}-{1 + i % 3}-{101 + i}"].pickup_code
        qtbot.keyClicks(p.code, code)
        qtbot.keyClick(p.code, Qt.Key_Return)
        type_text(qtbot, p.collector, "本人")
        p.collect()
    for i in range(100, 120):
        qtbot.keyClicks(p.code, f"{1 + i % 12}-{1 + i % 3}-{101 + i}")
        qtbot.keyClick(p.code, Qt.Key_Return)
        qtbot.keyClicks(p.volunteer, "volunteer Lin")
        p.deliver()
    statuses = [x.status for x in rows(desk, Parcel)]
    assert (statuses.count("collected"), statuses.count("delivered"), statuses.count("waiting")) == (100, 20, 80)
    assert "已发放 120" in p.summary.text() and "待取 80" in p.summary.text()


def test_new_table_models_are_well_behaved(app, qtmodeltester, desk):
    from gui.isolation_panel import ClosedCasesModel, IsolationTableModel
    from gui.parcels_panel import ParcelTableModel
    from models.station.isolation import CaseForm, Outcome
    from models.station.parcels import IntakeForm

    a = desk.isolation.open_isolation_case(CaseForm(name="甲", reason="发热", temperature="37.8"))
    b = desk.isolation.open_isolation_case(CaseForm(name="乙", reason="黄码"))
    desk.isolation.close_case(b.id, Outcome.OTHER)
    for i in range(3):
        desk.parcels.take_in(IntakeForm(room=f"1-1-10{i}"))
    open_model = IsolationTableModel(desk)
    open_model.set_rows(desk.isolation.isolation_cases())
    closed_model = ClosedCasesModel(desk)
    closed_model.set_rows(desk.isolation.closed_cases())
    parcel_model = ParcelTableModel(desk)
    parcel_model.set_rows(desk.parcels.waiting_parcels())
    assert (open_model.rowCount(), closed_model.rowCount(), parcel_model.rowCount()) == (1, 1, 3)
    assert open_model.rows[0].case.id == a.id
    for model in (open_model, closed_model, parcel_model):
        qtmodeltester.check(model)


def test_a_parcel_scanned_while_another_field_has_focus_lands_in_the_tracking_field(window, qtbot, desk):
    window.tabs.setCurrentIndex(4)
    p = window.parcels
    p.room.setFocus()
    qtbot.keyClicks(p.room, "3-2-")  # the guard was typing a room…
    qtbot.wait(60)  # …at a person's pace
    qtbot.keyClicks(p.room, "YT1234567890")  # the scanner's burst
    qtbot.keyClick(p.room, Qt.Key_Return)
    assert p.tracking.text() == "YT1234567890" and p.room.text() == "3-2-" and p.room.hasFocus()
    assert desk.parcels.waiting_parcels() == []  # nothing taken in from half a room
    qtbot.keyClicks(p.room, "501")
    qtbot.keyClick(p.room, Qt.Key_Return)
    [parcel] = desk.parcels.waiting_parcels()
    assert (parcel.tracking_no, parcel.room) == ("YT1234567890", "3-2-501")


def test_a_hand_out_clears_its_code_from_the_intake_banner(window, qtbot, desk):
    """The banner kept showing the code of an item already handed out: the next person read it."""
    window.tabs.setCurrentWidget(window.parcels)
    p = window.parcels
    type_text(qtbot, p.carrier, "顺丰")
    qtbot.keyClicks(p.tracking, "SF1000000009")
    qtbot.keyClick(p.tracking, Qt.Key_Return)
    type_text(qtbot, p.room, "3-2-501")
    qtbot.keyClick(p.room, Qt.Key_Return)
    code = p.last.pickup_code
    assert code in p.code_banner.text()
    type_text(qtbot, p.code, code)
    qtbot.keyClick(p.code, Qt.Key_Return)
    type_text(qtbot, p.collector, "王大明")
    p.collect()
    assert code not in p.code_banner.text() and code in p.message.text()
    # Nothing selected is a problem, said in red.
    p.table.clearSelection()
    p.collect()
    assert p.message.tone() == "problem"


def test_each_action_at_the_isolation_point_is_confirmed(window, qtbot, desk):
    from models.station.isolation import CaseForm

    case = desk.isolation.open_isolation_case(CaseForm(name="李四", reason="体温异常", temperature="38.1"))
    iso = window.isolation
    window.tabs.setCurrentWidget(iso)
    iso.refresh()
    iso.select_case(case.id)
    type_text(qtbot, iso.temperature, "37.9")
    iso.recheck()
    assert iso.message.tone() == "done" and iso.message.text().startswith("李*：复测 37.9 °C")
    iso.notify()
    assert iso.message.tone() == "done" and "通知" in iso.message.text() and iso.party.currentText() in iso.message.text()
    type_text(qtbot, iso.to_whom, "120急救")
    iso.hand_over()
    assert iso.message.tone() == "done" and "移交给 120急救" in iso.message.text()
