from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from gui.log_panel import LogPanel
from gui.onsite_table_model import OnSiteTableModel
from gui.visit_log_table_model import PAGE, VisitLogTableModel
from models.gate.visits import VisitForm
from models.kit.masking import mask_phone
from models.trust.audit import AuditEvent
from models.trust.operators import Role
from tests.gui.conftest import PINS, operator_id, type_text


def add(desk, name, phone, **kw):
    form = dict(kind="visitor", name=name, phone=phone, destination="1-1-101", host="甲", temperature="36.5",
                code_color="green", nat_result="negative", nat_sampled_at="10h", risk_flag=False, mask=True)
    form.update(kw)
    return desk.gate.register(VisitForm(**form)).visit


@pytest.fixture
def log(app, qtbot, desk):
    panel = LogPanel(desk)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def cells(panel, row):
    m = panel.model
    return [m.index(row, c).data() for c in range(m.columnCount())]


def test_search_by_phone_tail_shows_masked_rows(log, qtbot, desk):
    add(desk, "张三", "13800001234", id_number="11010519491231002X")
    add(desk, "李四", "13900005678")
    type_text(qtbot, log.text, "1234")
    qtbot.keyClick(log.text, Qt.Key_Return)
    assert log.model.rowCount() == 1 and log.count.text() == "共 1 条登记"
    assert log.model.headerData(VisitLogTableModel.COL_NAME, Qt.Horizontal) == "姓名"
    row = cells(log, 0)
    assert row[VisitLogTableModel.COL_NAME] == "张*"
    assert row[VisitLogTableModel.COL_PHONE] == "138****1234"
    assert row[VisitLogTableModel.COL_ID] == "110105********002X"
    assert "13800001234" not in row and "张三" not in row


def test_search_by_name_kind_and_decision(log, qtbot, desk):
    add(desk, "张三", "13800001111")
    add(desk, "张三丰", "13800002222", code_color="yellow")
    add(desk, "李四", "13800003333", kind="worker")
    type_text(qtbot, log.text, "张")
    qtbot.keyClick(log.text, Qt.Key_Return)
    assert log.model.rowCount() == 2
    log.decision.setCurrentIndex(log.decision.findData("refuse"))
    log.search()
    assert log.model.rowCount() == 1 and cells(log, 0)[VisitLogTableModel.COL_NAME] == "张*丰"
    log.text.clear()
    log.decision.setCurrentIndex(0)
    log.kind.setCurrentIndex(log.kind.findData("worker"))
    log.search()
    assert [cells(log, r)[VisitLogTableModel.COL_NAME] for r in range(log.model.rowCount())] == ["李*"]


def test_scroll_to_the_end_reads_from_the_far_end(log, qtbot, desk):
    real = desk.clock
    base = real()
    n = PAGE * 3 + 17
    for i in range(n):
        desk.clock = lambda i=i: base - timedelta(minutes=n - i)
        add(desk, f"访客{i:04d}", f"138{i:08d}")
    desk.clock = real
    log.search()
    assert log.model.rowCount() == n
    log.table.scrollToBottom()
    last = log.model.visit_at(n - 1)
    first = log.model.visit_at(0)
    # rows come masked from the core: the phone's last four digits tell them apart
    assert (first.phone, last.phone) == (mask_phone(f"138{n - 1:08d}"), mask_phone("13800000000"))
    phones = [log.model.visit_at(r).phone for r in range(n)]
    assert phones == [mask_phone(f"138{i:08d}") for i in range(n - 1, -1, -1)]
    # Sorting by name happens in SQL.
    log.table.horizontalHeader().setSortIndicator(VisitLogTableModel.COL_NAME, Qt.AscendingOrder)
    assert log.model.visit_at(0).phone == mask_phone("13800000000")


