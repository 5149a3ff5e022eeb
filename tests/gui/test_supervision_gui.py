"""The office's supervision tab, driven as office staff would: its tables after a team's bundle,
the notice written (a PIN asked for when the one on duty may not), the teams' list written."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from models.app.desk import Desk
from models.store.db import open_database
from models.supervision import Party, StandardKind
from models.sync import export_bundle
from models.trust.operators import Role
from tests.conftest import NOW
from tests.gui.conftest import PINS
from tests.models.test_units import GATES, make_gate
from tests.sync_helpers import enroll

LATER = NOW + timedelta(days=2)


@pytest.fixture
def office(app, tmp_path, open_office):
    """A district office that imported two gates and a team's visits: one failed with a veto, and the
    first compound's item 5 found twice."""
    gates = [make_gate(tmp_path, i, *g) for i, g in enumerate(GATES[:2])]
    team = Desk(open_database(tmp_path / "team" / "gatedesk.sqlite3"), clock=lambda: NOW)
    team.sync.complete_inspection_setup(team_name="督导一组", admin_name="王科长", pin="1357", pin_again="1357",
                                        district="仓山区")
    [view] = team.supervision.standards(StandardKind.INSPECTION)
    for db, fails in zip((*gates, gates[0]), (("5",), ("14",), ("5",))):
        with db.reading() as s:
            from models.setup.site import this_station

            ctx = this_station(s)
        v = team.supervision.open_visit(compound_id=ctx.compound_id, compound_name=ctx.compound_name,
                                        standard_id=view.standard.id)
        for item in view.items:
            team.supervision.answer_item(v.id, item.id, "fail" if item.code in fails else "pass")
        if fails == ("14",):  # a photo of the gate's log with the veto item
            from PIL import Image

            Image.new("RGB", (1200, 900), (90, 90, 90)).save(tmp_path / "log.png")
            team.supervision.attach_photo(v.id, tmp_path / "log.png",
                                          item_id=next(i.id for i in view.items if i.code == "14"))
        team.supervision.sign_off_visit(v.id, party=Party.PROPERTY, party_name="榕城物业")
    db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    desk = Desk(db, clock=lambda: LATER)
    desk.sync.complete_office_setup(office_name="鼓楼区住建局", community="", admin_name="林管理", pin=PINS["林管理"],
                                    pin_again=PINS["林管理"], office_label="督导办")
    with desk.authorised(desk.staff.operators()[0].id, PINS["林管理"], Role.ADMIN):
        desk.staff.add_operator(name="张保安", role=Role.GUARD, pin=PINS["张保安"])
        desk.staff.add_operator(name="陈主管", role=Role.SUPERVISOR, pin=PINS["陈主管"])
        enroll(db, *gates, team.db)
        for source in (*gates, team.db):
            path = export_bundle(source, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=5)).path
            assert desk.sync.importer().run(path).status == "accepted"
    for source in (*gates, team.db):
        source.close()
    guard = next(o for o in desk.staff.operators() if o.name == "张保安")
    desk.staff.sign_in(guard.id, PINS["张保安"])  # the office's clerk on duty: no supervisor's rights
    yield desk
    db.close()


def test_the_supervision_tab_shows_coverage_parties_and_league(office, qtbot):
    from gui.office_window import OfficeWindow

    w = OfficeWindow(office)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.supervision)
    panel = w.supervision
    panel.day_from.setDate(QDate(2022, 11, 28))
    qtbot.keyClick(panel, Qt.Key_F5)
    assert panel.coverage.rowCount() == 2
    # item 5 (major: due 12-01) and the veto item 14 (critical: due 11-29, past on 11-30)
    assert [panel.parties.data(panel.parties.index(0, c)) for c in range(3)] == ["物业公司 榕城物业", 2, 1]
    # 94, 95 (vetoed) and 94 again
    assert [panel.league.data(panel.league.index(0, c)) for c in range(6)] == [1, "温泉社区", 3, 2, "66.7%", 94.3]
    assert [panel.repeats.data(panel.repeats.index(0, c)) for c in range(4)] == [
        "榕城花园", "外来人员逐一登记（姓名、电话、来由、去向）", 2, "未整改"]
    panel.level.setCurrentIndex(2)  # by property company
    assert panel.league.data(panel.league.index(0, 1)) == "榕城物业"
    panel.day_to.setDate(QDate(2022, 11, 27))
    assert panel.status.text() == "时段的结束早于开始。"


