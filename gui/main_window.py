"""The main window: one panel per area, wired together; nothing else."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QToolBar

from gui.gate_panel import GatePanel
from gui.log_panel import LogPanel
from gui.onsite_panel import OnSitePanel
from gui.status_bar import GateStatusBar
from models.desk import Desk
from models.operators import Role

AUTO_SIGNOUT_CHECK_MS = 60_000


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("GateDesk — {0}").format(desk.ctx.gate_name if desk.ctx else ""))
        self.gate = GatePanel(desk)
        self.onsite = OnSitePanel(desk)
        self.log = LogPanel(desk)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(self.gate, self.tr("Register  [Ctrl+1]"))
        self.tabs.addTab(self.onsite, self.tr("On site  [Ctrl+2]"))
        self.tabs.addTab(self.log, self.tr("Log  [Ctrl+3]"))
        self.setCentralWidget(self.tabs)
        self.status = GateStatusBar(desk)
        self.setStatusBar(self.status)
        self._build_actions()

        self.gate.visit_saved.connect(self._records_changed)
        self.onsite.signed_out.connect(self._records_changed)
        self.tabs.currentChanged.connect(self._tab_shown)
        # Lists load when their tab is shown: start-up and each save stay quick on a busy gate.
        self._stale = {self.onsite, self.log}

        self._auto = QTimer(self)
        self._auto.timeout.connect(self.run_auto_sign_out)
        self._auto.start(AUTO_SIGNOUT_CHECK_MS)
        self.run_auto_sign_out()
        self.status.refresh()
        self.resize(1280, 800)
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _build_actions(self) -> None:
        # In the tab bar's corner rather than a toolbar row: the form needs the height.
        bar = QToolBar(self.tr("Actions"))
        bar.setObjectName("actions")
        self.tabs.setCornerWidget(bar, Qt.TopRightCorner)
        for i in range(3):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            self.addAction(act)
        self.hand_over_action = QAction(self.tr("Hand over  [Ctrl+H]"), self)
        self.hand_over_action.setShortcut(QKeySequence("Ctrl+H"))
        self.hand_over_action.triggered.connect(self.hand_over)
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.operators_action = QAction(self.tr("Operators"), self)
        self.operators_action.triggered.connect(self.open_operators)
        for act in (self.hand_over_action, self.settings_action, self.operators_action):
            bar.addAction(act)

    def _records_changed(self, *_args) -> None:
        self.status.refresh()
        self._stale = {self.onsite, self.log}
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self._stale:
            self._stale.discard(widget)
            widget.refresh()
        elif widget is self.gate:
            self.gate.phone.setFocus()

    def run_auto_sign_out(self) -> None:
        if self.desk.auto_sign_out():
            self._records_changed()

    def hand_over(self) -> None:
        from gui.dialogs.sign_in_dialog import SignInDialog

        if SignInDialog(self.desk, self, hand_over=True).exec():
            self.status.refresh()
            self.gate.clear_form()

    def _admin(self) -> bool:
        if self.desk.operator and self.desk.operator.at_least(Role.ADMIN):
            return True
        from gui.dialogs.sign_in_dialog import ask_supervisor

        return ask_supervisor(self.desk, self, self.tr("Administrator"),
                              self.tr("An administrator's PIN is needed."), Role.ADMIN) is not None

    def open_settings(self) -> None:
        if not self._admin():
            return
        from gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk, self)
        if dialog.exec():
            self.gate.apply_settings()
            self._records_changed()
            if "language" in dialog.changed:
                QMessageBox.information(self, self.tr("Language"),
                                        self.tr("The new language is used from the next start of GateDesk."))

    def open_operators(self) -> None:
        if not self._admin():
            return
        from gui.dialogs.operators_dialog import OperatorsDialog

        OperatorsDialog(self.desk, self).exec()

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
