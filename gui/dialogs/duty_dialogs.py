"""The duty tab's dialogs: checking in by name and PIN, choosing a short shift for a walk-in, reviewing
check-ins closed on their own, and the rota itself (people, posts, shifts, who is on which; the paper
rota and the sending unit's weekly sheet)."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.duty_models import RotaTableModel
from gui.list_table_model import ListTableModel
from gui.widgets import Notice, row_table
from models.app.desk import Desk
from models.staffing import PERSON_KIND_LABELS, POST_KIND_LABELS, PersonKind, PostKind, shift_label

ROW_ROLE = Qt.UserRole + 1


def _buttons(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    if ok_text:
        box.button(QDialogButtonBox.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class PinCheckDialog(QDialog):
    """Choose yourself by name (masked, with your unit) and give your PIN."""

    def __init__(self, people: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check in by name"))
        form = QFormLayout(self)
        self.person = QComboBox()
        self.person.setObjectName("dutyPerson")
        for p in people:
            self.person.addItem(f"{p.name} · {p.sent_by}", p.id)
        self.pin = QLineEdit()
        self.pin.setObjectName("dutyPin")
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setMaxLength(12)
        form.addRow(self.tr("Name"), self.person)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(_buttons(self, self.tr("Check in or out")))
        self.pin.setFocus()

    def person_id(self) -> str:
        return self.person.currentData()


class ShiftChoiceDialog(QDialog):
    def __init__(self, message: str, views: list, zone, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which shift?"))
        box = QVBoxLayout(self)
        text = QLabel(message + "\n" + self.tr("These shifts have room now:"))
        text.setWordWrap(True)
        box.addWidget(text)
        self.list = QListWidget()
        self.list.setObjectName("shortShifts")
        for v in views:
            item = QListWidgetItem(f"{v.post.name} {shift_label(v.shift, zone)[6:]} · {v.placed}/{v.shift.min_people}")
            item.setData(ROW_ROLE, v.shift.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        box.addWidget(self.list)
        box.addWidget(_buttons(self, self.tr("Check in to this shift")))
        self.list.setFocus()


def choose_shift(parent, message: str, views: list, zone) -> str | None:
    dialog = ShiftChoiceDialog(message, views, zone, parent)
    if not dialog.exec() or dialog.list.currentItem() is None:
        return None
    return dialog.list.currentItem().data(ROW_ROLE)


class ReviewDialog(QDialog):
    """Check-ins closed on their own: confirm the shift's end, or set when they really left."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Check-ins to review"))
        box = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("toReview")
        box.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.left_at = QTimeEdit()
        self.left_at.setObjectName("leftAt")
        self.left_at.setDisplayFormat("HH:mm")
        row.addWidget(QLabel(self.tr("Really left at")))
        row.addWidget(self.left_at)
        self.set_time = QPushButton(self.tr("Set this time"))
        self.set_time.clicked.connect(lambda: self._review(with_time=True))
        row.addWidget(self.set_time)
        self.confirm = QPushButton(self.tr("Confirm the shift's end"))
        self.confirm.setObjectName("confirmReview")
        self.confirm.clicked.connect(lambda: self._review(with_time=False))
        row.addWidget(self.confirm)
        box.addLayout(row)
        self.notice = Notice()
        box.addWidget(self.notice)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        box.addWidget(close)
        self.list.currentRowChanged.connect(self._chosen)
        self.load()

    def load(self) -> None:
        zone = self.desk.settings.zone
        self.list.clear()
        for ci, person, shift, post in self.desk.staffing.to_review():
            item = QListWidgetItem(self.tr("{0} · {1} {2} · came {3}, closed {4}").format(
                person.name, post.name, shift_label(shift, zone), ci.in_at.astimezone(zone).strftime("%H:%M"),
                ci.out_at.astimezone(zone).strftime("%m-%d %H:%M")))
            item.setData(ROW_ROLE, ci)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        enabled = self.list.count() > 0
        for w in (self.confirm, self.set_time, self.left_at):
            w.setEnabled(enabled)

    def _chosen(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None:
            out = item.data(ROW_ROLE).out_at.astimezone(self.desk.settings.zone)
            self.left_at.setTime(QTime(out.hour, out.minute))

    def _review(self, *, with_time: bool) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        ci = item.data(ROW_ROLE)
        out_at = None
        if with_time:
            zone = self.desk.settings.zone
            came = ci.in_at.astimezone(zone)
            t = self.left_at.time()
            out_at = came.replace(hour=t.hour(), minute=t.minute(), second=0, microsecond=0)
            if out_at < came:
                out_at += timedelta(days=1)  # after midnight
        ok, _ = self.notice.attempt(self.desk.staffing.review, ci.id, out_at, done=self.tr("Reviewed."))
        if ok:
            self.load()


class RotaPeopleModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Name"), self.tr("Phone"), self.tr("Kind"), self.tr("Sent by"), self.tr("Posts")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role == ROW_ROLE:
            return p
        if role != Qt.DisplayRole:
            return None
        posts = "、".join(texts.lookup("Staffing", POST_KIND_LABELS[PostKind(k)]) for k in p.posts.split(",") if k)
        return [p.name, p.phone, texts.lookup("Staffing", PERSON_KIND_LABELS[PersonKind(p.kind)]), p.sent_by,
                posts][index.column()]


class RotaDialog(QDialog):
    """The rota, for a supervisor: 1 people, 2 shifts (plan a post's days, put people on them), and
    the week on paper and the sending unit's sheet."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Rota"))
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._people_tab(), self.tr("1 People"))
        self.tabs.addTab(self._shifts_tab(), self.tr("2 Shifts"))
        outer.addWidget(self.tabs, 1)
        self.notice = Notice()
        outer.addWidget(self.notice)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        outer.addWidget(close)
        self.load()

    # -- people -------------------------------------------------------------------------------------
    def _people_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)  # the list above the form: its columns need the dialog's width
        self.people = RotaPeopleModel(self)
        self.people_table = row_table(self.people, "rotaPeople", single=True)
        left = QVBoxLayout()
        left.addWidget(self.people_table, 1)
        row = QHBoxLayout()
        self.card_button = QPushButton(self.tr("Print their card…"))
        self.card_button.setObjectName("printCard")
        self.card_button.clicked.connect(self.print_card)
        self.leave_button = QPushButton(self.tr("Off the rota"))
        self.leave_button.clicked.connect(self.leave)
        row.addWidget(self.card_button)
        row.addWidget(self.leave_button)
        left.addLayout(row)
        box.addLayout(left, 1)
        form = QFormLayout()
        self.p_name = QLineEdit()
        self.p_name.setObjectName("personName")
        self.p_phone = QLineEdit()
        self.p_phone.setObjectName("personPhone")
        self.p_kind = QComboBox()
        self.p_kind.setObjectName("personKind")
        for kind, label in PERSON_KIND_LABELS.items():
            self.p_kind.addItem(texts.lookup("Staffing", label), kind.value)
        self.p_unit = QLineEdit()
        self.p_unit.setObjectName("personUnit")
        self.p_unit.setPlaceholderText(self.tr("e.g. 区法院"))
        self.p_posts = {}
        posts_row = QWidget()
        grid = QHBoxLayout(posts_row)
        grid.setContentsMargins(0, 0, 0, 0)
        for kind, label in POST_KIND_LABELS.items():
            cb = QCheckBox(texts.lookup("Staffing", label))
            cb.setObjectName(f"takes_{kind.value}")
            self.p_posts[kind.value] = cb
            grid.addWidget(cb)
        self.p_pin = QLineEdit()
        self.p_pin.setObjectName("personPin")
        self.p_pin.setEchoMode(QLineEdit.Password)
        self.p_pin.setPlaceholderText(self.tr("optional"))
        form.addRow(self.tr("Name"), self.p_name)
        form.addRow(self.tr("Phone"), self.p_phone)
        form.addRow(self.tr("Kind"), self.p_kind)
        form.addRow(self.tr("Sent by"), self.p_unit)
        form.addRow(self.tr("Takes"), posts_row)
        form.addRow(self.tr("PIN"), self.p_pin)
        add = QPushButton(self.tr("Add to the rota"))
        add.setObjectName("addPerson")
        add.clicked.connect(self.add_person)
        form.addRow(add)
        box.addLayout(form)
        return page

    def add_person(self) -> None:
        ok, person = self.notice.attempt(
            self.desk.staffing.add_person, name=self.p_name.text(), phone=self.p_phone.text(),
            kind=self.p_kind.currentData(), sent_by=self.p_unit.text(),
            posts=[k for k, cb in self.p_posts.items() if cb.isChecked()], pin=self.p_pin.text())
        if ok:
            self.notice.done(self.tr("{0} is on the rota.").format(person.name))
            for edit in (self.p_name, self.p_phone, self.p_pin):
                edit.clear()
            self.load()

    def _chosen_person(self):
        index = self.people_table.currentIndex()
        return self.people.data(index, ROW_ROLE) if index.isValid() else None

    def print_card(self) -> None:
        person = self._chosen_person()
        if person is None:
            self.notice.problem(self.tr("Choose someone in the list first."))
            return
        ok, text = self.notice.attempt(self.desk.staffing.card_text, person.id)
        if ok:
            from gui.printing import print_pages
            from models.staffing.card import card_page

            print_pages(self, [card_page(text, name=person.name, unit=person.sent_by,
                                         compound=self.desk.ctx.compound_name,
                                         language=self.desk.settings.language)],
                        title=self.tr("Duty card"))

    def leave(self) -> None:
        person = self._chosen_person()
        if person is None:
            self.notice.problem(self.tr("Choose someone in the list first."))
            return
        ok, _ = self.notice.attempt(self.desk.staffing.leave, person.id,
                                    done=self.tr("{0} is off the rota.").format(person.name))
        if ok:
            self.load()

    # -- shifts -------------------------------------------------------------------------------------
    def _shifts_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        plan = QHBoxLayout()
        self.post = QComboBox()
        self.post.setObjectName("ratePost")
        self.new_post = QPushButton(self.tr("New post…"))
        self.new_post.clicked.connect(self.add_post)
        self.first_day = QDateEdit()
        self.first_day.setObjectName("firstDay")
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("yyyy-MM-dd")
        today = self.desk.today()
        self.first_day.setDate(QDate(today.year, today.month, today.day))
        self.days = QSpinBox()
        self.days.setRange(1, 31)
        self.days.setValue(7)
        self.times = QLineEdit("08:00-16:00, 16:00-24:00, 00:00-08:00")
        self.times.setObjectName("shiftTimes")
        self.least = QSpinBox()
        self.least.setRange(0, 50)
        self.least.setValue(1)
        self.most = QSpinBox()
        self.most.setRange(1, 50)
        self.most.setValue(3)
        # Two rows: the times must show whole, and the dialog fit a 1280-px screen.
        second = QHBoxLayout()
        for row, items in ((plan, ((self.tr("Post"), self.post), (None, self.new_post), (self.tr("From"), self.first_day),
                                   (self.tr("Days"), self.days))),
                           (second, ((self.tr("Times"), self.times), (self.tr("Least"), self.least),
                                     (self.tr("Most"), self.most)))):
            for label, w in items:
                if label:
                    row.addWidget(QLabel(label))
                row.addWidget(w, 1 if w is self.times else 0)
        plan.addStretch(1)
        self.plan_button = QPushButton(self.tr("Plan"))
        self.plan_button.setObjectName("planShifts")
        self.plan_button.clicked.connect(self.plan)
        second.addWidget(self.plan_button)
        box.addLayout(plan)
        box.addLayout(second)
        self.day_rota = RotaTableModel(self.desk.settings.zone, self.desk.settings.duty_late_minutes, self)
        self.day_table = row_table(self.day_rota, "rotaDay", single=True)
        day_row = QHBoxLayout()
        self.day = QDateEdit()
        self.day.setObjectName("rotaDayChoice")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.dateChanged.connect(lambda _d: self.load_day())
        day_row.addWidget(QLabel(self.tr("Day")))
        day_row.addWidget(self.day)
        day_row.addStretch(1)
        self.assign_person = QComboBox()
        self.assign_person.setObjectName("assignPerson")
        day_row.addWidget(self.assign_person)
        self.assign_button = QPushButton(self.tr("Put on the shift"))
        self.assign_button.setObjectName("assignShift")
        self.assign_button.clicked.connect(self.assign)
        day_row.addWidget(self.assign_button)
        box.addLayout(day_row)
        box.addWidget(self.day_table, 1)
        paper = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print the week's rota…"))
        self.print_button.setObjectName("printRota")
        self.print_button.clicked.connect(self.print_rota)
        self.sheet_unit = QComboBox()
        self.sheet_unit.setObjectName("sheetUnit")
        self.sheet_button = QPushButton(self.tr("Week's sheet for the unit…"))
        self.sheet_button.setObjectName("weekSheet")
        self.sheet_button.clicked.connect(self.write_sheet)
        paper.addWidget(self.print_button)
        paper.addStretch(1)
        paper.addWidget(self.sheet_unit)
        paper.addWidget(self.sheet_button)
        box.addLayout(paper)
        return page

    def _day(self, edit: QDateEdit):
        from datetime import date

        d = edit.date()
        return date(d.year(), d.month(), d.day())

    def add_post(self) -> None:
        dialog = PostDialog(self)
        if dialog.exec():
            ok, post = self.notice.attempt(self.desk.staffing.add_post, name=dialog.name.text(),
                                           kind=dialog.kind.currentData(), critical=dialog.critical.isChecked())
            if ok:
                self.notice.done(self.tr("Post {0} added: plan its shifts.").format(post.name))
                self.load()
                self.post.setCurrentIndex(self.post.findData(post.id))

    def plan(self) -> None:
        if self.post.currentData() is None:
            self.notice.problem(self.tr("Add a post first (New post…)."))
            return
        ok, made = self.notice.attempt(self.desk.staffing.plan_shifts, post_id=self.post.currentData(),
                                       first_day=self._day(self.first_day), days=self.days.value(),
                                       times=self.times.text(), min_people=self.least.value(),
                                       max_people=self.most.value())
        if ok:
            self.notice.done(self.tr("{0} shifts planned.").format(len(made)))
            self.load_day()

    def assign(self) -> None:
        index = self.day_table.currentIndex()
        if not index.isValid() or self.assign_person.currentData() is None:
            self.notice.problem(self.tr("Choose a shift in the list and a person."))
            return
        view = self.day_rota.rows[index.row()]
        ok, a = self.notice.attempt(self.desk.staffing.assign, view.shift.id, self.assign_person.currentData())
        if ok:
            self.notice.done(self.tr("On the reserve list: the shift is full.") if a.reserve
                             else self.tr("Put on the shift."))
            self.load_day()
            self.day_table.selectRow(index.row())

    def print_rota(self) -> None:
        from gui.printing import print_pages

        print_pages(self, self.desk.staffing.rota_pages(self._day(self.day)), title=self.tr("Duty rota"))

    def write_sheet(self) -> None:
        unit = self.sheet_unit.currentText()
        if not unit:
            self.notice.problem(self.tr("Nobody is on the rota yet."))
            return
        first = self._day(self.day)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the week's sheet"),
                                              f"{unit}_{first.isoformat()}.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            from pathlib import Path

            self.notice.attempt(self.desk.staffing.write_week_sheet, unit, first, Path(path),
                                done=self.tr("Saved: {0}").format(path))

    # -- loading ------------------------------------------------------------------------------------
    def load(self) -> None:
        people = self.desk.staffing.people()
        self.people.set_rows(people)
        current = self.post.currentData()
        self.post.clear()
        for post in self.desk.staffing.posts():
            self.post.addItem(("★ " if post.critical else "") + post.name, post.id)
        if current is not None:
            self.post.setCurrentIndex(max(0, self.post.findData(current)))
        self.assign_person.clear()
        for p in people:
            self.assign_person.addItem(f"{p.name} · {p.sent_by}", p.id)
        self.sheet_unit.clear()
        self.sheet_unit.addItems(self.desk.staffing.sending_units())
        self.load_day()

    def load_day(self) -> None:
        self.day_rota.now = self.desk.clock()
        self.day_rota.set_rows(self.desk.staffing.day_rota(self._day(self.day)))


class PostDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New post"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setObjectName("postName")
        self.kind = QComboBox()
        self.kind.setObjectName("postKind")
        for kind, label in POST_KIND_LABELS.items():
            self.kind.addItem(texts.lookup("Staffing", label), kind.value)
        self.critical = QCheckBox(self.tr("Held around the clock (shown first while short)"))
        self.critical.setObjectName("postCritical")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.critical)
        form.addRow(_buttons(self, self.tr("Add")))


