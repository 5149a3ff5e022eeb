"""The columns a visit can show in a table, defined once: header, text (masked), sort key.

Both the on-site list and the log pick from these, so a visit looks the same everywhere and
personal data is masked by one set of rules.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from gui import texts
from models.gate.visit_log import SortKey
from models.gate.visits import SignOutKind
from models.store.i18n import QT_TRANSLATE_NOOP

VISIT_ROLE = Qt.UserRole + 1  # the row's visit record


@dataclass
class CellContext:
    zone: ZoneInfo
    now: datetime | None = None
    operators: dict[str, str] | None = None


@dataclass(frozen=True)
class Column:
    header: str  # source text, context "VisitColumns"
    text: Callable[[object, CellContext], str]
    right: bool = False
    sort: SortKey | None = None


def _time_out(v, c) -> str:
    text = texts.local_time(v.time_out, c.zone, "%H:%M")
    if text and v.signout_kind == SignOutKind.AUTO:
        text += " " + texts.lookup("VisitColumns", AUTO_MARK)
    return text


AUTO_MARK = QT_TRANSLATE_NOOP("VisitColumns", "(auto)")


def _decision(v, _c) -> str:
    label = texts.outcome(v.decision)
    return label + " *" if v.override_by else label


COLUMNS: dict[str, Column] = {
    "time_in": Column(QT_TRANSLATE_NOOP("VisitColumns", "Time in"),
                      lambda v, c: texts.local_time(v.created_at, c.zone, "%H:%M")),
    "date_time_in": Column(QT_TRANSLATE_NOOP("VisitColumns", "Time in"),
                           lambda v, c: texts.local_time(v.created_at, c.zone, "%Y-%m-%d %H:%M"), sort=SortKey.TIME),
    "inside_for": Column(QT_TRANSLATE_NOOP("VisitColumns", "Inside for"),
                         lambda v, c: texts.duration(c.now - v.created_at) if c.now else "", right=True),
    "kind": Column(QT_TRANSLATE_NOOP("VisitColumns", "Who"), lambda v, _c: texts.kind(v.kind), sort=SortKey.KIND),
    "name": Column(QT_TRANSLATE_NOOP("VisitColumns", "Name"), lambda v, _c: v.name or "", sort=SortKey.NAME),
    "phone": Column(QT_TRANSLATE_NOOP("VisitColumns", "Phone"), lambda v, _c: v.phone or ""),
    "id_number": Column(QT_TRANSLATE_NOOP("VisitColumns", "ID number"), lambda v, _c: v.id_number or ""),
    "destination": Column(QT_TRANSLATE_NOOP("VisitColumns", "Going to"), lambda v, _c: v.destination or ""),
    "host": Column(QT_TRANSLATE_NOOP("VisitColumns", "Host"), lambda v, _c: v.host or ""),
    "temperature": Column(QT_TRANSLATE_NOOP("VisitColumns", "°C"),
                          lambda v, _c: "" if v.temperature is None else f"{v.temperature:.1f}", right=True),
    "code": Column(QT_TRANSLATE_NOOP("VisitColumns", "Code"), lambda v, _c: texts.code_color(v.code_color)),
    "decision": Column(QT_TRANSLATE_NOOP("VisitColumns", "Decision"), _decision, sort=SortKey.DECISION),
    "time_out": Column(QT_TRANSLATE_NOOP("VisitColumns", "Time out"), _time_out),
    "operator": Column(QT_TRANSLATE_NOOP("VisitColumns", "Operator"),
                       lambda v, c: (c.operators or {}).get(v.operator_id or "", "")),
}

_ROLES = frozenset({Qt.DisplayRole, Qt.TextAlignmentRole, VISIT_ROLE})
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)


class VisitColumnsMixin:
    """headerData/columnCount/data for a table of visits; the model supplies visit_at(row)."""

    column_keys: tuple[str, ...] = ()

    def _init_columns(self) -> None:
        self.columns = [COLUMNS[k] for k in self.column_keys]
        self.headers = [texts.lookup("VisitColumns", c.header) for c in self.columns]

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        # The view asks for a dozen roles per cell; answer the ones we do not serve at once.
        if role not in _ROLES or not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.TextAlignmentRole:
            return _RIGHT if column.right else None
        v = self.visit_at(index.row())
        if v is None:
            return None
        if role == VISIT_ROLE:
            return v
        return column.text(v, self.cells)
