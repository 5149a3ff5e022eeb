"""Duty at the gate PC, driven through the real widgets: a duty card scanned on the register page or
the duty tab checks its holder in and out; a refused card says why; someone with no shift now is
offered the shifts that have room; checking in by name and PIN (F3); the rota kept by a supervisor
(people, a post, a week planned, a person put on a shift); check-ins closed on their own reviewed."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from gui.main_window import MainWindow
from models.trust.operators import Role
from tests.gui.conftest import PINS, operator_id, type_text
from tests.gui.test_passes_gui import scan

CHINA = ZoneInfo("Asia/Shanghai")
NOW = datetime(2022, 11, 28, 10, 0, tzinfo=CHINA)  # a Monday morning


@pytest.fixture
def rota(desk):
    """The gate held in three shifts today and tomorrow (1 to 2 people); two people with cards, one on
    this morning's shift, the other on none."""
    desk.clock = lambda: NOW
    with desk.authorised(operator_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        post = desk.staffing.add_post(name="东门", kind="gate", critical=True)
        desk.staffing.plan_shifts(post_id=post.id, first_day=NOW.date(), days=2,
                                  times="08:00-16:00,16:00-24:00,00:00-08:00", min_people=1, max_people=2)
        on = desk.staffing.add_person(name="李法官", phone="13800000001", kind="cadre", sent_by="区法院",
                                      posts=["gate"], pin="2468")
        off = desk.staffing.add_person(name="钱阿姨", phone="13800000004", kind="resident", sent_by="",
                                       posts=["gate"])
        morning = next(v.shift for v in desk.staffing.day_rota(NOW.date())
                       if v.shift.starts_at.astimezone(CHINA).hour == 8)
        desk.staffing.assign(morning.id, on.id)
        cards = {"on": desk.staffing.card_text(on.id), "off": desk.staffing.card_text(off.id)}
    return post, morning, on, off, cards


@pytest.fixture
def window(app, qtbot, desk, rota):
    w = MainWindow(desk)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_card_scanned_on_the_register_page_checks_in_and_out(window, qtbot, desk, rota):
    gate = window.gate
    type_text(qtbot, gate.name, "张")  # the guard was registering a visitor
    scan(qtbot, gate.name, rota[4]["on"])
    assert gate.name.text() == "张"  # the card's characters did not land in the form
    assert gate.banner.property("state") == "admit" and "李*官" in gate.banner.text()
    [(checkin, person, _, post)] = desk.staffing.here_now()
    assert person.name == "李*官" and post.name == "东门" and checkin.source == "card"
    desk.clock = lambda: NOW + timedelta(hours=6, minutes=5)
    scan(qtbot, gate.phone, rota[4]["on"])
    assert "签退" in gate.banner.text() and "6 小时 5 分钟" in gate.banner_detail.text()
    assert desk.staffing.here_now() == []
    body, signature = rota[4]["on"].rsplit(".", 1)[0], rota[4]["off"].rsplit(".", 1)[1]
    scan(qtbot, gate.phone, f"{body}.{signature}")  # another card's signature on this body
    assert gate.banner.property("state") == "refuse" and "签名不对" in gate.banner_detail.text()


def test_the_duty_tab_checks_people_in_and_offers_a_short_shift_to_a_walk_in(window, qtbot, desk, rota, monkeypatch):
    from gui.dialogs import duty_dialogs

    window.tabs.setCurrentWidget(window.duty)
    panel = window.duty
    assert panel.rota.rowCount() == 3 and panel.rota.data(panel.rota.index(0, 0)) == "★ 东门"
    scan(qtbot, panel.by_name, rota[4]["on"])
    assert panel.notice.tone() == "done" and "李*官" in panel.notice.text()
    assert panel.here.rowCount() == 1
    offered = []

    def pick_first(self):
        offered.append([self.list.item(i).text() for i in range(self.list.count())])
        return QDialog.Accepted

    monkeypatch.setattr(duty_dialogs.ShiftChoiceDialog, "exec", pick_first)
    scan(qtbot, panel.by_name, rota[4]["off"])  # not on a shift now: the morning's has room
    assert len(offered) == 1 and "东门" in offered[0][0]
    assert panel.notice.tone() == "done" and panel.here.rowCount() == 2
    row = next(r for r in range(panel.rota.rowCount()) if panel.rota.data(panel.rota.index(r, 1)).startswith("08:00"))
    assert panel.rota.data(panel.rota.index(row, 2)) == "2 / 1–2" and panel.rota.data(panel.rota.index(row, 3)) == "2"
    # Tomorrow's three shifts have nobody yet: listed as short.
    assert panel.risk.rowCount() == 3 and "3" in panel.risk_title.text()
    # Nobody is due tomorrow yet: the table shows no "here" and no "not come" columns.
    shown = [panel.risk.headerData(c, Qt.Horizontal) for c in range(panel.risk.columnCount())
             if not panel.risk_table.isColumnHidden(c)]
    assert shown == ["岗位", "班次", "人数", "排班人员"]


def test_checking_in_by_name_with_a_pin(window, qtbot, desk, rota, monkeypatch):
    from gui.dialogs import duty_dialogs

    window.tabs.setCurrentWidget(window.duty)
    panel = window.duty
    pins = iter(["0000", "2468"])

    def give_pin(self):
        self.person.setCurrentIndex(self.person.findData(rota[2].id))
        type_text(qtbot, self.pin, next(pins))
        return QDialog.Accepted

    monkeypatch.setattr(duty_dialogs.PinCheckDialog, "exec", give_pin)
    panel.by_name.setFocus()
    qtbot.keyClick(panel.by_name, Qt.Key_F3)
    assert panel.notice.tone() == "problem" and "PIN 不对" in panel.notice.text()
    qtbot.keyClick(panel.by_name, Qt.Key_F3)
    assert panel.notice.tone() == "done" and panel.here.rowCount() == 1


def test_a_supervisor_keeps_the_rota(window, qtbot, desk, rota, monkeypatch):
    from gui.dialogs import duty_dialogs
    from gui.dialogs import sign_in_dialog

    window.tabs.setCurrentWidget(window.duty)
    panel = window.duty
    asked = []

    def supervisor_gives_pin(desk_, parent, title, intro, role):
        asked.append(role)
        return desk_.grant(operator_id(desk_, "陈主管"), PINS["陈主管"], role)

    monkeypatch.setattr(sign_in_dialog, "ask_supervisor", supervisor_gives_pin)
    seen = {}

    def drive(dialog):
        seen["dialog"] = dialog
        dialog.show()
        type_text(qtbot, dialog.p_name, "王科员")
        type_text(qtbot, dialog.p_phone, "13800000002")
        dialog.p_kind.setCurrentIndex(dialog.p_kind.findData("cadre"))
        type_text(qtbot, dialog.p_unit, "区住建局")
        dialog.p_posts["gate"].setChecked(True)
        qtbot.mouseClick(dialog.findChild(type(dialog.plan_button), "addPerson"), Qt.LeftButton)
        seen["added"] = dialog.notice.text()
        qtbot.mouseClick(dialog.findChild(type(dialog.plan_button), "addPerson"), Qt.LeftButton)
        seen["empty"] = dialog.notice.text()  # the form was cleared for the next person
        type_text(qtbot, dialog.p_name, "王科")
        type_text(qtbot, dialog.p_phone, "138 0000 0002")
        qtbot.mouseClick(dialog.findChild(type(dialog.plan_button), "addPerson"), Qt.LeftButton)
        seen["twice"] = dialog.notice.text()  # the same phone again: refused, said
        dialog.tabs.setCurrentIndex(1)

        def new_post(post_dialog):
            type_text(qtbot, post_dialog.name, "采样点")
            post_dialog.kind.setCurrentIndex(post_dialog.kind.findData("sampling"))
            return QDialog.Accepted

        monkeypatch.setattr(duty_dialogs.PostDialog, "exec", new_post)
        qtbot.mouseClick(dialog.new_post, Qt.LeftButton)
        dialog.times.setText("08:00-12:00")
        dialog.least.setValue(2)
        qtbot.mouseClick(dialog.plan_button, Qt.LeftButton)
        seen["planned"] = dialog.notice.text()
        row = next(r for r in range(dialog.day_rota.rowCount())
                   if dialog.day_rota.data(dialog.day_rota.index(r, 0)) == "采样点")
        dialog.day_table.selectRow(row)
        dialog.assign_person.setCurrentIndex(dialog.assign_person.findData(rota[2].id))
        qtbot.mouseClick(dialog.assign_button, Qt.LeftButton)
        seen["refused"] = dialog.notice.text()  # 李法官 takes gate posts only
        row = next(r for r in range(dialog.day_rota.rowCount())
                   if dialog.day_rota.data(dialog.day_rota.index(r, 1)).startswith("16:00"))
        dialog.day_table.selectRow(row)
        dialog.assign_person.setCurrentIndex(dialog.assign_person.findText("王*员 · 区住建局"))
        qtbot.mouseClick(dialog.assign_button, Qt.LeftButton)
        seen["placed"] = dialog.notice.text()
        seen["row"] = dialog.day_rota.data(dialog.day_rota.index(row, 4))
        qtbot.keyClick(dialog, Qt.Key_Escape)
        return dialog.result()

    monkeypatch.setattr(duty_dialogs.RotaDialog, "exec", drive)
    panel.by_name.setFocus()
    qtbot.keyClick(panel.by_name, Qt.Key_F4)
    assert asked == [Role.SUPERVISOR] and desk.authority is None  # the PIN held for the dialog only
    assert "王*员" in seen["added"] and "必填" in seen["empty"] and "已在排班名单上" in seen["twice"]
    assert "7 个班次" in seen["planned"]
    assert "不承担这类岗位" in seen["refused"] and seen["placed"] == "已排入该班次。" and seen["row"] == "王*员"
    assert not seen["dialog"].isVisible()
    assert sorted(p.name for p in desk.staffing.people()) == sorted(["李*官", "王*员", "钱*姨"])


def test_a_check_in_closed_on_its_own_is_reviewed(window, qtbot, desk, rota, monkeypatch):
    from gui.dialogs import duty_dialogs
    from gui.dialogs import sign_in_dialog

    desk.staffing.check_card(rota[4]["on"])
    desk.clock = lambda: NOW + timedelta(hours=9)  # 19:00: the 16:00 end was three hours ago
    assert desk.records.housekeeping(backup=False).duty_closed == 1
    window.tabs.setCurrentWidget(window.duty)
    panel = window.duty
    assert panel.review_button.isEnabled() and "1" in panel.review_button.text()
    monkeypatch.setattr(sign_in_dialog, "ask_supervisor", lambda d, *_a: d.grant(
        operator_id(d, "陈主管"), PINS["陈主管"], Role.SUPERVISOR))

    def drive(dialog):
        dialog.show()
        assert dialog.list.count() == 1 and "李*官" in dialog.list.item(0).text()
        dialog.left_at.setTime(dialog.left_at.time().addSecs(-30 * 60))  # left at 15:30, in truth
        qtbot.mouseClick(dialog.set_time, Qt.LeftButton)
        assert dialog.list.count() == 0 and "已复核" in dialog.notice.text()
        return QDialog.Accepted

    monkeypatch.setattr(duty_dialogs.ReviewDialog, "exec", drive)
    qtbot.mouseClick(panel.review_button, Qt.LeftButton)
    assert not panel.review_button.isEnabled()
    [h] = desk.staffing.hours(NOW.date(), 1)
    assert h.minutes == 5 * 60 + 30 and h.to_review == 0  # 10:00 to 15:30


def test_the_office_sees_each_compounds_rota_and_the_units_hours(app, qtbot, tmp_path):
    """The demo gate's week of duty, imported: the office's duty tab shows its coverage and the hours
    per sending unit, as the core counts them."""
    from gui.office_window import OfficeWindow
    from models.app.demo import create_demo
    from models.app.desk import Desk
    from models.store.db import open_database
    from models.sync import Importer, export_bundle
    from tests.sync_helpers import enroll

    now = NOW.astimezone(ZoneInfo("UTC"))
    gate = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    create_demo(gate, days=3, visits_per_day=20, seed=5, now=now)
    office = open_database(tmp_path / "office" / "gatedesk.sqlite3")
    desk = Desk(office, clock=lambda: now)
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                                    pin="1234", pin_again="1234", office_label="办公室")
    desk.staff.sign_in(desk.staff.operators()[0].id, "1234")
    enroll(office, gate)
    assert Importer(office, clock=lambda: now).run(export_bundle(gate, tmp_path / "usb", sheets=False,
                                                                 now=now).path).status == "accepted"
    window = OfficeWindow(desk)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.staffing)
    panel = window.staffing
    [cover] = desk.office.staffing_coverage(panel.first_day.date().toPython(), 7)
    assert cover.shifts > 20 and cover.checkins > 10
    assert panel.cover.rowCount() == 1
    shown = [panel.cover.data(panel.cover.index(0, c)) for c in range(panel.cover.columnCount())]
    assert shown[1] == cover.compound and shown[2] == cover.shifts and shown[7] == cover.checkins
    units = {panel.units.data(panel.units.index(r, 0)) for r in range(panel.units.rowCount())}
    assert "鼓楼区人民法院" in units and "鼓楼区志愿者协会" in units
    gate.close()
    window.close()
    office.close()


