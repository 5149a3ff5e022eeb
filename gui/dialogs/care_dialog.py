"""The home-service ledger (上门服务台账): today's list for volunteers, the register of residents who
need help, and the services done this week."""
from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.list_table_model import ListTableModel
from gui.widgets import Notice, row_table
from models.app.desk import Desk
from models.care import MAX_EVERY, NEED_LABELS, SERVICE_LABELS, NeedKind, ServiceKind

ROW_ROLE = Qt.UserRole + 1


def _need_label(kind: str) -> str:
    return texts.lookup("Care", NEED_LABELS[NeedKind(kind)])


def _service_label(kind: str) -> str:
    return texts.lookup("Care", SERVICE_LABELS[ServiceKind(kind)])


class DueTableModel(ListTableModel):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.headers = [self.tr("Room"), self.tr("Name"), self.tr("Why"), self.tr("Service due"), self.tr("Last done")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        if role == ROW_ROLE:
            return d
        if role != Qt.DisplayRole:
            return None
        what = _service_label(d.service.kind) + (f"：{d.service.note}" if d.service.note else "") if d.service \
            else self.tr("Visit (every {0} days)").format(d.need.every_days)
        last = texts.local_time(d.last_done, self.desk.settings.zone) if d.last_done else "—"
        return [d.need.place, d.need.name, _need_label(d.need.kind), what, last][index.column()]


class NeedsTableModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Room"), self.tr("Name"), self.tr("Why"), self.tr("Visit every"), self.tr("Since"),
                        self.tr("Note")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        n = self.rows[index.row()]
        if role == ROW_ROLE:
            return n
        if role != Qt.DisplayRole:
            return None
        every = self.tr("{0} days").format(n.every_days) if n.every_days else "—"
        return [n.place, n.name, _need_label(n.kind), every, n.since, n.note][index.column()]


class DoneTableModel(ListTableModel):
    def __init__(self, desk: Desk, places: dict, parent=None):
        super().__init__(parent)
        self.desk, self.places = desk, places
        self.headers = [self.tr("When"), self.tr("Room"), self.tr("Service"), self.tr("Volunteer"), self.tr("Note")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        s = self.rows[index.row()]
        return [texts.local_time(s.done_at, self.desk.settings.zone), self.places.get(s.need_id, ""),
                _service_label(s.kind), s.volunteer or "", s.note][index.column()]


class CareDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Home-service ledger"))
        self.resize(1100, 680)
        box = QVBoxLayout(self)
        self.tabs = QTabWidget()
        box.addWidget(self.tabs, 1)
        self.notice = Notice()
        box.addWidget(self.notice)

        # Today's list: record what was done, plan what comes next.
        today = QWidget()
        t = QVBoxLayout(today)
        self.due_model = DueTableModel(desk, self)
        self.due = row_table(self.due_model, "dueTable", single=True)
        self.due.clicked.connect(lambda _i: self._items_for_selected())
        t.addWidget(self.due, 1)
        done = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("serviceKind")
        for k in (ServiceKind.VISIT, ServiceKind.NECESSITIES, ServiceKind.MEDICINE, ServiceKind.SAMPLING):
            self.kind.addItem(_service_label(k), k.value)  # a visit first: what most of the day's list is
        self.volunteer = QLineEdit(QSettings().value("care/volunteer", "") or "")
        self.volunteer.setObjectName("volunteer")
        self.volunteer.setPlaceholderText(self.tr("Volunteer"))
        self.note = QLineEdit()
        self.note.setObjectName("serviceNote")
        self.note.setPlaceholderText(self.tr("What (rice, oil, medicine…)"))
        self.item = QComboBox()
        self.item.setObjectName("dropOffItem")
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("serviceDone")
        self.done_button.setMinimumHeight(44)
        self.done_button.clicked.connect(self.record_done)
        for w, stretch in ((self.kind, 0), (self.volunteer, 1), (self.note, 2), (self.item, 1), (self.done_button, 0)):
            done.addWidget(w, stretch)
        t.addLayout(done)
        later = QHBoxLayout()
        self.plan_day = QDateEdit()
        self.plan_day.setObjectName("planDay")
        self.plan_day.setCalendarPopup(True)
        self.plan_day.setDisplayFormat("yyyy-MM-dd")
        self.plan_day.setDate(QDate(desk.today()).addDays(1))
        self.plan_button = QPushButton(self.tr("Plan for that day"))
        self.plan_button.setObjectName("planService")
        self.plan_button.clicked.connect(self.plan)
        self.print_button = QPushButton(self.tr("Print today's list…"))
        self.print_button.setObjectName("printDaily")
        self.print_button.clicked.connect(self.print_list)
        later.addWidget(self.plan_day)
        later.addWidget(self.plan_button)
        later.addStretch(1)
        later.addWidget(self.print_button)
        t.addLayout(later)
        self.tabs.addTab(today, self.tr("Due today"))

        # The register: a supervisor's.
        register = QWidget()
        r = QVBoxLayout(register)
        self.needs_model = NeedsTableModel(self)
        self.needs = row_table(self.needs_model, "needsTable", single=True)
        r.addWidget(self.needs, 1)
        add = QHBoxLayout()
        self.room = QLineEdit()
        self.room.setObjectName("needRoom")
        self.room.setPlaceholderText(self.tr("Room, e.g. 6-1-602"))
        self.name = QLineEdit()
        self.name.setObjectName("needName")
        self.name.setPlaceholderText(self.tr("Name"))
        self.need_kind = QComboBox()
        self.need_kind.setObjectName("needKind")
        for k in NeedKind:
            self.need_kind.addItem(_need_label(k), k.value)
        self.every = QSpinBox()
        self.every.setObjectName("visitEvery")
        self.every.setRange(0, MAX_EVERY)
        self.every.setValue(1)
        self.every.setSuffix(self.tr(" days"))
        self.every.setSpecialValueText(self.tr("no visits"))
        self.need_note = QLineEdit()
        self.need_note.setObjectName("needNote")
        self.need_note.setPlaceholderText(self.tr("Note"))
        self.add_button = QPushButton(self.tr("Add to the register"))
        self.add_button.setObjectName("addNeed")
        self.add_button.clicked.connect(self.add_need)
        for w, stretch in ((self.room, 1), (self.name, 1), (self.need_kind, 0), (self.every, 0), (self.need_note, 2),
                           (self.add_button, 0)):
            add.addWidget(w, stretch)
        r.addLayout(add)
        more = QHBoxLayout()
        self.monitoring_button = QPushButton(self.tr("Add everyone under home monitoring"))
        self.monitoring_button.setObjectName("fromMonitoring")
        self.monitoring_button.clicked.connect(self.from_monitoring)
        self.end_button = QPushButton(self.tr("Help has ended"))
        self.end_button.setObjectName("endNeed")
        self.end_button.clicked.connect(self.end_need)
        more.addWidget(self.monitoring_button)
        more.addStretch(1)
        more.addWidget(self.end_button)
        r.addLayout(more)
        self.tabs.addTab(register, self.tr("The register"))

        self.places: dict[str, str] = {}
        self.done_model = DoneTableModel(desk, self.places, self)
        self.done_table = row_table(self.done_model, "doneTable")
        self.tabs.addTab(self.done_table, self.tr("Done this week"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        needs = self.desk.care.care_needs(ended_too=True)
        self.places.clear()
        self.places.update({n.id: f"{n.place} {n.name}" for n in needs})
        self.needs_model.set_rows([n for n in needs if n.ended_at is None])
        self.due_model.set_rows(self.desk.care.due_today())
        self.done_model.set_rows(self.desk.care.service_history())
        self._items_for_selected()

    def _selected(self, table, model):
        index = table.currentIndex()
        return model.data(index, ROW_ROLE) if index.isValid() else None

    def _items_for_selected(self) -> None:
        self.item.clear()
        self.item.addItem(self.tr("No drop-off item"), None)
        d = self._selected(self.due, self.due_model)
        if d is not None:
            if d.service is not None:
                self.kind.setCurrentIndex(self.kind.findData(d.service.kind))
            for p in self.desk.care.waiting_items(d.need.id):
                self.item.addItem(self.tr("Take up item {0} ({1})").format(p.pickup_code, p.carrier or p.kind), p.id)

    def _acted(self, fn, *args, done: str = "", **kw):
        ok, result = self.notice.attempt(fn, *args, done=done, **kw)
        if ok:
            self.refresh()
        return result

    def record_done(self) -> None:
        d = self._selected(self.due, self.due_model)
        if d is None:
            self.notice.problem(self.tr("Choose someone in today's list first."))
            return
        if self._acted(self.desk.care.record_service, d.need.id, self.kind.currentData(), self.volunteer.text(),
                       self.note.text(), service_id=d.service.id if d.service else None,
                       parcel_id=self.item.currentData(),
                       done=self.tr("Recorded: {0} {1}").format(d.need.place, d.need.name)) is not None:
            QSettings().setValue("care/volunteer", self.volunteer.text().strip())
            self.note.clear()

    def plan(self) -> None:
        d = self._selected(self.due, self.due_model)
        n = d.need if d is not None else self._selected(self.needs, self.needs_model)
        if n is None:
            self.notice.problem(self.tr("Choose someone in today's list first."))
            return
        day = self.plan_day.date().toPython()
        if self._acted(self.desk.care.plan_service, n.id, self.kind.currentData(), day, self.note.text(),
                       done=self.tr("Planned for {0}: {1} {2}").format(day.isoformat(), n.place, n.name)) is not None:
            self.note.clear()

    def print_list(self) -> None:
        from gui.printing import print_pages

        print_pages(self, self.desk.care.daily_list_pages(), title=self.tr("Home services due today"))

    def _supervisor(self):
        from gui.dialogs.sign_in_dialog import authority

        return authority(self.desk, self, "care.add_need", self.tr("A supervisor keeps the register."))

    def add_need(self) -> None:
        with self._supervisor() as allowed:
            if allowed and self._acted(self.desk.care.add_need, room=self.room.text(), name=self.name.text(),
                                       kind=self.need_kind.currentData(), note=self.need_note.text(),
                                       every_days=self.every.value(),
                                       done=self.tr("Added to the register: {0}").format(self.room.text().strip())):
                for edit in (self.room, self.name, self.need_note):
                    edit.clear()

    def from_monitoring(self) -> None:
        with self._supervisor() as allowed:
            if allowed:
                added = self._acted(self.desk.care.needs_from_monitoring)
                if added is not None:
                    self.notice.done(self.tr("{0} residents under home monitoring added.").format(added))

    def end_need(self) -> None:
        n = self._selected(self.needs, self.needs_model)
        if n is None:
            self.notice.problem(self.tr("Choose someone on the register first."))
            return
        with self._supervisor() as allowed:
            if allowed:
                self._acted(self.desk.care.end_need, n.id,
                            done=self.tr("Help has ended: {0} {1}").format(n.place, n.name))
