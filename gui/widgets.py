"""Small widgets shared by the panels: big choice buttons driven by keys, and fields with errors."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class ChoiceRow(QWidget):
    """Exclusive big buttons; when the row has focus, each choice's key picks it.

    Tab moves through rows, not through buttons, so a guard picks a colour with one key.
    """

    changed = Signal(str)

    def __init__(self, choices: list[tuple], parent=None, *, object_name: str = "", columns: int = 0):
        """choices: (value, label, key), e.g. ("green", "Green", "G"), or (value, label, key, shown)
        where the button shows another key than the one that picks it in the row (e.g. F1, a
        shortcut that works anywhere on the page, beside 1 in the row). columns: buttons per line
        where one line is too narrow for them all (0: one line)."""
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFocusPolicy(Qt.StrongFocus)
        # Without it a plain QWidget paints no style-sheet background: the focus ring would not show.
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.advance = self.focusNextChild  # where the cursor goes once a choice is made
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._keys: dict[str, str] = {}
        row = QGridLayout(self)
        row.setContentsMargins(5, 5, 5, 5)  # room for the focus ring round the buttons
        for i, (value, label, key, *shown) in enumerate(choices):
            b = QPushButton(f"{label} [{shown[0] if shown else key}]")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.NoFocus)
            b.setProperty("choice", value)
            b.setObjectName(f"{object_name}_{value}")
            b.setMinimumHeight(48)
            # Share the row's width instead of setting it: long English labels must not widen the window.
            b.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
            b.setToolTip(label)
            self._group.addButton(b)
            self._buttons[value] = b
            self._keys[key.upper()] = value
            row.addWidget(b, *divmod(i, columns) if columns else (0, i))
        self._group.buttonClicked.connect(lambda b: self.changed.emit(b.property("choice")))

    def value(self) -> str:
        b = self._group.checkedButton()
        return b.property("choice") if b else ""

    def set_value(self, value: str) -> None:
        if not value:
            self._group.setExclusive(False)
            for b in self._buttons.values():
                b.setChecked(False)
            self._group.setExclusive(True)
        elif value in self._buttons:
            self._buttons[value].setChecked(True)
        self.changed.emit(self.value())

    def button(self, value: str) -> QPushButton:
        return self._buttons[value]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        value = self._keys.get(event.text().upper())
        if value:
            self.set_value(value)
            self.advance()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        self.setProperty("focused", True)
        self.style().unpolish(self)
        self.style().polish(self)
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.setProperty("focused", False)
        self.style().unpolish(self)
        self.style().polish(self)
        super().focusOutEvent(event)


class Field(QWidget):
    """A caption, an input, and a line for what is wrong with it."""

    def __init__(self, caption: str, widget: QWidget, parent=None):
        super().__init__(parent)
        self.widget = widget
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setObjectName("caption")
        self.caption.setBuddy(widget)
        self.hint = QLabel("")
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.error = QLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        box.addWidget(self.caption)
        box.addWidget(widget)
        box.addWidget(self.hint)
        box.addWidget(self.error)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.widget.setProperty("invalid", bool(text))
        self.widget.style().unpolish(self.widget)
        self.widget.style().polish(self.widget)


class CheckedForm(QFormLayout):
    """Rows of line edits, each with a line under it that says what the core found wrong with it
    (the first-run window, the server's address)."""

    def __init__(self):
        super().__init__()
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, key: str, caption: str, *, secret: bool = False, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(key)
        edit.setMinimumHeight(40)
        if secret:
            edit.setEchoMode(QLineEdit.Password)
        error = QLabel("")
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        self.addRow(caption, edit)
        self.addRow("", error)
        self.inputs[key], self.errors[key] = edit, error
        return edit

    def values(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.inputs.items()}

    def show_errors(self, messages: dict[str, str]) -> None:
        """field -> what is wrong (in the reader's language); the cursor goes to the first named."""
        for key, label in self.errors.items():
            label.setText(messages.get(key, ""))
            label.setVisible(key in messages)
        first = next((k for k in self.inputs if k in messages), None)
        if first is not None:
            self.inputs[first].setFocus()


class Notice(QLabel):
    """One line under the buttons a guard just pressed: green when it was done, red when it was not.
    A silent success looks like a press that did nothing."""

    def __init__(self, parent=None):
        super().__init__("", parent)
        self.setObjectName("notice")
        self.setWordWrap(True)

    def done(self, text: str) -> None:
        self._show("done", text)

    def problem(self, text: str) -> None:
        self._show("problem", text)

    def clear(self) -> None:
        self._show("", "")

    def attempt(self, fn, *args, done: str = "", **kw) -> tuple[bool, object]:
        """Run one service call: a refusal (input that is not right, a rule that says no, a disk that
        cannot be written) is shown here, never lost, and what was done when `done` says it. (True,
        its result), or (False, None)."""
        from gui import texts
        from models.kit.validation import InvalidInput
        from models.store.db import NotSaved
        from models.store.i18n import Refused

        try:
            result = fn(*args, **kw)
        except InvalidInput as exc:
            self.problem("；".join(texts.by_field(exc).values()))
            return False, None
        except (Refused, NotSaved) as exc:
            self.problem(texts.message(exc.message))
            return False, None
        if done:
            self.done(done)
        return True, result

    def tone(self) -> str:
        return self.property("tone") or ""

    def _show(self, tone: str, text: str) -> None:
        self.setProperty("tone", tone)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)