def test_the_notice_asks_for_a_supervisors_pin_and_is_written(office, qtbot, tmp_path, monkeypatch):
    from gui.supervision_panel import SupervisionPanel

    panel = SupervisionPanel(office)
    qtbot.addWidget(panel)
    panel.show()
    panel.day_from.setDate(QDate(2022, 11, 28))
    out = tmp_path / "通报.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    asked = []

    def supervisor_gives_pin(desk, parent, title, intro, role):
        asked.append(role)
        return desk.grant(next(o.id for o in desk.staff.operators() if o.name == "陈主管"), PINS["陈主管"], role)

    monkeypatch.setattr("gui.dialogs.sign_in_dialog.ask_supervisor", supervisor_gives_pin)
    qtbot.mouseClick(panel.notice_button, Qt.LeftButton)
    assert asked == [Role.SUPERVISOR] and out.stat().st_size > 1000
    assert "已保存" in panel.status.text()
    assert office.authority is None  # the PIN's authority ended with the notice
    listed = tmp_path / "teams.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(listed), ""))
    qtbot.mouseClick(panel.list_button, Qt.LeftButton)
    assert listed.exists() and len(asked) == 2


def test_a_notice_that_cannot_be_written_is_said_not_crashed(office, qtbot, tmp_path, monkeypatch):
    from gui.supervision_panel import SupervisionPanel

    office.staff.sign_in(next(o.id for o in office.staff.operators() if o.name == "陈主管"), PINS["陈主管"])
    panel = SupervisionPanel(office)
    qtbot.addWidget(panel)
    gone = tmp_path / "no-such-folder" / "通报.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(gone), ""))
    qtbot.mouseClick(panel.notice_button, Qt.LeftButton)
    assert panel.status.tone() == "problem" and "no-such-folder" in panel.status.text()


def test_the_census_is_kept_line_by_line_and_from_the_communitys_sheet(office, qtbot, tmp_path, monkeypatch):
    """Office staff count their compounds: one line typed (a supervisor's PIN asked), the pledge's
    signer masked once saved and kept when the line is changed again, a scan attached, the rest from
    the community's sheet after its preview."""
    from gui.dialogs import census_dialog, sheet_preview_dialog

    def supervisor_gives_pin(desk, parent, title, intro, role):
        return desk.grant(next(o.id for o in desk.staff.operators() if o.name == "陈主管"), PINS["陈主管"], role)

    monkeypatch.setattr("gui.dialogs.sign_in_dialog.ask_supervisor", supervisor_gives_pin)
    dialog = census_dialog.CensusDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "共 2 个小区" in dialog.counts.text() and "尚未登记 2 个" in dialog.counts.text()
    assert dialog.model.data(dialog.model.index(0, 1)) == "榕城花园"  # its east gate's, in "温泉 社区"

    def fill(line):
        line.kind.setCurrentIndex(line.kind.findData("property"))
        line.company.setText("闽都物业")
        line.signed.setChecked(True)
        line.signer.setText("陈经理")
        line.plan.setText("物业24小时值守")
        line.accept()
        return line.result()
    monkeypatch.setattr(census_dialog.CensusLineDialog, "exec", fill)
    qtbot.keyClick(dialog.table, Qt.Key_Return)
    assert [dialog.model.data(dialog.model.index(0, c)) for c in (2, 3, 5)] == ["有物业", "闽都物业", "陈*理"]
    assert "有物业 1 个" in dialog.counts.text()

    def change(line):  # the signer is shown masked, left blank: kept
        line.plan.setText("物业24小时值守，双人")
        line.accept()
        return line.result()
    monkeypatch.setattr(census_dialog.CensusLineDialog, "exec", change)
    dialog.edit()
    sanfang = dialog.model.rows[0].compound_id
    with office.db.reading() as s:
        from models.supervision import census_of

        assert census_of(s, sanfang).pledge_by == "陈经理"
    scan = tmp_path / "承诺书.png"
    from PIL import Image

    Image.new("RGB", (1200, 1600), "white").save(scan)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(scan), "")))
    qtbot.mouseClick(dialog.findChild(object, "censusScan"), Qt.LeftButton)
    assert dialog.model.data(dialog.model.index(0, 6)) == "有"
    sheet = tmp_path / "温泉社区小区分类.csv"
    sheet.write_text("社区,小区,类型,物业公司\n温泉社区,榕城花园,无物业,\n温泉社区,新小区,业委会自管,\n,,,\n",
                     encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(sheet), "")))
    monkeypatch.setattr(sheet_preview_dialog.SheetPreviewDialog, "exec", lambda self: QDialog.Accepted)
    qtbot.mouseClick(dialog.findChild(object, "censusSheet"), Qt.LeftButton)
    assert "新增小区 1 个" in dialog.notice.text()
    assert "共 3 个小区" in dialog.counts.text() and "无物业 1 个" in dialog.counts.text()
    assert office.authority is None


