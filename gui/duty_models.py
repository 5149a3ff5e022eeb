"""The duty tab's tables: a day's shifts with their people, and who is at the post now."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from gui.list_table_model import ListTableModel

SHORT = QColor("#b71c1c")


def _hhmm(when, zone) -> str:
    return when.astimezone(zone).strftime("%H:%M")


class RotaTableModel(ListTableModel):
    """A day's shifts: post, time, people placed of the least–most, here now, missing, reserve."""

    COL_POST, COL_TIME, COL_PLACED, COL_HERE, COL_PEOPLE, COL_MISSING = range(6)

    def __init__(self, zone, grace: int, parent=None):
        super().__init__(parent)
        self.zone, self.grace, self.now = zone, grace, None
        self.headers = [self.tr("Post"), self.tr("Shift"), self.tr("People"), self.tr("Here"), self.tr("On the rota"),
                        self.tr("Not come")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        v = self.rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.COL_POST:
                return ("★ " if v.post.critical else "") + v.post.name
            if col == self.COL_TIME:
                from models.staffing import shift_label

                return shift_label(v.shift, self.zone)[6:]
            if col == self.COL_PLACED:
                return f"{v.placed} / {v.shift.min_people}–{v.shift.max_people}"
            if col == self.COL_HERE:
                return str(v.present)
            if col == self.COL_PEOPLE:
                names = "、".join(o.person.name for o in v.people)
                return names + (self.tr(" (+{0} reserve)").format(len(v.reserve)) if v.reserve else "")
            if col == self.COL_MISSING:
                return "、".join(o.person.name for o in v.absent(self.now, self.grace)) if self.now else ""
        if role == Qt.ForegroundRole and (col == self.COL_PLACED and v.short or col == self.COL_MISSING):
            return SHORT
        if role == Qt.ToolTipRole and col == self.COL_PLACED and v.short:
            return self.tr("Short of {0}").format(v.short)
        return None


class HereTableModel(ListTableModel):
    """Who is at their post now: name, post, since."""

    def __init__(self, zone, parent=None):
        super().__init__(parent)
        self.zone = zone
        self.headers = [self.tr("Name"), self.tr("Post"), self.tr("Since")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        ci, person, _shift, post = self.rows[index.row()]
        return (person.name, post.name, _hhmm(ci.in_at, self.zone))[index.column()]
