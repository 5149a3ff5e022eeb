"""The testing round's tables on screen: the figures per building and the people's lines, with
each line's status worded for the volunteers at the sampling point."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from gui import texts
from gui.list_table_model import ListTableModel
from models.app.desk import Desk
from models.rounds import HOME, REASON_LABELS, Reason, status_of
from models.store.i18n import QT_TRANSLATE_NOOP

PERSON_ROLE = Qt.UserRole + 1
TONES = {"sampled": "#e6f4ea", "exempt": "#eef1f5", "home": "#fff4e0"}
FIGURES = ("due", "sampled", "exempt", "missing", "at_home")


class ProgressTableModel(ListTableModel):
    stacked_headings = True
    COL_BUILDING = 0

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [self.tr("Building"), self.tr("Due"), self.tr("Sampled"), self.tr("Exempt"),
                        self.tr("Missing"), self.tr("At home")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role == PERSON_ROLE:
            return p.building
        if role == Qt.TextAlignmentRole and index.column():
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role != Qt.DisplayRole:
            return None
        label = self.tr("Bldg {0}").format(p.building) if p.building else self.tr("All")
        return [label, *(getattr(p, f) for f in FIGURES)][index.column()]


class PeopleTableModel(ListTableModel):
    (COL_ROOM, COL_FLOOR, COL_NAME, COL_STATUS, COL_NOTE) = range(5)

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.headers = [self.tr("Room"), self.tr("Floor"), self.tr("Name"), self.tr("Status"), self.tr("Note")]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role == PERSON_ROLE:
            return p
        if role == Qt.BackgroundRole:
            tone = TONES.get(status_of(p))
            return QBrush(QColor(tone)) if tone else None
        if role != Qt.DisplayRole:
            return None
        flag = self.tr(" (not on the roster)") if p.on_spot else ""
        return [f"{p.building}-{p.unit}-{p.room}", p.floor, p.name + flag, status_text(self.desk, p),
                p.note or ""][index.column()]


def _say(text: str) -> str:
    return texts.lookup("TestingPanel", text)


def status_text(desk: Desk, p) -> str:
    zone = desk.settings.zone
    state = status_of(p)
    if state == "sampled":
        where = _say(QT_TRANSLATE_NOOP("TestingPanel", "at home")) if p.point == HOME else p.point
        by = f" {p.sampled_by}" if p.sampled_by else ""
        return _say(QT_TRANSLATE_NOOP("TestingPanel", "Sampled {0} · {1}")).format(
            texts.local_time(p.sampled_at, zone, "%H:%M"), where) + by
    if state == "exempt":
        why = texts.lookup("Rounds", REASON_LABELS[Reason(p.reason)])
        return _say(QT_TRANSLATE_NOOP("TestingPanel", "Exempt: {0}")).format(why)
    if state == "home":
        return _say(QT_TRANSLATE_NOOP("TestingPanel", "Waiting for the home visit"))
    refused = texts.lookup("Rounds", REASON_LABELS[Reason.REFUSED]) if p.reason == Reason.REFUSED else ""
    if state == "called":
        at = texts.local_time(p.called_at, zone, "%H:%M")
        called = _say(QT_TRANSLATE_NOOP("TestingPanel", "Called {0}")).format(at)
        return " · ".join(filter(None, [called, refused]))
    return refused or _say(QT_TRANSLATE_NOOP("TestingPanel", "Not yet sampled"))
