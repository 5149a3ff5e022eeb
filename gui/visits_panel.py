"""A supervision team's visits: the list on the left, the open visit on the right, answered item by
item from the keyboard (1 pass, 2 fail, 3 not applicable; a follow-up: 1 put right, 2 not yet), a
note (F2) and photos (Ctrl+P) on the item, then signed off (Ctrl+Enter)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.list_table_model import ListTableModel
from gui.widgets import Notice, row_table
from models.app.desk import Desk
from models.store.i18n import QT_TRANSLATE_NOOP
from models.supervision import PARTY_LABELS, Answer, FindingStatus, Party


def party_text(party: str, name: str) -> str:
    return f"{QCoreApplication.translate('Supervision', PARTY_LABELS[Party(party)])} {name}".strip()


def _t(text: str) -> str:
    return QCoreApplication.translate("Visits", text)


def visit_kind(visit) -> str:
    if visit.follows_id is not None:
        return _t(QT_TRANSLATE_NOOP("Visits", "Follow-up"))
    if visit.gate_name:
        return _t(QT_TRANSLATE_NOOP("Visits", "Mystery check at {0}")).format(visit.gate_name)
    return _t(QT_TRANSLATE_NOOP("Visits", "Announced") if visit.announced else
              QT_TRANSLATE_NOOP("Visits", "Unannounced"))


def visit_result(visit) -> str:
    if visit.signed_at is None:
        return _t(QT_TRANSLATE_NOOP("Visits", "Open"))
    if visit.follows_id is not None:
        return _t(QT_TRANSLATE_NOOP("Visits", "Signed off"))
    shown = _t(QT_TRANSLATE_NOOP("Visits", "Passed") if visit.passed else QT_TRANSLATE_NOOP("Visits", "Failed"))
    return f"{shown} {visit.points}" if visit.points is not None else shown


RED = QColor("#b71c1c")
GREEN = QColor("#1b5e20")


class VisitsModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Day"), self.tr("Compound"), self.tr("Kind"), self.tr("Result")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        v = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return [v.day, v.compound_name, visit_kind(v), visit_result(v)][index.column()]
        if role == Qt.ForegroundRole and index.column() == 3 and v.signed_at is not None and v.passed is False:
            return RED
        return None


ANSWER_WORDS = {Answer.PASS: QT_TRANSLATE_NOOP("Visits", "Pass"), Answer.FAIL: QT_TRANSLATE_NOOP("Visits", "Fail"),
                Answer.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Visits", "Not applicable")}


class ItemsModel(ListTableModel):
    """A visit's items with the answers given so far."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("No."), self.tr("Section"), self.tr("Item"), self.tr("Points"), self.tr("Answer"),
                        self.tr("Note")]
        self.answers: dict = {}
        self.notes: dict = {}

    def show(self, view, notes: dict) -> None:
        self.answers, self.notes = view.answers, notes
        self.set_rows(view.items)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        answer = self.answers.get(item.id)
        if role == Qt.DisplayRole:
            veto = self.tr(" (veto)") if item.veto else ""
            return [item.code, item.section, item.text + veto, item.points or "",
                    _t(ANSWER_WORDS[answer]) if answer else "—", self.notes.get(item.id, "")][index.column()]
        if role == Qt.ForegroundRole and index.column() == 4 and answer is not None:
            return RED if answer == Answer.FAIL else GREEN if answer == Answer.PASS else None
        if role == Qt.ToolTipRole and index.column() == 2:
            return item.text
        return None


