"""One table of who may do what, walked against every public action of the core with a guard on
duty: an action that needs a supervisor or an administrator is refused by the core itself,
whatever screen (or command) calls it; and every public action is in the table."""
from __future__ import annotations

import inspect
from datetime import date

import pytest

from models.app.desk import Desk
from models.app.work import Service
from models.gate.rules import Outcome
from models.station.isolation import CaseForm
from models.trust.operators import NotAllowed, Role
from tests.models.test_trust import PINS, op_id, visitor

SUPERVISOR, ADMIN = Role.SUPERVISOR, Role.ADMIN

# action -> (role it needs, how to call it on a desk `d` with its ids `x`); None: anyone on duty.
NEEDS = {
    # the gate's daily work
    "gate.register": None, "gate.unanswered": None, "gate.typing_problem": None, "gate.read_id_card": None, "gate.recall": None, "gate.sign_out": None, "gate.auto_sign_out": None, "gate.on_site": None,
    "gate.today_counts": None, "gate.count_visits": None, "gate.page_visits": None, "staff.operator_names": None,
    "isolation.open_case_count": None, "parcels.take_in": None, "parcels.waiting_parcels": None,
    "isolation.place_in_isolation": None, "isolation.open_isolation_case": None, "isolation.isolation_cases": None,
    "isolation.closed_cases": None, "isolation.recheck": None, "isolation.notify": None,
    "isolation.hand_over_case": None, "isolation.close_case": None, "parcels.disinfect_waiting": None,
    "parcels.record_round": None, "parcels.find_parcels": None, "parcels.search_parcels": None, "parcels.collect": None,
    "parcels.deliver": None, "parcels.overdue_parcels": None, "parcels.handed_out_today": None,
    "parcels.parcel_counts_by_day": None, "parcels.disinfect_items": None, "parcels.waiting_count": None,
    "parcels.parcel_counts": None, "parcels.known_rooms": None, "parcels.readiness_today": None,
    "parcels.record_readiness": None, "residents.scan_pass": None, "residents.needs_temperature": None,
    "residents.record_passage": None,
    # a testing round's daily work
    "rounds.call_batch": None, "rounds.scan_for_round": None, "rounds.check_off": None, "rounds.add_on_spot": None,
    "rounds.set_reason": None, "rounds.to_home": None, "rounds.sample_at_home": None, "rounds.current_round": None,
    "rounds.recent_rounds": None, "rounds.round_buildings": None, "rounds.round_progress": None,
    "rounds.find_in_round": None, "rounds.not_sampled": None, "rounds.home_list": None, "rounds.call_sheet": None, "rounds.call_sheet_pages": None,
    "care.plan_service": None, "care.record_service": None, "care.care_needs": None, "care.due_today": None,
    "care.service_history": None, "care.waiting_items": None, "care.daily_list_pages": None,
    # signing in and out, locks, the station's own facts
    "acting": None, "acting_or_scheduled": None, "may": None, "drop_authority": None, "now": None,
    "operator_id": None, "staff.complete_setup": None, "staff.sign_in_first_administrator": None,
    "sync.complete_office_setup": None, "staff.operators": None, "staff.last_on_duty": None, "staff.sign_in": None,
    "staff.sign_off": None, "staff.lock_due": None, "staff.lock": None, "staff.unlock": None, "authorise": None,
    "is_office": None, "sync.last_export": None, "sync.station_key_id": None, "sync.setup_info": None,
    "sync.office_key": None, "sync.office_name": None, "sync.office_unit": None, "today": None, "posters.poster_gates": None,
    "posters.venue_code": None, "posters.find_gate": None, "posters.poster_spec": None, "records.campaign_phrase": None,
    "records.campaign_confirmed": None,
    # what the services share (an audit entry in their transaction, the supervisor check, a unit of work)
    "audit": None, "supervisor": None, "write": None,
    # the office's figures (masked), housekeeping and checks that show no personal data
    "office.day_summary": None, "office.visit_series": None, "office.drill_visits": None, "sync.completeness": None,
    "office.rollup": None, "office.round_summary": None, "office.care_summary": None, "office.units": None,
    "office.not_reported": None, "office.dashboard": None,
    "sync.open_conflicts": None, "sync.importer": None, "records.erase_expired": None, "records.erasure_failed": None,
    "records.personal_left": None,
    "records.audit_verdict": None, "records.daily_backup": None,
    # a supervisor's
    "gate.override": SUPERVISOR, "gate.reveal": SUPERVISOR, "isolation.correct_case": SUPERVISOR,
    "gate.delete_visit": SUPERVISOR, "sync.export_bundle": SUPERVISOR, "sync.forward_bundle": SUPERVISOR, "office.write_report": SUPERVISOR,
    "sync.resolve_conflict": SUPERVISOR, "rounds.close_round": SUPERVISOR, "rounds.correct_round": SUPERVISOR,
    "care.add_need": SUPERVISOR, "care.needs_from_monitoring": SUPERVISOR, "care.end_need": SUPERVISOR,
    # an administrator's
    "staff.add_operator": ADMIN, "staff.update_settings": ADMIN, "sync.enroll_station": ADMIN,
    "sync.load_office_key": ADMIN, "sync.office_key_file": ADMIN, "records.audit_page": ADMIN,
    "records.audit_count": ADMIN, "records.end_campaign": ADMIN, "posters.save_venue_code": ADMIN,
    "residents.residents_overview": ADMIN, "residents.resident_for_edit": ADMIN, "residents.import_roster": ADMIN,
    "residents.add_resident": ADMIN, "residents.edit_resident": ADMIN, "residents.move_out": ADMIN,
    "residents.import_monitoring": ADMIN, "residents.save_roster_file": ADMIN, "residents.load_roster_file": ADMIN,
    "residents.issue_passes": ADMIN, "residents.reissue_pass": ADMIN, "residents.revoke_pass": ADMIN,
    "residents.put_under_monitoring": ADMIN, "residents.end_monitoring": ADMIN, "residents.pass_cards": ADMIN,
    "office.rename_unit": ADMIN, "office.merge_units": ADMIN, "office.add_grid": ADMIN, "office.move_compound": ADMIN,
    "office.limit_account": ADMIN, "rounds.open_round": ADMIN, "rounds.read_round_file": ADMIN,
}

