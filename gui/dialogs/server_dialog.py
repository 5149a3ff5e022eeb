"""Where the office's database is, when it is on a server: host, port, database, user, password.

Shown from the first run ("The office database is on a server…") and at a start when the server
asks for the password or cannot be reached. The password is used for this session only.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from gui import texts
from gui.widgets import CheckedForm
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
        form = CheckedForm()
        self.form = form
        self.inputs, self.errors = form.inputs, form.errors
        form.add("host", self.tr("Server (name or address)"), text=address.host if address else "")
        form.add("port", self.tr("Port"), text=str(address.port if address else DEFAULT_PORT))
        form.add("database", self.tr("Database"), text=address.database if address else "")
        form.add("user", self.tr("User"), text=address.user if address else "")
        form.add("password", self.tr("Password"), secret=True)
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

    def _say(self, by_field: dict[str, str], problem: str = "") -> None:
        self.form.show_errors(by_field)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def accept(self) -> None:
        values = self.form.values()
        try:
            address = server_office.address_from_form(host=values["host"], port=values["port"],
                                                      database=values["database"], user=values["user"])
        except InvalidInput as exc:
            self._say(texts.by_field(exc))
            return
        try:
            self.db = server_office.connect(address, values["password"])
        except PasswordNeeded as exc:
            self.inputs["password"].clear()
            self._say({"password": texts.message(exc.message)})
            return
        except DatabaseProblem as exc:
            self._say({}, texts.message(exc.message))
            return
        self.address = address
        super().accept()
