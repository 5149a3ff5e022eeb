"""Every table model in gui/ passes Qt's model tester with real rows in it; a new model that is not
checked here fails test_every_table_model_is_checked. The audit log is a lazy model like the log."""
from __future__ import annotations

import importlib
import pkgutil

from PySide6.QtCore import QAbstractItemModel

import gui
from models.trust import audit
from models.trust.operators import Role
from tests.gui.conftest import PINS, operator_id
from tests.gui.test_supervision_gui import office  # noqa: F401 - fixture
from tests.gui.test_sync_gui import office_desk, office_window, usb, wait_idle  # noqa: F401 - fixtures

CHECKED: set[str] = set()


def check(qtmodeltester, model) -> None:
    assert model.rowCount() > 0, type(model).__name__  # a model with no rows proves little
    qtmodeltester.check(model)
    CHECKED.add(type(model).__qualname__)


def gate_models(desk):
    from gui.isolation_panel import ClosedCasesModel, IsolationTableModel
    from gui.onsite_table_model import OnSiteTableModel
    from gui.parcels_panel import ParcelTableModel
    from gui.visit_log_table_model import VisitLogTableModel
    from models.station.isolation import CaseForm, Outcome
    from models.station.parcels import IntakeForm
    from tests.gui.test_log_and_dialogs import add

    for i in range(5):
        add(desk, f"访客{i}", f"1380000{i:04d}")
    desk.isolation.open_isolation_case(CaseForm(name="甲", reason="发热", temperature="37.8"))
    closed = desk.isolation.open_isolation_case(CaseForm(name="乙", reason="黄码"))
    desk.isolation.close_case(closed.id, Outcome.OTHER)
    desk.parcels.take_in(IntakeForm(room="1-1-101"))
    log = VisitLogTableModel(desk)
    log.search(log.query)
    onsite = OnSiteTableModel(desk.settings.zone)
    onsite.set_rows(desk.gate.on_site(), desk.now())
    cases, done, parcels = IsolationTableModel(desk), ClosedCasesModel(desk), ParcelTableModel(desk)
    cases.set_rows(desk.isolation.isolation_cases())
    done.set_rows(desk.isolation.closed_cases())
    parcels.set_rows(desk.parcels.waiting_parcels())
    return [log, onsite, cases, done, parcels]


def test_the_gate_models(app, qtmodeltester, desk):
    for model in gate_models(desk):
        check(qtmodeltester, model)


def test_the_administrators_models(app, qtmodeltester, desk):
    from gui.audit_table_model import AuditTableModel
    from gui.dialogs.residents_dialog import RosterTableModel

    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        desk.residents.add_resident(room="3-2-501", name="王大明", phone="13800138000")
        roster = RosterTableModel()
        roster.set_rows(desk.residents.residents_overview())
        audit_model = AuditTableModel(desk)
        audit_model.refresh()
        for model in (roster, audit_model):
            check(qtmodeltester, model)


def test_the_testing_rounds_models(app, qtmodeltester, desk):
    from gui.round_models import PeopleTableModel, ProgressTableModel
    from tests.gui.test_passes_gui import a_pass

    for room, name in (("1-1-101", "王大明"), ("1-1-201", "李四"), ("2-1-101", "吴九")):
        a_pass(desk, room, name)
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        r = desk.rounds.open_round(title="全员核酸", points=["1#楼下"])
    progress, people = ProgressTableModel(), PeopleTableModel(desk)
    progress.set_rows(desk.rounds.round_progress(r.id))
    line = desk.rounds.not_sampled(r.id)[0]
    desk.rounds.check_off(line.id, "1#楼下")
    desk.rounds.set_reason(desk.rounds.not_sampled(r.id)[0].id, "away", "")
    people.set_rows(desk.rounds.call_sheet(r.id, "1") + desk.rounds.call_sheet(r.id, "2"))
    for model in (progress, people):
        check(qtmodeltester, model)