class CarriedModel(ListTableModel):
    """A follow-up's findings: put right by this visit, or still open."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("No."), self.tr("Problem"), self.tr("Responsible"), self.tr("Due"),
                        self.tr("Verdict")]
        self.visit_id = ""

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        f = self.rows[index.row()]
        right = f.status == FindingStatus.CLOSED and f.closed_in == self.visit_id
        if role == Qt.DisplayRole:
            return [f.code, f.text, party_text(f.party, f.party_name), f.due_on,
                    self.tr("Put right") if right else self.tr("Still open")][index.column()]
        if role == Qt.ForegroundRole and index.column() == 4:
            return GREEN if right else RED
        return None


class VisitForm(QWidget):
    """One visit: its items (or, on a follow-up, its findings) answered from the keyboard."""

    changed = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.visit = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("visitTitle")
        self.title.setWordWrap(True)
        box.addWidget(self.title)
        self.items = ItemsModel(self)
        self.carried = CarriedModel(self)
        self.table = row_table(self.items, "visitItems", single=True, fit=False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.installEventFilter(self)
        box.addWidget(self.table, 1)
        # Two rows: the answers, big, sharing the width; then what is done now and then. In one row
        # they made the window wider than a 1366-px screen.
        answers, keys = QHBoxLayout(), QHBoxLayout()
        self.buttons = {}
        for key, label in (("1", self.tr("Pass")), ("2", self.tr("Fail")), ("3", self.tr("Not applicable"))):
            b = QPushButton(f"{label} [{key}]")
            b.setObjectName(f"answer{key}")
            b.setMinimumHeight(44)
            b.setFocusPolicy(Qt.NoFocus)  # the keyboard stays on the list
            b.clicked.connect(lambda _=False, key=key: self.press(key))
            answers.addWidget(b)
            self.buttons[key] = b
        self.note_button = QPushButton(self.tr("Note [F2]"))
        self.note_button.setFocusPolicy(Qt.NoFocus)
        self.note_button.clicked.connect(self.edit_note)
        self.photo_button = QPushButton(self.tr("Photo… [Ctrl+P]"))
        self.photo_button.setObjectName("addPhoto")
        self.photo_button.setFocusPolicy(Qt.NoFocus)
        self.photo_button.clicked.connect(self.add_photo)
        self.sign_button = QPushButton(self.tr("Sign off… [Ctrl+Enter]"))
        self.sign_button.setObjectName("signOff")
        self.sign_button.setMinimumHeight(44)
        self.sign_button.setFocusPolicy(Qt.NoFocus)
        self.sign_button.clicked.connect(self.sign_off)
        self.view_button = QPushButton(self.tr("View photos [Ctrl+G]"))
        self.view_button.setObjectName("viewPhotos")
        self.view_button.setFocusPolicy(Qt.NoFocus)
        self.view_button.clicked.connect(self.view_photos)
        for b in (self.note_button, self.photo_button, self.view_button):
            b.setMinimumHeight(44)
            keys.addWidget(b)
        keys.addStretch(1)
        keys.addWidget(self.sign_button)
        box.addLayout(answers)
        box.addLayout(keys)
        self.summary = QLabel()
        self.summary.setObjectName("visitSummary")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.notice = Notice()
        box.addWidget(self.notice)
        QShortcut(QKeySequence("Ctrl+P"), self, self.add_photo, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+G"), self, self.view_photos, context=Qt.WidgetWithChildrenShortcut)
        for keys_ in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys_), self, self.sign_off, context=Qt.WidgetWithChildrenShortcut)
        self.show_visit(None)

    @property
    def follow_up(self) -> bool:
        return self.visit is not None and self.visit.follows_id is not None

    def show_visit(self, visit_id: str | None) -> None:
        self.notice.clear()
        if visit_id is None:
            self.visit = None
            self.title.setText(self.tr("Choose a visit on the left, or start a new one [Ctrl+N]."))
            self.items.set_rows([])
            self.table.setModel(self.items)
            self.summary.clear()
            self._enable(False)
            return
        same = self.visit is not None and self.visit.id == visit_id
        row = self.table.currentIndex().row()
        view = self.desk.supervision.visit_view(visit_id)
        self.visit = view.visit
        self.title.setText(self.tr("{0} · {1} · {2} · {3} v{4}").format(
            view.visit.day, view.visit.compound_name, visit_kind(view.visit), view.standard.name,
            view.standard.version))
        if self.follow_up:
            self.carried.visit_id = view.visit.id
            self.carried.set_rows(self.desk.supervision.carried(view.visit.id))
            self.table.setModel(self.carried)
            self.buttons["1"].setText(self.tr("Put right [1]"))
            self.buttons["2"].setText(self.tr("Not yet [2]"))
            self.buttons["3"].hide()
        else:
            self.items.show(view, view.notes)
            self.table.setModel(self.items)
            self.buttons["1"].setText(self.tr("Pass [1]"))
            self.buttons["2"].setText(self.tr("Fail [2]"))
            self.buttons["3"].show()
        self._fit_columns()
        self._summarise(view)
        self._enable(view.visit.signed_at is None)
        model = self.table.model()
        if not same:  # a visit opened: at its first item not answered yet
            row = next((i for i, item in enumerate(self.items.rows) if item.id not in view.answers), 0) \
                if not self.follow_up else 0
        if model.rowCount():
            self.table.setCurrentIndex(model.index(max(0, min(row, model.rowCount() - 1)), 0))

    def _fit_columns(self) -> None:
        from PySide6.QtWidgets import QHeaderView

        header = self.table.horizontalHeader()
        text_column = 1 if self.follow_up else 2
        for c in range(self.table.model().columnCount()):
            header.setSectionResizeMode(c, QHeaderView.Stretch if c == text_column else QHeaderView.ResizeToContents)
        self.table.resizeRowsToContents()

    def _summarise(self, view) -> None:
        photos = len(self.desk.supervision.photos(view.visit.id))
        shown = [self.tr("{0} photos").format(photos)]
        if self.follow_up:
            rows = self.carried.rows
            right = sum(f.status == FindingStatus.CLOSED for f in rows)
            shown.insert(0, self.tr("{0} of {1} findings put right").format(right, len(rows)))
        else:
            s = view.score
            if s.unanswered:
                shown.insert(0, self.tr("{0} items to answer").format(s.unanswered))
            if s.points is not None and not s.unanswered:  # a score of half the items would mislead
                shown.insert(0, self.tr("Score {0} (pass mark {1})").format(s.points, view.standard.pass_mark))
            if s.failed:
                shown.append(self.tr("failed: {0}").format(", ".join(s.failed)))
            if s.vetoed:
                shown.append(self.tr("veto: {0}").format(", ".join(s.vetoed)))
        if view.visit.signed_at is not None:
            shown.insert(0, self.tr("Signed off"))
        self.summary.setText(" · ".join(shown))

    def _enable(self, open_: bool) -> None:
        for b in (*self.buttons.values(), self.note_button, self.photo_button, self.sign_button):
            b.setEnabled(open_)
        self.view_button.setEnabled(self.visit is not None)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.table and event.type() == QEvent.KeyPress and event.modifiers() in (
                Qt.NoModifier, Qt.KeypadModifier):
            if event.text() in self.buttons and self.buttons[event.text()].isVisible():
                self.press(event.text())
                return True
            if event.key() == Qt.Key_F2:
                self.edit_note()
                return True
        return super().eventFilter(watched, event)

    def _current(self):
        index = self.table.currentIndex()
        rows = self.table.model().rows
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def press(self, key: str) -> None:
        """Answer the item under the cursor, then move to the next one."""
        row = self._current()
        if self.visit is None or row is None or self.visit.signed_at is not None:
            return
        if self.follow_up:
            done, _ = self.notice.attempt(self.desk.supervision.review_finding, self.visit.id, row.id,
                                          put_right=key == "1")
        else:
            result = {"1": Answer.PASS, "2": Answer.FAIL, "3": Answer.NOT_APPLICABLE}[key]
            done, _ = self.notice.attempt(self.desk.supervision.answer_item, self.visit.id, row.id, result,
                                          self.items.notes.get(row.id, ""))
        if not done:
            return
        at = self.table.currentIndex().row()
        self.show_visit(self.visit.id)
        model = self.table.model()
        self.table.setCurrentIndex(model.index(min(at + 1, model.rowCount() - 1), 0))
        self.changed.emit()

    def edit_note(self) -> None:
        row = self._current()
        if self.visit is None or row is None or self.visit.signed_at is not None:
            return
        if self.follow_up:
            current = row.note
        else:
            current = self.items.notes.get(row.id, "")
            if row.id not in self.items.answers:
                self.notice.problem(self.tr("Answer the item first (1, 2 or 3), then add its note."))
                return
        text, ok = QInputDialog.getText(self, self.tr("Note"), row.text, text=current)
        if not ok:
            return
        if self.follow_up:
            right = row.status == FindingStatus.CLOSED
            done, _ = self.notice.attempt(self.desk.supervision.review_finding, self.visit.id, row.id,
                                          put_right=right, note=text)
        else:
            done, _ = self.notice.attempt(self.desk.supervision.answer_item, self.visit.id, row.id,
                                          self.items.answers[row.id], text)
        if done:
            self.show_visit(self.visit.id)

    def add_photo(self) -> None:
        if self.visit is None or self.visit.signed_at is not None:
            return
        row = None if self.follow_up else self._current()
        folder = QSettings().value("visits/photo_folder") or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("A photo for this visit"), folder,
                                              self.tr("Pictures (*.jpg *.jpeg *.png *.bmp *.webp)"))
        if not name:
            return
        QSettings().setValue("visits/photo_folder", str(Path(name).parent))
        done, _ = self.notice.attempt(self.desk.supervision.attach_photo, self.visit.id, Path(name),
                                      row.id if row is not None else None,
                                      done=self.tr("Photo added: {0}").format(Path(name).name))
        if done:
            self._summarise(self.desk.supervision.visit_view(self.visit.id))

    def view_photos(self) -> None:
        """Signed off or not: a visit's photos can always be looked at."""
        if self.visit is None:
            return
        from gui.dialogs.photos_dialog import PhotosDialog

        PhotosDialog(self.desk, self.visit.id, self).exec()
        self.table.setFocus()

    def sign_off(self) -> None:
        if self.visit is None or self.visit.signed_at is not None:
            return
        from gui.dialogs.sign_off_dialog import SignOffDialog

        dialog = SignOffDialog(self.desk, self.visit.id, self)
        if dialog.exec() == QDialog.Accepted:
            self.show_visit(self.visit.id)
            self.changed.emit()  # the list redrawn first: its redraw clears this line
            self.notice.done(dialog.outcome)
        self.table.setFocus()


