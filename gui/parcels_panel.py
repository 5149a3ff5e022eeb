"""The parcel / takeout drop-off station: intake by scanner, disinfection, pick-up by code, door delivery."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.list_table_model import ListTableModel
from gui.scanner import BurstCatcher
from gui.widgets import ChoiceRow, Notice
from models.app.desk import Desk
from models.kit.validation import InvalidInput
from models.station.parcels import (
    KIND_LABELS,
    STATUS_LABELS,
    IntakeForm,
    NotWaiting,
    Parcel,
    ParcelKind,
    ParcelStatus,
    is_overdue,
)

PARCEL_ROLE = Qt.UserRole + 1
OVERDUE = QBrush(QColor("#fdecea"))
KIND_KEYS = {ParcelKind.PARCEL: "1", ParcelKind.TAKEOUT: "2", ParcelKind.GROCERIES: "3", ParcelKind.SUPPLIES: "4"}


class ParcelTableModel(ListTableModel):
    stacked_headings = True

    # The pick-up code and room first: what a guard looks for when someone comes to collect.
    # Kind sits with the carrier and the phone tail with the name, so every column shows at 1280 px.
    (COL_CODE, COL_ROOM, COL_SHELF, COL_RECEIVED, COL_CARRIER, COL_TRACKING, COL_NAME,
     COL_DISINFECTED, COL_STATUS) = range(9)

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.headers = [self.tr("Code"), self.tr("Room"), self.tr("Shelf"), self.tr("Received"),
                        self.tr("Carrier"), self.tr("Tracking no."), self.tr("Recipient"), self.tr("Disinf."),
                        self.tr("Status")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role == PARCEL_ROLE:
            return p
        if role == Qt.BackgroundRole:
            return OVERDUE if is_overdue(p, self.desk.settings, self.desk.now()) else None
        if role != Qt.DisplayRole:
            return None
        zone = self.desk.settings.zone
        return [
            p.pickup_code, p.room, p.shelf or "", texts.local_time(p.received_at, zone, "%m-%d %H:%M"),
            " ".join(filter(None, [p.carrier, texts.lookup("Parcels", KIND_LABELS[ParcelKind(p.kind)])])),
            p.tracking_no or "", " ".join(filter(None, [p.recipient_name, p.phone_tail])),
            texts.local_time(p.disinfected_at, zone, "%H:%M") if p.disinfected_at else self.tr("No"),
            self._status(p),
        ][index.column()]

    def _status(self, p: Parcel) -> str:
        label = texts.lookup("Parcels", STATUS_LABELS[ParcelStatus(p.status)])
        zone = self.desk.settings.zone
        if p.status == ParcelStatus.COLLECTED:
            return f"{label} {p.collected_by or ''} {texts.local_time(p.collected_at, zone, '%H:%M')}"
        if p.status == ParcelStatus.DELIVERED:
            return f"{label} {p.delivered_by} {texts.local_time(p.delivered_at, zone, '%H:%M')}"
        return label


class ParcelsPanel(QWidget):
    parcels_changed = Signal()

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.last: Parcel | None = None

        # Intake: a courier drops a pile at once, so kind and carrier stay for the next item.
        self.kind = ChoiceRow([(k.value, texts.lookup("Parcels", KIND_LABELS[k]), key) for k, key in KIND_KEYS.items()],
                              object_name="parcelKind", columns=2)
        self.kind.set_value(ParcelKind.PARCEL.value)
        # Short: the column is narrow on a 1280-px screen, and the row's label says what the field is.
        self.carrier = self._line("carrier", self.tr("e.g. SF, JD"))
        self.tracking = self._line("tracking_no", self.tr("scan or type"))
        self.room = self._line("room", self.tr("e.g. 3-2-501"))
        self.rooms = QStringListModel(self)
        completer = QCompleter(self.rooms, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.room.setCompleter(completer)
        self.room.textEdited.connect(lambda text: self.rooms.setStringList(self.desk.parcels.known_rooms(text)))
        self.recipient = self._line("recipient_name", "")
        self.phone_tail = self._line("phone_tail", self.tr("last 4 digits"))
        self.phone_tail.setMaxLength(4)
        self.shelf = self._line("shelf", self.tr("e.g. A-3"))
        save = QPushButton(self.tr("Take in  [Enter]"))
        save.setObjectName("intakeButton")
        save.setMinimumHeight(52)
        save.clicked.connect(self.take_in)
        self.code_banner = QLabel("")
        self.code_banner.setObjectName("pickupCode")
        self.code_banner.setAlignment(Qt.AlignCenter)
        self.intake_error = QLabel("")
        self.intake_error.setObjectName("dialogError")
        self.intake_error.setWordWrap(True)
        intake_form = QFormLayout()
        intake_form.addRow(self.tr("Carrier / platform"), self.carrier)
        intake_form.addRow(self.tr("Tracking / order no."), self.tracking)
        intake_form.addRow(self.tr("Room"), self.room)
        intake_form.addRow(self.tr("Recipient"), self.recipient)
        intake_form.addRow(self.tr("Phone tail"), self.phone_tail)
        intake_form.addRow(self.tr("Shelf"), self.shelf)
        intake_box = QGroupBox(self.tr("Take in"))
        ib = QVBoxLayout(intake_box)
        kind_caption = QLabel(self.tr("Kind [1–4]"))
        kind_caption.setBuddy(self.kind)
        ib.addWidget(kind_caption)
        ib.addWidget(self.kind)  # a line of its own: four buttons need the box's whole width
        ib.addLayout(intake_form)
        ib.addWidget(self.intake_error)
        ib.addWidget(save)
        ib.addWidget(self.code_banner)
        self.tracking.returnPressed.connect(self.room.setFocus)  # the scanner ends with Enter
        # A parcel scanned while another field has focus still lands in the tracking field.
        self.scanner = BurstCatcher(self, self._scanned_elsewhere)
        for edit in (self.carrier, self.room, self.recipient, self.phone_tail, self.shelf):
            edit.returnPressed.connect(self.take_in)

        # Hand-out: by pick-up code or room, to the resident or to the door.
        self.code = self._line("pickupCodeInput", self.tr("pick-up code or room"))
        self.code.returnPressed.connect(self.find)
        find = QPushButton(self.tr("Find"))
        find.setObjectName("findButton")
        find.clicked.connect(self.find)
        self.collector = self._line("collectedBy", self.tr("who collects"))
        collect = QPushButton(self.tr("Collected"))
        collect.setObjectName("collectButton")
        collect.clicked.connect(self.collect)
        self.volunteer = self._line("volunteer", self.tr("volunteer's name"))
        deliver = QPushButton(self.tr("Delivered to the door"))
        deliver.setObjectName("deliverButton")
        deliver.clicked.connect(self.deliver)
        self.agent = self._line("agent", self.tr("disinfectant, e.g. 含氯消毒液"))
        disinfect = QPushButton(self.tr("Disinfect all new items"))
        disinfect.setObjectName("disinfectButton")
        disinfect.clicked.connect(self.disinfect)
        disinfect_one = QPushButton(self.tr("Disinfect selected"))
        disinfect_one.setObjectName("disinfectSelectedButton")
        disinfect_one.clicked.connect(self.disinfect_selected)
        out = QGridLayout()
        out.addWidget(self.code, 0, 0)
        out.addWidget(find, 0, 1, 1, 2)
        out.addWidget(self.collector, 1, 0)
        out.addWidget(collect, 1, 1, 1, 2)
        out.addWidget(self.volunteer, 2, 0)
        out.addWidget(deliver, 2, 1, 1, 2)
        out.addWidget(self.agent, 3, 0)
        out.addWidget(disinfect, 3, 1)
        out.addWidget(disinfect_one, 3, 2)
        out.setColumnStretch(0, 1)
        out_box = QGroupBox(self.tr("Hand out"))
        out_box.setLayout(out)

        self.model = ParcelTableModel(desk, self)
        self.table = QTableView()
        self.table.setObjectName("parcelTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(38)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel("")
        self.summary.setObjectName("parcelSummary")
        self.message = Notice()
        self.view = QComboBox()
        self.view.setObjectName("parcelView")
        self.view.addItem(self.tr("Waiting"), "waiting")
        self.view.addItem(self.tr("Overdue"), "overdue")
        self.view.addItem(self.tr("Handed out today"), "handed_out")
        self.view.currentIndexChanged.connect(lambda _i: self.refresh())
        per_day = QPushButton(self.tr("Counts per day…"))
        per_day.setObjectName("perDayButton")
        per_day.clicked.connect(self.show_counts_per_day)

        right = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.view)
        head.addWidget(per_day)
        right.addLayout(head)
        right.addWidget(self.table, 1)
        right.addWidget(out_box)
        right.addWidget(self.message)
        # On a 1280x720 screen the intake form is taller than the room: it scrolls rather than
        # pushing the window's bottom (the status bar, the Save button elsewhere) off the screen.
        intake = QScrollArea()
        intake.setObjectName("intakeScroll")
        intake.setWidget(intake_box)
        intake.setWidgetResizable(True)
        intake.setFrameShape(QFrame.NoFrame)
        intake.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        intake.setMinimumWidth(intake_box.minimumSizeHint().width() + intake.verticalScrollBar().sizeHint().width())
        top = QHBoxLayout(self)
        top.addWidget(intake, 2)
        top.addLayout(right, 5)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        e = QLineEdit()
        e.setObjectName(name)
        e.setPlaceholderText(placeholder)
        e.setMinimumHeight(40)
        return e

    def showEvent(self, event) -> None:
        self.scanner.activate()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self.scanner.deactivate()
        super().hideEvent(event)

    def _scanned_elsewhere(self, text: str, target) -> bool:
        from PySide6.QtWidgets import QLineEdit

        if target is self.tracking or not isinstance(target, QLineEdit) or not target.text().endswith(text):
            return False
        target.setText(target.text()[: -len(text)])
        self.tracking.setText(text)
        self.room.setFocus()
        return True

    def refresh(self) -> None:
        which = self.view.currentData()
        rows = (self.desk.parcels.overdue_parcels() if which == "overdue" else
                self.desk.parcels.handed_out_today() if which == "handed_out" else self.desk.parcels.waiting_parcels())
        self.model.set_rows(rows)
        c = self.desk.parcels.parcel_counts()
        self.summary.setText(self.tr("Today: {0} received, {1} handed out · waiting {2}, overdue {3}").format(
            c.received, c.handed_out, c.waiting, c.overdue))

    def take_in(self) -> None:
        form = IntakeForm(kind=self.kind.value(), carrier=self.carrier.text(), tracking_no=self.tracking.text(),
                          room=self.room.text(), recipient_name=self.recipient.text(),
                          phone_tail=self.phone_tail.text(), shelf=self.shelf.text())
        try:
            parcel = self.desk.parcels.take_in(form)
        except InvalidInput as exc:
            self.intake_error.setText("\n".join(texts.message(e.message) for e in exc.errors))
            widget = {"tracking_no": self.tracking, "room": self.room, "phone_tail": self.phone_tail}.get(
                exc.errors[0].field, self.room)
            widget.setFocus()
            return
        self.last = parcel
        self.intake_error.setText("")
        self.code_banner.setText(self.tr("Pick-up code {0} · {1}").format(parcel.pickup_code, parcel.room))
        for edit in (self.tracking, self.room, self.recipient, self.phone_tail, self.shelf):
            edit.clear()
        self.tracking.setFocus()
        self.refresh()
        self.parcels_changed.emit()

    def find(self) -> None:
        text = self.code.text().strip()
        found = self.desk.parcels.search_parcels(text)
        self.model.set_rows(found)
        if found:
            self.table.selectRow(0)
            self.message.clear()
            self.collector.setFocus()
        else:
            self.message.problem(self.tr("Nothing waiting for {0}.").format(text))

    def _selected(self) -> Parcel | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.problem(self.tr("Choose an item in the list first."))
            return None
        return self.model.data(rows[0], PARCEL_ROLE)

    def _hand_out(self, fn, field: QLineEdit) -> None:
        parcel = self._selected()
        if parcel is None:
            return
        try:
            out = fn(parcel.id, field.text())
        except InvalidInput as exc:
            self.message.problem(texts.message(exc.errors[0].message))
            field.setFocus()
            return
        except NotWaiting:
            self.message.problem(texts.lookup("Parcels", NotWaiting.message_text))
        else:
            self.message.done(self.tr("Handed out: code {0} · {1} · {2}").format(
                out.pickup_code, out.room, texts.local_time(self.desk.now(), self.desk.settings.zone, "%H:%M")))
            field.clear()
            self.code.clear()
            if self.last is not None and self.last.id == out.id:
                self.code_banner.setText("")  # the code on show is for an item still on the shelf
                self.last = None
        self.refresh()
        self.parcels_changed.emit()

    def collect(self) -> None:
        self._hand_out(self.desk.parcels.collect, self.collector)

    def deliver(self) -> None:
        self._hand_out(self.desk.parcels.deliver, self.volunteer)

    def disinfect_selected(self) -> None:
        parcel = self._selected()
        if parcel is None:
            return
        try:
            rnd = self.desk.parcels.disinfect_items([parcel.id], self.agent.text())
        except InvalidInput as exc:
            self.message.problem(texts.message(exc.errors[0].message))
            self.agent.setFocus()
            return
        self.message.done(self.tr("Disinfected {0} items.").format(rnd.items))
        self.refresh()

    def show_counts_per_day(self) -> None:
        from gui.dialogs.parcel_days_dialog import ParcelDaysDialog

        ParcelDaysDialog(self.desk.parcels.parcel_counts_by_day(14), self).exec()

    def disinfect(self) -> None:
        try:
            rnd = self.desk.parcels.disinfect_waiting(self.agent.text())
        except InvalidInput as exc:
            self.message.problem(texts.message(exc.errors[0].message))
            self.agent.setFocus()
            return
        self.message.done(self.tr("Disinfected {0} items.").format(rnd.items))
        self.refresh()