def test_the_door_knocking_list_changes_in_place(app, qtmodeltester, desk):
    """After a check-off the list loses that line and repaints the one whose reason changed; it is
    never reset whole (a reset loses the guard's place in the list and repaints all of it)."""
    from gui.round_models import PeopleTableModel
    from tests.gui.test_passes_gui import a_pass

    for room, name in (("1-1-101", "王大明"), ("1-1-201", "李四"), ("1-1-301", "吴九"), ("1-1-401", "郑十")):
        a_pass(desk, room, name)
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        r = desk.rounds.open_round(title="全员核酸", points=["1#楼下"])
    people = PeopleTableModel(desk)
    people.set_rows(desk.rounds.not_sampled(r.id))
    check(qtmodeltester, people)  # and watching every change from here on
    seen = {"reset": 0, "removed": [], "changed": []}
    people.modelReset.connect(lambda: seen.update(reset=seen["reset"] + 1))
    people.rowsRemoved.connect(lambda _p, first, last: seen["removed"].append((first, last)))
    people.dataChanged.connect(lambda a, b, *_: seen["changed"].append((a.row(), b.row(), b.column())))
    second, third = people.rows[1], people.rows[2]
    desk.rounds.check_off(second.id, "1#楼下")
    desk.rounds.set_reason(third.id, "refused", "")
    update = dict(key=lambda p: p.id, same=lambda a, b: a.rev == b.rev)
    people.update_rows(desk.rounds.not_sampled(r.id), **update)
    assert seen == {"reset": 0, "removed": [(1, 1)], "changed": [(1, 1, 4)]}  # third moved up to row 1
    assert [p.id for p in people.rows] == [p.id for p in desk.rounds.not_sampled(r.id)]
    assert "拒" in people.data(people.index(1, PeopleTableModel.COL_STATUS))
    people.update_rows(desk.rounds.not_sampled(r.id), **update)  # nothing changed: nothing repainted
    assert seen["changed"] == [(1, 1, 4)] and seen["reset"] == 0
    people.update_rows(list(reversed(people.rows)), **update)  # another order: reset whole
    assert seen["reset"] == 1


