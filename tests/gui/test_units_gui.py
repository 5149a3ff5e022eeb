"""The district's dashboard, level by level, through the real window: down by double-click, back up
by the path above the table; a community's account starts, and stays, in its community."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from models.store.clock import local_today
from models.sync import units
from models.trust.operators import Role
from tests.conftest import NOW
from tests.models.test_units import compound_of, find, gates, office  # noqa: F401 - fixtures



def window(app, qtbot, desk):
    from gui.office_window import OfficeWindow

    w = OfficeWindow(desk)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.tabs.setCurrentWidget(w.dashboard)
    return w


def shown(dash) -> list[str]:
    return [dash.model.data(dash.model.index(r, 0)) for r in range(dash.model.rowCount())]


def steps(qtbot, dash, expected: list[str]) -> list[QPushButton]:
    """The path's buttons once the window has drawn them (they are shown by the event loop)."""
    def now():
        return [b for b in dash.findChildren(QPushButton, "unitStep") if b.isVisible()]
    qtbot.waitUntil(lambda: [b.text() for b in now()] == expected, timeout=3000)
    return now()


def double_click(qtbot, dash, row: int) -> None:
    table = dash.table
    rect = table.visualRect(dash.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())  # a double-click starts with a press
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())


def test_a_district_goes_down_level_by_level_and_back_up(app, qtbot, office, monkeypatch):  # noqa: F811
    w = window(app, qtbot, office)
    dash = w.dashboard
    # One district: the dashboard starts inside it, at its sub-districts.
    assert shown(dash) == ["东街街道 (街道) ▸", "温泉街道 (街道) ▸", "合计"]
    steps(qtbot, dash, ["全部单位", "鼓楼区"])
    double_click(qtbot, dash, 1)
    assert shown(dash) == ["东街社区 (社区) ▸", "温泉社 (社区) ▸", "温泉社区 (社区) ▸", "合计"]
    double_click(qtbot, dash, 2)
    assert shown(dash) == ["榕城花园", "合计"] and dash.model.data(dash.model.index(0, 1)) == 2
    opened = []
    dash.compound_opened.connect(lambda ids, day: opened.append(sorted(ids)))
    monkeypatch.setattr(w, "open_drill_down", lambda *a: None)
    double_click(qtbot, dash, 0)
    assert opened == [compound_of(office, "榕城花园")]
    path = steps(qtbot, dash, ["全部单位", "鼓楼区", "温泉街道", "温泉社区"])
    assert not path[-1].isEnabled()  # where one is: nothing to go to
    qtbot.mouseClick(path[1], Qt.LeftButton)  # back up to the district
    assert shown(dash) == ["东街街道 (街道) ▸", "温泉街道 (街道) ▸", "合计"]
    qtbot.mouseClick(steps(qtbot, dash, ["全部单位", "鼓楼区"])[0], Qt.LeftButton)  # and to the top
    assert shown(dash) == ["鼓楼区 (区) ▸", "合计"]


def test_a_community_account_starts_and_stays_in_its_community(app, qtbot, office):  # noqa: F811
    tree = office.office.units()
    community = find(tree, units.COMMUNITY, "温泉社区")
    office.staff.add_operator(name="温泉社区干部", role=Role.SUPERVISOR, pin="1357")
    cadre = next(o for o in office.staff.operators() if o.name == "温泉社区干部")
    office.office.limit_account(cadre.id, community)
    office.staff.sign_in(cadre.id, "1357")
    w = window(app, qtbot, office)
    dash = w.dashboard
    assert shown(dash) == ["榕城花园", "合计"]
    steps(qtbot, dash, ["温泉社区"])
    total = dash.model.data(dash.model.index(1, 2))
    day = local_today(NOW, office.settings.zone)
    assert total == sum(c.figures.visits for c in office.office.day_summary(day).compounds)


def item_named(dialog, name: str):
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    it = QTreeWidgetItemIterator(dialog.tree)
    while it.value():
        if it.value().text(0) == name:
            return it.value()
        it += 1
    raise AssertionError(f"{name} not in the tree")


def test_an_administrator_corrects_the_units_in_their_window(app, qtbot, office, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QDialog, QInputDialog

    from gui.dialogs.units_dialog import UnitsDialog

    w = window(app, qtbot, office)
    opened = []
    monkeypatch.setattr(UnitsDialog, "exec", lambda self: opened.append(self) or QDialog.Accepted)
    w.units_action.trigger()  # Admin ▸ Organisation units…
    [dialog] = opened
    qtbot.addWidget(dialog)
    dialog.show()
    # The typo 温泉社 becomes part of 温泉社区.
    dialog.tree.setCurrentItem(item_named(dialog, "温泉社"))
    assert dialog.buttons["merge"].isEnabled() and not dialog.buttons["move"].isEnabled()
    answers = iter([("鼓楼区 ▸ 温泉街道 ▸ 温泉社区", True), ("鼓楼区 ▸ 温泉街道 ▸ 温泉社区 ▸ 第3网格", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: next(answers))
    qtbot.mouseClick(dialog.buttons["merge"], Qt.LeftButton)
    assert dialog.notice.tone() == "done" and "温泉社区" in dialog.notice.text()
    assert "温泉社" not in [u.name for u in office.office.units().units.values()]
    # A grid in 温泉社区, and 榕城花园 (both its gates) moved into it.
    dialog.tree.setCurrentItem(item_named(dialog, "温泉社区"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("第3网格", True))
    qtbot.mouseClick(dialog.buttons["grid"], Qt.LeftButton)
    dialog.tree.setCurrentItem(item_named(dialog, "榕城花园"))
    qtbot.mouseClick(dialog.buttons["move"], Qt.LeftButton)
    grid = item_named(dialog, "第3网格")
    assert [grid.child(i).text(0) for i in range(grid.childCount())] == ["榕城花园"]
    tree = office.office.units()
    assert set(compound_of(office, "榕城花园")) <= tree.compounds_under(find(tree, units.GRID, "第3网格"))
    # A refusal is said in the window: a district cannot be merged into a community.
    dialog.tree.setCurrentItem(item_named(dialog, "鼓楼区"))
    assert not dialog.buttons["grid"].isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  ", True))
    qtbot.mouseClick(dialog.buttons["rename"], Qt.LeftButton)
    assert dialog.notice.tone() == "problem" and "名称" in dialog.notice.text()