# How to call the guarded actions: with arguments that would succeed for the right operator.
CALLS = {
    "gate.override": lambda d, x: d.gate.override(visit_id=x["visit"], supervisor_id=x["sup"], outcome=Outcome.REFUSE,
                                        reason="访客自愿离开"),
    "gate.reveal": lambda d, x: d.gate.reveal(visit_id=x["visit"], supervisor_id=x["sup"]),
    "isolation.correct_case": lambda d, x: d.isolation.correct_case(x["case"], "name", "李四光", "核对身份证"),
    "gate.delete_visit": lambda d, x: d.gate.delete_visit(x["visit"], "登记重复"),
    "sync.export_bundle": lambda d, x: d.sync.export_bundle(x["tmp"] / "usb"),
    "sync.forward_bundle": lambda d, x: d.sync.forward_bundle(x["tmp"] / "up"),  # a gate: refused as no office
    "office.write_report": lambda d, x: d.office.write_report(date(2022, 11, 28), x["tmp"] / "report.xlsx"),
    "sync.resolve_conflict": lambda d, x: d.sync.resolve_conflict("no-such-conflict", take_incoming=False),
    "staff.add_operator": lambda d, x: d.staff.add_operator(name="新保安", role=Role.GUARD, pin="5555"),
    "staff.update_settings": lambda d, x: d.staff.update_settings(d.settings.model_copy(update={"check_mask": False})),
    "sync.enroll_station": lambda d, x: d.sync.enroll_station("da48-52c4-7e96-12c6"),
    "sync.load_office_key": lambda d, x: d.sync.load_office_key(x["office_key"]),
    "sync.office_key_file": lambda d, x: d.sync.office_key_file(),
    "records.audit_page": lambda d, x: d.records.audit_page(),
    "records.audit_count": lambda d, x: d.records.audit_count(),
    "records.end_campaign": lambda d, x: d.records.end_campaign(d.records.campaign_phrase()),
    "posters.save_venue_code": lambda d, x: d.posters.save_venue_code(gate_id=d.ctx.gate_id, kind="gatedesk", content="",
                                                      hotline=""),
    "residents.residents_overview": lambda d, x: d.residents.residents_overview(),
    "residents.resident_for_edit": lambda d, x: d.residents.resident_for_edit(x["resident"]),
    "residents.import_roster": lambda d, x: d.residents.import_roster(x["roster"]),
    "residents.add_resident": lambda d, x: d.residents.add_resident(room="1-1-101", name="王大明", phone="13800138000"),
    "residents.edit_resident": lambda d, x: d.residents.edit_resident(x["resident"], room="1-1-102", name="王大明", phone=""),
    "residents.move_out": lambda d, x: d.residents.move_out(x["resident"]),
    "residents.import_monitoring": lambda d, x: d.residents.import_monitoring(x["monitoring"]),
    "residents.save_roster_file": lambda d, x: d.residents.save_roster_file(x["tmp"] / "r.gdroster", "长城长城长城长城"),
    "residents.load_roster_file": lambda d, x: d.residents.load_roster_file(x["tmp"] / "none.gdroster", "长城长城长城长城"),
    "residents.issue_passes": lambda d, x: d.residents.issue_passes([x["bare"]]),
    "residents.reissue_pass": lambda d, x: d.residents.reissue_pass(x["pass"], "丢失"),
    "residents.revoke_pass": lambda d, x: d.residents.revoke_pass(x["pass"], "搬离"),
    "residents.put_under_monitoring": lambda d, x: d.residents.put_under_monitoring(x["resident"], "isolation",
                                                                date(2022, 12, 5), "密接"),
    "residents.end_monitoring": lambda d, x: d.residents.end_monitoring("no-such-monitoring"),
    "residents.pass_cards": lambda d, x: d.residents.pass_cards(),
    "office.rename_unit": lambda d, x: d.office.rename_unit(x["community"], "温泉社区（东）"),
    "office.merge_units": lambda d, x: d.office.merge_units(x["community2"], x["community"]),
    "office.add_grid": lambda d, x: d.office.add_grid(x["community"], "第一网格"),
    "office.move_compound": lambda d, x: d.office.move_compound(x["compound"], x["community2"]),
    "office.limit_account": lambda d, x: d.office.limit_account(x["sup"], x["community"]),
    "rounds.close_round": lambda d, x: d.rounds.close_round(x["round"]),
    "rounds.correct_round": lambda d, x: d.rounds.correct_round(x["closed_line"], "sampled", "home", "补录入户采样"),
    "rounds.open_round": lambda d, x: _open_another_round(d),
    "rounds.read_round_file": lambda d, x: d.rounds.read_round_file(x["round_file"]),
    "care.add_need": lambda d, x: d.care.add_need(room="3-2-501", name="王大明", kind="elderly_alone", every_days=1),
    "care.needs_from_monitoring": lambda d, x: d.care.needs_from_monitoring(),
    "care.end_need": lambda d, x: d.care.end_need(x["need"]),
}