class FolderRow(QWidget):
    """Where a bundle goes (the USB stick): a folder typed or chosen, remembered under a settings key."""

    def __init__(self, settings_key: str, name: str, parent=None):
        super().__init__(parent)
        self.settings_key = settings_key
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(QSettings().value(settings_key, "") or "")
        self.edit.setObjectName(name)
        self.edit.setPlaceholderText(self.tr("the USB stick, e.g. E:\\ or /media/usb"))
        self.edit.setMinimumHeight(40)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to write the bundle"), self.edit.text())
        if folder:
            self.edit.setText(folder)

    def text(self) -> str:
        return self.edit.text().strip()

    def problem(self) -> str | None:
        """Why nothing can be written there yet (no folder chosen, the stick not in), or None."""
        from pathlib import Path

        if not self.text():
            return self.tr("Choose where to write the bundle (the USB stick).")
        if not Path(self.text()).is_dir():
            return self.tr("{0} is not a folder that can be written to. Is the USB stick in?").format(self.text())
        return None

    def remember(self) -> None:
        QSettings().setValue(self.settings_key, self.text())


def shows_placeholder(edit: QLineEdit) -> QLineEdit:
    """An empty field is as wide as what it asks for, so the question is read whole."""
    edit.ensurePolished()  # the style sheet's font, not the default one
    frame = edit.style().pixelMetric(QStyle.PM_DefaultFrameWidth, None, edit)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 2 * frame + 24)
    return edit


def menu_button(text: str, actions: list, parent=None):
    """A toolbar button that opens a menu of these actions (None: a separator line)."""
    from PySide6.QtWidgets import QMenu, QToolButton

    menu = QMenu(parent)
    for action in actions:
        menu.addSeparator() if action is None else menu.addAction(action)
    button = QToolButton(parent)
    button.setObjectName("adminMenu")
    button.setText(text)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.InstantPopup)
    return button


def reachable_by_tab(bar) -> None:
    """A toolbar's buttons take the keyboard's focus with Tab (Qt leaves them to the mouse): Space
    presses the one focused, and opens a menu button's menu."""
    from PySide6.QtWidgets import QToolButton

    for button in bar.findChildren(QToolButton):
        button.setFocusPolicy(Qt.TabFocus)


def row_table(model, name: str, *, single: bool = False, stretch_last: bool = True, fit: bool = True):
    """A read-only list of rows: whole rows selected, no row numbers, columns fitted to content
    (fit=False for a lazy model: fitting reads every row to measure it)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents if fit else QHeaderView.Interactive)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    return table


PREFERRED_WINDOW = (1280, 800)


def window_size(available) -> tuple[int, int]:
    """A main window's size on a screen with this much room (a QSize: the screen less its taskbar):
    the preferred size where it fits, else the whole room (gate PCs have 1366x768 and 1280x720
    screens, where 800 px high put the Save button and the status bar below the screen)."""
    return min(PREFERRED_WINDOW[0], available.width()), min(PREFERRED_WINDOW[1], available.height())


def place_main_window(window, settings_key: str) -> None:
    """Sized to the screen it opens on, or as the user left it where that still fits the screen."""
    screen = window.screen()
    room = screen.availableGeometry() if screen is not None else None
    geometry = QSettings().value(settings_key)
    if geometry is not None and window.restoreGeometry(geometry) and (
            room is None or room.contains(window.frameGeometry())):
        return
    if room is None:
        window.resize(*PREFERRED_WINDOW)
        return
    window.resize(*window_size(room.size()))
    window.move(room.topLeft())
