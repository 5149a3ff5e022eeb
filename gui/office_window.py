"""The community office's window: import, dashboard, gates' reporting, conflicts; reports and keys."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTabWidget, QToolBar

from gui.conflicts_panel import ConflictsPanel
from gui.dashboard_panel import DashboardPanel
from gui.dialogs.audit_dialog import open_audit
from gui.dialogs.campaign_dialog import open_campaign
from gui.gates_panel import GatesPanel
from gui.import_panel import ImportPanel
from gui.supervision_panel import SupervisionPanel
from gui.widgets import menu_button, place_main_window, reachable_by_tab
from models.app.actions import role_for
from models.app.desk import Desk
from models.store import files


class OfficeWindow(QMainWindow):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("GateDesk — {0}").format(desk.sync.office_name() or self.tr("Community office")))
        self.importer = ImportPanel(desk)
        self.dashboard = DashboardPanel(desk)
        self.gates = GatesPanel(desk)
        self.conflicts = ConflictsPanel(desk)
        self.supervision = SupervisionPanel(desk)
        from gui.staffing_panel import StaffingPanel

        self.staffing = StaffingPanel(desk)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("officeTabs")
        for i, (panel, title) in enumerate(((self.importer, self.tr("Import")), (self.dashboard, self.tr("Dashboard")),
                                            (self.gates, self.tr("Gates reporting")),
                                            (self.conflicts, self.tr("Conflicts")),
                                            (self.supervision, self.tr("Supervision")),
                                            (self.staffing, self.tr("Duty")))):
            self.tabs.addTab(panel, f"{i + 1} {title}")
        from gui.lock_page import StationLock

        # The office's computer holds every gate's records: it locks as a gate does.
        self.station_lock = StationLock(desk, self, self.tabs)
        self.setCentralWidget(self.station_lock.pages)
        bar = QToolBar(self.tr("Actions"))
        bar.setObjectName("actions")
        self.tabs.setCornerWidget(bar, Qt.TopRightCorner)
        self.report_action = QAction(self.tr("Daily report…"), self)
        self.report_action.triggered.connect(self.write_report)
        self.key_action = QAction(self.tr("Key file for gates…"), self)
        self.key_action.triggered.connect(self.write_key_file)
        self.forward_action = QAction(self.tr("Forward upward…"), self)
        self.forward_action.setToolTip(self.tr("Write the gates' records for the sub-district or district office"))
        self.forward_action.triggered.connect(self.open_forward)
        self.upper_key_action = QAction(self.tr("Key file of the office above…"), self)
        self.upper_key_action.triggered.connect(self.load_upper_key)
        self.posters_action = QAction(self.tr("Posters…"), self)
        self.posters_action.triggered.connect(self.open_posters)
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.audit_action = QAction(self.tr("Audit log…"), self)
        self.audit_action.triggered.connect(lambda: open_audit(self.desk, self))
        self.units_action = QAction(self.tr("Organisation units…"), self)
        self.units_action.triggered.connect(self.open_units)
        self.census_action = QAction(self.tr("Census of the compounds…"), self)
        self.census_action.triggered.connect(self.open_census)
        self.campaign_action = QAction(self.tr("End of the campaign…"), self)
        self.campaign_action.triggered.connect(self.end_campaign)
        # The day's work on buttons; what an administrator does now and then under one menu, as at
        # a gate (six buttons pushed the tabs out of sight at 1280 px).
        bar.addAction(self.report_action)
        bar.addAction(self.forward_action)
        bar.addAction(self.posters_action)
        bar.addWidget(menu_button(self.tr("Admin"), [self.settings_action, self.key_action, self.upper_key_action,
                                                     self.units_action, self.census_action, None,
                                                     self.audit_action,
                                                     self.campaign_action], self))
        reachable_by_tab(bar)  # the office's work is done from the keyboard too

        self._stale = {self.dashboard, self.gates, self.conflicts, self.supervision, self.staffing}
        self.importer.imported.connect(self._data_changed)
        self.conflicts.conflicts_changed.connect(self._data_changed)
        self.dashboard.compound_opened.connect(self.open_drill_down)
        self.tabs.currentChanged.connect(self._tab_shown)
        from gui.housekeeping import keep_house

        self.housekeeping = keep_house(desk, self, self.statusBar().showMessage)
        place_main_window(self, "office_window/geometry")

    def ready_for_keys(self) -> None:
        """The keyboard goes to the open tab (Ctrl+1…4 and its own keys work at once)."""
        self.tabs.currentWidget().setFocus()

    def open_settings(self) -> None:
        """How long personal data is kept, the daily backup, the lock, the language."""
        from gui.dialogs.settings_dialog import SettingsDialog
        from gui.dialogs.sign_in_dialog import authority

        with authority(self.desk, self, "staff.update_settings", self.tr("An administrator's PIN is needed.")) as allowed:
            if allowed:
                SettingsDialog(self.desk, self).exec()

    def open_units(self) -> None:
        """Correct the units the gates named, and limit accounts to one (an administrator's)."""
        from gui.dialogs.sign_in_dialog import authority
        from gui.dialogs.units_dialog import UnitsDialog

        with authority(self.desk, self, "office.rename_unit", self.tr("An administrator's PIN is needed.")) as allowed:
            if allowed:
                UnitsDialog(self.desk, self).exec()
        self._data_changed()

    def open_census(self) -> None:
        """How each compound is run, its pledge and plan: what the teams' findings default to."""
        from gui.dialogs.census_dialog import CensusDialog

        CensusDialog(self.desk, self).exec()
        self._data_changed()

    def end_campaign(self) -> None:
        if open_campaign(self.desk, self):
            self._data_changed()

    def _data_changed(self) -> None:
        self._stale |= {self.dashboard, self.gates, self.conflicts, self.supervision, self.staffing}
        self._tab_shown(self.tabs.currentIndex())
        n = len(self.desk.sync.open_conflicts())
        self.tabs.setTabText(3, f"4 {self.tr('Conflicts')}" + (f" ({n})" if n else ""))

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self._stale:
            self._stale.discard(widget)
            widget.refresh()

    def open_posters(self) -> None:
        from gui.dialogs.poster_dialog import PosterDialog

        PosterDialog(self.desk, self).exec()

    def open_drill_down(self, compound_ids: list[str], day) -> None:
        from gui.dialogs.drill_dialog import DrillDialog

        DrillDialog(self.desk, compound_ids, day, self).exec()

    def write_report(self) -> None:
        from PySide6.QtCore import QStandardPaths

        day = self.dashboard.current_day()
        # Where the staff keep their files (the last folder used, else Documents), not the program's folder.
        folder = QSettings().value("office/report_folder") or \
            QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        suggested = Path(folder) / (self.tr("daily-report-{0}").format(day.isoformat()) + ".xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the daily report"), str(suggested), self.tr("Excel workbook (*.xlsx);;PDF (*.pdf)"))
        if not name:
            return
        path = Path(name)
        QSettings().setValue("office/report_folder", str(path.parent))
        if path.suffix.lower() not in (".xlsx", ".pdf"):
            path = path.with_suffix(".xlsx")
        try:
            self.desk.office.write_report(day, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Daily report"), self.tr("Could not write {0}: {1}").format(
                path, exc.strerror or exc))
            return
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 10_000)
        QMessageBox.information(self, self.tr("Daily report"), self.tr("The daily report for {0} is saved:\n{1}").format(
            day.isoformat(), path))

    def open_forward(self) -> None:
        from gui.dialogs.forward_dialog import ForwardDialog

        ForwardDialog(self.desk, self).exec()

    def load_upper_key(self) -> None:
        """The key file of the sub-district or district office: forwarded bundles are encrypted to it."""
        from gui.dialogs.key_file import load_key_file
        from gui.dialogs.sign_in_dialog import authority

        title = self.tr("Key file of the office above")
        with authority(self.desk, self, "sync.load_office_key", self.tr("An administrator's PIN is needed.")) as allowed:
            if not allowed:
                return
            key = load_key_file(self.desk, self, title, self.tr("The key file of the office above"),
                                self.tr("{0} is not the key file of another office."))
        if key is not None:
            QMessageBox.information(self, title, self.tr(
                "From now on forwarded bundles are encrypted for {0}. Check the key fingerprint with that office by "
                "phone: {1}").format(key.office, key.key_id))

    def write_key_file(self) -> None:
        if not (self.desk.operator and self.desk.operator.at_least(role_for("sync.office_key_file"))):
            QMessageBox.information(self, self.tr("Key file for gates"),
                                    self.tr("Only an administrator hands out the office's key file."))
            return
        key = self.desk.sync.office_key_file()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the key file for gates"), "office-key.json",
                                              self.tr("Office key (*.json)"))
        if not name:
            return
        try:
            files.write_text(Path(name), key.dumps())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Key file for gates"), str(exc.strerror or exc))
            return
        QMessageBox.information(self, self.tr("Key file for gates"), self.tr(
            "Saved. Load this file once at each gate (Admin ▸ Office key). From then on their bundles can only "
            "be opened here. Key fingerprint, to check by phone: {0}").format(key.key_id))

    def closeEvent(self, event) -> None:
        self.station_lock.stop()
        self.housekeeping.stop()
        QSettings().setValue("office_window/geometry", self.saveGeometry())
        super().closeEvent(event)