def _round_file(folder):
    path = folder / "round.csv"
    path.write_text("轮次名称,日期,采样点\n第四轮,2022-11-28,篮球场\n", encoding="utf-8")
    return path


def _open_another_round(d):
    """One round at a time: the one under way is closed first (by whoever may)."""
    current = d.rounds.current_round()
    if current is not None and d.may(SUPERVISOR):
        d.rounds.close_round(current.id)
    return d.rounds.open_round(title="第三轮全员核酸", points=["篮球场"])


def _public(cls) -> set[str]:
    return {name for name, member in inspect.getmembers(cls) if not name.startswith("_")
            and (inspect.isfunction(member) or isinstance(member, property))}


def public_actions(desk: Desk) -> set[str]:
    """The Desk's own, and each service's as "service.action"."""
    services = {name: type(s) for name, s in vars(desk).items() if isinstance(s, Service)}
    shared = _public(Service)  # the unit of work a service reads (db, clock, ctx, ...)
    return _public(Desk) | {f"{name}.{action}" for name, cls in services.items() for action in _public(cls) - shared}


def test_every_public_action_is_in_the_table(desk):
    assert public_actions(desk) == set(NEEDS), (public_actions(desk) ^ set(NEEDS))
    assert {n for n, role in NEEDS.items() if role} == set(CALLS)


