"""A supervision team's laptop driven as a team member would: set up as a team in the first-run window,
the office's list of compounds loaded, a visit answered from the keyboard and signed off, its findings
listed, a follow-up that closes one, and the district's standard loaded from its sheet."""
from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from gui.dialogs.new_visit_dialog import NewVisitDialog
from gui.dialogs.sheet_preview_dialog import SheetPreviewDialog
from gui.dialogs.sign_off_dialog import SignOffDialog
from models.supervision import FindingStatus, StandardKind
from tests.conftest import NOW
from tests.gui.conftest import type_text

COMPOUNDS = [(str(uuid.UUID(int=i + 1)), name, community) for i, (name, community) in enumerate(
    [("榕城花园", "温泉社区"), ("三坊小区", "东街社区"), ("金山小区", "东街社区")])]


@pytest.fixture
def team(blank_desk):
    blank_desk.clock = lambda: NOW
    blank_desk.sync.complete_inspection_setup(team_name="督导一组", admin_name="王科长", pin="1357",
                                              pin_again="1357", district="仓山区")
    return blank_desk


@pytest.fixture
def compound_list(tmp_path):
    path = tmp_path / "督导小区清单.csv"
    rows = ["编号,小区,社区,街道,区,类型,物业公司"] + [f"{cid},{name},{community},东街街道,鼓楼区,有物业,榕城物业"
                                                    for cid, name, community in COMPOUNDS]
    path.write_text("\n".join(rows + ["不是编号,坏行,,,,,"]) + "\n", encoding="utf-8-sig")
    return path


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def modal(monkeypatch, cls, drive):
    """The dialog opens as it would and `drive` works its widgets; exec returns what it left."""
    def run(self):
        self.show()
        drive(self)
        self.hide()
        if self.parent() is not None:  # the window system gives the window the keyboard back
            self.parent().window().activateWindow()
        return self.result()
    monkeypatch.setattr(cls, "exec", run)


@pytest.fixture
def window(app, team, qtbot, monkeypatch, compound_list):
    from gui.inspection_window import InspectionWindow

    w = InspectionWindow(team)
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    qtbot.waitExposed(w)
    w.ready_for_keys()
    choose_file(monkeypatch, compound_list)
    seen = []
    modal(monkeypatch, SheetPreviewDialog, lambda d: (seen.append(d.findChild(object, "leftOut").count()),
                                                     d.accept()))
    w.list_action.trigger()
    assert seen == [1]  # the bad row named before anything was loaded
    return w


def test_first_run_sets_up_a_team_station(app, blank_desk, qtbot):
    from gui.dialogs.setup_dialog import SetupDialog

    blank_desk.clock = lambda: NOW
    dialog = SetupDialog(blank_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.as_team, Qt.Key_Space)  # tabbed to, and taken with the space bar
    assert dialog.as_team.isChecked()
    assert not dialog.inputs["gate_name"].isVisible()  # a team has no gate
    assert dialog.compound_label.text() == "督导组名称 *"
    for key, text in (("compound_name", "督导一组"), ("district", "鼓楼区"), ("subdistrict", "东街街道"),
                      ("admin_name", "王科长"), ("admin_pin", "1357"), ("admin_pin_again", "1357")):
        type_text(qtbot, dialog.inputs[key], text)
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    assert blank_desk.is_inspection and not blank_desk.is_office
    assert {v.standard.kind for v in blank_desk.supervision.standards()} == {StandardKind.INSPECTION,
                                                                            StandardKind.MYSTERY}
    assert blank_desk.operator.name == "王科长"


