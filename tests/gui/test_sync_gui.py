"""The office imports gates' bundles through the real window; a gate writes its bundle from its own."""
from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QToolBar

from models import sync
from models.app.demo import create_demo
from models.app.desk import Desk
from models.app.stats import record_counts
from models.store.db import open_database
from models.trust.operators import Role
from tests.conftest import NOW
from tests.gui.conftest import PINS, operator_id, type_text
from tests.sync_helpers import enroll

LATER = NOW + timedelta(hours=2)  # the office's clock: the gates' days end at NOW


@pytest.fixture(scope="module")
def usb(tmp_path_factory):
    """A USB stick with one bundle from each of two gates."""
    root = tmp_path_factory.mktemp("usb")
    for compound, gate, seed in (("榕城花园", "东门", 1), ("三坊小区", "北门", 2)):
        db = open_database(root / gate / "gatedesk.sqlite3")
        create_demo(db, days=2, visits_per_day=40, parcels_per_day=10, seed=seed, compound=compound, gate=gate,
                    now=NOW)
        sync.export_bundle(db, root / "stick", sheets=False, now=NOW)
        db.close()
    return root / "stick"


@pytest.fixture
def office_desk(app, tmp_path, usb, open_office):
    """An office that has enrolled both gates of the stick."""
    db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    enroll(db, *sorted(usb.glob("*.gdbundle")))
    desk = Desk(db, clock=lambda: LATER)
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                               pin=PINS["林管理"], pin_again=PINS["林管理"], office_label="办公室")
    admin = desk.staff.operators()[0]
    desk.staff.sign_in(admin.id, PINS["林管理"])
    yield desk
    db.close()


@pytest.fixture
def office_window(office_desk, qtbot):
    from gui.office_window import OfficeWindow

    w = OfficeWindow(office_desk)
    qtbot.addWidget(w)
    w.show()
    return w


def visits(desk) -> int:
    with desk.db.session() as s:
        return record_counts(s)["visits"]


def wait_idle(qtbot, panel, timeout=20_000):
    qtbot.waitUntil(lambda: panel.op is not None and not panel.op.running, timeout=timeout)


def test_office_checks_then_imports_a_usb_stick(office_window, office_desk, qtbot, usb, tmp_path):
    panel = office_window.importer
    cut = tmp_path / "cut" / "truncated.gdbundle"
    cut.parent.mkdir()
    cut.write_bytes(next(usb.glob("*.gdbundle")).read_bytes()[:3000])
    panel.add_paths([usb, cut])
    wait_idle(qtbot, panel)
    rows = panel.model.rows
    assert [r.status for r in rows] == ["accepted", "accepted", "rejected"]
    assert "未作任何更改" in panel.summary.text() or "尚未" in panel.summary.text()
    assert visits(office_desk) == 0  # checking changed nothing
    # The rejected file is selected first, with its reason in words and its code.
    assert "不完整" in panel.detail.text() and "truncated" in panel.detail.text()
    assert panel.import_button.isEnabled()
    qtbot.mouseClick(panel.import_button, Qt.LeftButton)
    wait_idle(qtbot, panel)
    assert [r.status for r in panel.model.rows] == ["accepted", "accepted", "rejected"]
    assert visits(office_desk) == 160
    assert not panel.import_button.isEnabled()
    # The other tabs show what arrived.
    office_window.tabs.setCurrentWidget(office_window.gates)
    assert {r.gate_name for r in office_window.gates.model.rows} == {"东门", "北门"}
    office_window.tabs.setCurrentWidget(office_window.dashboard)
    dash = office_window.dashboard
    names = [dash.model.data(dash.model.index(r, 0)) for r in range(dash.model.rowCount())]
    assert names[:2] == ["三坊小区", "榕城花园"] and names[2] == "合计"
    # A community office goes straight to its community: the units above are the way back up.
    steps = [b.text() for b in dash.findChildren(QPushButton, "unitStep")]
    assert steps == ["全部单位", "鼓楼区", "温泉街道", "温泉社区"]
    total_row = dash.model.rowCount() - 1
    assert dash.model.data(dash.model.index(total_row, 2)) == 80  # today's registrations, both gates
    assert len(dash.chart.series) == 28 and dash.chart.series[-1][1] == 80
    # The day's testing rounds of both compounds by building, and their home services in a line.
    testing = office_desk.office.round_summary(dash.current_day())
    assert dash.rounds.isVisible() and dash.rounds_model.rowCount() == sum(len(r.buildings) for r in testing.rows)
    care = office_desk.office.care_summary(dash.current_day()).total
    assert dash.care_line.isVisible() and care.done["sampling"] > 0
    assert dash.care_line.text().startswith(f"上门服务：在册 {care.registered} 人，完成 {care.services} 次（上门采样 ")
    assert dash.care_line.text().endswith(f"未完成 {care.still_open} 项")


