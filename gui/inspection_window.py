"""A supervision team's window: its visits, the findings still open, the standards; the office's list
of compounds loaded and the day's bundle written from here. It locks as a gate's does."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QToolBar

from gui import texts
from gui.dialogs.audit_dialog import open_audit
from gui.dialogs.sheet_preview_dialog import SheetPreviewDialog, read_sheet
from gui.team_panels import FindingsPanel, StandardsPanel
from gui.visits_panel import VisitsPanel
from gui.widgets import menu_button, place_main_window
from models.app.desk import Desk
from models.store.db import NotSaved


class InspectionWindow(QMainWindow):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("GateDesk — {0}").format(desk.ctx.compound_name if desk.ctx else ""))
        self.visits = VisitsPanel(desk)
        self.findings = FindingsPanel(desk)
        self.standards = StandardsPanel(desk)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("teamTabs")
        for i, (panel, title) in enumerate(((self.visits, self.tr("Visits")), (self.findings, self.tr("Findings")),
                                            (self.standards, self.tr("Standards")))):
            self.tabs.addTab(panel, f"{i + 1} {title}")
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        from gui.lock_page import StationLock

        # Whom the team met and its findings are on this laptop: it locks when left alone.
        self.station_lock = StationLock(desk, self, self.tabs)
        self.station_lock.locked_changed.connect(lambda locked: locked or self._tab_shown(self.tabs.currentIndex()))
        self.setCentralWidget(self.station_lock.pages)
        self._build_actions()
        self.findings.follow_up.connect(self.follow_up)
        self.standards.load_requested.connect(self.load_standard)
        self.visits.form.changed.connect(lambda: self._stale.add(self.findings))
        self.tabs.currentChanged.connect(self._tab_shown)
        self._stale = {self.visits, self.findings, self.standards}
        from gui.housekeeping import keep_house

        self.housekeeping = keep_house(desk, self, self.statusBar().showMessage)
        place_main_window(self, "inspection_window/geometry")

    def _build_actions(self) -> None:
        bar = QToolBar(self.tr("Actions"))
        bar.setObjectName("actions")
        self.tabs.setCornerWidget(bar, Qt.TopRightCorner)
        for i in range(self.tabs.count()):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            self.addAction(act)
        self.new_visit_action = QAction(self.tr("New visit [Ctrl+N]"), self)
        self.new_visit_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_visit_action.triggered.connect(self.new_visit)
        self.export_action = QAction(self.tr("Export"), self)
        self.export_action.setToolTip(self.tr("Write the team's bundle for the office (USB stick)"))
        self.export_action.triggered.connect(self.open_export)
        self.list_action = QAction(self.tr("Office's list of compounds…"), self)
        self.list_action.triggered.connect(self.load_compound_list)
        self.standard_action = QAction(self.tr("Load the district's standard…"), self)
        self.standard_action.triggered.connect(self.load_standard)
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.operators_action = QAction(self.tr("Operators"), self)
        self.operators_action.triggered.connect(self.open_operators)
        self.office_key_action = QAction(self.tr("Office key…"), self)
        self.office_key_action.triggered.connect(self.load_office_key)
        self.setup_sheet_action = QAction(self.tr("Set-up sheet for the office…"), self)
        self.setup_sheet_action.triggered.connect(self.open_setup_sheet)
        self.audit_action = QAction(self.tr("Audit log…"), self)
        self.audit_action.triggered.connect(lambda: open_audit(self.desk, self))
        for act in (self.new_visit_action, self.export_action):
            bar.addAction(act)
            self.addAction(act)
        bar.addWidget(menu_button(self.tr("Admin"), [
            self.list_action, self.standard_action, None, self.settings_action, self.operators_action,
            self.office_key_action, self.setup_sheet_action, None, self.audit_action], self))

    def ready_for_keys(self) -> None:
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self._stale:
            self._stale.discard(widget)
            widget.refresh()
        else:
            widget.setFocus()

    def _admin(self, action: str):
        from gui.dialogs.sign_in_dialog import authority

        return authority(self.desk, self, action, self.tr("An administrator's PIN is needed."))

    def new_visit(self) -> None:
        self.tabs.setCurrentWidget(self.visits)
        self.visits.new_visit()
        self._stale.add(self.findings)

    def follow_up(self, compound_id: str) -> None:
        self.tabs.setCurrentWidget(self.visits)
        self.visits.new_visit(compound_id, follow_up=True)
        self._stale.add(self.findings)

    def load_compound_list(self) -> None:
        title = self.tr("Office's list of compounds")
        with self._admin("supervision.load_compound_list") as allowed:
            if not allowed:
                return
            read = read_sheet(self, title, self.desk.supervision.read_compound_list)
            if read is None:
                return
            path, listed = read
            summary = self.tr("{0}: {1} compounds this team may visit. It replaces the list loaded before.").format(
                path.name, len(listed.compounds))
            if SheetPreviewDialog(title, summary, listed.left_out, self).exec():
                try:
                    n = self.desk.supervision.load_compound_list(listed)
                except NotSaved as exc:
                    QMessageBox.warning(self, title, texts.message(exc.message))
                else:
                    self.statusBar().showMessage(self.tr("{0} compounds loaded.").format(n), 10_000)
        self.visits.refresh()

    def load_standard(self) -> None:
        title = self.tr("The district's standard")
        with self._admin("supervision.load_standard") as allowed:
            if not allowed:
                return
            read = read_sheet(self, title, self.desk.supervision.read_standard_sheet)
            if read is None:
                return
            path, sheet = read
            draft = sheet.draft
            summary = self.tr("{0}: “{1}”, {2} items{3}. It replaces the standard of that name; visits "
                              "already made keep theirs.").format(
                path.name, draft.name, len(draft.items),
                self.tr(", pass mark {0}").format(draft.pass_mark) if draft.pass_mark is not None else "")
            if not SheetPreviewDialog(title, summary, sheet.left_out, self).exec():
                return
            done, standard = self.standards.notice.attempt(self.desk.supervision.load_standard, draft,
                                                           source=path.name[:100])
        if done:
            self.standards.notice.done(self.tr("Loaded: {0} version {1}.").format(standard.name, standard.version))
        self.tabs.setCurrentWidget(self.standards)
        self.standards.refresh()

    def open_setup_sheet(self) -> None:
        """The team's key fingerprint, by which the office enrolls it."""
        from gui.dialogs.setup_sheet_dialog import SetupSheetDialog

        SetupSheetDialog(self.desk, self).exec()

    def open_export(self) -> None:
        from gui.dialogs.export_dialog import ExportDialog

        ExportDialog(self.desk, self).exec()

    def open_settings(self) -> None:
        from gui.dialogs.settings_dialog import SettingsDialog

        with self._admin("staff.update_settings") as allowed:
            if allowed:
                SettingsDialog(self.desk, self).exec()

    def open_operators(self) -> None:
        from gui.dialogs.operators_dialog import OperatorsDialog

        with self._admin("staff.add_operator") as allowed:
            if allowed:
                OperatorsDialog(self.desk, self).exec()

    def load_office_key(self) -> None:
        from gui.dialogs.key_file import load_office_key

        load_office_key(self.desk, self)

    def closeEvent(self, event) -> None:
        self.station_lock.stop()
        self.housekeeping.stop()
        QSettings().setValue("inspection_window/geometry", self.saveGeometry())
        super().closeEvent(event)