def rota_holds_the_gate(window, qtbot, desk) -> None:
    """An administrator ticks the setting, as in Settings."""
    from gui.dialogs.settings_dialog import SettingsDialog

    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        dialog = SettingsDialog(desk, window)
        qtbot.addWidget(dialog)
        dialog.checks["gate_on_rota"].setChecked(True)
        dialog.accept()
    assert desk.settings.gate_on_rota


def test_at_a_gate_the_rota_holds_the_card_opens_the_locked_pc_and_checking_out_locks_it(
        window, qtbot, desk, rota, monkeypatch):
    from gui.dialogs import duty_dialogs

    rota_holds_the_gate(window, qtbot, desk)
    window.lock("shift")
    page = window.lock_page
    assert window.locked and page.rota.isVisible() and "值守卡" in page.rota.hint.text()
    # A card of someone with no shift now opens nothing, and says why.
    scan(qtbot, page.who.pin, rota[4]["off"])
    assert window.locked and "钱*姨" in page.error.text()
    # 李法官's card: checked in at the gate, on duty, the form behind the lock is the gate's again.
    scan(qtbot, page.who.pin, rota[4]["on"])
    assert not window.locked and desk.operator.name == "李*官"
    assert "李*官" in window.status.operator.text()
    assert page.who.pin.text() == ""  # the card's text never landed in the PIN field
    # On the duty tab, his card again: he checks out, nobody holds the gate, the PC locks itself.
    window.tabs.setCurrentWidget(window.duty)
    desk.clock = lambda: NOW + timedelta(hours=1)
    scan(qtbot, window.duty.rota_table, rota[4]["on"])
    assert window.locked and desk.operator is None and page.reason == "shift"
    window.tabs.setCurrentWidget(window.duty)  # behind the lock: the last check-out's line is gone
    assert window.duty.notice.text() == ""
    # By name and PIN on the lock page (F3): he is back on duty.

    def give_pin(self):
        self.person.setCurrentIndex(self.person.findData(rota[2].id))
        type_text(qtbot, self.pin, "2468")
        return QDialog.Accepted

    monkeypatch.setattr(duty_dialogs.PinCheckDialog, "exec", give_pin)
    page.who.pin.setFocus()
    qtbot.keyClick(page.who.pin, Qt.Key_F3)
    assert not window.locked and desk.operator.name == "李*官"


def test_a_gate_with_its_own_guards_shows_no_rota_on_the_lock_page(window, qtbot, desk, rota):
    window.lock("shift")
    page = window.lock_page
    assert not page.rota.isVisible()
    scan(qtbot, page.who.pin, rota[4]["on"])
    assert window.locked and desk.staffing is not None and desk.locked == "shift"
    qtbot.keyClick(page.who.pin, Qt.Key_F3)  # nothing opens: no dialog, still locked
    assert window.locked


def test_the_sign_in_window_takes_a_duty_card_where_the_rota_holds_the_gate(window, qtbot, desk, rota):
    from gui.dialogs.sign_in_dialog import SignInDialog

    rota_holds_the_gate(window, qtbot, desk)
    desk.staff.sign_off()  # GateDesk closed; the next start opens on the sign-in window
    window.hide()
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.rota is not None and dialog.rota.isVisible()
    scan(qtbot, dialog.who.pin, rota[4]["on"])
    assert dialog.result() == QDialog.Accepted and desk.operator.name == "李*官"
