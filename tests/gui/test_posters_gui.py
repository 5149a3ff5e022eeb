"""Posters and passes from the gate's window: settings, preview, files, printing, the roster."""
from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from models import residents as rs
from models.trust.operators import Role
from tests.gui.conftest import PINS, operator_id


@pytest.fixture
def as_admin(desk):
    """What the Admin menu asks first: the administrator's PIN, held for the test's one task."""
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        yield desk


def decode(path: Path) -> list[str]:
    """The QR codes on the page (a line of printed text now and then reads as a 1D barcode: the
    same filter as tests/models/test_posters.py)."""
    return [c.text for c in zxingcpp.read_barcodes(Image.open(path)) if c.format == zxingcpp.BarcodeFormat.QRCode]


def test_poster_dialog_previews_saves_and_keeps_the_gates_settings(app, desk, as_admin, qtbot, tmp_path, monkeypatch):
    from gui.dialogs.poster_dialog import PosterDialog
    from models.gate.posters import VenueKind

    dialog = PosterDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.gate.count() == 1 and "东门" in dialog.gate.currentText()
    assert dialog.kinds[VenueKind.GATEDESK].isChecked() and not dialog.preview.pixmap().isNull()
    dialog.kinds[VenueKind.URL].setChecked(True)
    dialog.content.setText("example.org")
    dialog.refresh()
    assert "http" in dialog.message.text()  # explained, nothing saved
    dialog.content.setText("https://example.org/rc")
    dialog.hotline.setText("0591-12345")
    dialog.refresh()
    assert dialog.message.text() == ""
    out = tmp_path / "poster.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert dialog.save_file("png") == out
    assert decode(out) == ["https://example.org/rc"]
    again = PosterDialog(desk)  # the settings are kept for the gate
    qtbot.addWidget(again)
    assert again.kinds[VenueKind.URL].isChecked() and again.hotline.text() == "0591-12345"


def test_printing_paints_every_page_through_qt(app, desk, qtbot, tmp_path):
    """The print path without a dialog: the pages painted onto a PDF 'printer' come back as codes."""
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    from gui.printing import paint_pages
    from models.gate.posters import poster_page
    from models.kit.drawing import to_image

    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    spec = desk.posters.poster_spec(desk.ctx.gate_id)
    paint_pages(printer, [to_image(poster_page(spec), 300)])
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(tmp_path / "printed.pdf"),
                    str(tmp_path / "printed")], check=True)
    assert decode(tmp_path / "printed.png") == [spec.content]


def test_roster_import_issue_and_print_passes(app, desk, as_admin, qtbot, tmp_path, monkeypatch):
    from gui.dialogs.residents_dialog import ResidentsDialog

    sheet = tmp_path / "roster.csv"
    sheet.write_text("房号,姓名,手机\n1-1-101,王大明,13800138000\n1-1-102,李小红,\n楼顶,张三,\n2-1-101,赵六,\n",
                     encoding="utf-8-sig")
    dialog = ResidentsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.import_sheet(sheet)
    qtbot.waitUntil(lambda: not dialog.roster_op.running, timeout=10_000)
    assert "3" in dialog.message.text() and "4" in dialog.message.text()  # three added; row 4 not read
    assert dialog.model.rowCount() == 3
    assert dialog.model.data(dialog.model.index(0, 1)) == "王*明"
    qtbot.mouseClick(dialog.issue_button, Qt.LeftButton)
    assert all(p is not None for _, _, p, _ in dialog.model.rows)
    dialog.building.setCurrentIndex(dialog.building.findData("1"))
    out = tmp_path / "passes.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert dialog.save_passes() == out
    cards = desk.residents.pass_cards(building="1")
    assert len(cards) == 2
    png = rs.write_pass_sheet(cards, tmp_path / "passes.png", compound="榕城花园")
    assert sorted(decode(png)) == sorted(c.payload for c in cards)


