"""Where the office's database is, when it is on a server: host, port, database, user, password.

Shown from the first run ("The office database is on a server…") and at a start when the server
asks for the password or cannot be reached. The password is used for this session only.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from gui import texts
from models.app import server_office
from models.kit.validation import InvalidInput
from models.store.backups import DatabaseProblem
from models.store.db import PasswordNeeded
from models.store.server import DEFAULT_PORT, ServerAddress


class ServerDialog(QDialog):
    def __init__(self, address: ServerAddress | None = None, problem: str = "", parent=None):
        super().__init__(parent)
        self.db = None
        self.address: ServerAddress | None = None
        self.setWindowTitle(self.tr("Office database on a server"))
        self.setMinimumWidth(520)
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("Several office PCs can share one office database on a PostgreSQL server. Your "
                               "district's IT staff give you its address. The password is not saved."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for key, label, value in (
                ("host", self.tr("Server (name or address)"), address.host if address else ""),
                ("port", self.tr("Port"), str(address.port if address else DEFAULT_PORT)),
                ("database", self.tr("Database"), address.database if address else ""),
                ("user", self.tr("User"), address.user if address else ""),
                ("password", self.tr("Password"), "")):
            edit = QLineEdit(value)
            edit.setObjectName(key)
            edit.setMinimumHeight(40)
            if key == "password":
                edit.setEchoMode(QLineEdit.Password)
            err = QLabel("")
            err.setObjectName("fieldError")
            err.setWordWrap(True)
            err.hide()
            form.addRow(label, edit)
            form.addRow("", err)
            self.inputs[key], self.errors[key] = edit, err
        box.addLayout(form)
        self.problem = QLabel(problem)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        box.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        first_empty = next((e for e in self.inputs.values() if not e.text()), self.inputs["password"])
        first_empty.setFocus()

    def _say(self, field: str | None, text: str) -> None:
        for key, label in self.errors.items():
            label.setText(text if key == field else "")
            label.setVisible(key == field)
        self.problem.setText(text if field is None else "")
        self.problem.setVisible(field is None and bool(text))
        if field is not None:
            self.inputs[field].setFocus()

    def accept(self) -> None:
        values = {k: e.text() for k, e in self.inputs.items()}
        try:
            address = server_office.address_from_form(host=values["host"], port=values["port"],
                                                      database=values["database"], user=values["user"])
        except InvalidInput as exc:
            first = exc.errors[0]
            self._say(first.field, texts.message(first.message))
            return
        try:
            self.db = server_office.connect(address, values["password"])
        except PasswordNeeded as exc:
            self.inputs["password"].clear()
            self._say("password", texts.message(exc.message))
            return
        except DatabaseProblem as exc:
            self._say(None, texts.message(exc.message))
            return
        self.address = address
        super().accept()
