"""One table of who may do what, walked against every public action of the core with a guard on
duty: an action that needs a supervisor or an administrator is refused by the core itself,
whatever screen (or command) calls it; and every public action is in the table."""
from __future__ import annotations

import inspect
from datetime import date

import pytest

from models.desk import Desk
from models.isolation import CaseForm
from models.operators import NotAllowed, Role
from models.rules import Outcome
from tests.models.test_trust import PINS, op_id, visitor

SUPERVISOR, ADMIN = Role.SUPERVISOR, Role.ADMIN

# action -> (role it needs, how to call it on a desk `d` with its ids `x`); None: anyone on duty.
NEEDS = {
    # the gate's daily work
    "register": None, "recall": None, "sign_out": None, "auto_sign_out": None, "on_site": None,
    "today_counts": None, "count_visits": None, "page_visits": None, "operator_names": None, "now": None,
    "place_in_isolation": None, "open_isolation_case": None, "open_case_count": None, "isolation_cases": None,
    "closed_cases": None, "recheck": None, "notify": None, "hand_over_case": None, "close_case": None,
    "take_in": None, "disinfect_waiting": None, "record_round": None, "find_parcels": None, "search_parcels": None,
    "collect": None,
    "deliver": None, "waiting_parcels": None, "overdue_parcels": None, "handed_out_today": None,
    "parcel_counts_by_day": None, "disinfect_items": None, "waiting_count": None, "parcel_counts": None,
    "known_rooms": None, "readiness_today": None, "record_readiness": None, "scan_pass": None,
    "needs_temperature": None, "record_passage": None,
    # signing in and out, locks, the station's own facts
    "acting": None, "may": None, "drop_authority": None, "complete_setup": None, "complete_office_setup": None,
    "operators": None, "last_on_duty": None, "sign_in": None, "sign_off": None, "lock_due": None, "lock": None,
    "unlock": None, "authorise": None, "is_office": None, "last_export": None, "station_key_id": None,
    "setup_info": None, "office_key": None, "office_name": None, "today": None, "poster_gates": None,
    "venue_code": None, "poster_spec": None, "campaign_phrase": None, "campaign_confirmed": None,
    # the office's figures (masked), housekeeping and checks that show no personal data
    "day_summary": None, "visit_series": None, "drill_visits": None, "completeness": None,
    "open_conflicts": None, "importer": None, "erase_expired": None, "erasure_failed": None,
    "personal_left": None, "audit_verdict": None, "anchor_audit": None, "daily_backup": None,
    # a supervisor's
    "override": SUPERVISOR, "reveal": SUPERVISOR, "correct_case": SUPERVISOR, "delete_visit": SUPERVISOR,
    "export_bundle": SUPERVISOR, "write_report": SUPERVISOR, "resolve_conflict": SUPERVISOR,
    # an administrator's
    "add_operator": ADMIN, "update_settings": ADMIN, "enroll_station": ADMIN, "load_office_key": ADMIN,
    "office_key_file": ADMIN, "audit_page": ADMIN, "end_campaign": ADMIN, "save_venue_code": ADMIN,
    "residents_overview": ADMIN, "import_roster": ADMIN, "add_resident": ADMIN, "edit_resident": ADMIN,
    "move_out": ADMIN, "import_monitoring": ADMIN, "save_roster_file": ADMIN, "load_roster_file": ADMIN,
    "issue_passes": ADMIN, "reissue_pass": ADMIN, "revoke_pass": ADMIN, "put_under_monitoring": ADMIN,
    "end_monitoring": ADMIN, "pass_cards": ADMIN,
}

# How to call the guarded actions: with arguments that would succeed for the right operator.
CALLS = {
    "override": lambda d, x: d.override(visit_id=x["visit"], supervisor_id=x["sup"], outcome=Outcome.REFUSE,
                                        reason="访客自愿离开"),
    "reveal": lambda d, x: d.reveal(visit_id=x["visit"], supervisor_id=x["sup"]),
    "correct_case": lambda d, x: d.correct_case(x["case"], "name", "李四光", "核对身份证"),
    "delete_visit": lambda d, x: d.delete_visit(x["visit"], "登记重复"),
    "export_bundle": lambda d, x: d.export_bundle(x["tmp"] / "usb"),
    "write_report": lambda d, x: d.write_report(date(2022, 11, 28), x["tmp"] / "report.xlsx"),
    "resolve_conflict": lambda d, x: d.resolve_conflict("no-such-conflict", take_incoming=False),
    "add_operator": lambda d, x: d.add_operator(name="新保安", role=Role.GUARD, pin="5555"),
    "update_settings": lambda d, x: d.update_settings(d.settings.model_copy(update={"check_mask": False})),
    "enroll_station": lambda d, x: d.enroll_station("da48-52c4-7e96-12c6"),
    "load_office_key": lambda d, x: d.load_office_key(x["office_key"]),
    "office_key_file": lambda d, x: d.office_key_file(),
    "audit_page": lambda d, x: d.audit_page(),
    "end_campaign": lambda d, x: d.end_campaign(d.campaign_phrase()),
    "save_venue_code": lambda d, x: d.save_venue_code(gate_id=d.ctx.gate_id, kind="gatedesk", content="",
                                                      hotline=""),
    "residents_overview": lambda d, x: d.residents_overview(),
    "import_roster": lambda d, x: d.import_roster(x["roster"]),
    "add_resident": lambda d, x: d.add_resident(room="1-1-101", name="王大明", phone="13800138000"),
    "edit_resident": lambda d, x: d.edit_resident(x["resident"], room="1-1-102", name="王大明", phone=""),
    "move_out": lambda d, x: d.move_out(x["resident"]),
    "import_monitoring": lambda d, x: d.import_monitoring(x["monitoring"]),
    "save_roster_file": lambda d, x: d.save_roster_file(x["tmp"] / "r.gdroster", "长城长城长城长城"),
    "load_roster_file": lambda d, x: d.load_roster_file(x["tmp"] / "none.gdroster", "长城长城长城长城"),
    "issue_passes": lambda d, x: d.issue_passes([x["bare"]]),
    "reissue_pass": lambda d, x: d.reissue_pass(x["pass"], "丢失"),
    "revoke_pass": lambda d, x: d.revoke_pass(x["pass"], "搬离"),
    "put_under_monitoring": lambda d, x: d.put_under_monitoring(x["resident"], "isolation",
                                                                date(2022, 12, 5), "密接"),
    "end_monitoring": lambda d, x: d.end_monitoring("no-such-monitoring"),
    "pass_cards": lambda d, x: d.pass_cards(),
}