def test_a_visit_answered_from_the_keyboard_and_signed_off(window, team, qtbot, monkeypatch):
    assert len(team.supervision.listed_compounds()) == 3

    def start(d):
        d.compound.setFocus()
        type_text(qtbot, d.compound.lineEdit(), "三坊")
        d.compound.setCurrentIndex(d.compound.findText("三坊小区 （东街社区）"))
        qtbot.keyClick(d.unannounced, Qt.Key_Space)
        type_text(qtbot, d.team, "王科长 李干部")
        qtbot.keyClick(d.team, Qt.Key_Return)
        assert d.result() == QDialog.Accepted, d.notice.text()
    modal(monkeypatch, NewVisitDialog, start)
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    form = window.visits.form
    assert form.visit is not None and form.visit.compound_name == "三坊小区" and not form.visit.announced
    assert window.visits.visits.data(window.visits.visits.index(0, 2)) == "暗访"
    table = form.table
    assert table.hasFocus()
    items = form.items.rows
    for item in items:  # item 5 fails, item 9 does not apply, the rest pass: one key each
        qtbot.keyClick(table, {"5": Qt.Key_2, "9": Qt.Key_3}.get(item.code, Qt.Key_1))
    assert form.items.answers[items[4].id] == "fail"
    assert "分" in form.summary.text()

    def sign(d):
        assert "1 项不合格" in d.findChild(object, "signOffResult").text()
        assert d.party_name.text() == "榕城物业"  # as the office's list says
        type_text(qtbot, d.met, "物业经理")
        d.accept()
    modal(monkeypatch, SignOffDialog, sign)
    qtbot.keyClick(table, Qt.Key_Return, Qt.ControlModifier)
    assert form.visit.signed_at is not None
    assert not form.buttons["1"].isEnabled()  # signed off: read only
    assert "1" in form.notice.text()
    window.tabs.setCurrentWidget(window.findings)
    assert window.findings.model.rowCount() == 1
    assert window.findings.model.rows[0].code == "5"

    # A follow-up from the finding: it is put right with one key.
    def follow(d):
        assert d.follow_up.isChecked()
        d.accept()
    modal(monkeypatch, NewVisitDialog, follow)
    qtbot.keyClick(window.findings.table, Qt.Key_F, Qt.ControlModifier)
    assert window.tabs.currentWidget() is window.visits
    assert form.follow_up and form.carried.rowCount() == 1
    qtbot.keyClick(form.table, Qt.Key_1)
    assert form.carried.data(form.carried.index(0, 4)) == "已整改"
    modal(monkeypatch, SignOffDialog, lambda d: d.accept())
    form.sign_button.click()
    assert team.supervision.open_findings() == []
    [finding] = team.supervision.carried(form.visit.id)
    assert finding.status == FindingStatus.CLOSED


def test_a_visit_to_a_compound_not_chosen_from_the_list_is_not_started(window, team, qtbot, monkeypatch):
    def start(d):
        type_text(qtbot, d.compound.lineEdit(), "不存在的小区")
        d.accept()
        assert "从列表中选择" in d.notice.text()
        d.reject()
    modal(monkeypatch, NewVisitDialog, start)
    window.new_visit_action.trigger()
    assert team.supervision.visits() == []


def test_a_photo_that_is_not_a_picture_is_said_and_not_kept(window, team, qtbot, monkeypatch, tmp_path):
    modal(monkeypatch, NewVisitDialog, lambda d: (d.compound.setCurrentIndex(0), d.accept()))
    window.new_visit_action.trigger()
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"not a picture at all")
    choose_file(monkeypatch, bad)
    qtbot.keyClick(window.visits.form.table, Qt.Key_P, Qt.ControlModifier)
    assert window.visits.form.notice.tone() == "problem"
    assert team.supervision.photos(window.visits.form.visit.id) == []