def test_a_compounds_photos_are_a_supervisors_look_and_audited(office, qtbot, monkeypatch):
    from gui.dialogs import photos_dialog
    from gui.supervision_panel import SupervisionPanel

    panel = SupervisionPanel(office)
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.day_from.setDate(QDate(2022, 11, 28))
    asked, seen = [], []

    def supervisor_gives_pin(desk, parent, title, intro, role):
        asked.append(role)
        return desk.grant(next(o.id for o in desk.staff.operators() if o.name == "陈主管"), PINS["陈主管"], role)

    def shown(dialog):
        seen.append((dialog.windowTitle(), [dialog.list.item(i).text() for i in range(dialog.list.count())]))
        return QDialog.Rejected

    monkeypatch.setattr("gui.dialogs.sign_in_dialog.ask_supervisor", supervisor_gives_pin)
    monkeypatch.setattr(photos_dialog.CompoundPhotosDialog, "exec", shown)
    panel.coverage_table.setFocus()
    row = next(r for r in range(panel.coverage.rowCount()) if panel.coverage.rows[r].visits == 1)
    panel.coverage_table.setCurrentIndex(panel.coverage.index(row, 0))
    qtbot.keyClick(panel.coverage_table, Qt.Key_G, Qt.ControlModifier)
    assert asked == [Role.SUPERVISOR] and office.authority is None
    [(_title, labels)] = seen
    assert len(labels) == 1 and labels[0].startswith("2022-11-28 · 14 ")  # the day, and the item it shows
    from models.trust import audit
    with office.db.reading() as s:
        [entry] = [e for e in audit.entries(s, limit=50) if e.action == "photos_viewed"]
    assert entry.detail == "1 photos" and entry.record_id == panel.coverage.rows[row].place.compound_id


def test_a_look_that_leaves_older_visits_out_says_so(app, qtbot):
    from PySide6.QtWidgets import QLabel

    from gui.dialogs.photos_dialog import CompoundPhotosDialog

    dialog = CompoundPhotosDialog("榕城花园", [], older=3)
    qtbot.addWidget(dialog)
    said = dialog.findChild(QLabel).text()
    assert said.splitlines()[-1] == dialog.tr(
        "The newest visits only: {0} older visits with photos are not shown.").format(3)
    plain = CompoundPhotosDialog("榕城花园", [])
    qtbot.addWidget(plain)
    assert "\n" not in plain.findChild(QLabel).text()