def test_the_home_service_models(app, qtmodeltester, desk):
    from gui.dialogs.care_dialog import DoneTableModel, DueTableModel, NeedsTableModel

    with desk.authorised(operator_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        a = desk.care.add_need(room="1-1-101", name="王大明", kind="elderly_alone", every_days=1)
        desk.care.add_need(room="1-1-102", name="李四", kind="ill")
    desk.care.record_service(a.id, "visit", "志愿者小林")
    desk.care.plan_service(a.id, "medicine", desk.today(), "降压药")
    needs = desk.care.care_needs()
    due, register, done = DueTableModel(desk), NeedsTableModel(), DoneTableModel(desk, {n.id: n.place for n in needs})
    due.set_rows(desk.care.due_today())
    register.set_rows(needs)
    done.set_rows(desk.care.service_history())
    for model in (due, register, done):
        check(qtmodeltester, model)


def test_the_audit_log_reads_only_what_is_shown(app, qtbot, desk):
    """A long log opens at once and scrolls to its first entry; it used to grow 200 rows a click."""
    from gui.dialogs.audit_dialog import AuditDialog

    with desk.db.session() as s:
        for i in range(1500):
            audit.record(s, at=desk.now(), station_id=desk.ctx.station_id, operator_id=None, action="locked",
                         detail="idle")
        s.commit()
    with desk.authorised(operator_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        fetched = []
        real = desk.records.audit_page
        desk.records.audit_page = lambda **page: fetched.append(page) or real(**page)
        dialog = AuditDialog(desk)
        qtbot.addWidget(dialog)
        model = dialog.model
        total = model.rowCount()
        assert total > 1500 and len(fetched) <= 1  # the count, and at most the first page
        dialog.table.scrollToBottom()
        assert model.data(model.index(total - 1, 0)) == "1"  # the first entry ever, at the bottom
        assert fetched[-1]["reverse"] is True and fetched[-1]["offset"] == 0  # read from the oldest end
        assert sum(p["limit"] for p in fetched) < total // 2
        dialog.reject()  # closed: the check of the chain stops with it
        assert not dialog.check._thread.is_alive()


def test_the_duty_models(app, qtmodeltester, tmp_path):
    """The gate's duty tab and rota dialog, and the office's duty tab, on the demo's rota."""
    from datetime import timedelta

    from gui.dialogs.duty_dialogs import RotaPeopleModel
    from gui.duty_models import HereTableModel, RotaTableModel
    from gui.staffing_panel import DutyCoverModel, DutyUnitsModel
    from models.app.demo import DEMO_PINS, create_demo
    from models.app.desk import Desk
    from models.store.db import open_database
    from models.sync import Importer, export_bundle
    from tests.conftest import NOW
    from tests.sync_helpers import enroll

    gate = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    office_db = open_database(tmp_path / "office" / "gatedesk.sqlite3")
    try:
        create_demo(gate, days=2, visits_per_day=10, seed=2, now=NOW)
        desk = Desk(gate, clock=lambda: NOW)
        desk.staff.sign_in(operator_id(desk, "张保安"), DEMO_PINS["guard1"])
        zone, grace = desk.settings.zone, desk.settings.duty_late_minutes
        today, here, people = RotaTableModel(zone, grace), HereTableModel(zone), RotaPeopleModel()
        today.now = NOW
        today.set_rows(desk.staffing.day_rota())
        here.set_rows(desk.staffing.here_now())
        people.set_rows(desk.staffing.people())
        odesk = Desk(office_db, clock=lambda: NOW)
        odesk.sync.complete_office_setup(office_name="温泉社区居委会", community="温泉社区", admin_name="林管理",
                                         pin="1234", pin_again="1234", office_label="办公室")
        odesk.staff.sign_in(odesk.staff.operators()[0].id, "1234")
        enroll(office_db, gate)
        Importer(office_db, clock=lambda: NOW).run(export_bundle(gate, tmp_path / "usb", sheets=False, now=NOW).path)
        cover, units = DutyCoverModel(), DutyUnitsModel()
        cover.set_rows(odesk.office.staffing_coverage(desk.today() - timedelta(days=6)))
        units.set_rows(odesk.office.staffing_units(desk.today() - timedelta(days=6)))
        for model in (today, here, people, cover, units):
            assert model.rowCount() > 0
            check(qtmodeltester, model)
    finally:
        gate.close()
        office_db.close()


def test_the_offices_models(app, qtmodeltester, office_window, office_desk, qtbot, usb):  # noqa: F811
    from gui.dialogs.drill_dialog import DrillDialog

    panel = office_window.importer
    panel.add_paths([usb])
    wait_idle(qtbot, panel)
    check(qtmodeltester, panel.model)
    office_desk.sync.importer().run_all(sorted(usb.glob("*.gdbundle")))
    office_window.tabs.setCurrentWidget(office_window.dashboard)
    check(qtmodeltester, office_window.dashboard.model)
    check(qtmodeltester, office_window.dashboard.rounds_model)  # the demo gates' rounds of the day
    office_window.tabs.setCurrentWidget(office_window.gates)
    office_window.gates.refresh()
    check(qtmodeltester, office_window.gates.model)
    c = office_window.dashboard.model.rows[0]
    dialog = DrillDialog(office_desk, c.compound_ids, office_window.dashboard.current_day(), office_window)
    qtbot.addWidget(dialog)
    check(qtmodeltester, dialog.model)


def test_the_conflicts_model(app, qtmodeltester, office_desk):  # noqa: F811
    import json

    from gui.conflicts_panel import ConflictsTableModel
    from models.sync.tables import SyncConflict

    held = {"id": "v1", "name": "王五", "temperature": 36.5}
    with office_desk.db.session() as s:
        s.add(SyncConflict(id="c1", record_type="visit", record_id="v1", station_id="s", rev=2, seq=1,
                           held=json.dumps(held), incoming=json.dumps(dict(held, name="王六")),
                           incoming_digest="x", detected_at=office_desk.now()))
        s.commit()
    model = ConflictsTableModel(office_desk)
    model.set_rows(office_desk.sync.open_conflicts())
    check(qtmodeltester, model)


def all_model_classes() -> set[str]:
    for info in pkgutil.walk_packages(gui.__path__, "gui."):
        importlib.import_module(info.name)
    found, todo = set(), list(QAbstractItemModel.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("gui.") and not cls.__name__.startswith("ListTableModel"):
            found.add(cls.__qualname__)
    return found


def test_the_supervision_models(app, qtmodeltester, qtbot, office):  # noqa: F811
    from PySide6.QtCore import QDate

    from gui.supervision_panel import SupervisionPanel

    panel = SupervisionPanel(office)
    qtbot.addWidget(panel)
    panel.day_from.setDate(QDate(2022, 11, 28))
    panel.refresh()
    for model in (panel.coverage, panel.parties, panel.league, panel.repeats):
        check(qtmodeltester, model)
    from gui.dialogs.census_dialog import CensusDialog

    census = CensusDialog(office)
    qtbot.addWidget(census)
    check(qtmodeltester, census.model)  # the compounds, none counted yet


def test_the_supervision_teams_models(app, qtmodeltester, qtbot, tmp_path):
    """A team's week (the demo's): its visits, an open visit's items, a follow-up's findings, every
    open finding, the standards and their items."""
    from gui.inspection_window import InspectionWindow
    from models.app.desk import Desk
    from models.app.team_demo import create_team_demo
    from models.store.db import open_database
    from tests.conftest import NOW

    db = open_database(tmp_path / "team.sqlite3")
    try:
        create_team_demo(db, now=NOW)
        desk = Desk(db, clock=lambda: NOW)
        desk.staff.sign_in(next(o.id for o in desk.staff.operators() if o.name == "王科长"), "1234")
        w = InspectionWindow(desk)
        qtbot.addWidget(w)
        w.ready_for_keys()
        check(qtmodeltester, w.visits.visits)
        check(qtmodeltester, w.visits.form.items)  # the newest visit is still being answered
        follow_up = next(v for v in w.visits.visits.rows if v.follows_id is not None)
        w.visits.form.show_visit(follow_up.id)
        check(qtmodeltester, w.visits.form.carried)
        for panel in (w.findings, w.standards):
            panel.refresh()
        for model in (w.findings.model, w.standards.standards, w.standards.items):
            check(qtmodeltester, model)
        w.close()
    finally:
        db.close()


def test_every_table_model_is_checked():
    """Runs after the checks above (file order); run alone, it checks the class list only."""
    expected = {"VisitLogTableModel", "OnSiteTableModel", "IsolationTableModel", "ClosedCasesModel",
                "ParcelTableModel", "RosterTableModel", "AuditTableModel", "ImportTableModel",
                "DashboardTableModel", "GatesTableModel", "DrillTableModel", "ConflictsTableModel",
                "ProgressTableModel", "PeopleTableModel", "RoundsTableModel", "DueTableModel", "NeedsTableModel",
                "DoneTableModel", "CoverageModel", "PartiesModel", "LeagueModel", "RepeatsModel", "VisitsModel",
                "ItemsModel", "CarriedModel", "FindingsModel", "StandardsModel", "StandardItemsModel",
                "CensusModel", "RotaTableModel", "HereTableModel", "RotaPeopleModel", "DutyCoverModel",
                "DutyUnitsModel"}
    assert all_model_classes() == expected
    assert not CHECKED or CHECKED == expected, expected - CHECKED