@pytest.fixture
def world(desk, tmp_path, now):
    """A resident with a pass, a registration and a closed case, made by an administrator."""
    from models import sync

    desk.authorise(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN)
    resident = desk.residents.add_resident(room="3-2-501", name="王大明", phone="13800138000")
    desk.residents.issue_passes([resident.id])
    [card] = desk.residents.pass_cards()
    bare = desk.residents.add_resident(room="3-2-502", name="李小红", phone="")  # no pass yet
    desk.drop_authority()
    roster = tmp_path / "roster.csv"
    roster.write_text("房号,姓名\n1-1-101,李小红\n", encoding="utf-8")
    monitoring = tmp_path / "list.csv"
    monitoring.write_text("房号,姓名,类型,截止日期\n3-2-501,王大明,居家隔离,2022-12-05\n", encoding="utf-8")
    saved = desk.gate.register(visitor())
    case = desk.isolation.open_isolation_case(CaseForm(name="李四", reason="发热"))
    desk.isolation.close_case(case.id, __import__("models.station.isolation", fromlist=["x"]).Outcome.OTHER)
    key = sync.OfficeKeyFile(office="温泉社区", public_key=__import__("models.formats.bundle", fromlist=["x"]).office_public_key(
        __import__("models.formats.bundle", fromlist=["x"]).new_office_key()))
    from models.sync import units

    with desk.db.engine.begin() as conn:  # two communities, as two gates' set-ups would name them
        units.place_compounds(conn, [(desk.ctx.compound_id, "鼓楼区", "温泉街道", "温泉社区"),
                                     ("5c0e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6", "鼓楼区", "温泉街道", "东街社区")])
    with desk.db.reading() as s:
        tree = units.tree(s)
    desk.authorise(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN)  # a round closed, and one under way
    done = desk.rounds.open_round(title="第一轮全员核酸", points=["1#楼下"])
    closed_line = desk.rounds.not_sampled(done.id)[0].id
    desk.rounds.close_round(done.id)
    under_way = desk.rounds.open_round(title="第二轮全员核酸", points=["1#楼下", "篮球场"])
    need = desk.care.add_need(room="3-2-502", name="李小红", kind="disabled")
    desk.drop_authority()
    community = tree.placed[desk.ctx.compound_id]
    community2 = tree.placed["5c0e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6"]
    return {"resident": resident.id, "bare": bare.id, "pass": card.pass_id, "visit": saved.visit.id, "case": case.id,
            "sup": op_id(desk, "陈主管"), "tmp": tmp_path, "roster": roster, "monitoring": monitoring,
            "office_key": key.dumps(), "community": community, "community2": community2,
            "compound": desk.ctx.compound_id, "round": under_way.id, "closed_line": closed_line,
            "need": need.id, "round_file": _round_file(tmp_path)}


@pytest.mark.parametrize("action", sorted(CALLS))
def test_a_guard_on_duty_is_refused_by_the_core(desk, world, action):
    with pytest.raises(NotAllowed):
        CALLS[action](desk, world)


@pytest.mark.parametrize("action", sorted(CALLS))
def test_the_role_it_needs_is_enough(desk, world, action):
    role = NEEDS[action]
    who = "陈主管" if role is SUPERVISOR else "林管理"
    desk.authorise(op_id(desk, who), PINS[who], role)
    try:
        CALLS[action](desk, world)
    except NotAllowed:
        raise AssertionError(f"{action} refused a {role.value}") from None
    except Exception:  # noqa: BLE001 - a missing file or record is not a refusal of the role
        pass
    if role is ADMIN and action not in ("records.audit_page", "records.audit_count"):
        desk.drop_authority()
        desk.authorise(op_id(desk, "陈主管"), PINS["陈主管"], SUPERVISOR)
        with pytest.raises(NotAllowed):  # and a supervisor is not an administrator
            CALLS[action](desk, world)


