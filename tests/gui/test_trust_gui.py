"""Administrators see the audit log; the end of the campaign cannot be confirmed by accident."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.gate.visits import VisitForm
from models.trust.operators import Role
from tests.gui.conftest import PINS, operator_id, type_text


def register(desk, name="王五", phone="13800138000"):
    return desk.gate.register(VisitForm(kind="visitor", name=name, phone=phone, destination="1-1-101", host="甲",
                                   temperature="36.5", code_color="green", nat_result="negative",
                                   risk_flag=False, mask=True, nat_sampled_at="10h")).visit


def test_the_audit_log_is_shown_to_administrators_newest_first(app, qtbot, desk):
    from gui.dialogs.audit_dialog import AuditDialog

    register(desk)
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        dialog = AuditDialog(desk)
        qtbot.addWidget(dialog)
        model = dialog.model

        def cell(r, c):
            return model.data(model.index(r, c))

        assert cell(0, 3) == "登记" and cell(0, 2) == "张保安"
        assert any(cell(r, 3) == "登录" for r in range(model.rowCount()))
        qtbot.waitUntil(lambda: "完整" in dialog.verdict.text(), timeout=10_000)  # checked off the GUI thread
        assert "王五" not in " ".join(cell(r, 4) for r in range(model.rowCount()))


def test_the_audit_dialog_says_when_the_anchor_is_missing_or_begun_again(app, qtbot, desk):
    from gui.dialogs.audit_dialog import AuditDialog

    register(desk)  # the save itself moved the anchor beside the database
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        assert desk.db.anchor.exists()
        desk.db.anchor.unlink()
        dialog = AuditDialog(desk)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: "锚点" in dialog.verdict.text(), timeout=10_000)
        assert "不见了" in dialog.verdict.text() and dialog.verdict.objectName() == "warningNote"
        dialog.close()
        before = desk.records.audit_verdict().entries
        register(desk, "赵六", "13900139000")  # the next save does not quietly anchor over the gap
        again = AuditDialog(desk)
        qtbot.addWidget(again)
        qtbot.waitUntil(lambda: "重新开始" in again.verdict.text(), timeout=10_000)
        assert f"第 {before} 条之后" in again.verdict.text()


def test_the_audit_log_is_refused_to_a_guard(app, qtbot, desk, monkeypatch):
    import gui.dialogs.sign_in_dialog as sign_in_mod
    from gui.dialogs.audit_dialog import AuditDialog, open_audit

    asked, opened = [], []
    monkeypatch.setattr(sign_in_mod, "ask_supervisor", lambda *a, **k: asked.append(a[4]) or None)
    monkeypatch.setattr(AuditDialog, "exec", lambda self: opened.append(self) or 0)
    open_audit(desk, None)
    assert asked == [Role.ADMIN] and opened == []


def test_the_end_of_the_campaign_needs_the_station_name_typed(app, qtbot, desk, monkeypatch):
    from gui.dialogs.campaign_dialog import CampaignDialog

    register(desk)
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        told = []
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
        dialog = CampaignDialog(desk)
        qtbot.addWidget(dialog)
        assert not dialog.erase.isEnabled()
        type_text(qtbot, dialog.typed, "榕城")
        qtbot.keyClick(dialog.typed, Qt.Key_Return)  # Enter does not erase anything
        assert not dialog.erase.isEnabled() and desk.records.personal_left() > 0
        type_text(qtbot, dialog.typed, "花园")
        assert dialog.erase.isEnabled()
        qtbot.mouseClick(dialog.erase, Qt.LeftButton)
        qtbot.waitUntil(lambda: bool(told), timeout=20_000)  # the erasure runs on a worker thread
        assert desk.records.personal_left() == 0 and "已清除" in told[0] and dialog.result_.erased.total > 0


def test_the_station_locks_when_left_alone_and_the_guard_unlocks_with_a_pin(app, qtbot, desk):
    from datetime import timedelta

    from gui.main_window import MainWindow
    from tests.conftest import NOW

    # 10:00 in the compound: eleven idle minutes cross no shift change (08:00, 20:00), whatever
    # the hour the suite runs at (at 07:50 the real clock's eleven minutes did).
    desk.clock = lambda: NOW
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    type_text(qtbot, window.gate.name, "王五")  # a half-typed registration
    start = desk.now()
    desk.clock = lambda: start + timedelta(minutes=11)
    window.check_lock()
    assert window.locked and not window.tabs.isVisible()
    page = window.lock_page
    assert page.who.operator_id() == operator_id(desk, "张保安")
    type_text(qtbot, page.who.pin, "0000")
    qtbot.keyClick(page.who.pin, Qt.Key_Return)
    assert window.locked and "PIN" in page.error.text()
    type_text(qtbot, page.who.pin, PINS["张保安"])
    qtbot.keyClick(page.who.pin, Qt.Key_Return)
    assert not window.locked and window.gate.name.text() == "王五"


def _at_shift_change(window, desk):
    from datetime import timedelta

    start = desk.now()
    local = start.astimezone(desk.settings.zone)
    # Just past the next shift change in the settings (08:00 or 20:00 local).
    nxt = min((local.replace(hour=t.hour, minute=t.minute, second=0, microsecond=0) + timedelta(days=d)
               for t in desk.settings.shift_changes for d in (0, 1)
               if local.replace(hour=t.hour, minute=t.minute, second=0, microsecond=0) + timedelta(days=d) > local))
    window.station_lock._last_activity = nxt
    desk.clock = lambda: nxt + timedelta(seconds=5)
    window.check_lock()
    assert window.locked and "换班" in window.lock_page.title.text()


def test_at_shift_change_the_next_operator_signs_in(app, qtbot, desk):
    from gui.main_window import MainWindow

    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    type_text(qtbot, window.gate.name, "王五")  # the last guard's half-typed registration
    _at_shift_change(window, desk)
    page = window.lock_page
    page.who.who.setCurrentIndex(page.who.who.findData(operator_id(desk, "陈主管")))
    type_text(qtbot, page.who.pin, PINS["陈主管"])
    qtbot.mouseClick(page.button, Qt.LeftButton)
    assert not window.locked and desk.operator.name == "陈主管"
    assert window.gate.name.text() == ""  # not the next operator's to finish


def test_at_shift_change_the_same_guard_signing_back_in_keeps_the_form(app, qtbot, desk):
    """Issue: the half-typed form was thrown away even when the guard on duty signed back in."""
    from gui.main_window import MainWindow

    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    type_text(qtbot, window.gate.name, "王五")
    _at_shift_change(window, desk)
    page = window.lock_page
    assert page.who.operator_id() == operator_id(desk, "张保安")
    type_text(qtbot, page.who.pin, PINS["张保安"])
    qtbot.keyClick(page.who.pin, Qt.Key_Return)
    assert not window.locked and desk.operator.name == "张保安" and window.gate.name.text() == "王五"
    assert window.focusWidget() is window.gate.phone  # the window's keyboard goes to the form again


def test_the_lock_is_set_in_settings_and_a_bad_time_is_explained(app, qtbot, desk):
    from datetime import time

    from gui.dialogs.settings_dialog import SettingsDialog

    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        dialog = SettingsDialog(desk)
        qtbot.addWidget(dialog)
        assert dialog.shift_changes.text() == "08:00, 20:00"
        dialog.idle_lock.setValue(5)
        dialog.shift_changes.clear()
        type_text(qtbot, dialog.shift_changes, "7:00，19:30, 25:00")
        dialog.accept()
        assert "25:00" in dialog.note.text() and desk.settings.idle_lock_minutes == 10  # nothing saved
        dialog.shift_changes.clear()
        type_text(qtbot, dialog.shift_changes, "19:30，7:00")
        dialog.accept()
        assert desk.settings.shift_changes == [time(7, 0), time(19, 30)] and desk.settings.idle_lock_minutes == 5


def test_each_number_in_settings_offers_exactly_what_the_core_accepts(app, qtbot, desk, monkeypatch):
    """The spin boxes read their bounds from the settings' declaration: move a bound in the core
    and the screen follows (no second copy to forget)."""
    from PySide6.QtWidgets import QAbstractSpinBox

    from gui.dialogs import settings_dialog
    from gui.dialogs.settings_dialog import SettingsDialog
    from models.setup import values

    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        dialog = SettingsDialog(desk)
        qtbot.addWidget(dialog)
        spins = {w.objectName(): w for w in dialog.findChildren(QAbstractSpinBox) if hasattr(w, "maximum")}
        assert {"fever_threshold", "nat_window_hours", "retention_days", "backup_keep", "idle_lock_minutes"} <= set(spins)
        for name, spin in spins.items():
            assert (spin.minimum(), spin.maximum()) == values.bounds(name), name
        monkeypatch.setattr(settings_dialog, "bounds", lambda name: (2, 9))
        moved = SettingsDialog(desk)
        qtbot.addWidget(moved)
        assert (moved.retention.minimum(), moved.retention.maximum()) == (2, 9)


def test_a_full_disk_keeps_the_form_and_says_nothing_was_saved(app, qtbot, desk, monkeypatch):
    """pysqlite reports a full disk (SQLITE_FULL) as OperationalError at the write; the save's
    transaction rolls back."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from gui.main_window import MainWindow
    from models.gate import visits
    from models.gate.visit_log import VisitQuery
    from tests.gui.test_gate_flow import fill_visitor

    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    gate = window.gate
    before = desk.gate.count_visits(VisitQuery())
    real = visits.register_visit

    def disk_full(**kw):
        real(**kw)
        raise OperationalError("INSERT INTO visit", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(visits, "register_visit", disk_full)
    fill_visitor(qtbot, gate, name="王小明")
    qtbot.keyClick(gate.nat_time, Qt.Key_Return)
    assert gate.banner.text() == "未保存" and "磁盘已满" in gate.banner_detail.text()
    assert gate.name.text() == "王小明" and gate.phone.text() == "13812345678"  # nothing typed is lost
    assert desk.gate.count_visits(VisitQuery()) == before  # and nothing half-written
    monkeypatch.setattr(visits, "register_visit", real)
    qtbot.keyClick(gate.nat_time, Qt.Key_Return)  # space freed: the same form saves
    assert gate.banner.text() == "准许进入" and desk.gate.count_visits(VisitQuery()) == before + 1


def test_the_office_window_locks_too(app, qtbot, tmp_path):
    from datetime import timedelta

    from gui.office_window import OfficeWindow
    from models.app.desk import Desk
    from models.store.db import open_database

    desk = Desk(open_database(tmp_path / "office" / "gatedesk.sqlite3"))
    desk.sync.complete_office_setup(office_name="温泉社区", community="温泉社区", admin_name="周主任", pin="2468",
                               pin_again="2468", office_label="社区办公室")
    admin = desk.staff.operators()[0]
    desk.staff.sign_in(admin.id, "2468")
    window = OfficeWindow(desk)
    qtbot.addWidget(window)
    window.show()
    start = desk.now()
    desk.clock = lambda: start + timedelta(minutes=11)
    window.station_lock.check()
    assert window.station_lock.locked and not window.tabs.isVisible()
    type_text(qtbot, window.station_lock.page.who.pin, "2468")
    qtbot.keyClick(window.station_lock.page.who.pin, Qt.Key_Return)
    assert not window.station_lock.locked and window.tabs.isVisible()
    # Its administrator sets how long personal data is kept there; the gate's rules are not shown.
    from gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.checks["check_mask"].isVisible() and dialog.retention.isVisible()
    dialog.retention.setValue(14)
    dialog.accept()
    assert desk.settings.retention_days == 14
    window.close()
    desk.db.close()


def test_housekeeping_starts_after_the_window_is_up_and_not_after_it_closed(app, qtbot, desk, monkeypatch):
    from gui import housekeeping
    from gui.main_window import MainWindow

    monkeypatch.setattr(housekeeping, "START_AFTER_MS", 200)
    ran = []
    monkeypatch.setattr(desk.records, "daily_backup", lambda: ran.append("backup"))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    assert ran == []  # not while the window is being built
    qtbot.waitUntil(lambda: ran == ["backup"], timeout=5_000)
    second = MainWindow(desk)
    second.close()  # closed before its first round
    qtbot.wait(400)
    assert ran == ["backup"]


def test_a_locked_gate_reads_nothing_and_its_timers_raise_nothing(app, qtbot, desk):
    """The lock is the core's: behind it, the minute's timers (the automatic sign-out, the isolation
    point's hours) run without asking the core for what it refuses, and show all again on unlocking."""
    import pytest

    from gui.main_window import MainWindow
    from models.app.actions import StationLocked
    from tests.conftest import NOW

    desk.clock = lambda: NOW
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    window.lock("idle")
    assert desk.locked == "idle"
    with pytest.raises(StationLocked):
        desk.gate.on_site()  # whatever screen asks
    window.run_auto_sign_out()
    window.isolation._ticker.timeout.emit()  # an error here would fail the test (pytest-qt)
    page = window.lock_page
    type_text(qtbot, page.who.pin, PINS["张保安"])
    qtbot.keyClick(page.who.pin, Qt.Key_Return)
    assert not window.locked and desk.locked is None
    assert desk.gate.on_site() == []
