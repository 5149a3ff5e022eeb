"""Which gates have reported: the last bundle from each, and the numbers that never arrived."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui import texts
from gui.list_table_model import ListTableModel
from gui.widgets import row_table
from models.app.desk import Desk
from models.sync import StationReport



def runs_text(runs: list[tuple[int, int]], limit: int = 8) -> str:
    """(3, 7), (12, 12) → '3–7, 12': however many numbers are missing, a short line."""
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:limit]]
    return ", ".join(parts) + (" …" if len(runs) > limit else "")


class GatesTableModel(ListTableModel):
    COL_COMMUNITY, COL_COMPOUND, COL_GATE, COL_LAST, COL_MADE, COL_RECEIVED, COL_MISSING, COL_AUDIT = range(8)

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.headers = [self.tr("Community"), self.tr("Compound"), self.tr("Gate"), self.tr("Last bundle no."),
                        self.tr("Written at the gate"), self.tr("Imported here"), self.tr("Missing bundle numbers"),
                        self.tr("Gate's audit log")]

    def _problem(self, r: StationReport) -> bool:
        return r.needs_attention(self.desk.clock())

    def audit_text(self, r: StationReport) -> str:
        if r.audit_alarm == "backwards":
            return self.tr("cut short (bundle {0})").format(r.audit_alarm_seq)
        if r.audit_alarm == "replaced":
            return self.tr("rewritten (bundle {0})").format(r.audit_alarm_seq)
        return self.tr("intact")

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r: StationReport = self.rows[index.row()]
        col = index.column()
        zone = ZoneInfo(self.desk.settings.timezone)
        if role == Qt.DisplayRole:
            return {
                self.COL_COMMUNITY: r.community,
                self.COL_COMPOUND: r.compound_name,
                self.COL_GATE: r.gate_label,
                self.COL_LAST: r.last_seq,
                self.COL_MADE: texts.local_time(r.last_bundle_at, zone, "%Y-%m-%d %H:%M"),
                self.COL_RECEIVED: texts.local_time(r.last_imported_at, zone, "%Y-%m-%d %H:%M"),
                self.COL_MISSING: self.tr("{0} ({1} bundles)").format(runs_text(r.missing), r.missing_count)
                if r.missing else self.tr("none"),
                self.COL_AUDIT: self.audit_text(r),
            }.get(col)
        if role == Qt.ForegroundRole and self._problem(r) and col in (self.COL_MADE, self.COL_MISSING):
            return QColor("#b71c1c")
        if role == Qt.ForegroundRole and col == self.COL_AUDIT and r.audit_alarm:
            return QColor("#b71c1c")
        if role == Qt.ToolTipRole and col == self.COL_AUDIT and r.audit_alarm:
            return self.tr("Between two of this gate's bundles its audit log went backwards or was replaced: entries "
                           "were deleted or the log rewritten (or an old backup restored). Ask the gate why.")
        if role == Qt.ToolTipRole and self._problem(r):
            return self.tr("Ask this gate for the missing bundles, or for an export of the missing days.")
        return None


class GatesPanel(QWidget):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        box = QVBoxLayout(self)
        self.note = QLabel("")
        self.note.setObjectName("gatesNote")
        self.note.setWordWrap(True)
        box.addWidget(self.note)
        self.model = GatesTableModel(desk, self)
        self.table = row_table(self.model, "gatesTable")
        box.addWidget(self.table, 1)

    def refresh(self) -> None:
        rows = self.desk.sync.completeness()
        self.model.set_rows(rows)
        late = [r for r in rows if self.model._problem(r)]
        if not rows:
            self.note.setText(self.tr("No bundles imported yet."))
        elif late:
            self.note.setText(self.tr("{0} of {1} gates have gaps, an audit log cut short or rewritten, or have "
                                      "sent nothing for more than a day (in red).").format(len(late), len(rows)))
        else:
            self.note.setText(self.tr("All {0} gates are up to date.").format(len(rows)))
