"""The administrator's settings: language, which checks apply, thresholds, sign-out and retention."""
from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.widgets import shows_placeholder
from models.app.desk import Desk
from models.gate.id_card import LAYOUT_LABELS
from models.setup.settings import Settings, parse_times
from models.setup.values import bounds


class SettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        s = desk.settings
        self.setWindowTitle(self.tr("Settings"))
        box = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(s.language))
        form.addRow(self.tr("Language"), self.language)

        self.checks: dict[str, QCheckBox] = {}
        labels = {
            "check_temperature": self.tr("Take temperatures"),
            "remeasure_high_temperature": self.tr("Re-measure a high first reading"),
            "check_health_code": self.tr("Check the health code"),
            "check_nat": self.tr("Check nucleic-acid tests"),
            "nat_for_residents": self.tr("Residents must show a test too"),
            "check_itinerary": self.tr("Ask about risk areas / itinerary card"),
            "check_mask": self.tr("Masks are required"),
            "require_phone": self.tr("Phone number required (non-residents)"),
            "require_id_number": self.tr("ID number required (visitors, workers)"),
            "require_destination": self.tr("Visitors name a room and a host"),
            "couriers_may_enter": self.tr("Couriers may enter"),
            "auto_signout_enabled": self.tr("Sign out everyone automatically each day"),
            "gate_on_rota": self.tr("The residents' rota holds the gate (no property company): whoever checks in "
                                    "at a gate post is on duty"),
        }
        for key, label in labels.items():
            cb = QCheckBox(label)
            cb.setObjectName(key)
            cb.setChecked(getattr(s, key))
            self.checks[key] = cb
            form.addRow(cb)
        self.id_reader = QComboBox()
        self.id_reader.setObjectName("id_reader_layout")
        for layout, label in LAYOUT_LABELS.items():
            self.id_reader.addItem(texts.lookup("IdCard", label), layout)
        self.id_reader.setCurrentIndex(self.id_reader.findData(s.id_reader_layout))
        form.addRow(self.tr("The ID card reader types"), self.id_reader)
        self.fever = QDoubleSpinBox()
        self.fever.setObjectName("fever_threshold")
        self.fever.setRange(*bounds("fever_threshold"))
        self.fever.setDecimals(1)
        self.fever.setSingleStep(0.1)
        self.fever.setValue(s.fever_threshold)
        form.addRow(self.tr("Fever at or above (°C)"), self.fever)
        self.window_hours = QSpinBox()
        self.window_hours.setObjectName("nat_window_hours")
        self.window_hours.setRange(*bounds("nat_window_hours"))
        self.window_hours.setValue(s.nat_window_hours)
        form.addRow(self.tr("Test valid for (hours)"), self.window_hours)
        self.signout_time = QTimeEdit(QTime(s.auto_signout_time.hour, s.auto_signout_time.minute))
        self.signout_time.setObjectName("auto_signout_time")
        self.signout_time.setDisplayFormat("HH:mm")
        form.addRow(self.tr("Automatic sign-out at"), self.signout_time)
        self.late = QSpinBox()
        self.late.setObjectName("duty_late_minutes")
        self.late.setRange(*bounds("duty_late_minutes"))
        self.late.setValue(s.duty_late_minutes)
        form.addRow(self.tr("On duty: late after (minutes)"), self.late)
        self.close_hours = QSpinBox()
        self.close_hours.setObjectName("duty_close_hours")
        self.close_hours.setRange(*bounds("duty_close_hours"))
        self.close_hours.setValue(s.duty_close_hours)
        form.addRow(self.tr("On duty: close a forgotten check-in after its shift (hours)"), self.close_hours)
        self.night_weight = QDoubleSpinBox()
        self.night_weight.setObjectName("night_weight")
        self.night_weight.setRange(*bounds("night_weight"))
        self.night_weight.setDecimals(1)
        self.night_weight.setSingleStep(0.5)
        self.night_weight.setValue(s.night_weight)
        form.addRow(self.tr("Night hours on duty count (×)"), self.night_weight)
        self.retention = QSpinBox()
        self.retention.setObjectName("retention_days")
        self.retention.setRange(*bounds("retention_days"))
        self.retention.setValue(s.retention_days)
        form.addRow(self.tr("Keep personal data for (days)"), self.retention)
        self.backup_folder = QLineEdit(s.backup_folder)
        self.backup_folder.setObjectName("backup_folder")
        self.backup_folder.setPlaceholderText(self.tr("the data folder's backups (e.g. a second disk is safer)"))
        shows_placeholder(self.backup_folder)
        form.addRow(self.tr("Daily backup to"), self.backup_folder)
        self.backup_keep = QSpinBox()
        self.backup_keep.setObjectName("backup_keep")
        self.backup_keep.setRange(*bounds("backup_keep"))
        self.backup_keep.setValue(s.backup_keep)
        form.addRow(self.tr("Daily backups kept"), self.backup_keep)
        if desk.db.path is None:  # an office on a server: its backups are the server's
            for field in (self.backup_folder, self.backup_keep):
                form.setRowVisible(field, False)
            note = QLabel(self.tr("Backups: this office's database is on a server, which keeps its own (pg_dump; "
                                  "see the README)."))
            note.setObjectName("serverBackups")
            note.setWordWrap(True)
            form.addRow("", note)
        self.idle_lock = QSpinBox()
        self.idle_lock.setObjectName("idle_lock_minutes")
        self.idle_lock.setRange(*bounds("idle_lock_minutes"))
        self.idle_lock.setSpecialValueText(self.tr("never"))
        self.idle_lock.setValue(s.idle_lock_minutes)
        form.addRow(self.tr("Lock when untouched for (minutes)"), self.idle_lock)
        self.shift_changes = QLineEdit(", ".join(t.strftime("%H:%M") for t in s.shift_changes))
        self.shift_changes.setObjectName("shift_changes")
        self.shift_changes.setPlaceholderText(self.tr("e.g. 08:00, 20:00 (empty: no shift lock)"))
        form.addRow(self.tr("Lock for sign-in at shift changes"), self.shift_changes)
        self.trust_new_stations = QCheckBox(self.tr("Import from a gate never seen before without enrolling it "
                                                    "(small communities only)"))
        self.trust_new_stations.setObjectName("trust_new_stations")
        self.trust_new_stations.setChecked(s.trust_new_stations)
        self.trust_new_stations.setToolTip(self.tr("Off: a new gate's bundles wait until an administrator has "
                                                   "checked its key fingerprint against its set-up sheet."))
        form.addRow(self.trust_new_stations)
        if desk.is_office:  # the gate's rules mean nothing at the office
            for widget in (*self.checks.values(), self.fever, self.window_hours, self.signout_time, self.id_reader,
                           self.late, self.close_hours):
                form.setRowVisible(widget, False)
        else:  # and the office's trust means nothing at a gate
            form.setRowVisible(self.trust_new_stations, False)
        # A long form: it scrolls rather than run off a 768-px screen.
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setMinimumWidth(inner.sizeHint().width() + 24)
        scroll.setMinimumHeight(min(inner.sizeHint().height(), 560))
        box.addWidget(scroll)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        box.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.changed: list[str] = []

    def value(self) -> Settings:
        new = self.desk.settings.model_copy()
        new.language = self.language.currentData()
        for key, cb in self.checks.items():
            setattr(new, key, cb.isChecked())
        new.id_reader_layout = self.id_reader.currentData()
        new.fever_threshold = round(self.fever.value(), 1)
        new.nat_window_hours = self.window_hours.value()
        t = self.signout_time.time()
        from datetime import time
        new.auto_signout_time = time(t.hour(), t.minute())
        new.duty_late_minutes = self.late.value()
        new.duty_close_hours = self.close_hours.value()
        new.night_weight = round(self.night_weight.value(), 1)
        new.retention_days = self.retention.value()
        new.backup_folder = self.backup_folder.text().strip()
        new.backup_keep = self.backup_keep.value()
        new.idle_lock_minutes = self.idle_lock.value()
        new.shift_changes = parse_times(self.shift_changes.text())
        new.trust_new_stations = self.trust_new_stations.isChecked()
        return new

    def accept(self) -> None:
        try:
            value = self.value()
        except ValueError as exc:
            self.note.setText(self.tr("“{0}” is not a time of day; write shift changes like 08:00, 20:00.").format(
                exc.args[0] if exc.args else ""))
            self.note.setObjectName("dialogError")
            self.shift_changes.setFocus()
            return
        self.changed = self.desk.staff.update_settings(value)
        super().accept()
