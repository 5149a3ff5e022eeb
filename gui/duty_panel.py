"""Duty (值守): people sent down and volunteers check in and out at the gate PC with their card (scanned
like a resident's pass) or by name and PIN; today's rota with who came and who is missing, critical
posts first while short; who is at the post now; tomorrow's shifts that still lack people."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import texts
from gui.duty_models import HereTableModel, RotaTableModel
from gui.scanner import ScanCatcher
from gui.widgets import Notice, row_table
from models.app.desk import Desk
from models.staffing import CARD_PREFIX, DutyRefused


class DutyPanel(QWidget):
    checked = Signal()  # someone checked in or out: at a gate the rota holds, it may change hands

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.scanner = ScanCatcher(self, CARD_PREFIX, self.handle_scan)
        zone = desk.settings.zone
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.prompt = QLabel(self.tr("Scan a duty card to check in or out."))
        self.prompt.setObjectName("dutyPrompt")
        self.prompt.setWordWrap(True)
        head.addWidget(self.prompt, 1)
        self.by_name = QPushButton(self.tr("Check in by name… [F3]"))
        self.by_name.setObjectName("checkByName")
        self.by_name.setMinimumHeight(44)
        self.by_name.clicked.connect(self.check_by_name)
        head.addWidget(self.by_name)
        self.rota_button = QPushButton(self.tr("Rota… [F4]"))
        self.rota_button.setObjectName("openRota")
        self.rota_button.setMinimumHeight(44)
        self.rota_button.clicked.connect(self.open_rota)
        head.addWidget(self.rota_button)
        outer.addLayout(head)
        self.notice = Notice()
        outer.addWidget(self.notice)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.today_title = QLabel(self.tr("Today's rota"))
        self.today_title.setObjectName("sectionTitle")
        left.addWidget(self.today_title)
        self.rota = RotaTableModel(zone, desk.settings.duty_late_minutes, self)
        self.rota_table = row_table(self.rota, "todayRota", single=True)
        left.addWidget(self.rota_table, 1)
        self.risk_title = QLabel()
        self.risk_title.setObjectName("sectionTitle")
        left.addWidget(self.risk_title)
        self.risk = RotaTableModel(zone, desk.settings.duty_late_minutes, self)
        self.risk_table = row_table(self.risk, "atRisk", single=True)
        self.risk_table.setMaximumHeight(170)
        for col in (RotaTableModel.COL_HERE, RotaTableModel.COL_MISSING):  # nobody is due yet tomorrow
            self.risk_table.setColumnHidden(col, True)
        left.addWidget(self.risk_table)
        body.addLayout(left, 3)
        right = QVBoxLayout()
        self.here_title = QLabel(self.tr("At the post now"))
        self.here_title.setObjectName("sectionTitle")
        right.addWidget(self.here_title)
        self.here = HereTableModel(zone, self)
        self.here_table = row_table(self.here, "hereNow", single=True)
        right.addWidget(self.here_table, 1)
        self.review_button = QPushButton()
        self.review_button.setObjectName("reviewCheckins")
        self.review_button.clicked.connect(self.open_review)
        right.addWidget(self.review_button)
        body.addLayout(right, 2)
        outer.addLayout(body, 1)
        # Who is late or absent changes with the clock: the lists are read again each minute while shown.
        self.ticker = QTimer(self)
        self.ticker.setInterval(60_000)
        self.ticker.timeout.connect(self.refresh)
        for key, slot in (("F3", self.check_by_name), ("F4", self.open_rota)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    # -- showing ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.scanner.activate()
        self.refresh()
        self.ticker.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.scanner.deactivate()
        self.ticker.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        now = self.desk.clock()
        self.rota.now = now
        self.rota.set_rows(self.desk.staffing.day_rota())
        risky = self.desk.staffing.at_risk()
        self.risk.set_rows(risky)
        self.risk_title.setText(self.tr("Tomorrow, short of people: {0}").format(len(risky)) if risky
                                else self.tr("Tomorrow: every shift has its people."))
        self.here.set_rows(self.desk.staffing.here_now())
        waiting = len(self.desk.staffing.to_review())
        self.review_button.setText(self.tr("Check-ins to review: {0}").format(waiting))
        self.review_button.setEnabled(bool(waiting))

    # -- checking in and out --------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        self._check(self.desk.staffing.check_card, text)

    def _check(self, fn, *args, **kw) -> None:
        try:
            done = fn(*args, **kw)
        except DutyRefused as refused:
            if refused.code == "not_on_rota":
                self._walk_in(fn, args, kw, refused)
                return
            self.notice.problem(texts.message(refused.message))
            return
        self._said(done)

    def _walk_in(self, fn, args, kw, refused) -> None:
        """Not on a shift now: a shift that needs people may take them, if the guard chooses one."""
        from gui.dialogs.duty_dialogs import choose_shift

        short = self.desk.staffing.with_room_now()
        shift_id = choose_shift(self, texts.message(refused.message), short, self.desk.settings.zone) if short else None
        if shift_id is None:
            self.notice.problem(texts.message(refused.message))
            return
        ok, done = self.notice.attempt(fn, *args, shift_id=shift_id, **kw)
        if ok:
            self._said(done)

    def _said(self, done) -> None:
        self.notice.done(" · ".join(texts.duty_checked(done, self.desk.settings.zone)))
        self.checked.emit()
        if not self.desk.locked:
            self.refresh()

    def check_by_name(self) -> None:
        from gui.dialogs.duty_dialogs import PinCheckDialog

        people = self.desk.staffing.people()
        if not people:
            self.notice.problem(self.tr("Nobody is on the rota yet: a supervisor adds people under Rota… (F4)."))
            return
        dialog = PinCheckDialog(people, self)
        if dialog.exec():
            self._check(self.desk.staffing.check_pin, dialog.person_id(), dialog.pin.text())

    def open_rota(self) -> None:
        """The rota is a supervisor's: their PIN holds while the dialog is open."""
        from gui.dialogs.duty_dialogs import RotaDialog
        from gui.dialogs.sign_in_dialog import authority

        with authority(self.desk, self, "staffing.add_person",
                       self.tr("A supervisor keeps the rota: people, posts and shifts.")) as ok:
            if ok:
                RotaDialog(self.desk, self).exec()
        self.refresh()

    def open_review(self) -> None:
        from gui.dialogs.duty_dialogs import ReviewDialog
        from gui.dialogs.sign_in_dialog import authority

        with authority(self.desk, self, "staffing.review",
                       self.tr("A supervisor reviews check-ins that were closed on their own.")) as ok:
            if ok:
                ReviewDialog(self.desk, self).exec()
        self.refresh()