def test_the_office_window_imports_with_workers_reading_ahead(office_window, office_desk, qtbot, usb, monkeypatch):
    """A big stick: the window's import (on its background thread) has a worker process read the
    files after the first, and ends as reading them in place would."""
    from models.sync import reader

    monkeypatch.setattr(reader, "READ_AHEAD_MIN_BYTES", 0)  # the demo's stick is small
    taken, take = [], reader.ReadAhead.take
    monkeypatch.setattr(reader.ReadAhead, "take", lambda self, path: taken.append(take(self, path)) or taken[-1])
    panel = office_window.importer
    panel.add_paths([usb])
    wait_idle(qtbot, panel, timeout=60_000)
    qtbot.mouseClick(panel.import_button, Qt.LeftButton)
    wait_idle(qtbot, panel, timeout=60_000)
    assert [r.status for r in panel.model.rows] == ["accepted", "accepted"]
    assert visits(office_desk) == 160
    assert [read is not None for read in taken] == [False, True] * 2  # checked, then imported


def test_importing_again_is_harmless_and_says_so(office_window, office_desk, qtbot, usb):
    panel = office_window.importer
    panel.add_paths([usb])
    wait_idle(qtbot, panel)
    qtbot.mouseClick(panel.import_button, Qt.LeftButton)
    wait_idle(qtbot, panel)
    panel.clear()
    panel.add_paths([usb])
    wait_idle(qtbot, panel)
    col = panel.model.COL_STATUS
    assert {panel.model.data(panel.model.index(r, col)) for r in range(2)} == {"已导入过"}
    assert visits(office_desk) == 160


def test_cancel_leaves_the_office_as_before(office_window, office_desk, qtbot, usb, monkeypatch, office_engine):
    """Cancelled in the second file: on the embedded file the run is one transaction and nothing
    stays; on a server each file commits when done, so the first stays and the message says so."""
    from models.formats import bundle

    real = bundle.open_bundle
    opened = []

    def slow_open(*args, **kw):
        opened.append(1)
        time.sleep(0.2 if len(opened) == 1 else 3.0)  # a slow USB stick: room to press Cancel
        return real(*args, **kw)

    panel = office_window.importer
    panel.add_paths([usb])
    wait_idle(qtbot, panel)
    checked = {r.path: r.total("created") for r in panel.model.rows}
    monkeypatch.setattr(bundle, "open_bundle", slow_open)
    qtbot.mouseClick(panel.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2 and panel.op.dialog.isVisible(), timeout=10_000)
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(panel.op.dialog.findChild(QPushButton), Qt.LeftButton)
    wait_idle(qtbot, panel)
    statuses = [r.status for r in panel.model.rows]
    if office_engine == "sqlite":
        assert statuses == ["cancelled", "cancelled"]
        assert "没有任何改动" in panel.summary.text()
        assert visits(office_desk) == 0
    else:
        assert statuses == ["accepted", "cancelled"]
        assert "取消前已导入的 1 个数据包保持导入" in panel.summary.text()
        first = panel.model.rows[0]
        assert visits(office_desk) == first.created.get("visit", 0) and first.total("created") == checked[first.path]


