"""The registration form: keyboard-first, with the decision shown large after every save."""
from __future__ import annotations

import itertools
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.scanner import BurstCatcher, ScanCatcher
from gui.widgets import ChoiceRow, Field
from models.app.desk import Desk
from models.app.gate_service import Saved
from models.gate import visits
from models.gate.rules import ALL_CLEAR_TEXT, CodeColor, NatResult, Outcome, PersonKind
from models.gate.visits import AlreadyInside, RemeasureNeeded, VisitForm, recall_key
from models.kit.validation import NAME_MAX, TEXT_MAX, InvalidInput, complete_reading
from models.residents import PASS_PREFIX
from models.staffing import CARD_PREFIX
from models.station.isolation import may_be_placed
from models.store.db import NotSaved

KIND_KEYS = {PersonKind.VISITOR: "1", PersonKind.RESIDENT: "2", PersonKind.COURIER: "3",
             PersonKind.WORKER: "4", PersonKind.OTHER: "5"}
YES_NO = {"yes": True, "no": False}
ANSWER = {v: k for k, v in YES_NO.items()}


class GatePanel(QWidget):
    visit_saved = Signal(object)  # Saved
    case_opened = Signal(str)  # isolation case id
    passage_recorded = Signal()  # a pass scanned: let in, let out, or refused
    duty_checked = Signal()  # a duty card: at a gate the rota holds, the gate may have changed hands

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.last_saved: Saved | None = None
        self.pending_scan = None  # a resident's pass, waiting for the temperature
        # A pass scanned anywhere on this page is caught whole before any field sees it.
        # A duty card scanned here checks its holder in or out, as on the duty tab.
        self.scanner = ScanCatcher(self, (PASS_PREFIX, CARD_PREFIX), self.handle_scan)
        # An ID card reader in keyboard mode types the card (Tab between fields) wherever the cursor
        # is; what the fields held before its first key is noted, and put back once it is read.
        self.id_reader = BurstCatcher(self, self._id_card_read, shortest=18, separators="\t",
                                      on_start=self._note_fields)
        self._before_burst: VisitForm | None = None
        self._recalled_phone = ""
        self._first_reading = ""
        self._build()
        self.apply_settings()
        self.clear_form()

    # -- building -----------------------------------------------------------------------------
    def _line(self, name: str, max_len: int = TEXT_MAX, placeholder: str = "") -> QLineEdit:
        e = QLineEdit()
        e.setObjectName(name)
        e.setMaxLength(max_len + 20)  # a little slack so "too long" is explained rather than silently cut
        e.setPlaceholderText(placeholder)
        e.setMinimumHeight(44)
        return e

    def _build(self) -> None:
        # The buttons show the keys the heading names (F1–F5, anywhere on the page); 1–5 also pick
        # while the row has the focus.
        self.kind = ChoiceRow([(k.value, texts.kind(k.value), key, f"F{key}") for k, key in KIND_KEYS.items()],
                              object_name="kind")
        self.phone = self._line("phone", 20, self.tr("11 digits; a returning visitor is filled in"))
        self.name = self._line("name", NAME_MAX)
        self.id_number = self._line("id_number", 18)
        self.origin = self._line("origin", placeholder=self.tr("district, town or city"))
        self.destination = self._line("destination", placeholder=self.tr("building-unit-room, e.g. 3-2-501"))
        self.host = self._line("host", NAME_MAX)
        self.purpose = self._line("purpose")
        self.temperature = self._line("temperature", 8, "36.5")
        self.code = ChoiceRow([(CodeColor.GREEN.value, self.tr("Green"), "G"),
                               (CodeColor.YELLOW.value, self.tr("Yellow"), "Y"),
                               (CodeColor.RED.value, self.tr("Red"), "R")], object_name="code")
        self.nat = ChoiceRow([(NatResult.NEGATIVE.value, self.tr("Negative"), "N"),
                              (NatResult.POSITIVE.value, self.tr("Positive"), "P"),
                              (NatResult.NONE.value, self.tr("None"), "X")], object_name="nat")
        self.nat_time = self._line("nat_sampled_at", 20, self.tr("11-28 09:12, or 30h"))
        self.risk = ChoiceRow([("no", self.tr("No"), "N"), ("yes", self.tr("Yes"), "Y")],
                              object_name="risk")
        self.mask = ChoiceRow([("yes", self.tr("Mask on"), "M"), ("no", self.tr("No mask"), "U")],
                              object_name="mask")

        self.fields: dict[str, Field] = {
            "kind": Field(self.tr("Who [F1–F5]"), self.kind),
            "phone": Field(self.tr("Phone"), self.phone),
            "name": Field(self.tr("Name"), self.name),
            "destination": Field(self.tr("Going to (building-unit-room)"), self.destination),
            "host": Field(self.tr("Host (resident visited)"), self.host),
            "temperature": Field(self.tr("Temperature °C"), self.temperature),
            "code_color": Field(self.tr("Health code"), self.code),
            "nat_result": Field(self.tr("Nucleic-acid result"), self.nat),
            "nat_sampled_at": Field(self.tr("Sample taken"), self.nat_time),
            "risk_flag": Field(self.tr("Risk-area stay in 14 days / star on itinerary card"), self.risk),
            "mask": Field(self.tr("Mask"), self.mask),
            "id_number": Field(self.tr("ID number"), self.id_number),
            "origin": Field(self.tr("Coming from"), self.origin),
            "purpose": Field(self.tr("Purpose"), self.purpose),
        }
        # Screen order is Tab order: who, then the checks, then what is asked only when needed.
        self.chain = [self.phone, self.name, self.destination, self.host, self.temperature, self.code, self.nat,
                      self.nat_time, self.risk, self.mask, self.id_number, self.origin, self.purpose]
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.fields["kind"], 0, 0, 1, 2)
        self.first_reading = self.fields["temperature"].hint
        for i, key in enumerate(k for k in self.fields if k != "kind"):
            grid.addWidget(self.fields[key], 1 + i // 2, i % 2)

        self.save_button = QPushButton(self.tr("Save  [Enter]"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setMinimumHeight(56)
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Clear  [Esc]"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setMinimumHeight(56)
        self.clear_button.clicked.connect(self.clear_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button, 3)
        buttons.addWidget(self.clear_button, 1)

        self.banner = QLabel("")
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignCenter)
        self.banner.setMinimumHeight(150)
        self.banner_detail = QLabel("")
        self.banner_detail.setObjectName("bannerDetail")
        self.banner_detail.setWordWrap(True)
        self.banner_detail.setAlignment(Qt.AlignCenter)
        self.override_button = QPushButton(self.tr("Supervisor override…"))
        self.override_button.setObjectName("overrideButton")
        self.override_button.setMinimumHeight(48)
        self.override_button.clicked.connect(self._override)
        self.override_button.hide()
        self.isolate_button = QPushButton(self.tr("Place at the isolation point  [F9]"))
        self.isolate_button.setObjectName("isolateButton")
        self.isolate_button.setMinimumHeight(56)
        self.isolate_button.clicked.connect(self.place_in_isolation)
        self.isolate_button.hide()
        isolate_key = QShortcut(QKeySequence("F9"), self)
        isolate_key.setContext(Qt.WidgetWithChildrenShortcut)
        isolate_key.activated.connect(lambda: self.isolate_button.isVisible() and self.place_in_isolation())
        # The same person already inside: one key signs that entry out, then saves this one.
        self.sign_out_first_button = QPushButton(self.tr("Sign the earlier entry out, then save  [F7]"))
        self.sign_out_first_button.setObjectName("signOutFirstButton")
        self.sign_out_first_button.setMinimumHeight(56)
        self.sign_out_first_button.clicked.connect(lambda: self.save(sign_out_earlier=True))
        self.sign_out_first_button.hide()
        sign_out_key = QShortcut(QKeySequence("F7"), self)
        sign_out_key.setContext(Qt.WidgetWithChildrenShortcut)
        sign_out_key.activated.connect(
            lambda: self.sign_out_first_button.isVisible() and self.save(sign_out_earlier=True))
        # People waiting a few minutes for a re-measure: parked here (on screen only, nothing is
        # saved before the re-measure) so the guard can register others meanwhile.
        self.park_button = QPushButton(self.tr("Register the next person meanwhile  [F8]"))
        self.park_button.setObjectName("parkButton")
        self.park_button.setMinimumHeight(52)
        self.park_button.clicked.connect(self.park)
        self.park_button.hide()
        park_key = QShortcut(QKeySequence("F8"), self)
        park_key.setContext(Qt.WidgetWithChildrenShortcut)
        park_key.activated.connect(lambda: self.park_button.isVisible() and self.park())
        self.parked_caption = QLabel(self.tr("Waiting for a re-measure (double-click or Enter to resume)"))
        self.parked_caption.setObjectName("caption")
        self.parked_caption.setWordWrap(True)
        self.parked = QListWidget()
        self.parked.setObjectName("parkedList")
        self.parked.itemActivated.connect(self.resume)
        for w in (self.parked_caption, self.parked):
            w.hide()
        self._parked_forms: dict[int, tuple[VisitForm, datetime]] = {}
        self._park_ids = itertools.count()
        self._parked_ticker = QTimer(self)
        self._parked_ticker.timeout.connect(self._show_parked)
        self._parked_ticker.start(30_000)
        side = QVBoxLayout()
        side.addWidget(self.banner)
        side.addWidget(self.banner_detail)
        side.addWidget(self.park_button)
        side.addWidget(self.sign_out_first_button)
        side.addWidget(self.isolate_button)
        side.addWidget(self.override_button)
        side.addStretch(1)
        side.addWidget(self.parked_caption)
        side.addWidget(self.parked)
        side_frame = QFrame()
        side_frame.setObjectName("decisionPane")
        side_frame.setLayout(side)
        side_frame.setMinimumWidth(300)

        # On a small screen the fields scroll; Save stays in view.
        fields_widget = QWidget()
        fields_box = QVBoxLayout(fields_widget)
        fields_box.setContentsMargins(0, 0, 4, 0)
        fields_box.addLayout(grid)
        fields_box.addStretch(1)
        scroll = self.scroll = QScrollArea()
        scroll.setObjectName("formScroll")
        scroll.setWidget(fields_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        form = QVBoxLayout()
        form.addWidget(scroll, 1)
        form.addLayout(buttons)
        top = QHBoxLayout(self)
        top.addLayout(form, 5)
        top.addWidget(side_frame, 3)

        chain = [self.kind, *self.chain, self.save_button]
        for a, b in zip(chain, chain[1:]):
            self.setTabOrder(a, b)
        for row in (self.code, self.nat, self.risk, self.mask):
            row.advance = lambda row=row: self.advance_from(row)

        for kind, key in KIND_KEYS.items():
            sc = QShortcut(QKeySequence(f"F{key}"), self)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda k=kind: self.kind.set_value(k.value))
        self.kind.changed.connect(self._kind_changed)
        self.phone.textEdited.connect(self._maybe_recall)
        # The banner's "next" follows the cursor however it moves (Tab, a click, the form itself).
        QApplication.instance().focusChanged.connect(self._focus_moved)
        for key in ("phone", "destination"):  # wrong already as typed: marked at once, not at Save
            self.fields[key].widget.textEdited.connect(lambda text, key=key: self._mark_as_typed(key, text))
        self.temperature.textEdited.connect(self._reading_typed)
        self.nat.changed.connect(lambda v: self.nat_time.setEnabled(v != NatResult.NONE.value))
        self.nat_time.textEdited.connect(lambda _text: self._show_carried(""))  # the guard's own reading now

    # -- settings decide which checks show ------------------------------------------------------
    def apply_settings(self) -> None:
        s = self.desk.settings
        self.fields["temperature"].setVisible(s.check_temperature)
        self.fields["code_color"].setVisible(s.check_health_code)
        self.fields["nat_result"].setVisible(s.check_nat)
        self.fields["nat_sampled_at"].setVisible(s.check_nat)
        self.fields["risk_flag"].setVisible(s.check_itinerary)
        self.fields["mask"].setVisible(s.check_mask)

    def _kind_changed(self, value: str) -> None:
        resident = value == PersonKind.RESIDENT.value
        self.fields["host"].setEnabled(not resident)

    # -- reading and clearing ----------------------------------------------------------------
    def form_value(self) -> VisitForm:
        return VisitForm(
            kind=self.kind.value(), name=self.name.text(), phone=self.phone.text(), id_number=self.id_number.text(),
            origin=self.origin.text(), destination=self.destination.text(), host=self.host.text(),
            purpose=self.purpose.text(), temperature=self.temperature.text(), temperature_first=self._first_reading,
            code_color=self.code.value(), nat_result=self.nat.value(), nat_sampled_at=self.nat_time.text(),
            risk_flag=YES_NO.get(self.risk.value()), mask=YES_NO.get(self.mask.value()),
        )

    def clear_form(self) -> None:
        self.pending_scan = None
        for e in (self.phone, self.name, self.id_number, self.origin, self.destination, self.host, self.purpose,
                  self.temperature, self.nat_time):
            e.clear()
        self.kind.set_value(PersonKind.VISITOR.value)
        self.code.set_value("")
        self.nat.set_value("")  # no check has a pre-chosen answer: the guard states each one
        self._show_carried("")
        self.fields["id_number"].set_hint("")
        self.risk.set_value("")
        self.mask.set_value("")
        self._recalled_phone = ""
        self._set_first_reading("")
        self._show_errors(None)
        if self.last_saved is None:
            self._show_banner("ready", self.tr("Ready"), self.tr("Type the phone number to begin."))
        self.phone.setFocus()

    def _set_first_reading(self, value: str) -> None:
        self._first_reading = value
        self.fields["temperature"].set_hint(
            self.tr("First reading: {0} °C — type the re-measured reading").format(value) if value else "")
        self.fields["temperature"].caption.setText(
            self.tr("Re-measured temperature °C") if value else self.tr("Temperature °C"))

    # -- actions --------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        self.scanner.activate()
        self.id_reader.activate()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self.scanner.deactivate()
        self.id_reader.deactivate()
        super().hideEvent(event)

    def _note_fields(self) -> None:
        self._before_burst = self.form_value()  # with the first reading of a re-measure

    def _id_card_read(self, burst: str, _target) -> bool:
        """True when the burst was an ID card: the fields are as they were before it, with the
        card's name and number in theirs."""
        try:
            swipe = self.desk.gate.read_id_card(burst)
        except InvalidInput as exc:
            self._restore_fields()
            self.fields["id_number"].set_error(texts.message(exc.errors[0].message))
            self._show_banner("invalid", self.tr("ID card not read"), texts.message(exc.errors[0].message))
            return True
        if swipe is None:
            return False
        self._restore_fields()
        if swipe.name:
            self.name.setText(swipe.name)
        self.id_number.setText(swipe.id_number)
        self.fields["id_number"].set_error("")
        self.fields["id_number"].set_hint(self.tr("From the ID card · born {0}").format(swipe.birth.isoformat()))
        then = self.tr("Now the checks.") if self.phone.text() else self.tr("Now the phone number and the checks.")
        self._show_banner("recall", self.tr("ID card read"), self.tr("{0} · born {1}.").format(
            swipe.name or swipe.id_number[-4:], swipe.birth.isoformat()) + " " + then)
        if self.phone.text():
            self.advance_from(self.name)
        else:
            self.phone.setFocus()
        return True

    def _restore_fields(self) -> None:
        if self._before_burst is None:
            return
        recalled = self._recalled_phone
        self.set_form(self._before_burst)
        self._recalled_phone = recalled  # the card's digits in the phone field were no phone number

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.save()
            return
        if event.key() == Qt.Key_Escape:
            self.clear_form()
            return
        super().keyPressEvent(event)

    def _show_carried(self, text: str) -> None:
        """Where a carried-over test result came from, under the choice it filled."""
        self.fields["nat_result"].set_hint(text)

    def _mark_as_typed(self, key: str, text: str) -> None:
        problem = self.desk.gate.typing_problem(key, text)
        self.fields[key].set_error(texts.message(problem.message) if problem else "")

    def _focus_moved(self, _old, new) -> None:
        if new is not None and self.isAncestorOf(new):
            self._next_step()

    def _next_step(self) -> None:
        """While nothing is decided yet, the banner names what the form asks for next."""
        if self.banner.property("state") != "ready":
            return
        focus = self.focusWidget()
        for field in self.fields.values():
            if field.widget is focus:
                self.banner_detail.setText(self.tr("Next: {0}").format(field.caption.text().rstrip("*： :")))
                return
        if focus is self.save_button:
            self.banner_detail.setText(self.tr("Everything is asked: Enter saves."))

    def _maybe_recall(self, text: str) -> None:
        digits = recall_key(text)
        if digits is None or digits == self._recalled_phone:
            return
        self._recalled_phone = digits
        found = self.desk.gate.recall(digits)
        if found is None:
            # A whole mobile number: the next thing to type is the name.
            self.advance_from(self.phone)
            return
        for widget, value in ((self.name, found.name), (self.id_number, found.id_number), (self.origin, found.origin),
                              (self.destination, found.destination), (self.host, found.host),
                              (self.purpose, found.purpose)):
            if value and not widget.text():
                widget.setText(value)
        self.kind.set_value(found.kind)
        if found.nat_result and not self.nat.value():
            self.nat.set_value(found.nat_result)
            self.nat_time.setText(found.nat_sampled_at)
            self._show_carried(self.tr("from the visit of {0}; change it if the visitor shows a newer one").format(
                found.carried_from))
        self._show_banner("recall", self.tr("Returning visitor"),
                          self.tr("Filled in from the last visit. Check it, then take the temperature."))
        self.advance_from(self.phone)

    def _reading_typed(self, text: str) -> None:
        """A whole reading ("365" or "36.5") is shown as the thermometer shows it and the cursor
        moves on; a resident's pass waits for Enter, as it always has."""
        reading = complete_reading(text)
        if reading is None or self.pending_scan is not None:
            return
        if reading != text:
            self.temperature.setText(reading)
        self.advance_from(self.temperature)

    def advance_from(self, widget: QWidget) -> None:
        """Move to the next field after `widget` that a save would still ask for, or to Save when
        nothing is left; the core says what is missing, the form only moves the cursor."""
        missing = self.desk.gate.unanswered(self.form_value())
        keys = {f.widget: key for key, f in self.fields.items()}
        later = self.chain[self.chain.index(widget) + 1:]
        target = next((w for w in later if keys[w] in missing and w.isVisibleTo(self) and w.isEnabled()),
                      self.save_button)
        target.setFocus()
        if target is not self.save_button:
            self.scroll.ensureWidgetVisible(self.fields[keys[target]])
        self._next_step()

    def _take_scan(self) -> str | None:
        """A pass pasted into a field (the scanner's keys are caught before): cut it out of that field."""
        from PySide6.QtWidgets import QLineEdit

        for edit in self.findChildren(QLineEdit):
            text = edit.text()
            at = text.find(PASS_PREFIX)
            if at >= 0:
                edit.setText(text[:at])
                return text[at:].strip()
        return None

    def handle_scan(self, payload: str) -> None:
        from models.residents import PassRefused

        if payload.startswith(CARD_PREFIX):
            self.handle_duty_card(payload)
            return
        self.pending_scan = None
        try:
            scan = self.desk.residents.scan_pass(payload)
        except PassRefused as refusal:
            self._show_refusal(refusal)
            return
        if self.desk.residents.needs_temperature(scan):
            self.pending_scan = scan
            self.temperature.clear()
            self._show_banner("recall", self.tr("Resident {0} · {1} · in").format(
                scan.resident.name, scan.household.label),
                self.tr("Take the temperature, type it and press Enter. Esc cancels."))
            self.temperature.setFocus()
            return
        self._finish_passage(scan, "")

    def _finish_passage(self, scan, temperature: str) -> None:
        from models.residents import Direction, PassRefused

        try:
            self.desk.residents.record_passage(scan, temperature)
        except InvalidInput as exc:
            self.fields["temperature"].set_error(texts.message(exc.errors[0].message))
            self.temperature.setFocus()
            return
        except PassRefused as refusal:
            self.pending_scan = None
            self.temperature.clear()
            self._show_refusal(refusal)
            return
        self.pending_scan = None
        self.temperature.clear()
        self.fields["temperature"].set_error("")
        way = self.tr("in") if scan.direction == Direction.IN else self.tr("out")
        self._show_banner("admit", self.tr("Pass: {0}").format(way),
                          f"{scan.resident.name} · {scan.household.label}")
        self.passage_recorded.emit()
        self.phone.setFocus()

    def handle_duty_card(self, payload: str) -> None:
        """Someone on the rota checks in or out with their card, whatever the form holds."""
        from models.staffing import DutyRefused

        try:
            done = self.desk.staffing.check_card(payload)
        except DutyRefused as refused:
            self._show_banner("refuse", self.tr("Duty card refused"), texts.message(refused.message))
            return
        title, detail = texts.duty_checked(done, self.desk.settings.zone)
        self._show_banner("admit", title, detail)
        self.duty_checked.emit()

    def _show_refusal(self, refusal) -> None:
        from PySide6.QtWidgets import QApplication

        stop = refusal.stops_exit
        if stop:
            QApplication.beep()
        self._show_banner("isolate" if stop else "refuse",
                          self.tr("STOP — do not let out") if stop else self.tr("Pass refused"),
                          texts.message(refusal.message))
        self.passage_recorded.emit()
        self.phone.setFocus()

    def save(self, *, sign_out_earlier: bool = False) -> None:
        payload = self._take_scan()
        if payload is not None:
            self.handle_scan(payload)
            return
        if self.pending_scan is not None:
            self._finish_passage(self.pending_scan, self.temperature.text())
            return
        form = self.form_value()
        try:
            saved = self.desk.gate.register(form, sign_out_earlier=sign_out_earlier)
        except AlreadyInside as exc:
            self._show_banner("inside", self.tr("Already inside"), self.tr(
                "{0} came in at {1} and has not signed out. F7 signs that entry out and saves this one; "
                "Esc clears the form.").format(exc.name, exc.since))
            self.sign_out_first_button.show()
            return
        except InvalidInput as exc:
            self._show_errors(exc)
            return
        except RemeasureNeeded as exc:
            self._ask_remeasure(form.temperature, exc.decision)
            return
        except NotSaved as exc:
            self._show_banner("failed", self.tr("NOT SAVED"), texts.message(exc.message))
            return
        self.last_saved = saved
        self._show_decision(saved)
        self.clear_form()
        self.visit_saved.emit(saved)

    def _ask_remeasure(self, reading: str, decision) -> None:
        self._set_first_reading(reading.strip())
        self.temperature.clear()
        self._show_errors(None)
        self._show_banner("remeasure", self.tr("Measure again"),
                          self.tr("{0} °C is at or above {1} °C. Wait a few minutes out of the wind, measure again "
                                  "and type the new reading.").format(reading.strip(), self.desk.settings.fever_threshold))
        self.park_button.show()
        self.temperature.setFocus()

    def _show_errors(self, exc: InvalidInput | None) -> None:
        by_field = texts.by_field(exc)
        for key, field in self.fields.items():
            field.set_error(by_field.get(key, ""))
        if exc:
            self.override_button.hide()
            self.isolate_button.hide()
            listed = [f"{self.fields[k].caption.text()}：{text}" if k in self.fields else text
                      for k, text in by_field.items()]
            self._show_banner("invalid", self.tr("Not saved"),
                              "\n".join([self.tr("Correct the fields marked in red.")] + listed))
            first = next((f for k, f in self.fields.items() if k in by_field and f.isVisible()), None)
            if first:
                first.widget.setFocus()
                self.scroll.ensureWidgetVisible(first)

    def park(self) -> None:
        """Set aside the person waiting for a re-measure and clear the form for the next one."""
        form = self.form_value()
        if not form.temperature_first:
            return
        self._parked_forms[next(self._park_ids)] = (form, self.desk.now())
        self.last_saved = None
        self.clear_form()
        self._show_parked()

    def resume(self, item: QListWidgetItem) -> None:
        form, _ = self._parked_forms.pop(item.data(Qt.UserRole))
        self.set_form(form)
        self._show_parked()
        self._show_banner("remeasure", self.tr("Measure again"),
                          self.tr("First reading {0} °C: type the re-measured reading.").format(form.temperature_first))
        self.park_button.show()
        self.temperature.setFocus()

    def _show_parked(self) -> None:
        self.parked.clear()
        now = self.desk.now()
        for key, (form, since) in self._parked_forms.items():
            minutes = int((now - since).total_seconds() // 60)
            item = QListWidgetItem(self.tr("{0} · first reading {1} °C · waiting {2} min").format(
                visits.waiting_label(form), form.temperature_first, minutes))
            item.setData(Qt.UserRole, key)
            self.parked.addItem(item)
        for w in (self.parked_caption, self.parked):
            w.setVisible(bool(self._parked_forms))

    def set_form(self, form: VisitForm) -> None:
        self.clear_form()
        for widget, value in ((self.name, form.name), (self.phone, form.phone), (self.id_number, form.id_number),
                              (self.origin, form.origin), (self.destination, form.destination), (self.host, form.host),
                              (self.purpose, form.purpose), (self.temperature, form.temperature),
                              (self.nat_time, form.nat_sampled_at)):
            widget.setText(value)
        self._recalled_phone = "".join(ch for ch in form.phone if ch.isdigit())
        self.kind.set_value(form.kind)
        self.code.set_value(form.code_color)
        self.nat.set_value(form.nat_result)
        self.risk.set_value(ANSWER.get(form.risk_flag, ""))
        self.mask.set_value(ANSWER.get(form.mask, ""))
        self._set_first_reading(form.temperature_first)

    def _show_banner(self, state: str, title: str, detail: str) -> None:
        if state != "remeasure":
            self.park_button.hide()
        if state != "inside":
            self.sign_out_first_button.hide()
        if state not in tuple(Outcome):
            # The buttons act on the last decision; once the banner shows something else, they go.
            self.override_button.hide()
            self.isolate_button.hide()
        self.banner.setProperty("state", state)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.setText(title)
        self.banner_detail.setText(detail)

    def _show_decision(self, saved: Saved) -> None:
        v = saved.visit
        reasons = [texts.reason(code, saved.decision.params) for code in v.reason_codes]
        if v.override_reason:
            reasons.append(self.tr("Overridden by a supervisor: {0}").format(v.override_reason))
        detail = "\n".join([v.name or ""] + (reasons or [texts.lookup("Reasons", ALL_CLEAR_TEXT)]))
        self._show_banner(v.decision, texts.outcome(v.decision), detail)
        self.override_button.setVisible(True)
        self.isolate_button.setVisible(may_be_placed(v))

    def place_in_isolation(self) -> None:
        """One action from the gate decision; everything the gate knows is carried over."""
        if self.last_saved is None:
            return
        case = self.desk.isolation.place_in_isolation(self.last_saved.visit.id)
        self.isolate_button.hide()
        self.banner_detail.setText(self.banner_detail.text() + "\n" + self.tr("Placed at the isolation point."))
        self.case_opened.emit(case.id)

    def _override(self) -> None:
        if self.last_saved is None:
            return
        from gui.dialogs.override_dialog import OverrideDialog

        dialog = OverrideDialog(self.desk, self.last_saved.visit, self)
        if dialog.exec() and dialog.result_visit is not None:
            self.last_saved = Saved(dialog.result_visit, self.last_saved.decision)
            self._show_decision(self.last_saved)
            self.visit_saved.emit(self.last_saved)
