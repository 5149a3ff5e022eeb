"""First run: the compound, this gate, and the first administrator — about two minutes."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from gui import texts
from gui.widgets import CheckedForm
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.trust.first_run import SetupForm


class SetupDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Set up GateDesk"))
        self.setMinimumWidth(560)
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("Welcome. Tell GateDesk which compound and gate this computer serves, and who "
                               "administers it. Fields marked * are required."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.as_gate = QRadioButton(self.tr("This computer is at a gate of a compound"))
        self.as_office = QRadioButton(self.tr("This computer is at the community office (it imports the gates' "
                                              "bundles)"))
        self.as_office.setObjectName("asOffice")
        self.as_team = QRadioButton(self.tr("This computer is a supervision team's (督导组): it visits compounds"))
        self.as_team.setObjectName("asTeam")
        group = QButtonGroup(self)
        for b in (self.as_gate, self.as_office, self.as_team):
            group.addButton(b)
            box.addWidget(b)
        office_only = desk.is_office  # made by `main.py import`: it can only become an office
        self.as_office.setChecked(office_only)
        self.as_gate.setChecked(not office_only)
        self.as_gate.setEnabled(not office_only)
        self.as_team.setEnabled(not office_only)
        form = CheckedForm()
        self.form = form
        self.inputs, self.errors = form.inputs, form.errors
        for key, label, secret in [
            ("compound_name", self.tr("Compound name *"), False),
            ("address", self.tr("Address"), False),
            ("grid", self.tr("Grid (网格)"), False),
            ("community", self.tr("Community (社区)"), False),
            ("subdistrict", self.tr("Sub-district (街道)"), False),
            ("district", self.tr("District (区)"), False),
            ("gate_name", self.tr("This gate *"), False),
            ("admin_name", self.tr("Administrator's name *"), False),
            ("admin_pin", self.tr("Administrator's PIN (4–12 digits) *"), True),
            ("admin_pin_again", self.tr("PIN again *"), True),
        ]:
            form.add(key, label, secret=secret)
        self.compound_label = form.labelForField(self.inputs["compound_name"])
        if office_only:  # what office-init already named is not asked again: it is filled in
            unit = desk.sync.office_unit()
            for key, value in (("compound_name", desk.sync.office_name()), ("community", unit.community),
                               ("subdistrict", unit.subdistrict), ("district", unit.district)):
                self.inputs[key].setText(value)
        box.addLayout(form)
        # A district's office PCs share one database on a server; the embedded file is the default.
        self.server_address = None
        self.where = QLabel(self.tr("The office's database: on this computer."))
        self.where.setObjectName("where")
        self.where.setWordWrap(True)
        self.on_server = QPushButton(self.tr("The office database is on a server…"))
        self.on_server.setObjectName("onServer")
        self.on_server.setMinimumHeight(40)
        self.on_server.clicked.connect(self.choose_server)
        box.addWidget(self.where)
        box.addWidget(self.on_server)
        self.as_office.toggled.connect(self._mode_changed)
        self.as_team.toggled.connect(self._mode_changed)
        self._mode_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    # An office names its community, sub-district and district too: the unit it speaks for when it
    # forwards its gates' records upward.
    GATE_ONLY = ("address", "grid", "gate_name")

    def _mode_changed(self, *_args) -> None:
        office, team = self.as_office.isChecked(), self.as_team.isChecked()
        self.compound_label.setText(self.tr("Office name *") if office else self.tr("Team name *") if team
                                    else self.tr("Compound name *"))
        self.where.setVisible(office)
        self.on_server.setVisible(office)
        for key in self.GATE_ONLY:
            self.form.setRowVisible(self.inputs[key], not (office or team))
            if office or team:
                self.errors[key].hide()

    def choose_server(self) -> None:
        """Connect to the server; an office another PC already set up there is simply joined."""
        from gui.dialogs.server_dialog import ServerDialog

        dialog = ServerDialog(parent=self)
        if dialog.exec() != QDialog.Accepted:
            return
        self.desk = Desk(dialog.db)
        self.server_address = dialog.address
        self.as_gate.setEnabled(False)
        if self.desk.ctx is not None:
            super().accept()  # set up already: its administrators sign in
            return
        self.where.setText(self.tr("The office's database: on the server {0}.").format(dialog.address.shown()))
        self.on_server.hide()
        self.inputs["compound_name"].setFocus()

    def accept(self) -> None:
        values = self.form.values()
        try:
            if self.as_office.isChecked():
                self.desk.sync.complete_office_setup(
                    office_name=values["compound_name"], community=values["community"],
                    subdistrict=values["subdistrict"], district=values["district"], admin_name=values["admin_name"], pin=values["admin_pin"], pin_again=values["admin_pin_again"],
                    office_label=self.tr("Office"))
            elif self.as_team.isChecked():
                self.desk.sync.complete_inspection_setup(
                    team_name=values["compound_name"], community=values["community"],
                    subdistrict=values["subdistrict"], district=values["district"], admin_name=values["admin_name"],
                    pin=values["admin_pin"], pin_again=values["admin_pin_again"], label=self.tr("Supervision team"))
            else:
                self.desk.staff.complete_setup(SetupForm(**values))
        except InvalidInput as exc:
            self.form.show_errors(texts.by_field(exc))
            return
        super().accept()