def test_unsortable_column_keeps_the_order(log, qtbot, desk):
    add(desk, "张三", "13800001111")
    log.search()
    log.table.horizontalHeader().setSortIndicator(VisitLogTableModel.COL_PHONE, Qt.AscendingOrder)
    assert log.table.horizontalHeader().sortIndicatorSection() == VisitLogTableModel.COL_TIME


def test_reveal_needs_a_supervisor_and_is_audited(log, qtbot, desk, monkeypatch):
    import gui.dialogs.reveal_dialog as reveal_mod
    import gui.dialogs.sign_in_dialog as sign_in_mod

    add(desk, "张三", "13800001234")
    log.search()
    log.table.selectRow(0)
    monkeypatch.setattr(sign_in_mod, "ask_supervisor", lambda *a, **k: None)
    log.reveal_selected()
    with desk.db.session() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "reveal")).first() is None
    shown = {}
    sup = next(o for o in desk.staff.operators() if o.name == "陈主管")
    # What the PIN dialog does when the supervisor types their PIN: the core's grant for this task.
    monkeypatch.setattr(sign_in_mod, "ask_supervisor",
                        lambda *a, **k: desk.grant(sup.id, PINS["陈主管"], Role.SUPERVISOR))
    monkeypatch.setattr(reveal_mod.RevealDialog, "exec", lambda self: shown.update(self.values) or 0)
    log.reveal_selected()
    assert shown["手机号"] == "13800001234" and shown["姓名"] == "张三"
    with desk.db.session() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "reveal")).one().operator_id == sup.id


def test_a_supervisor_deletes_a_row_with_a_reason_and_a_guard_cannot(log, qtbot, desk, monkeypatch):
    import gui.dialogs.delete_dialog as delete_mod
    from models.sync.tables import Tombstone

    add(desk, "张三", "13800001234")
    add(desk, "李四", "13800005678")
    log.search()
    log.table.selectRow(0)
    seen = {}

    def run(dialog):
        seen["dialog"] = dialog
        qtbot.addWidget(dialog)
        # A guard's PIN is not enough (the chooser lists supervisors and up only).
        assert dialog.who.who.findData(operator_id(desk, "张保安")) == -1
        dialog.accept()  # no reason, no PIN
        seen["first"] = dialog.error.text()
        type_text(qtbot, dialog.reason, "重复登记")
        dialog.who.who.setCurrentIndex(dialog.who.who.findData(operator_id(desk, "陈主管")))
        type_text(qtbot, dialog.who.pin, "9999")
        dialog.accept()
        seen["wrong"] = dialog.error.text()
        type_text(qtbot, dialog.who.pin, PINS["陈主管"])
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(delete_mod.DeleteDialog, "exec", run)
    log.delete_selected()
    assert seen["first"] and "PIN" in seen["wrong"]
    assert seen["dialog"].deleted and log.model.rowCount() == 1
    assert "已删除" in log.count.text()
    assert desk.authority is None  # the PIN was for this deletion only
    with desk.db.session() as s:
        stone = s.exec(select(Tombstone)).one()
        assert stone.reason == "重复登记" and stone.operator_id == operator_id(desk, "陈主管")


def test_table_models_are_well_behaved(app, qtmodeltester, desk):
    for i in range(5):
        add(desk, f"访客{i}", f"1380000{i:04d}")
    log_model = VisitLogTableModel(desk)
    log_model.search(log_model.query)
    qtmodeltester.check(log_model)
    onsite = OnSiteTableModel(desk.settings.zone)
    onsite.set_rows(desk.gate.on_site(), desk.now())
    qtmodeltester.check(onsite)