def test_the_districts_standard_loaded_from_its_sheet(window, team, qtbot, monkeypatch, tmp_path):
    sheet = tmp_path / "标准.csv"
    sheet.write_text("标准名称,合格分\n鼓楼区小区防控标准,80\n部分,编号,检查内容,分值,否决项,严重程度\n"
                     "门岗,1,专人值守,50,否,一般\n,2,测温,50,是,严重\n,3,,10,,\n", encoding="utf-8")
    choose_file(monkeypatch, sheet)
    seen = []
    modal(monkeypatch, SheetPreviewDialog, lambda d: (seen.append(d.findChild(object, "sheetSummary").text()),
                                                     d.accept()))
    window.standard_action.trigger()
    assert "2" in seen[0] and "鼓楼区小区防控标准" in seen[0]
    assert window.tabs.currentWidget() is window.standards
    names = [window.standards.standards.data(window.standards.standards.index(r, 0))
             for r in range(window.standards.standards.rowCount())]
    assert "鼓楼区小区防控标准" in names


def test_a_sheet_that_is_no_sheet_is_said_in_words(window, team, qtbot, monkeypatch, tmp_path):
    junk = tmp_path / "标准.xlsx"
    junk.write_bytes(b"\x00\x01 not a workbook")
    choose_file(monkeypatch, junk)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: said.append(text)))
    before = len(team.supervision.standards())
    window.standard_action.trigger()
    assert said and "标准.xlsx" in said[0]
    assert len(team.supervision.standards()) == before


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_dialogs_close_with_esc_and_fit_the_screen(window, qtbot, size):
    """New visit and sign-off, opened for real, close on Esc; nothing is started or signed."""
    window.resize(*size)
    dialog = NewVisitDialog(window.desk, window)
    dialog.show()
    assert dialog.sizeHint().height() <= size[1] - 60 and dialog.sizeHint().width() <= size[0]
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert dialog.result() == QDialog.Rejected and not dialog.isVisible()
    dialog = NewVisitDialog(window.desk, window)
    dialog.compound.setCurrentIndex(0)
    dialog.accept()
    sign = SignOffDialog(window.desk, dialog.visit.id, window)
    sign.show()
    assert sign.sizeHint().height() <= size[1] - 60
    qtbot.keyClick(sign, Qt.Key_Escape)
    assert not sign.isVisible()
    assert window.desk.supervision.visit_view(dialog.visit.id).visit.signed_at is None
    sign = SignOffDialog(window.desk, dialog.visit.id, window)
    sign.show()
    sign.close()  # the window's ×
    assert sign.result() == QDialog.Rejected


def test_the_keyboard_comes_back_to_the_window_when_a_dialog_closes(window, qtbot):
    """Without a window manager (a kiosk PC) nothing gave the window the keyboard back: after the
    first note or dialog, Ctrl+N and the answer keys went nowhere."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = NewVisitDialog(window.desk, window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.tabs.setCurrentWidget(window.findings)
    window.tabs.setCurrentWidget(window.visits)
    assert window.visits.form.table.hasFocus()  # the answer keys reach the visit


def test_a_photo_is_added_on_its_item_and_looked_at(window, team, qtbot, monkeypatch, tmp_path):
    from PIL import Image

    from gui.dialogs.photos_dialog import PhotosDialog

    modal(monkeypatch, NewVisitDialog, lambda d: (d.compound.setCurrentIndex(0), d.accept()))
    window.new_visit_action.trigger()
    form = window.visits.form
    picture = tmp_path / "门岗.jpg"
    Image.new("RGB", (3000, 2000), (200, 40, 40)).save(picture)
    choose_file(monkeypatch, picture)
    qtbot.keyClick(form.table, Qt.Key_P, Qt.ControlModifier)
    assert form.notice.tone() == "done" and "照片 1 张" in form.summary.text()
    seen = []
    modal(monkeypatch, PhotosDialog, lambda d: (seen.append([d.list.item(i).text() for i in range(d.list.count())]),
                                               qtbot.keyClick(d, Qt.Key_Escape)))
    qtbot.keyClick(form.table, Qt.Key_G, Qt.ControlModifier)
    assert seen == [[f"1 {form.items.rows[0].text}"]]  # shown with the item it was taken for
    [photo] = team.supervision.photos(form.visit.id)
    assert max(photo.width, photo.height) == 1600  # kept small
