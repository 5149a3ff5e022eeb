"""The main window: one panel per area, wired together; nothing else."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QToolBar

from gui.duty_panel import DutyPanel
from gui.gate_panel import GatePanel
from gui.isolation_panel import IsolationPanel
from gui.log_panel import LogPanel
from gui.onsite_panel import OnSitePanel
from gui.parcels_panel import ParcelsPanel
from gui.status_bar import GateStatusBar
from gui.testing_panel import TestingPanel
from gui.widgets import menu_button, place_main_window
from models.app.desk import Desk

AUTO_SIGNOUT_CHECK_MS = 60_000


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("GateDesk — {0}").format(desk.ctx.gate_name if desk.ctx else ""))
        self.gate = GatePanel(desk)
        self.onsite = OnSitePanel(desk)
        self.log = LogPanel(desk)
        self.isolation = IsolationPanel(desk)
        self.parcels = ParcelsPanel(desk)
        self.testing = TestingPanel(desk)
        self.duty = DutyPanel(desk)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        # Short tab titles so seven tabs and the actions fit a 1280-px screen; the shortcut is the
        # tab's number (Ctrl+1 … Ctrl+7), shown in its tooltip.
        for i, (panel, title) in enumerate(((self.gate, self.tr("Register")), (self.onsite, self.tr("On site")),
                                            (self.log, self.tr("Log")), (self.isolation, self.tr("Isolation")),
                                            (self.parcels, self.tr("Parcels")), (self.testing, self.tr("Testing")),
                                            (self.duty, self.tr("Duty")))):
            self.tabs.addTab(panel, f"{i + 1} {title}")
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        from gui.lock_page import StationLock

        # The station locks when left alone, and at each shift change.
        self.station_lock = StationLock(desk, self, self.tabs)
        self.station_lock.locked_changed.connect(self._locked_changed)
        self.lock_page = self.station_lock.page
        self.setCentralWidget(self.station_lock.pages)
        self.status = GateStatusBar(desk)
        self.setStatusBar(self.status)
        self._build_actions()

        self.gate.visit_saved.connect(self._records_changed)
        self.gate.passage_recorded.connect(self.status.refresh)
        self.gate.duty_checked.connect(self._duty_checked)
        self.duty.checked.connect(self._duty_checked)
        self.gate.case_opened.connect(self._case_opened)
        self.onsite.signed_out.connect(self._records_changed)
        self.isolation.cases_changed.connect(self.status.refresh)
        self.parcels.parcels_changed.connect(self.status.refresh)
        self.tabs.currentChanged.connect(self._tab_shown)
        # Lists load when their tab is shown: start-up and each save stay quick on a busy gate.
        self._stale = {self.onsite, self.log, self.isolation, self.parcels, self.testing}

        self._auto = QTimer(self)
        self._auto.timeout.connect(self.run_auto_sign_out)
        self._auto.start(AUTO_SIGNOUT_CHECK_MS)
        self.run_auto_sign_out()
        self.status.refresh()
        from gui.housekeeping import keep_house

        self.housekeeping = keep_house(desk, self, lambda text, ms: self.status.showMessage(text, ms))
        place_main_window(self, "main_window/geometry")

    def _build_actions(self) -> None:
        # In the tab bar's corner rather than a toolbar row: the form needs the height.
        bar = QToolBar(self.tr("Actions"))
        bar.setObjectName("actions")
        self.tabs.setCornerWidget(bar, Qt.TopRightCorner)
        for i in range(self.tabs.count()):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            self.addAction(act)
        # The key in the tooltip, not the label: seven tabs and the actions share a 1280-px row.
        self.hand_over_action = QAction(self.tr("Hand over"), self)
        self.hand_over_action.setToolTip(self.tr("Hand over to the next operator (Ctrl+H)"))
        self.hand_over_action.setShortcut(QKeySequence("Ctrl+H"))
        self.hand_over_action.triggered.connect(self.hand_over)
        self.readiness_action = QAction(self.tr("Check"), self)
        self.readiness_action.setToolTip(self.tr("The daily readiness check"))
        self.readiness_action.triggered.connect(self.open_readiness)
        self.round_action = QAction(self.tr("Disinfect"), self)
        self.round_action.triggered.connect(self.open_round)
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.operators_action = QAction(self.tr("Operators"), self)
        self.operators_action.triggered.connect(self.open_operators)
        self.export_action = QAction(self.tr("Export"), self)
        self.export_action.setToolTip(self.tr("Write the bundle for the community office (USB stick)"))
        self.export_action.triggered.connect(self.open_export)
        self.office_key_action = QAction(self.tr("Office key…"), self)
        self.office_key_action.triggered.connect(self.load_office_key)
        self.setup_sheet_action = QAction(self.tr("Set-up sheet for the office…"), self)
        self.setup_sheet_action.triggered.connect(self.open_setup_sheet)
        self.posters_action = QAction(self.tr("Posters…"), self)
        self.posters_action.triggered.connect(self.open_posters)
        self.residents_action = QAction(self.tr("Residents and passes…"), self)
        self.residents_action.triggered.connect(self.open_residents)
        self.audit_action = QAction(self.tr("Audit log…"), self)
        self.audit_action.triggered.connect(self.open_audit)
        self.campaign_action = QAction(self.tr("End of the campaign…"), self)
        self.campaign_action.triggered.connect(self.end_campaign)
        for act in (self.hand_over_action, self.readiness_action, self.round_action, self.export_action):
            bar.addAction(act)
        bar.addWidget(menu_button(self.tr("Admin"), [
            self.settings_action, self.operators_action, self.office_key_action, self.setup_sheet_action, None,
            self.posters_action, self.residents_action, None, self.audit_action, self.campaign_action], self))

    @property
    def locked(self) -> bool:
        return self.station_lock.locked

    def check_lock(self) -> None:
        self.station_lock.check()

    def lock(self, reason: str) -> None:
        self.station_lock.lock(reason)

    def _locked_changed(self, locked: bool) -> None:
        self.status.setVisible(not locked)
        if locked:
            self.duty.notice.clear()  # who last checked in or out is not the next person's business
            return
        self.status.refresh()
        # A half-typed form is the operator's: kept for whoever locked it (after a quiet spell, or at a
        # shift change when the same guard signs back in), cleared when another takes over.
        if self.lock_page.reason == "shift" and (self.desk.operator is None or
                                                 self.desk.operator.id != self.lock_page.locked_operator):
            self.gate.clear_form()
        self._tab_shown(self.tabs.currentIndex())

    def _duty_checked(self) -> None:
        """At a gate the rota holds, a check-in or out may have changed who is on duty, or left nobody."""
        self.station_lock.follow()
        if not self.locked:
            self.status.refresh_operator()

    def _records_changed(self, *_args) -> None:
        self.status.refresh()
        self._stale |= {self.onsite, self.log}
        self._tab_shown(self.tabs.currentIndex())

    def _case_opened(self, case_id: str) -> None:
        self._stale.add(self.isolation)
        self.tabs.setCurrentWidget(self.isolation)
        self.isolation.select_case(case_id)
        self.status.refresh()

    def ready_for_keys(self) -> None:
        """The keyboard goes to the open tab's first field (the registration form's phone)."""
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self._stale:
            self._stale.discard(widget)
            widget.refresh()
        elif widget is self.gate:
            self.gate.phone.setFocus()

    def run_auto_sign_out(self) -> None:
        """Every minute: the automatic sign-out when due, and today's counts (a new day starts at 0)."""
        signed_out = self.desk.gate.auto_sign_out()
        if self.desk.locked or self.desk.operator is None:
            # Nothing shows behind the lock, or with no one on duty: the lists are read when it opens.
            self._stale |= {self.onsite, self.log}
            return
        if signed_out:
            self._records_changed()
        else:
            self.status.refresh()

    def hand_over(self) -> None:
        from gui.dialogs.sign_in_dialog import SignInDialog

        if SignInDialog(self.desk, self, hand_over=True).exec():
            self.status.refresh()
            self.gate.clear_form()

    def open_readiness(self) -> None:
        from gui.dialogs.readiness_dialog import ReadinessDialog

        ReadinessDialog(self.desk, self).exec()

    def open_round(self) -> None:
        from gui.dialogs.round_dialog import RoundDialog

        RoundDialog(self.desk, self).exec()

    def _admin(self, action: str):
        from gui.dialogs.sign_in_dialog import authority

        return authority(self.desk, self, action, self.tr("An administrator's PIN is needed."))

    def open_settings(self) -> None:
        from gui.dialogs.settings_dialog import SettingsDialog

        with self._admin("staff.update_settings") as allowed:
            if not allowed:
                return
            dialog = SettingsDialog(self.desk, self)
            accepted = dialog.exec()
        if accepted:
            self.gate.apply_settings()
            self._records_changed()
            if "language" in dialog.changed:
                QMessageBox.information(self, self.tr("Language"),
                                        self.tr("The new language is used from the next start of GateDesk."))

    def open_operators(self) -> None:
        from gui.dialogs.operators_dialog import OperatorsDialog

        with self._admin("staff.add_operator") as allowed:
            if allowed:
                OperatorsDialog(self.desk, self).exec()

    def open_posters(self) -> None:
        from gui.dialogs.poster_dialog import PosterDialog

        with self._admin("posters.save_venue_code") as allowed:  # it changes what every printed poster says
            if allowed:
                PosterDialog(self.desk, self).exec()

    def open_setup_sheet(self) -> None:
        from gui.dialogs.setup_sheet_dialog import SetupSheetDialog

        SetupSheetDialog(self.desk, self).exec()  # no personal data: any operator may print it

    def open_residents(self) -> None:
        from gui.dialogs.residents_dialog import ResidentsDialog

        with self._admin("residents.residents_overview") as allowed:
            if allowed:
                ResidentsDialog(self.desk, self).exec()

    def open_export(self) -> None:
        from gui.dialogs.export_dialog import ExportDialog

        ExportDialog(self.desk, self).exec()
        self.status.refresh_export()

    def open_audit(self) -> None:
        from gui.dialogs.audit_dialog import open_audit

        open_audit(self.desk, self)

    def end_campaign(self) -> None:
        from gui.dialogs.campaign_dialog import open_campaign

        if open_campaign(self.desk, self):
            self._records_changed()

    def load_office_key(self) -> None:
        from gui.dialogs.key_file import load_office_key

        load_office_key(self.desk, self)

    def closeEvent(self, event) -> None:
        self.station_lock.stop()
        self.housekeeping.stop()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
