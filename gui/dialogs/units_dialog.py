"""The district's organisation units as the office corrects them: rename, merge two spellings,
make grids, move a compound, and limit an office account to one unit (an administrator's)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from gui import texts
from gui.widgets import Notice
from models.app.desk import Desk
from models.sync import units
from models.trust.operators import NotAllowed
from models.trust.roles import ROLE_LABELS, Role

KIND = Qt.UserRole  # "unit" or "compound"
IDS = Qt.UserRole + 1  # the unit's id, or the compound's record ids (one per gate that set it up)


def level_name(level: str) -> str:
    return QCoreApplication.translate("Units", units.LEVEL_LABELS[level])


class UnitsDialog(QDialog):
    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Organisation units"))
        self.setMinimumSize(640, 480)
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("The units come from what each gate's set-up names. Correct a spelling (the old "
                               "one keeps leading here), merge two spellings of one unit, make grids inside a "
                               "community and move compounds into them."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setObjectName("unitsTree")
        self.tree.setHeaderLabels([self.tr("Unit or compound"), self.tr("Level")])
        self.tree.setColumnWidth(0, 360)
        box.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.buttons = {}
        for key, text in (("rename", self.tr("Rename…")), ("merge", self.tr("Merge into…")),
                          ("grid", self.tr("New grid…")), ("move", self.tr("Move compound…")),
                          ("limit", self.tr("Limit an account…"))):
            b = QPushButton(text)
            b.setObjectName(key)
            b.setMinimumHeight(40)
            b.clicked.connect(getattr(self, key))
            row.addWidget(b)
            self.buttons[key] = b
        box.addLayout(row)
        self.notice = Notice()
        box.addWidget(self.notice)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        box.addWidget(close)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.refresh()

    def refresh(self) -> None:
        t = self.desk.office.units()
        self.units = t
        self.tree.clear()

        def add(parent, unit_id: str) -> None:
            unit = t.units[unit_id]
            item = QTreeWidgetItem([unit.name, level_name(unit.level)])
            item.setData(0, KIND, "unit")
            item.setData(0, IDS, unit_id)
            parent.addChild(item) if isinstance(parent, QTreeWidgetItem) else parent.addTopLevelItem(item)
            for child in t.below(unit_id):
                add(item, child)
            by_name: dict[str, list[str]] = {}
            for compound_id in unit.compounds:
                by_name.setdefault(t.compound_names.get(compound_id, "?"), []).append(compound_id)
            for name, ids in sorted(by_name.items()):
                leaf = QTreeWidgetItem([name, self.tr("Compound")])
                leaf.setData(0, KIND, "compound")
                leaf.setData(0, IDS, sorted(ids))
                item.addChild(leaf)

        for root in t.roots():
            add(self.tree, root)
        self.tree.expandAll()
        self._enable()

    def _selected(self):
        item = self.tree.currentItem()
        return (item.data(0, KIND), item.data(0, IDS)) if item is not None else (None, None)

    def _enable(self) -> None:
        kind, ids = self._selected()
        level = self.units.units[ids].level if kind == "unit" else None
        self.buttons["rename"].setEnabled(kind == "unit")
        self.buttons["merge"].setEnabled(kind == "unit")
        self.buttons["grid"].setEnabled(level == units.HOLDS_GRIDS)
        self.buttons["move"].setEnabled(kind == "compound")

    def _label(self, unit_id: str) -> str:
        return " ▸ ".join(u.name for u in self.units.path(unit_id))

    def _do(self, action, done: str) -> None:
        try:
            action()
        except (units.UnitRefused, NotAllowed) as exc:
            self.notice.problem(texts.message(exc.message))
            return
        self.refresh()
        self.notice.done(done)

    def _choose(self, title: str, label: str, choices: dict[str, str]) -> str | None:
        """One of choices (label -> value), or None."""
        if not choices:
            self.notice.problem(self.tr("There is nothing to choose from."))
            return None
        picked, ok = QInputDialog.getItem(self, title, label, list(choices), 0, False)
        return choices[picked] if ok and picked in choices else None

    def rename(self) -> None:
        _, unit_id = self._selected()
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("New name:"),
                                        text=self.units.units[unit_id].name)
        if ok:
            self._do(lambda: self.desk.office.rename_unit(unit_id, name), self.tr("Renamed."))

    def merge(self) -> None:
        _, unit_id = self._selected()
        unit = self.units.units[unit_id]
        others = {self._label(u.id): u.id for u in self.units.units.values()
                  if u.level == unit.level and u.id != unit_id}
        target = self._choose(self.tr("Merge"), self.tr("{0} becomes part of:").format(unit.name), others)
        if target is not None:
            self._do(lambda: self.desk.office.merge_units(unit_id, target),
                     self.tr("Merged into {0}.").format(self.units.units[target].name))

    def grid(self) -> None:
        _, unit_id = self._selected()
        name, ok = QInputDialog.getText(self, self.tr("New grid"), self.tr("Name of the grid:"))
        if ok:
            self._do(lambda: self.desk.office.add_grid(unit_id, name), self.tr("Grid made."))

    def move(self) -> None:
        _, ids = self._selected()
        places = {self._label(u.id): u.id for u in self.units.units.values()
                  if u.level in units.HOLDS_COMPOUNDS}
        target = self._choose(self.tr("Move compound"), self.tr("Move it to:"), places)
        if target is not None:
            def move_all():
                for compound_id in ids:
                    self.desk.office.move_compound(compound_id, target)
            self._do(move_all, self.tr("Moved."))

    def limit(self) -> None:
        people = {f"{o.name} ({texts.lookup('Operators', ROLE_LABELS[Role(o.role)])})": o.id
                  for o in self.desk.staff.operators()}
        who = self._choose(self.tr("Limit an account"), self.tr("Which account:"), people)
        if who is None:
            return
        reach = {self.tr("Everything (no limit)"): None} | {self._label(u): u for u in self.units.units}
        label, ok = QInputDialog.getItem(self, self.tr("Limit an account"), self.tr("It sees only:"), list(reach), 0,
                                         False)
        if ok and label in reach:
            self._do(lambda: self.desk.office.limit_account(who, reach[label]), self.tr("Saved."))