def test_first_run_setup(app, qtbot, blank_desk):
    from gui.dialogs.setup_dialog import SetupDialog

    dialog = SetupDialog(blank_desk)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.inputs["compound_name"], "温泉小区")
    type_text(qtbot, dialog.inputs["admin_name"], "林管理")
    type_text(qtbot, dialog.inputs["admin_pin"], "2580")
    type_text(qtbot, dialog.inputs["admin_pin_again"], "2581")
    dialog.accept()
    assert dialog.errors["gate_name"].text() == "此项必填。"
    assert dialog.errors["admin_pin_again"].text() == "两次输入的 PIN 不一致。"
    assert blank_desk.ctx is None
    type_text(qtbot, dialog.inputs["gate_name"], "南门")
    dialog.inputs["admin_pin_again"].clear()
    type_text(qtbot, dialog.inputs["admin_pin_again"], "2580")
    dialog.accept()
    assert blank_desk.ctx.gate_name == "南门" and blank_desk.ctx.compound_name == "温泉小区"
    assert [o.name for o in blank_desk.staff.operators()] == ["林管理"]
    # The PIN just typed twice is not asked a third time: the new administrator is on duty.
    assert blank_desk.operator.name == "林管理"


def test_the_gate_set_up_names_its_grid_inside_its_community(app, qtbot, blank_desk):
    from gui.dialogs.setup_dialog import SetupDialog

    dialog = SetupDialog(blank_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.as_office.setChecked(True)
    assert not dialog.inputs["grid"].isVisible()  # an office is no grid's
    dialog.as_gate.setChecked(True)
    assert dialog.inputs["grid"].isVisible()
    for key, value in (("compound_name", "温泉小区"), ("grid", "第3网格"), ("gate_name", "南门"),
                       ("admin_name", "林管理"), ("admin_pin", "2580"), ("admin_pin_again", "2580")):
        type_text(qtbot, dialog.inputs[key], value)
    dialog.accept()
    assert dialog.errors["grid"].text() == "网格在社区之内：请同时填写社区。" and blank_desk.ctx is None
    type_text(qtbot, dialog.inputs["community"], "温泉社区")
    dialog.accept()
    assert blank_desk.ctx is not None
    info = blank_desk.sync.setup_info()
    assert (info.community, info.grid) == ("温泉社区", "第3网格")  # printed on the set-up sheet


def test_after_the_first_run_the_main_window_opens_without_a_sign_in(app, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    import gui.app as app_mod
    from gui.dialogs import setup_dialog, sign_in_dialog
    from gui.main_window import MainWindow

    def fill(self):
        self.inputs["compound_name"].setText("温泉小区")
        self.inputs["gate_name"].setText("南门")
        self.inputs["admin_name"].setText("林管理")
        self.inputs["admin_pin"].setText("2580")
        self.inputs["admin_pin_again"].setText("2580")
        self.accept()
        return QDialog.Accepted

    asked, shown = [], []
    monkeypatch.setattr(setup_dialog.SetupDialog, "exec", fill)
    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", lambda self: asked.append(1) or QDialog.Rejected)
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self.desk.operator.name))
    monkeypatch.setattr(app_mod.QApplication, "exec", lambda *a: 0)
    assert app_mod.run(tmp_path / "new") == 0
    assert asked == [] and shown == ["林管理"]


def test_sign_in_with_wrong_then_right_pin(app, qtbot, desk):
    from gui.dialogs.sign_in_dialog import SignInDialog

    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.who.who.setCurrentIndex(dialog.who.who.findData(operator_id(desk, "林管理")))
    type_text(qtbot, dialog.who.pin, "0000")
    dialog.accept()
    assert dialog.error.text() == "PIN 错误，请重试。" and dialog.who.pin.text() == ""
    assert desk.operator.name == "张保安"
    type_text(qtbot, dialog.who.pin, PINS["林管理"])
    dialog.accept()
    assert desk.operator.name == "林管理" and dialog.result() == dialog.DialogCode.Accepted