def test_a_conflict_is_shown_and_a_person_decides(office_window, office_desk, qtbot, usb, tmp_path):
    from tests.models.test_sync import resign_member
    from tests.sync_helpers import changed_first_destination

    path = sorted(usb.glob("*.gdbundle"))[0]
    assert office_desk.sync.importer().run(path).status == "accepted"
    station_dir = path.parent.parent / ("东门" if "东门" in path.name else "北门")
    gate = open_database(station_dir / "gatedesk.sqlite3")
    key = sync.ensure_signing_key(gate.session())
    gate.close()

    forged = resign_member(path, tmp_path / "forged.gdbundle", key, "visit.jsonl", changed_first_destination)
    panel = office_window.importer
    panel.add_paths([forged])
    wait_idle(qtbot, panel)
    qtbot.mouseClick(panel.import_button, Qt.LeftButton)
    wait_idle(qtbot, panel)
    assert "冲突" in office_window.tabs.tabText(3) and "(1)" in office_window.tabs.tabText(3)
    office_window.tabs.setCurrentWidget(office_window.conflicts)
    conflicts = office_window.conflicts
    assert conflicts.model.rowCount() == 1
    assert "destination" in conflicts.detail.text() and "9-9-909" in conflicts.detail.text()
    qtbot.mouseClick(conflicts.take_button, Qt.LeftButton)
    assert conflicts.model.rowCount() == 0
    with office_desk.db.engine.connect() as c:
        from sqlalchemy import text

        assert c.execute(text("SELECT count(*) FROM visit WHERE destination = '9-9-909'")).scalar() == 1