class VisitsPanel(QWidget):
    """The team's visits (open ones first) beside the visit chosen."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        box = QVBoxLayout(self)
        self.split = split = QSplitter()
        self.visits = VisitsModel(self)
        self.list = row_table(self.visits, "visitList", single=True, stretch_last=False)
        self.list.selectionModel().currentRowChanged.connect(self._chosen)
        self.form = VisitForm(desk)
        self.form.changed.connect(self._visit_changed)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.form)
        self.pages.addWidget(self.empty)
        split.addWidget(self.list)
        split.addWidget(self.pages)
        self.setFocusProxy(self.form.table)  # the tab shown again: the keys answer the visit
        split.setStretchFactor(1, 1)  # the visit gets the room a wider window gives
        box.addWidget(split, 1)

    def refresh(self, chosen: str | None = None) -> None:
        current = chosen or (self.form.visit.id if self.form.visit else None)
        self.visits.set_rows(self.desk.supervision.visits())
        self.list.resizeColumnsToContents()
        # The list as wide as its columns (the visit takes the rest).
        self.list.setMinimumWidth(self.list.horizontalHeader().length() + self.list.verticalScrollBar().sizeHint().width()
                                  + 2 * self.list.frameWidth())
        ids = [v.id for v in self.visits.rows]
        if not ids:
            self.empty.setText(self._first_steps())
            self.pages.setCurrentWidget(self.empty)
            return
        self.pages.setCurrentWidget(self.form)
        row = ids.index(current) if current in ids else 0
        self.list.setCurrentIndex(self.visits.index(row, 0))
        self.form.show_visit(ids[row])
        self.form.table.setFocus()

    def _first_steps(self) -> str:
        if not self.desk.supervision.listed_compounds():
            return self.tr("No visits yet. First load the office's list of compounds this team visits "
                           "(Admin ▸ Office's list of compounds…); then start a visit with New visit [Ctrl+N].")
        return self.tr("No visits yet: start one with New visit [Ctrl+N].")

    def _chosen(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid():
            self.form.show_visit(self.visits.rows[current.row()].id)

    def _visit_changed(self) -> None:
        self.refresh(self.form.visit.id if self.form.visit else None)

    def new_visit(self, compound_id: str | None = None, follow_up: bool = False) -> None:
        from gui.dialogs.new_visit_dialog import NewVisitDialog

        dialog = NewVisitDialog(self.desk, self, compound_id=compound_id, follow_up=follow_up)
        if dialog.exec() == QDialog.Accepted:
            self.refresh(dialog.visit.id)
        else:
            self.refresh()