def test_operators_dialog_adds_a_guard(app, qtbot, desk):
    from gui.dialogs.operators_dialog import OperatorsDialog

    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):  # the menu asks first
        dialog = OperatorsDialog(desk)
        qtbot.addWidget(dialog)
        type_text(qtbot, dialog.name, "黄保安")
        type_text(qtbot, dialog.pin, "12")
        dialog.add()
        assert "4–12" in dialog.error.text()
        dialog.pin.clear()
        type_text(qtbot, dialog.pin, "2222")
        dialog.add()
        assert dialog.error.text() == "" and any("黄保安" in dialog.list.item(i).text() for i in range(dialog.list.count()))


def test_chinese_has_glyphs_in_the_interface_font(app):
    from PySide6.QtGui import QRawFont
    from PySide6.QtWidgets import QApplication

    raw = QRawFont.fromFont(QApplication.font())
    assert all(raw.supportsCharacter(ord(ch)) for ch in "门岗登记台准许进入劝返"), raw.familyName()
    assert "CJK" in raw.familyName() or "Hei" in raw.familyName() or "YaHei" in raw.familyName()


def test_sign_in_offers_whoever_was_last_on_duty(app, qtbot, desk):
    from gui.dialogs.sign_in_dialog import SignInDialog

    desk.staff.sign_in(operator_id(desk, "陈主管"), PINS["陈主管"])
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.who.operator_id() == operator_id(desk, "陈主管")


def test_column_constants_match_the_columns():
    from gui.visit_columns import COLUMNS

    for model in (VisitLogTableModel, OnSiteTableModel):
        consts = sorted((v, k) for k, v in vars(model).items() if k.startswith("COL_"))
        assert [i for i, _ in consts] == list(range(len(model.column_keys)))
    assert VisitLogTableModel.column_keys[VisitLogTableModel.COL_NAME] == "name"
    assert OnSiteTableModel.column_keys[OnSiteTableModel.COL_INSIDE] == "inside_for"
    assert all(k in COLUMNS for m in (VisitLogTableModel, OnSiteTableModel) for k in m.column_keys)


def test_the_sign_in_window_says_when_an_operator_is_locked(app, desk, qtbot):
    from gui.dialogs.sign_in_dialog import SignInDialog
    from models.trust import operators

    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(operators.MAX_FAILURES + 1):
        dialog.who.pin.setText("0000")
        dialog.accept()
    assert "分钟" in dialog.error.text()


def test_the_log_opens_on_the_station_s_day_and_shows_what_was_registered_today(log, qtbot, desk):
    """At 02:30 in China the computer's UTC date is still yesterday: the log opened on the wrong day
    and showed nothing registered since midnight. Run at any hour by tests/test_any_hour.py."""
    from datetime import datetime

    from PySide6.QtCore import QDate

    today = datetime.now(desk.settings.zone).date()
    assert log.day_from.date() == QDate(today) and log.day_to.date() == QDate(today)
    add(desk, "王小明", "13800138000")
    log.refresh()
    assert log.model.rowCount() == 1


def test_quick_work_shows_no_progress_window_and_none_shows_after_work_ends(app, qtbot):
    """QProgressDialog shows itself on a timer of its own: a progress window flashed up for work
    done in a blink, and one for work stopped at closing popped up later over whatever came next."""
    import time

    from PySide6.QtWidgets import QWidget

    from gui.background import SHOW_AFTER_MS, BackgroundOp

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    quick = BackgroundOp(parent, lambda _p, _c: time.sleep(0.05), label="导出中").start()
    seen = []
    qtbot.waitUntil(lambda: seen.append(quick.dialog.isVisible()) or not quick.running, timeout=5_000)
    assert not any(seen) and not quick.dialog.isVisible()
    qtbot.wait(4_300)  # QProgressDialog's own timer (4 s from construction) must not show it now
    assert not quick.dialog.isVisible()

    def slow(_progress, cancelled):
        while not cancelled():
            time.sleep(0.01)

    stopped = BackgroundOp(parent, slow, label="导出中").start()
    BackgroundOp.stop_all()
    qtbot.wait(max(SHOW_AFTER_MS, 4_000) + 300)
    assert not stopped.dialog.isVisible()