def test_drill_down_shows_masked_rows(office_window, office_desk, qtbot, usb):
    from gui.dialogs.drill_dialog import DrillDialog

    office_desk.sync.importer().run_all(sorted(usb.glob("*.gdbundle")))
    office_window.tabs.setCurrentWidget(office_window.dashboard)
    c = office_window.dashboard.model.rows[0]
    dialog = DrillDialog(office_desk, c.compound_ids, office_window.dashboard.current_day(), office_window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 40
    phones = [dialog.model.data(dialog.model.index(r, 4)) for r in range(40)]
    assert all("****" in p for p in phones if p)


def test_report_from_the_office_window(office_window, office_desk, qtbot, usb, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from PySide6.QtWidgets import QMessageBox

    office_desk.sync.importer().run_all(sorted(usb.glob("*.gdbundle")))
    out = tmp_path / "report.xlsx"
    offered, told = [], []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: offered.append(a[2]) or (str(out), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    office_window.report_action.trigger()
    # Issue: the dialog opened in the program's folder with an English name, and nothing said it was saved.
    suggested = Path(offered[0])
    assert suggested.name.startswith("日报-") and Path(__file__).resolve().parents[2] not in suggested.parents
    assert str(out) in told[0]
    office_window.report_action.trigger()  # the next time, where the last one went
    assert Path(offered[1]).parent == out.parent
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert "温泉社区居委会" in rows[0][0] and "疫情防控每日汇总" in rows[0][0]
    assert any(r and r[1] == "榕城花园" for r in rows)


def test_gate_exports_to_a_folder_from_its_window(app, desk, qtbot, tmp_path):
    from gui.dialogs.export_dialog import ExportDialog

    stick = tmp_path / "stick"
    stick.mkdir()
    with desk.authorised(operator_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        dialog = ExportDialog(desk)
        qtbot.addWidget(dialog)
        assert "未加密" in dialog.encryption.text()  # says plainly that the stick would be readable
        dialog.folder.setText(str(tmp_path / "not-there"))
        qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
        assert "U 盘" in dialog.message.text()
        dialog.folder.setText(str(stick))
        qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
        assert dialog.outcome.path.parent == stick and dialog.outcome.path.exists()
        assert str(dialog.outcome.path) in dialog.message.text()
        assert {p.suffix for p in stick.iterdir()} == {".gdbundle", ".xlsx", ".csv"}
        again = ExportDialog(desk)
        qtbot.addWidget(again)
        assert "第 1 号" in again.since_last.text() or "1" in again.since_last.text()


def test_the_office_forwards_to_the_district_from_its_window(office_window, office_desk, qtbot, usb, tmp_path,
                                                            monkeypatch):
    """Import the gates' stick, load the district's key file, forward: a supervisor's PIN is asked
    for, and the office bundle on the stick is encrypted for the district."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from gui.dialogs.forward_dialog import ForwardDialog

    panel = office_window.importer
    panel.add_paths([usb])
    wait_idle(qtbot, panel)
    qtbot.mouseClick(panel.import_button, Qt.LeftButton)
    wait_idle(qtbot, panel)
    district = open_database(tmp_path / "district" / "gatedesk.sqlite3")
    sync.ensure_office(district)
    with district.session() as s:
        key = sync.office_key_file(s, "鼓楼区防控办")
        s.commit()
    key_file = tmp_path / "district-key.json"
    key_file.write_text(key.dumps(), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(key_file), ""))
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    office_window.upper_key_action.trigger()  # the administrator on duty loads it
    assert key.key_id in said[-1]
    # the community has counted one compound: its census goes up with the forward
    [gate_compound] = [row for row in office_desk.supervision.census_rows() if row.compound == "榕城花园"][:1]
    office_desk.supervision.set_census(gate_compound.compound_id, "property", property_company="榕城物业")
    office_desk.staff.sign_off()
    stick = tmp_path / "stick-up"
    stick.mkdir()
    dialog = ForwardDialog(office_desk, office_window)
    qtbot.addWidget(dialog)
    assert "温泉社区" in dialog.unit.text() and "鼓楼区防控办" in dialog.encryption.text()
    dialog.folder_row.edit.setText(str(stick))
    asked = []

    def supervisor(desk, parent, title, intro, role):
        asked.append(role)
        return desk.grant(desk.staff.operators()[0].id, PINS["林管理"], Role.ADMIN)

    monkeypatch.setattr("gui.dialogs.sign_in_dialog.ask_supervisor", supervisor)
    qtbot.mouseClick(dialog.forward_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert asked == [Role.SUPERVISOR]
    assert dialog.outcome.path.parent == stick and dialog.outcome.encrypted
    assert str(dialog.outcome.path) in dialog.message.text() and "鼓楼区防控办" in dialog.message.text()
    assert dialog.outcome.counts["compound_census"] == 1
    assert dialog.message.text().splitlines()[-1] == dialog.tr("Compounds whose census goes up with it: {0}.").format(1)
    # At the district, its office window imports the community's bundle: the gates it relays are new
    # there, and the window names each with its key fingerprint to compare with the gate's sheet.
    from gui.office_window import OfficeWindow
    from tests.sync_helpers import fingerprint

    enroll(district, dialog.outcome.path)
    top = Desk(district, clock=lambda: LATER)
    top.sync.complete_office_setup(office_name="鼓楼区防控办", community="", district="鼓楼区", admin_name="区管理",
                                   pin="8642", pin_again="8642", office_label="区办公室")
    top.staff.sign_in(top.staff.operators()[0].id, "8642")
    window = OfficeWindow(top)
    qtbot.addWidget(window)
    window.show()
    window.importer.add_paths([dialog.outcome.path])
    wait_idle(qtbot, window.importer)
    qtbot.mouseClick(window.importer.import_button, Qt.LeftButton)
    wait_idle(qtbot, window.importer)
    [row] = window.importer.model.rows
    assert row.status == "accepted" and visits(top) == 160
    window.importer.table.selectRow(0)
    shown = window.importer.detail.text()
    assert all(fingerprint(p) in shown for p in usb.glob("*.gdbundle")) and "设置单" in shown
    window.close()
    district.close()


def test_a_gate_loads_its_office_key_file_and_refuses_anything_else(app, desk, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from gui.main_window import MainWindow

    window = MainWindow(desk)
    qtbot.addWidget(window)
    office = open_database(tmp_path / "office" / "gatedesk.sqlite3")
    sync.ensure_office(office)
    with office.session() as s:
        key = sync.office_key_file(s, "温泉社区居委会")
        s.commit()
    office.close()
    good, bad = tmp_path / "office-key.json", tmp_path / "notes.json"
    good.write_text(key.dumps(), encoding="utf-8")
    bad.write_text('{"hello": 1}', encoding="utf-8")
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(("ok", a[2])))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(("no", a[2])))
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
        window.load_office_key()
        assert said[-1][0] == "no" and str(bad) in said[-1][1] and desk.sync.office_key() is None
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
        window.load_office_key()
        assert said[-1][0] == "ok" and key.key_id in said[-1][1]
        assert desk.sync.office_key().key_id == key.key_id


def test_office_setup_from_the_first_run_dialog(app, blank_desk, qtbot):
    from gui.dialogs.setup_dialog import SetupDialog

    dialog = SetupDialog(blank_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.as_office.setChecked(True)
    assert not dialog.inputs["gate_name"].isVisible()
    type_text(qtbot, dialog.inputs["compound_name"], "温泉社区居委会")
    # The unit the office speaks for when it forwards upward.
    for key, name in (("community", "温泉社区"), ("subdistrict", "温泉街道"), ("district", "鼓楼区")):
        assert dialog.inputs[key].isVisible()
        type_text(qtbot, dialog.inputs[key], name)
    type_text(qtbot, dialog.inputs["admin_name"], "林管理")
    qtbot.keyClicks(dialog.inputs["admin_pin"], "1234")
    qtbot.keyClicks(dialog.inputs["admin_pin_again"], "1234")
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    assert blank_desk.is_office and blank_desk.sync.office_name() == "温泉社区居委会"
    assert blank_desk.sync.office_unit() == sync.OfficeUnit("鼓楼区", "温泉街道", "温泉社区")
    assert Path(blank_desk.db.path).exists()


def test_a_gates_new_key_is_accepted_only_by_an_administrator_after_checking(office_window, office_desk, qtbot,
                                                                              usb, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from models.formats import bundle
    from tests.models.test_sync import rezip

    path = sorted(usb.glob("*.gdbundle"))[0]
    assert office_desk.sync.importer().run(path).status == "accepted"
    other = bundle.new_signing_key()
    forged = rezip(path, tmp_path / "newkey.gdbundle", signing_key=other, manifest=lambda m: m["station"].update(
        public_key=bundle.signing_public_key(other)))
    panel = office_window.importer
    panel.add_paths([forged])
    wait_idle(qtbot, panel)
    assert panel.model.rows[0].problem.code == "key_changed"
    fingerprint = bundle.key_id(bundle.signing_public_key(other))
    assert fingerprint in panel.detail.text()
    assert panel.trust_button.isVisible()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    qtbot.mouseClick(panel.trust_button, Qt.LeftButton)
    wait_idle(qtbot, panel)
    assert fingerprint in asked[0]
    assert panel.model.rows[0].status == "accepted"


def test_the_export_window_shows_the_gates_key_fingerprint(app, desk, qtbot):
    from gui.dialogs.export_dialog import ExportDialog
    from models import sync
    from models.formats import bundle

    dialog = ExportDialog(desk)
    qtbot.addWidget(dialog)
    with desk.db.session() as s:
        key = bundle.key_id(bundle.signing_public_key(sync.ensure_signing_key(s)))
    assert key in dialog.signing.text()


def test_a_range_of_days_the_wrong_way_round_is_explained_and_nothing_is_written(app, desk, qtbot, tmp_path):
    from PySide6.QtCore import QDate

    from gui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(desk)
    qtbot.addWidget(dialog)
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog.folder_row.edit.setText(str(stick))
    dialog.range.setChecked(True)
    dialog.day_from.setDate(QDate(2022, 11, 28))
    dialog.day_to.setDate(QDate(2022, 11, 27))
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    assert "第一天不能晚于最后一天" in dialog.message.text()
    assert list(stick.iterdir()) == [] and dialog.export_button.isEnabled()


def test_the_gate_status_bar_says_when_a_bundle_is_due(app, desk, qtbot, tmp_path):
    from gui.main_window import MainWindow

    window = MainWindow(desk)
    qtbot.addWidget(window)
    label = window.status.export
    assert "尚未" in label.text() and label.property("due") is True
    with desk.authorised(operator_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        desk.sync.export_bundle(tmp_path)
        window.status.refresh_export()
        assert "第 1 号" in label.text() and label.property("due") is False
        later = desk.clock() + sync.EXPORT_DUE
        desk.clock = lambda: later
        window.status.refresh_export()
        assert label.property("due") is True


def test_the_office_makes_its_daily_backup_too(office_window, office_desk, qtbot, office_engine, tmp_path):
    failed = []
    office_window.housekeeping.backup_failed.connect(failed.append)
    office_window.housekeeping.erasure_failed.connect(lambda: failed.append("erasure"))
    with qtbot.waitSignal(office_window.housekeeping.finished, timeout=20_000):
        office_window.housekeeping.run_now()  # what its timer starts soon after start-up
    assert failed == []
    if office_engine == "postgresql":  # a server's database is backed up by the server (pg_dump)
        assert list(tmp_path.rglob("gatedesk-daily-*")) == []
        return
    folder = office_desk.db.path.parent / "backups"
    assert [p.name for p in folder.glob("gatedesk-daily-*.sqlite3")] == [
        f"gatedesk-daily-{office_desk.today().isoformat()}.sqlite3"]


def test_a_gate_never_seen_is_held_until_an_administrator_enrolls_it(app, qtbot, tmp_path, usb, monkeypatch, open_office):
    from PySide6.QtWidgets import QMessageBox

    from gui.office_window import OfficeWindow
    from tests.sync_helpers import fingerprint

    db = open_office(tmp_path / "fresh-office" / "gatedesk.sqlite3")  # no gate enrolled
    desk = Desk(db, clock=lambda: LATER)
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                               pin=PINS["林管理"], pin_again=PINS["林管理"], office_label="办公室")
    desk.staff.sign_in(desk.staff.operators()[0].id, PINS["林管理"])
    window = OfficeWindow(desk)
    qtbot.addWidget(window)
    window.show()
    panel = window.importer
    panel.add_paths([usb])
    wait_idle(qtbot, panel)
    assert [r.status for r in panel.model.rows] == ["held", "held"]
    col = panel.model.COL_STATUS
    assert panel.model.data(panel.model.index(0, col)) == "等待备案"
    first = panel.model.rows[0]
    assert first.fingerprint == fingerprint(first.path) and first.fingerprint in panel.detail.text()
    assert panel.enroll_button.isVisible() and not panel.import_button.isEnabled()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    qtbot.mouseClick(panel.enroll_button, Qt.LeftButton)
    wait_idle(qtbot, panel)
    assert first.compound in asked[0] and first.gate in asked[0] and first.fingerprint in asked[0]
    assert sorted(r.status for r in panel.model.rows) == ["accepted", "held"]  # only the one checked
    assert visits(desk) == 0  # checked, not yet imported
    with db.session() as s:
        enrolled = [e for e in __import__("models.trust.audit", fromlist=["x"]).entries(s) if e.action == "enroll"]
    assert [e.detail for e in enrolled] == [first.fingerprint]
    db.close()


def test_a_guard_cannot_enroll_a_gate(app, qtbot, tmp_path, usb, monkeypatch, open_office):
    from PySide6.QtWidgets import QMessageBox

    from gui.office_window import OfficeWindow

    db = open_office(tmp_path / "fresh-office" / "gatedesk.sqlite3")
    desk = Desk(db, clock=lambda: LATER)
    desk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                               pin=PINS["林管理"], pin_again=PINS["林管理"], office_label="办公室")
    with desk.authorised(desk.staff.operators()[0].id, PINS["林管理"], Role.ADMIN):
        desk.staff.add_operator(name="张保安", role=Role.GUARD, pin=PINS["张保安"])
    desk.staff.sign_in(operator_id(desk, "张保安"), PINS["张保安"])
    window = OfficeWindow(desk)
    qtbot.addWidget(window)
    panel = window.importer
    panel.add_paths([usb])
    wait_idle(qtbot, panel)
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    qtbot.mouseClick(panel.enroll_button, Qt.LeftButton)
    assert told and "管理员" in told[0]
    assert [r.status for r in panel.model.rows] == ["held", "held"]
    db.close()


def test_the_gate_prints_its_set_up_sheet_with_its_fingerprint(app, desk, qtbot, tmp_path, monkeypatch):
    import subprocess

    from PySide6.QtWidgets import QFileDialog

    from gui.dialogs.setup_sheet_dialog import SetupSheetDialog

    dialog = SetupSheetDialog(desk)
    qtbot.addWidget(dialog)
    fingerprint = desk.sync.station_key_id()
    assert dialog.fingerprint.text() == fingerprint.upper()
    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert fingerprint.upper() in text and "榕城花园" in text and "东门" in text and "--enroll" in text


def test_an_office_may_choose_trust_on_first_use(office_window, office_desk, qtbot, tmp_path, usb, monkeypatch):
    from gui.dialogs.settings_dialog import SettingsDialog

    stranger = open_database(tmp_path / "stranger" / "gatedesk.sqlite3")
    create_demo(stranger, days=1, visits_per_day=5, seed=9, compound="某小区", gate="南门", now=NOW)
    path = sync.export_bundle(stranger, tmp_path / "s", sheets=False, now=NOW).path
    stranger.close()
    assert office_desk.sync.importer().run(path, dry_run=True).status == "held"
    dialog = SettingsDialog(office_desk)
    qtbot.addWidget(dialog)
    assert dialog.trust_new_stations.isVisibleTo(dialog) and not dialog.trust_new_stations.isChecked()
    dialog.trust_new_stations.setChecked(True)
    dialog.accept()
    assert office_desk.settings.trust_new_stations
    assert office_desk.sync.importer().run(path).status == "accepted"


def test_gates_reporting_shows_gaps_as_runs_and_a_cut_audit_log_in_red(office_window, office_desk, qtbot, usb):
    from sqlalchemy import text

    assert all(s.status == "accepted" for s in office_desk.sync.importer().run_all(sorted(usb.glob("*.gdbundle"))))
    with office_desk.db.engine.begin() as c:  # numbers as a hostile past could have left them
        station = c.execute(text("SELECT station_id FROM sync_station ORDER BY gate_name LIMIT 1")).scalar()
        c.execute(text("INSERT INTO sync_receipt (id, station_id, seq, bundle_created_at, imported_at, period_to, "
                       "file_name, created, updated, unchanged, conflicts) VALUES ('x', :s, 2147483647, "
                       "'2022-11-28 01:00:00', '2022-11-28 01:00:00', '2022-11-28 01:00:00', 'x', 0, 0, 0, 0)"),
                  {"s": station})
        c.execute(text("UPDATE sync_station SET audit_alarm = 'backwards', audit_alarm_seq = 7 WHERE station_id = :s"),
                  {"s": station})
    started = time.perf_counter()
    office_window.tabs.setCurrentWidget(office_window.gates)
    # listing two billion missing numbers one by one would take minutes; a busy machine's
    # slowness stays far below the bound
    assert time.perf_counter() - started < 10.0
    model = office_window.gates.model
    row = next(r for r in range(model.rowCount()) if model.rows[r].station_id == station)
    missing = model.data(model.index(row, model.COL_MISSING))
    assert missing.startswith("2–2147483646") and "2147483645" in missing
    audit = model.data(model.index(row, model.COL_AUDIT))
    assert "截短" in audit and "7" in audit
    assert model.data(model.index(row, model.COL_AUDIT), Qt.ForegroundRole).name() == "#b71c1c"


def test_hostile_files_in_the_office_window_are_explained_and_the_good_one_imported(office_window, office_desk, qtbot,
                                                                                     usb, tmp_path):
    from tests.sync_helpers import craft, signing_key

    good = sorted(usb.glob("*.gdbundle"))[0]
    gate = open_database(good.parent.parent / ("东门" if "东门" in good.name else "北门") / "gatedesk.sqlite3")
    key = signing_key(gate)
    gate.close()
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    craft(good, hostile / "a-deep.gdbundle", key, members={"visit.jsonl": lambda d: b"[" * 100_000 + b"]" * 100_000 + b"\n"})
    craft(good, hostile / "b-rev.gdbundle", key, members={"visit.jsonl": lambda d: d.replace(b'"rev":1', b'"rev":' + str(2**70).encode(), 1)})
    craft(good, hostile / "c-seq.gdbundle", key, manifest=lambda m: m.update(sequence=2**64))
    craft(good, hostile / "d-year.gdbundle", key, manifest=lambda m: m.update(created_at="9999-12-31T23:59:59.999999Z"))
    shutil_copy = __import__("shutil").copy
    shutil_copy(good, hostile / "e-good.gdbundle")
    panel = office_window.importer
    panel.add_paths([hostile])
    wait_idle(qtbot, panel)
    assert [r.status for r in panel.model.rows] == ["rejected"] * 4 + ["accepted"]
    assert [r.problem.code for r in panel.model.rows[:4]] == ["invalid_record"] * 2 + ["bad_manifest"] * 2
    assert "visit.jsonl" in panel.detail.text() and "[invalid_record]" in panel.detail.text()
    qtbot.mouseClick(panel.import_button, Qt.LeftButton)
    wait_idle(qtbot, panel)
    assert [r.status for r in panel.model.rows][-1] == "accepted" and visits(office_desk) == 80  # one gate's two days


def test_the_first_window_fills_in_what_office_init_named(app, qtbot, tmp_path):
    """Issue: after `office-init --name … --community …` the office's first window asked for the name
    and the units again."""
    import main
    from gui.dialogs.setup_dialog import SetupDialog

    data = tmp_path / "office"
    assert main.main(["office-init", "--data-dir", str(data), "--name", "温泉社区居委会", "--district", "鼓楼区",
                      "--subdistrict", "温泉街道", "--community", "温泉社区"]) == 0
    db = open_database(data / "gatedesk.sqlite3")
    dialog = SetupDialog(Desk(db))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.as_office.isChecked()
    assert [dialog.inputs[k].text() for k in ("compound_name", "community", "subdistrict", "district")] == [
        "温泉社区居委会", "温泉社区", "温泉街道", "鼓楼区"]
    db.close()


def test_the_office_reaches_forward_upward_from_the_keyboard(office_window, qtbot, monkeypatch):
    """Tab walks onto the toolbar's buttons and Space opens the forward dialog (Esc and × close it:
    test_fits)."""
    from PySide6.QtWidgets import QApplication

    from gui.dialogs.forward_dialog import ForwardDialog

    opened = []
    monkeypatch.setattr(ForwardDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    office_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is office_window)
    office_window.importer.setFocus()
    button = office_window.findChild(QToolBar, "actions").widgetForAction(office_window.forward_action)
    for _ in range(40):
        if QApplication.focusWidget() is button:
            break
        qtbot.keyClick(QApplication.focusWidget() or office_window, Qt.Key_Tab)
    assert QApplication.focusWidget() is button
    qtbot.keyClick(button, Qt.Key_Space)
    assert len(opened) == 1
