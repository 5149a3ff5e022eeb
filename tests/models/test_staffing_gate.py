"""A compound without a property company: its residents' rota holds the gate. Whoever checks in at a
gate post is the guard on duty (the records they make carry their account, named by their masked
name); checking out hands the gate to the next still checked in there, or locks it for the next; their
account has no PIN and closes when they leave the rota. Held on every path: the desk's check-in, the
locked station's card and PIN, the night's housekeeping (also from the command line), the office."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select

from models import staffing
from models.app.actions import StationLocked
from models.app.desk import Desk
from models.trust.operators import Operator, Role, Shift, WrongPin
from tests.models import test_roles as audit
from tests.models.test_staffing_privacy import as_supervisor
from tests.models.test_trust import PINS, op_id
from tests.models.test_visits import form


def rota_holds(desk, on: bool = True) -> None:
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        desk.staff.update_settings(desk.settings.model_copy(update={"gate_on_rota": on}))


@pytest.fixture
def rota(desk):
    """东门岗 (a gate post) and a sampling point, 08:00-16:00 today; two residents at the gate (one with
    a card, one with a PIN) and a cadre at the sampling point."""
    rota_holds(desk)
    with as_supervisor(desk):
        gate = desk.staffing.add_post(name="东门岗", kind="gate", critical=True)
        sampling = desk.staffing.add_post(name="采样点", kind="sampling")
        for post in (gate, sampling):
            desk.staffing.plan_shifts(post_id=post.id, first_day=desk.today(), days=1, times="08:00-16:00",
                                      min_people=1, max_people=3)
        qian = desk.staffing.add_person(name="钱阿姨", phone="13800000004", kind="resident", sent_by="",
                                        posts=["gate"])
        sun = desk.staffing.add_person(name="孙大爷", phone="13800000005", kind="resident", sent_by="",
                                       posts=["gate"], pin="2468")
        li = desk.staffing.add_person(name="李法官", phone="13800000001", kind="cadre", sent_by="区法院",
                                      posts=["sampling"])
        shifts = {v.post.name: v.shift for v in desk.staffing.day_rota()}
        for person, post in ((qian, "东门岗"), (sun, "东门岗"), (li, "采样点")):
            desk.staffing.assign(shifts[post].id, person.id)
        cards = {p.id: desk.staffing.card_text(p.id) for p in (qian, li)}
    return qian, sun, li, cards


def stretches(desk) -> list[tuple[str, bool]]:
    """Who was on duty at this station, oldest first, and whether their stretch is still open."""
    with desk.db.reading() as s:
        return [(s.get(Operator, sh.operator_id).name, sh.ended_at is None)
                for sh in s.execute(select(Shift).order_by(Shift.started_at, Shift.created_at)).scalars()]


def test_the_resident_who_checks_in_at_the_gate_is_its_guard_until_the_gate_passes_on(desk, rota):
    qian, sun, li, cards = rota
    desk.staff.lock("shift")
    with pytest.raises(StationLocked):  # the desk's own check-in is the operator on duty's
        desk.staffing.check_card(cards[qian.id])

    held = desk.staffing.hold_gate_card(cards[qian.id])
    assert held.checked is not None and not held.checked.went_out
    assert desk.locked is None and desk.operator.name == "钱*姨" and desk.operator.role == Role.GUARD
    assert stretches(desk) == [("张保安", False), ("钱*姨", True)]
    # What she registers carries her account; the sign-in list never offers it (it has no PIN).
    visit = desk.gate.register(form()).visit
    assert visit.operator_id == desk.operator.id
    assert "钱*姨" not in [o.name for o in desk.staff.operators()]
    assert desk.staff.operator_names()[desk.operator.id] == "钱*姨"
    her = desk.operator
    for pin in ("", "rota", "0000"):
        with pytest.raises(WrongPin):
            desk.staff.sign_in(her.id, pin)
    assert desk.operator is her

    # Away a while: the idle lock; her card brings her back without a second check-in.
    desk.staff.lock("idle")
    back = desk.staffing.hold_gate_card(cards[qian.id])
    assert back.checked is None and desk.operator.id == her.id and desk.locked is None
    assert [p.name for _, p, _, _ in desk.staffing.here_now()] == ["钱*姨"]

    # 孙大爷 comes with his PIN, at the desk: he checks in at the gate and takes it over.
    later = desk.clock() + timedelta(minutes=30)
    desk.clock = lambda: later
    desk.staffing.check_pin(sun.id, "2468")
    assert desk.operator.name == "孙*爷"
    # The sampling point's cadre checks in at the desk: the gate stays in the same hands.
    desk.staffing.check_card(cards[li.id])
    assert desk.operator.name == "孙*爷"
    # He goes: the gate goes back to her, still checked in there.
    desk.staffing.check_pin(sun.id, "2468")
    assert desk.operator.id == her.id and desk.locked is None
    # She goes too: nobody holds the gate; the station locks for the next.
    desk.staffing.check_card(cards[qian.id])
    assert desk.operator is None and desk.locked == "shift"
    assert all(not open_ for _, open_ in stretches(desk))
    with pytest.raises(StationLocked):
        desk.gate.register(form(phone="13812345679"))

    # The cadre's shift is at the sampling point: his card does not open the gate PC.
    with pytest.raises(staffing.DutyRefused) as refused:
        desk.staffing.hold_gate_card(cards[li.id])
    assert refused.value.code == "not_gate_post" and desk.locked == "shift"
    # 孙大爷 by name and PIN at the locked PC: a wrong PIN counts and opens nothing.
    with pytest.raises(staffing.DutyRefused):
        desk.staffing.hold_gate_pin(sun.id, "0000")
    assert desk.locked == "shift"
    desk.staffing.hold_gate_pin(sun.id, "2468")
    assert desk.operator.name == "孙*爷" and desk.locked is None
    assert [p.name for p in desk.staffing.gate_people()] == ["孙*爷"]  # the ones with a PIN, masked
    # The audit chain says who came on duty and how, in their own name.
    names = desk.staff.operator_names()
    held = [(names.get(e.operator_id), e.action, e.detail) for e in reversed(audit.entries(desk))
            if e.action in ("duty_check", "sign_in", "sign_out")]
    assert held == [
        ("张保安", "sign_in", ""),
        ("钱*姨", "sign_in", ""), ("钱*姨", "duty_check", "in, on duty"),  # at the locked PC
        ("钱*姨", "duty_check", "back on duty"),  # after the idle lock: the same stretch goes on
        ("钱*姨", "duty_check", "in"), ("孙*爷", "sign_in", ""),  # she checks him in; he takes the gate
        ("孙*爷", "duty_check", "in"),  # the cadre, at the sampling point
        ("孙*爷", "duty_check", "out"), ("钱*姨", "sign_in", ""),  # he goes; back to her
        ("钱*姨", "duty_check", "out"), ("钱*姨", "sign_out", ""),  # she goes; nobody
        ("孙*爷", "sign_in", ""), ("孙*爷", "duty_check", "in, on duty")]


def test_a_gate_with_its_own_guards_opens_to_no_card(desk, rota):
    qian, sun, _, cards = rota
    rota_holds(desk, False)
    desk.staff.lock("shift")
    with pytest.raises(staffing.DutyRefused) as refused:
        desk.staffing.hold_gate_card(cards[qian.id])
    assert refused.value.code == "gate_not_rota" and not desk.staffing.holds_gate()
    with pytest.raises(staffing.DutyRefused) as refused:  # said before the card is even read
        desk.staffing.hold_gate_card("GDV1.rubbish")
    assert refused.value.code == "gate_not_rota"
    with pytest.raises(staffing.DutyRefused):
        desk.staffing.hold_gate_pin(sun.id, "2468")
    assert desk.locked == "shift" and desk.staffing.gate_people() == []
    # Checked in at the desk by the guard on duty, she is on the rota's books but not on duty.
    desk.staff.unlock(op_id(desk, "张保安"), PINS["张保安"], reason="shift")
    desk.staffing.check_card(cards[qian.id])
    assert desk.operator.name == "张保安"


def test_a_full_gate_shift_opens_nothing_and_makes_no_account(desk):
    rota_holds(desk)
    with as_supervisor(desk):
        post = desk.staffing.add_post(name="北门岗", kind="gate")
        [shift] = desk.staffing.plan_shifts(post_id=post.id, first_day=desk.today(), days=1, times="08:00-16:00",
                                            min_people=1, max_people=1)
        qian = desk.staffing.add_person(name="钱阿姨", phone="13800000004", kind="resident", sent_by="")
        sun = desk.staffing.add_person(name="孙大爷", phone="13800000005", kind="resident", sent_by="", pin="2468")
        desk.staffing.assign(shift.id, qian.id)
        assert desk.staffing.assign(shift.id, sun.id).reserve  # the shift takes one: he waits
        card = desk.staffing.card_text(qian.id)
    desk.staffing.check_card(card)
    desk.staff.lock("idle")
    with pytest.raises(staffing.DutyRefused) as refused:
        desk.staffing.hold_gate_pin(sun.id, "2468")
    assert refused.value.code == "shift_full" and desk.locked == "idle"
    with desk.db.reading() as s:
        assert [o.name for o in s.execute(select(Operator).where(Operator.pin_hash == "rota")).scalars()] == ["钱*姨"]


def test_leaving_the_rota_closes_the_account_and_hands_the_gate_on(desk, rota):
    qian, _, _, cards = rota
    desk.staffing.check_card(cards[qian.id])
    her = desk.operator
    assert her.name == "钱*姨"
    with as_supervisor(desk):
        desk.staffing.leave(qian.id)
    assert desk.operator is None and desk.locked == "shift"
    with desk.db.reading() as s:
        assert s.get(Operator, her.id).active is False
    with pytest.raises(staffing.DutyRefused) as refused:
        desk.staffing.hold_gate_card(cards[qian.id])
    assert refused.value.code == "person_left"


def test_a_forgotten_check_out_ends_the_stretch_with_the_nights_housekeeping(desk, rota):
    qian, _, _, cards = rota
    desk.staffing.check_card(cards[qian.id])
    assert desk.operator.name == "钱*姨"
    # 16:00 + 2 h: the check-in is closed on its own, and the gate she held with it.
    after = desk.clock() + timedelta(hours=8, minutes=1)  # 10:00 -> 18:01 China time
    desk.clock = lambda: after
    assert desk.records.housekeeping(backup=False).duty_closed == 1
    assert desk.operator is None and desk.locked == "shift"
    assert all(not open_ for _, open_ in stretches(desk))


@pytest.mark.skipif(shutil.which("faketime") is None, reason="faketime is not installed (apt-get install faketime)")
def test_the_command_lines_housekeeping_ends_the_stretch_too(desk, rota, db):
    qian, _, _, cards = rota
    desk.staffing.check_card(cards[qian.id])
    folder = db.path.parent
    db.close()
    env = dict(os.environ, TZ="UTC", GATEDESK_LANG="en")
    env.pop("GATEDESK_PIN", None)
    # 2022-11-28 10:01 UTC is 18:01 in China: two hours after her 16:00 end.
    r = subprocess.run(["faketime", "2022-11-28 10:01:00", sys.executable, "main.py", "housekeeping", "--data-dir",
                        str(folder), "--json"], capture_output=True, text=True, env=env, timeout=120,
                       stdin=subprocess.DEVNULL, cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert r.returncode == 0, r.stderr
    assert '"duty_closed": 1' in r.stdout
    con = sqlite3.connect(folder / "gatedesk.sqlite3")
    try:
        assert con.execute("SELECT count(*) FROM shift WHERE ended_at IS NULL").fetchone() == (0,)
    finally:
        con.close()


def test_the_office_names_the_rota_guard_masked_and_gives_the_account_no_pin(desk, rota, tmp_path, open_office):
    from models.sync import Importer, ensure_office, export_bundle
    from tests.sync_helpers import enroll

    qian, _, _, cards = rota
    desk.staffing.check_card(cards[qian.id])
    visit = desk.gate.register(form()).visit
    bundle = export_bundle(desk.db, tmp_path / "stick", sheets=False, now=desk.clock()).path
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, desk.db)
    assert Importer(office, clock=desk.clock).run(bundle).status == "accepted"
    try:
        with office.reading() as s:
            guard = s.get(Operator, visit.operator_id)
            assert (guard.name, guard.pin_hash) == ("钱*姨", "")
            names = {o.name for o in s.execute(select(Operator)).scalars()}
        assert "钱阿姨" not in names
        assert guard.id not in {o.id for o in Desk(office).staff.operators()}
    finally:
        office.close()


@pytest.mark.parametrize("china", ["02:30", "23:50"])
def test_the_night_shift_holds_the_gate_on_either_side_of_midnight(desk, db, station, china):
    """At 02:30 China time the UTC date is still yesterday; at 23:50 the shift ends at midnight. The
    card finds the shift under way, and the stretch is hers, whatever the computer's own date."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    hh, mm = map(int, china.split(":"))
    when = datetime(2022, 11, 29, hh, mm, tzinfo=ZoneInfo("Asia/Shanghai"))
    desk.clock = lambda: when
    rota_holds(desk)
    with as_supervisor(desk):
        post = desk.staffing.add_post(name="东门岗", kind="gate", critical=True)
        desk.staffing.plan_shifts(post_id=post.id, first_day=desk.today(), days=1,
                                  times="00:00-08:00,08:00-16:00,16:00-24:00", min_people=1, max_people=2)
        now_shift = next(v.shift for v in desk.staffing.day_rota() if v.shift.starts_at <= when < v.shift.ends_at)
        qian = desk.staffing.add_person(name="钱阿姨", phone="13800000004", kind="resident", sent_by="",
                                        posts=["gate"])
        desk.staffing.assign(now_shift.id, qian.id)
        card = desk.staffing.card_text(qian.id)
    desk.staff.lock("shift")
    held = desk.staffing.hold_gate_card(card)
    assert held.checked.shift.id == now_shift.id and desk.operator.name == "钱*姨"
    assert staffing.shift_label(held.checked.shift, desk.settings.zone)[6:] == (
        "00:00–08:00" if china == "02:30" else "16:00–24:00")
    # Two hours after the shift's end the night's housekeeping closes it and the PC locks.
    later = now_shift.ends_at + timedelta(hours=2, minutes=1)
    desk.clock = lambda: later
    assert desk.records.housekeeping(backup=False).duty_closed == 1 and desk.locked == "shift"
