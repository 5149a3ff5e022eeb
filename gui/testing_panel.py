"""A testing round (全员核酸) at the compound: the round's progress shown large, calling a building
down in batches, checking residents off at a sampling point by pass scan or by room and name, the
door-knocking and home-service lists, and closing the round."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.scanner import ScanCatcher
from gui.round_models import FIGURES, PERSON_ROLE, PeopleTableModel, ProgressTableModel
from gui.widgets import Notice, row_table
from models.app.desk import Desk
from models.residents import PASS_PREFIX, PassRefused
from models.rounds import CALL_BATCH, CALL_BATCH_MAX, HOME, REASON_LABELS, Reason

class TestingPanel(QWidget):
    __test__ = False  # a widget, not a test class
    round_changed = Signal()

    # What the list under the search shows.
    LISTS = ("found", "missing", "home", "called", "building")

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.round = None
        self.last_batch: list = []
        self.scanner = ScanCatcher(self, PASS_PREFIX, self.handle_scan)
        outer = QVBoxLayout(self)

        # No round open: one way on, not a dead end.
        self.empty = QWidget()
        box = QVBoxLayout(self.empty)
        self.empty_text = QLabel(self.tr("No testing round is open. An administrator opens one for the day: "
                                         "everyone on the roster, or some buildings."))
        self.empty_text.setObjectName("roundEmpty")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignCenter)
        self.open_button = QPushButton(self.tr("Open a testing round…"))
        self.open_button.setObjectName("openRound")
        self.open_button.setMinimumHeight(56)
        self.open_button.clicked.connect(self.open_round)
        self.care_button_empty = QPushButton(self.tr("Home-service ledger…"))
        self.care_button_empty.setObjectName("careLedgerEmpty")
        self.care_button_empty.setMinimumHeight(44)
        self.care_button_empty.clicked.connect(self.open_care)
        box.addStretch(1)
        box.addWidget(self.empty_text)
        box.addWidget(self.open_button, 0, Qt.AlignHCenter)
        box.addWidget(self.care_button_empty, 0, Qt.AlignHCenter)
        self.correct_button_empty = QPushButton(self.tr("Correct a closed round…"))
        self.correct_button_empty.setObjectName("correctRoundEmpty")
        self.correct_button_empty.clicked.connect(self.correct_closed)
        box.addWidget(self.correct_button_empty, 0, Qt.AlignHCenter)
        box.addStretch(2)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel("")
        self.title.setObjectName("roundTitle")
        self.point = QComboBox()
        self.point.setObjectName("roundPoint")
        self.point.setMinimumHeight(44)
        self.point.currentTextChanged.connect(lambda text: QSettings().setValue("testing/point", text))
        self.close_button = QPushButton(self.tr("Close the round…"))
        self.close_button.setObjectName("closeRound")
        self.close_button.clicked.connect(self.close_round)
        self.care_button = QPushButton(self.tr("Home-service ledger…"))
        self.care_button.setObjectName("careLedger")
        self.care_button.clicked.connect(self.open_care)
        head.addWidget(self.title, 1)
        head.addWidget(QLabel(self.tr("Sampling point")))
        head.addWidget(self.point)
        head.addWidget(self.care_button)
        head.addWidget(self.close_button)
        body.addLayout(head)

        # The round's progress, large: what building heads and the community ask for all day.
        figures = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        names = {"due": self.tr("Due"), "sampled": self.tr("Sampled"), "exempt": self.tr("Exempt"),
                 "missing": self.tr("Missing"), "at_home": self.tr("At home")}
        for i, key in enumerate(FIGURES):
            number = QLabel("0")
            number.setObjectName(f"figure_{key}")
            number.setProperty("figure", key)
            number.setAlignment(Qt.AlignCenter)
            caption = QLabel(names[key])
            caption.setAlignment(Qt.AlignCenter)
            figures.addWidget(number, 0, i)
            figures.addWidget(caption, 1, i)
            self.figures[key] = number
        body.addLayout(figures)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        self.progress_model = ProgressTableModel(self)
        self.buildings = row_table(self.progress_model, "roundBuildings", single=True, fit=False)
        self.buildings.setColumnWidth(0, 86)
        for column in range(1, 6):
            self.buildings.setColumnWidth(column, 58)
        self.buildings.clicked.connect(self._building_chosen)
        left.addWidget(self.buildings, 1)
        call = QHBoxLayout()
        self.batch = QSpinBox()
        self.batch.setObjectName("batchSize")
        self.batch.setRange(1, CALL_BATCH_MAX)
        self.batch.setValue(CALL_BATCH)
        self.call_button = QPushButton(self.tr("Call the next batch"))
        self.call_button.setObjectName("callBatch")
        self.call_button.setMinimumHeight(44)
        self.call_button.clicked.connect(self.call_batch)
        self.sheet_button = QPushButton(self.tr("Print call sheet…"))
        self.sheet_button.setObjectName("callSheet")
        self.sheet_button.clicked.connect(self.print_call_sheet)
        call.addWidget(self.batch)
        call.addWidget(self.call_button, 1)
        left.addLayout(call)
        left.addWidget(self.sheet_button)
        self.correct_button = QPushButton(self.tr("Correct a closed round…"))
        self.correct_button.setObjectName("correctRound")
        self.correct_button.clicked.connect(self.correct_closed)
        left.addWidget(self.correct_button)
        columns.addLayout(left, 4)

        right = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("roundSearch")
        self.search.setMinimumHeight(48)
        self.search.setPlaceholderText(self.tr("Scan a pass, or type a room (6-1-602) or a name, then Enter"))
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_entered)
        self.notice = Notice()
        self.showing = QComboBox()
        self.showing.setObjectName("roundList")
        for key, label in (("found", self.tr("Found")), ("missing", self.tr("Not yet sampled (door-knocking)")),
                           ("home", self.tr("Home-service list")), ("called", self.tr("Last batch called")),
                           ("building", self.tr("Everyone in the building"))):
            self.showing.addItem(label, key)
        self.showing.setCurrentIndex(self.LISTS.index("missing"))  # the door-knocking list until someone searches
        self.showing.currentIndexChanged.connect(lambda _i: self.refresh_list())
        self.count = QLabel("")
        self.count.setObjectName("listCount")
        choose = QHBoxLayout()
        choose.addWidget(self.showing, 1)
        choose.addWidget(self.count)
        self.people_model = PeopleTableModel(desk, self)
        # A building's list runs to hundreds of rows: columns sized once, not measured row by row at each refresh.
        self.people = row_table(self.people_model, "roundPeople", single=True, fit=False)
        # A household found by its room is numbered 1, 2, 3…: the guard presses the number of the
        # one who came down (the list keeps digits from starting its own search by typing).
        self.people.installEventFilter(self)
        self._enter_spent = False
        for column, width in ((PeopleTableModel.COL_ROOM, 96), (PeopleTableModel.COL_FLOOR, 52),
                              (PeopleTableModel.COL_NAME, 120), (PeopleTableModel.COL_STATUS, 230)):
            self.people.setColumnWidth(column, width)
        self.people.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.people.doubleClicked.connect(lambda _i: self.check_off())
        right.addWidget(self.search)
        right.addWidget(self.notice)
        right.addLayout(choose)
        right.addWidget(self.people, 1)

        acts = QHBoxLayout()
        self.sample_button = QPushButton(self.tr("Sampled here"))
        self.sample_button.setObjectName("sampleHere")
        self.sample_button.setMinimumHeight(44)
        self.sample_button.clicked.connect(self.check_off)
        self.reason = QComboBox()
        self.reason.setObjectName("roundReason")
        for r in Reason:
            self.reason.addItem(texts.lookup("Rounds", REASON_LABELS[r]), r.value)
        self.note = QLineEdit()
        self.note.setObjectName("roundNote")
        self.note.setPlaceholderText(self.tr("Where?"))  # short: the field is narrow at 1280 px
        self.reason_button = QPushButton(self.tr("Record reason"))
        self.reason_button.setObjectName("recordReason")
        self.reason_button.clicked.connect(self.record_reason)
        acts.addWidget(self.sample_button)
        acts.addWidget(self.reason)
        acts.addWidget(self.note, 1)
        acts.addWidget(self.reason_button)
        right.addLayout(acts)

        home = QHBoxLayout()
        self.home_button = QPushButton(self.tr("To the home-service list"))
        self.home_button.setObjectName("toHome")
        self.home_button.clicked.connect(self.to_home)
        self.sampler = QLineEdit(QSettings().value("testing/sampler", "") or "")
        self.sampler.setObjectName("sampler")
        self.sampler.setPlaceholderText(self.tr("Who samples at the door"))
        self.home_sample_button = QPushButton(self.tr("Sampled at home"))
        self.home_sample_button.setObjectName("sampledAtHome")
        self.home_sample_button.clicked.connect(self.sample_at_home)
        home.addWidget(self.home_button)
        home.addWidget(self.sampler, 1)
        home.addWidget(self.home_sample_button)
        right.addLayout(home)

        spot = QHBoxLayout()
        self.spot_room = QLineEdit()
        self.spot_room.setObjectName("spotRoom")
        self.spot_room.setPlaceholderText(self.tr("Room, e.g. 6-1-602"))
        self.spot_name = QLineEdit()
        self.spot_name.setObjectName("spotName")
        self.spot_name.setPlaceholderText(self.tr("Name"))
        self.spot_button = QPushButton(self.tr("Not on the roster: add and sample"))
        self.spot_button.setObjectName("addOnSpot")
        self.spot_button.clicked.connect(self.add_on_spot)
        spot.addWidget(self.spot_room)
        spot.addWidget(self.spot_name, 1)
        spot.addWidget(self.spot_button)
        right.addLayout(spot)
        columns.addLayout(right, 6)
        body.addLayout(columns, 1)

        outer.addWidget(self.empty)
        outer.addWidget(self.body)
        self.body.hide()

    # -- showing ---------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        self.scanner.activate()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self.scanner.deactivate()
        super().hideEvent(event)

    def refresh(self) -> None:
        self.round = self.desk.rounds.current_round()
        self.empty.setVisible(self.round is None)
        self.body.setVisible(self.round is not None)
        if self.round is None:
            return
        r = self.round
        self.title.setText(self.tr("{0} · {1}").format(r.title, r.day))
        if [self.point.itemText(i) for i in range(self.point.count())] != r.point_list:
            remembered = QSettings().value("testing/point", "")
            self.point.blockSignals(True)
            self.point.clear()
            self.point.addItems(r.point_list)
            self.point.blockSignals(False)
            if remembered in r.point_list:
                self.point.setCurrentText(remembered)
        self.refresh_figures()
        self.refresh_list()

    def refresh_figures(self) -> None:
        chosen = self.chosen_building()
        rows = self.desk.rounds.round_progress(self.round.id)
        self.progress_model.update_rows(rows, key=lambda p: p.building)  # repaints the buildings that changed
        whole = rows[-1]
        for key, label in self.figures.items():
            label.setText(str(getattr(whole, key)))
        at = next((i for i, p in enumerate(rows) if p.building == chosen), 0)
        self.buildings.selectRow(at)

    def chosen_building(self) -> str | None:
        index = self.buildings.currentIndex()
        return self.progress_model.data(index, PERSON_ROLE) or None if index.isValid() else None

    def _building_chosen(self, _index) -> None:
        if self.list_kind() == "found":
            self.showing.setCurrentIndex(self.LISTS.index("missing"))
        else:
            self.refresh_list()

    def list_kind(self) -> str:
        return self.showing.currentData()

    def refresh_list(self) -> None:
        if self.round is None:
            return
        kind, building, rid = self.list_kind(), self.chosen_building(), self.round.id
        if kind == "found":
            rows = self.desk.rounds.find_in_round(rid, self.search.text()) if self.search.text().strip() else []
        elif kind == "missing":
            rows = self.desk.rounds.not_sampled(rid, building)
        elif kind == "home":
            rows = self.desk.rounds.home_list(rid)
        elif kind == "called":
            rows = self.last_batch
        else:
            rows = self.desk.rounds.call_sheet(rid, building) if building else []
        keep = self.selected()
        self.people_model.update_rows(rows, key=lambda p: p.id, same=lambda a, b: a.rev == b.rev)
        self.count.setText(self.tr("{0} people").format(len(rows)))
        if rows:
            at = next((i for i, p in enumerate(rows) if keep is not None and p.id == keep.id), 0)
            self.people.selectRow(at)

    def selected(self):
        index = self.people.currentIndex()
        return self.people_model.data(index, PERSON_ROLE) if index.isValid() else None

    # -- acting ----------------------------------------------------------------------------------
    def _acted(self, fn, *args, done: str = "", **kw):
        """Run one service call; its refusal is shown on the notice line, never lost."""
        ok, result = self.notice.attempt(fn, *args, done=done, **kw)
        if not ok:
            self.refresh()  # a rule said no: the round may have changed (closed elsewhere)
            return None
        self.refresh_figures()
        self.refresh_list()
        self.round_changed.emit()
        return result

    def _checked_off(self, done) -> None:
        p = done.person
        label = f"{p.building}-{p.unit}-{p.room} {p.name}"
        if done.already:
            where = self.tr("at home") if p.point == HOME else p.point
            self.notice.problem(self.tr("Already sampled in this round: {0} ({1}, {2}). Not counted again.").format(
                label, texts.local_time(p.sampled_at, self.desk.settings.zone, "%H:%M"), where))
        else:
            self.notice.done(self.tr("Sampled: {0}").format(label))

    def handle_scan(self, payload: str) -> None:
        if self.round is None:
            return
        try:
            ok, done = self.notice.attempt(self.desk.rounds.scan_for_round, self.round.id, payload,
                                           self.point.currentText())
        except PassRefused as refusal:
            self.notice.problem(texts.message(refusal.message))
            return
        if not ok:
            return
        self._checked_off(done)
        self.search.clear()
        self.refresh_figures()
        self.refresh_list()
        self.round_changed.emit()
        self.search.setFocus()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.people and event.type() == QEvent.KeyPress and Qt.Key_1 <= event.key() <= Qt.Key_9 \
                and self.people.verticalHeader().isVisible():
            row = event.key() - Qt.Key_1
            if row < self.people_model.rowCount():
                self.people.selectRow(row)
                self.check_off()
            return True
        return super().eventFilter(watched, event)

    def _numbered(self, shown: bool) -> None:
        self.people.verticalHeader().setVisible(shown)

    def _search_changed(self, text: str) -> None:
        self._numbered(False)
        if text.strip() and self.list_kind() != "found":
            self.showing.blockSignals(True)
            self.showing.setCurrentIndex(self.LISTS.index("found"))
            self.showing.blockSignals(False)
        if self.list_kind() == "found":
            self.refresh_list()

    def _search_entered(self) -> None:
        """Enter on a room or name: the one found still to be sampled is checked off; several (a
        household) are numbered for the guard to choose with a number key, none chosen for them."""
        rows = self.people_model.rows
        if not rows:
            self.notice.problem(self.tr("Nobody in the round matches {0}.").format(self.search.text().strip()))
            return
        due = [i for i, p in enumerate(rows) if p.sampled_at is None]
        if len(rows) == 1 or len(due) == 1:
            self.people.selectRow(due[0] if due else 0)
            self.check_off()
            return
        # The line edit lets its Enter go on to this panel: it must not check off the first one listed.
        self._enter_spent = True
        QTimer.singleShot(0, lambda: setattr(self, "_enter_spent", False))
        self._numbered(True)
        self.people.selectRow(due[0] if due else 0)
        self.people.setFocus()
        self.notice.problem(self.tr("{0} people match: press 1-{0} for the one who came, or choose in the list and "
                                    "press Enter.").format(len(rows)))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.people.hasFocus():
            if self._enter_spent:
                self._enter_spent = False
                return
            self.check_off()
            return
        super().keyPressEvent(event)

    def _person(self):
        p = self.selected()
        if p is None:
            self.notice.problem(self.tr("Choose a person in the list first."))
        return p

    def check_off(self) -> None:
        p = self._person()
        if p is None:
            return
        done = self._acted(self.desk.rounds.check_off, p.id, self.point.currentText())
        if done is not None:
            self._checked_off(done)
            self.search.clear()
            self._numbered(False)
            self.search.setFocus()

    def record_reason(self) -> None:
        p = self._person()
        if p is not None and self._acted(self.desk.rounds.set_reason, p.id, self.reason.currentData(),
                                         self.note.text(), done=self.tr("Reason recorded: {0}").format(
                                             f"{p.building}-{p.unit}-{p.room} {p.name}")) is not None:
            self.note.clear()

    def to_home(self) -> None:
        p = self._person()
        if p is not None:
            self._acted(self.desk.rounds.to_home, p.id, True, done=self.tr(
                "On the home-service list: {0}").format(f"{p.building}-{p.unit}-{p.room} {p.name}"))

    def sample_at_home(self) -> None:
        p = self._person()
        if p is None:
            return
        done = self._acted(self.desk.rounds.sample_at_home, p.id, self.sampler.text())
        if done is not None:
            QSettings().setValue("testing/sampler", self.sampler.text().strip())
            self._checked_off(done)

    def add_on_spot(self) -> None:
        done = self._acted(self.desk.rounds.add_on_spot, self.round.id, room=self.spot_room.text(),
                           name=self.spot_name.text(), point=self.point.currentText())
        if done is not None:
            self._checked_off(done)
            self.notice.done(self.tr("Added and sampled: {0}. Tell the administrator to add them to the roster.")
                             .format(f"{done.person.building}-{done.person.unit}-{done.person.room} "
                                     f"{done.person.name}"))
            self.spot_room.clear()
            self.spot_name.clear()

    def call_batch(self) -> None:
        building = self.chosen_building()
        if not building:
            self.notice.problem(self.tr("Choose a building on the left first."))
            return
        called = self._acted(self.desk.rounds.call_batch, self.round.id, building, self.batch.value())
        if called is None:
            return
        self.last_batch = called
        if called:
            floors = sorted({p.floor for p in called if p.floor}, key=lambda f: int(f) if f.isdigit() else 0)
            self.notice.done(self.tr("Call down {0} people of building {1} (floors {2}).").format(
                len(called), building, "、".join(floors) or "-"))
        else:
            self.notice.done(self.tr("Everyone in building {0} has been called.").format(building))
        self.showing.setCurrentIndex(self.LISTS.index("called"))
        self.refresh_list()

    def print_call_sheet(self) -> None:
        building = self.chosen_building()
        if not building:
            self.notice.problem(self.tr("Choose a building on the left first."))
            return
        from gui.printing import print_pages

        pages = self.desk.rounds.call_sheet_pages(self.round.id, building)
        print_pages(self, pages, title=self.tr("Call sheet, building {0}").format(building))

    def open_round(self) -> None:
        from gui.dialogs.open_round_dialog import OpenRoundDialog
        from gui.dialogs.sign_in_dialog import authority

        with authority(self.desk, self, "rounds.open_round", self.tr("An administrator opens a testing round.")) as allowed:
            if allowed and OpenRoundDialog(self.desk, self).exec():
                self.refresh()
                self.round_changed.emit()
                self.search.setFocus()

    def correct_closed(self) -> None:
        from gui.dialogs.round_correction_dialog import RoundCorrectionDialog

        RoundCorrectionDialog(self.desk, self).exec()

    def open_care(self) -> None:
        from gui.dialogs.care_dialog import CareDialog

        CareDialog(self.desk, self).exec()

    def close_round(self) -> None:
        from gui.dialogs.sign_in_dialog import authority

        missing = int(self.figures["missing"].text())
        sure = QMessageBox.question(self, self.tr("Close the round"), self.tr(
            "Close {0}? {1} people are still missing. After closing, the round changes only through a "
            "correction with a reason.").format(self.round.title, missing))
        if sure != QMessageBox.Yes:
            return
        with authority(self.desk, self, "rounds.close_round", self.tr("A supervisor closes the round.")) as allowed:
            if allowed and self._acted(self.desk.rounds.close_round, self.round.id) is not None:
                self.refresh()
                self.round_changed.emit()