# What each action that changes something, or lets personal data or credentials out, writes in the
# audit chain (in the same transaction as the action).
AUDITED = {
    "gate.override": "override", "gate.reveal": "reveal", "isolation.correct_case": "correct", "gate.delete_visit": "delete",
    "sync.export_bundle": "export", "sync.forward_bundle": "forward", "office.write_report": "report", "staff.add_operator": "add_operator",
    "staff.update_settings": "settings", "sync.enroll_station": "enroll", "sync.load_office_key": "office_key",
    "sync.office_key_file": "office_key", "records.end_campaign": "erase_all", "posters.save_venue_code": "venue_code",
    "residents.import_roster": "roster_import", "residents.add_resident": "resident", "residents.edit_resident": "resident",
    "residents.move_out": "resident", "residents.import_monitoring": "monitoring_import", "residents.save_roster_file": "roster_file",
    "residents.load_roster_file": "roster_file", "residents.issue_passes": "pass_issue", "residents.reissue_pass": "pass_reissue",
    "residents.revoke_pass": "pass_revoke", "residents.put_under_monitoring": "monitoring", "residents.end_monitoring": "monitoring",
    "residents.pass_cards": "pass_print", "sync.resolve_conflict": "conflict",
    "office.rename_unit": "unit_rename", "office.merge_units": "unit_merge", "office.add_grid": "unit_add",
    "office.move_compound": "unit_place", "office.limit_account": "operator_scope",
    "rounds.open_round": "round_open", "rounds.close_round": "round_close", "rounds.correct_round": "round_correct",
    "care.add_need": "care_need", "care.needs_from_monitoring": "care_need", "care.end_need": "care_need",
}
READS = {"residents.residents_overview", "residents.resident_for_edit", "records.audit_page",
         "records.audit_count", "rounds.read_round_file"}  # an administrator's views; nothing leaves the station


def test_the_audit_table_covers_every_guarded_action():
    assert set(AUDITED) | READS == set(CALLS)


def entries(desk) -> list:
    from models.trust import audit

    with desk.db.reading() as s:
        return audit.entries(s, limit=10_000)


@pytest.mark.parametrize("action", sorted(set(AUDITED) - {"sync.resolve_conflict", "residents.end_monitoring",
                                                         "residents.load_roster_file", "records.end_campaign",
                                                         "sync.forward_bundle"}))
def test_each_guarded_action_writes_its_audit_entry(desk, world, action):
    role = NEEDS[action]
    who = "陈主管" if role is SUPERVISOR else "林管理"
    operator = op_id(desk, who)
    desk.authorise(operator, PINS[who], role)
    before = {e.seq for e in entries(desk)}
    CALLS[action](desk, world)
    new = [e for e in entries(desk) if e.seq not in before]
    assert [e.action for e in new if e.action == AUDITED[action]], (action, [e.action for e in new])
    assert all(e.operator_id == operator for e in new if e.action == AUDITED[action])


def test_the_rest_write_theirs_too(desk, world, tmp_path):
    """The actions above that need something to act on first: a monitoring to end, a roster file
    to load, a conflict to decide, a campaign to end (an office's forward: tests/models/test_forward.py)."""
    admin = op_id(desk, "林管理")
    desk.authorise(admin, PINS["林管理"], ADMIN)
    desk.residents.put_under_monitoring(world["resident"], "isolation", date(2022, 12, 5), "密接")
    overview = desk.residents.residents_overview()
    watch = next(row[3] for row in overview if row[3] is not None)
    desk.residents.end_monitoring(watch.id)
    desk.residents.save_roster_file(tmp_path / "r.gdroster", "长城长城长城长城")
    desk.residents.load_roster_file(tmp_path / "r.gdroster", "长城长城长城长城")
    desk.records.end_campaign(desk.records.campaign_phrase())
    details = [(e.action, e.detail) for e in entries(desk)]
    assert ("monitoring", "ended") in details
    assert any(a == "roster_file" and d.startswith("loaded") for a, d in details)
    assert any(a == "erase_all" for a, _ in details)


def test_a_scheduled_run_never_shows_personal_data(desk, world, tmp_path):
    """The command line's scheduled export acts as no one: masked, audited as such; a full-data
    export is never scheduled."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(NotAllowed):
        desk.sync.export_bundle(tmp_path / "a", full_data=True, scheduled=True)
    result = desk.sync.export_bundle(tmp_path / "b", scheduled=True)
    logs = " ".join(p.read_text(encoding="utf-8-sig") for p in result.sheets if p.suffix == ".csv")
    assert "王五" not in logs and "王*" in logs
    exports = [e for e in entries(desk) if e.action == "export"]
    assert exports and exports[0].operator_id is None and "unmasked" not in exports[0].detail