def public_actions() -> set[str]:
    return {name for name, member in inspect.getmembers(Desk) if not name.startswith("_")
            and (inspect.isfunction(member) or isinstance(member, property))}


def test_every_public_action_is_in_the_table():
    assert public_actions() == set(NEEDS), (public_actions() ^ set(NEEDS))
    assert {n for n, role in NEEDS.items() if role} == set(CALLS)


@pytest.fixture
def desk(db, station, now):
    """A gate with a guard on duty (the weakest operator there is)."""
    d = Desk(db, clock=lambda: now)
    d.sign_in(op_id(d, "张保安"), PINS["张保安"])
    return d


@pytest.fixture
def world(desk, tmp_path, now):
    """A resident with a pass, a registration and a closed case, made by an administrator."""
    from models import sync

    desk.authorise(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN)
    resident = desk.add_resident(room="3-2-501", name="王大明", phone="13800138000")
    desk.issue_passes([resident.id])
    [card] = desk.pass_cards()
    bare = desk.add_resident(room="3-2-502", name="李小红", phone="")  # no pass yet
    desk.drop_authority()
    roster = tmp_path / "roster.csv"
    roster.write_text("房号,姓名\n1-1-101,李小红\n", encoding="utf-8")
    monitoring = tmp_path / "list.csv"
    monitoring.write_text("房号,姓名,类型,截止日期\n3-2-501,王大明,居家隔离,2022-12-05\n", encoding="utf-8")
    saved = desk.register(visitor())
    case = desk.open_isolation_case(CaseForm(name="李四", reason="发热"))
    desk.close_case(case.id, __import__("models.isolation", fromlist=["x"]).Outcome.OTHER)
    key = sync.OfficeKeyFile(office="温泉社区", public_key=__import__("models.bundle", fromlist=["x"]).office_public_key(
        __import__("models.bundle", fromlist=["x"]).new_office_key()))
    return {"resident": resident.id, "bare": bare.id, "pass": card.pass_id, "visit": saved.visit.id, "case": case.id,
            "sup": op_id(desk, "陈主管"), "tmp": tmp_path, "roster": roster, "monitoring": monitoring,
            "office_key": key.dumps()}


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
    if role is ADMIN and action not in ("audit_page",):
        desk.drop_authority()
        desk.authorise(op_id(desk, "陈主管"), PINS["陈主管"], SUPERVISOR)
        with pytest.raises(NotAllowed):  # and a supervisor is not an administrator
            CALLS[action](desk, world)


# What each action that changes something, or lets personal data or credentials out, writes in the
# audit chain (in the same transaction as the action).
AUDITED = {
    "override": "override", "reveal": "reveal", "correct_case": "correct", "delete_visit": "delete",
    "export_bundle": "export", "write_report": "report", "add_operator": "add_operator",
    "update_settings": "settings", "enroll_station": "enroll", "load_office_key": "office_key",
    "office_key_file": "office_key", "end_campaign": "erase_all", "save_venue_code": "venue_code",
    "import_roster": "roster_import", "add_resident": "resident", "edit_resident": "resident",
    "move_out": "resident", "import_monitoring": "monitoring_import", "save_roster_file": "roster_file",
    "load_roster_file": "roster_file", "issue_passes": "pass_issue", "reissue_pass": "pass_reissue",
    "revoke_pass": "pass_revoke", "put_under_monitoring": "monitoring", "end_monitoring": "monitoring",
    "pass_cards": "pass_print", "resolve_conflict": "conflict",
}
READS = {"residents_overview", "audit_page"}  # an administrator's views; nothing leaves the station


def test_the_audit_table_covers_every_guarded_action():
    assert set(AUDITED) | READS == set(CALLS)


def entries(desk) -> list:
    from models import audit

    with desk.db.reading() as s:
        return audit.entries(s, limit=10_000)


@pytest.mark.parametrize("action", sorted(set(AUDITED) - {"resolve_conflict", "end_monitoring", "load_roster_file",
                                                         "end_campaign"}))
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
    to load, a conflict to decide, a campaign to end."""
    admin = op_id(desk, "林管理")
    desk.authorise(admin, PINS["林管理"], ADMIN)
    desk.put_under_monitoring(world["resident"], "isolation", date(2022, 12, 5), "密接")
    overview = desk.residents_overview()
    watch = next(row[3] for row in overview if row[3] is not None)
    desk.end_monitoring(watch.id)
    desk.save_roster_file(tmp_path / "r.gdroster", "长城长城长城长城")
    desk.load_roster_file(tmp_path / "r.gdroster", "长城长城长城长城")
    desk.end_campaign(desk.campaign_phrase())
    details = [(e.action, e.detail) for e in entries(desk)]
    assert ("monitoring", "ended") in details
    assert any(a == "roster_file" and d.startswith("loaded") for a, d in details)
    assert any(a == "erase_all" for a, _ in details)