def test_a_resident_added_and_edited_by_hand(app, desk, as_admin, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from gui.dialogs import residents_dialog as rd

    answers = iter([("roof", "王大明", ""), ("3-2-501", "王大明", "13800138000")])

    def fill_and_accept(form):
        try:
            room, name, phone = next(answers)
        except StopIteration:
            return QDialog.Rejected
        form.room.setText(room)
        form.name.setText(name)
        form.phone.setText(phone)
        fill_and_accept.errors.append(form.error.text())
        return QDialog.Accepted

    fill_and_accept.errors = []
    monkeypatch.setattr(rd.ResidentForm, "exec", fill_and_accept)
    dialog = rd.ResidentsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.edit(None)
    assert fill_and_accept.errors[1] and "3-2-501" in fill_and_accept.errors[1]  # the room was explained
    assert dialog.model.rowCount() == 1 and dialog.model.data(dialog.model.index(0, 0)) == "3-2-501"
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    dialog.moved_out()
    assert dialog.model.rowCount() == 0


def test_the_roster_goes_to_another_gate_from_the_dialog(app, desk, as_admin, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from gui.dialogs.residents_dialog import ResidentsDialog
    from models.app.desk import Desk
    from models.store.db import open_database
    from models.trust.first_run import SetupForm

    desk.residents.add_resident(room="1-1-101", name="王大明", phone="13800138000")
    east = ResidentsDialog(desk)
    qtbot.addWidget(east)
    qtbot.mouseClick(east.issue_button, Qt.LeftButton)
    path = tmp_path / "roster.gdroster"
    answers = iter(["secret passphrase", "secret passphrase", "secret passphrase"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(answers), True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    assert east.share_roster() == path
    west_db = open_database(tmp_path / "west" / "gatedesk.sqlite3")
    west = Desk(west_db)
    west.staff.complete_setup(SetupForm(compound_name="榕城花园", gate_name="西门", admin_name="甲", admin_pin="1234",
                                  admin_pin_again="1234"))
    with west.authorised(west.staff.operators()[0].id, "1234", Role.ADMIN):
        dialog = ResidentsDialog(west)
        qtbot.addWidget(dialog)
        dialog.take_roster()
        assert dialog.model.rowCount() == 1 and "3" in dialog.message.text()
        [card] = desk.residents.pass_cards()
        scan = west.residents.scan_pass(card.payload)  # the east gate's pass, at the west gate
        assert scan.household.label == "1-1-101"
        west_db.close()


def test_the_offices_home_monitoring_list_from_the_dialog(app, desk, as_admin, qtbot, tmp_path):
    from gui.dialogs.residents_dialog import ResidentsDialog

    desk.residents.add_resident(room="3-2-501", name="王大明", phone="")
    sheet = tmp_path / "office.csv"
    sheet.write_text("房号,姓名,类型,截止日期\n3-2-501,王大明,居家隔离,2099-12-05\n9-9-909,无此人,居家隔离,2099-12-05\n",
                     encoding="utf-8-sig")
    dialog = ResidentsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.import_monitoring(sheet)
    assert "1" in dialog.message.text() and "第 3 行" in dialog.message.text()
    assert dialog.model.data(dialog.model.index(0, 4)) == "居家隔离，至 2099-12-05"


def test_twenty_thousand_residents_import_in_the_background_with_progress(app, desk, as_admin, qtbot, tmp_path):
    """The window stays responsive: its event loop keeps turning while the rows go in, and shows
    the progress as it goes (how long it ever pauses is measured in bench/roster_bench.py --window)."""
    from PySide6.QtCore import QTimer

    from gui.dialogs.residents_dialog import ResidentsDialog

    rows = ["房号,姓名,手机"] + [f"{b}-{u}-{f:02d}{r:02d},住户{b}{u}{f}{r},"
                                 for b in range(1, 26) for u in range(1, 5) for f in range(1, 41) for r in range(1, 6)]
    sheet = tmp_path / "big.csv"
    sheet.write_text("\n".join(rows[:20001]) + "\n", encoding="utf-8")
    dialog = ResidentsDialog(desk)
    qtbot.addWidget(dialog)
    seen = []  # what the window showed, sampled by its own event loop while the import ran
    timer = QTimer()
    timer.timeout.connect(lambda: seen.append((bar.value(), bar.maximum())))
    timer.start(20)
    dialog.import_sheet(sheet)
    assert dialog.roster_op.running  # handed to a worker: the call returned at once
    bar = dialog.roster_op.dialog  # the progress dialog the user watches
    qtbot.waitUntil(lambda: not dialog.roster_op.running, timeout=120_000)
    timer.stop()
    midway = {value for value, most in seen if 0 < value < most}
    assert len(midway) >= 2  # the loop kept turning and the bar moved while the rows went in
    assert dialog.roster_op._progress == (40000, 40000)  # reading, then writing, reported to the end
    assert "20000" in dialog.message.text().replace(",", "")
    assert dialog.model.rowCount() == 20000


def test_a_spreadsheet_that_is_not_one_is_explained_in_the_dialog(app, desk, as_admin, qtbot, tmp_path):
    from gui.dialogs.residents_dialog import ResidentsDialog

    fake = tmp_path / "名单.xlsx"
    fake.write_bytes(b"<html>not a workbook</html>")
    dialog = ResidentsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.import_sheet(fake)
    qtbot.waitUntil(lambda: not dialog.roster_op.running, timeout=10_000)
    assert "名单.xlsx" in dialog.message.text() and "xlsx" in dialog.message.text()
    assert dialog.model.rowCount() == 0
