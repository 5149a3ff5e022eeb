"""Roles are enforced by the core, not only by the GUI, and every sensitive action is audited."""
from __future__ import annotations

import pytest
from sqlmodel import select

from models.gate.rules import Outcome
from models.gate.visits import VisitForm
from models.setup.settings import load_settings
from models.station.isolation import CaseForm
from models.station.isolation import Outcome as CaseOutcome
from models.sync import export_bundle
from models.trust import audit
from models.trust.operators import NotAllowed, Role
from tests.conftest import OFFICE_NOW

PINS = {"林管理": "1234", "陈主管": "2345", "张保安": "1111"}


def op_id(desk, name):
    return next(o.id for o in desk.staff.operators() if o.name == name)


def actions(desk) -> list[str]:
    with desk.db.session() as s:
        return [e.action for e in s.exec(select(audit.AuditEvent).order_by(audit.AuditEvent.seq))]


def visitor(**kw) -> VisitForm:
    values = dict(kind="visitor", name="王五", phone="13800138000", origin="仓山区", destination="3-1-502",
                  host="李四", purpose="探亲", temperature="36.5", code_color="green", nat_result="negative",
                  nat_sampled_at="20h", risk_flag=False, mask=True)
    values.update(kw)
    return VisitForm(**values)


def test_a_guard_cannot_do_what_needs_a_supervisor_or_an_administrator(desk, tmp_path):
    with pytest.raises(NotAllowed):
        desk.staff.update_settings(desk.settings.model_copy(update={"check_mask": False}))
    with pytest.raises(NotAllowed):
        desk.staff.add_operator(name="新保安", role=Role.GUARD, pin="5555")
    with pytest.raises(NotAllowed):
        desk.sync.export_bundle(tmp_path)
    case = desk.isolation.open_isolation_case(CaseForm(name="李四", reason="发热"))
    desk.isolation.close_case(case.id, CaseOutcome.OTHER)
    with pytest.raises(NotAllowed):
        desk.isolation.correct_case(case.id, "name", "李四光", "核对身份证")
    saved = desk.gate.register(visitor())
    with pytest.raises(NotAllowed):  # a guard's own id does not make a supervisor
        desk.gate.override(visit_id=saved.visit.id, supervisor_id=op_id(desk, "张保安"), outcome=Outcome.REFUSE,
                      reason="x")
    with pytest.raises(NotAllowed):
        desk.gate.reveal(visit_id=saved.visit.id, supervisor_id=op_id(desk, "张保安"))
    with pytest.raises(NotAllowed):  # nor does a supervisor's id without their PIN
        desk.gate.reveal(visit_id=saved.visit.id, supervisor_id=op_id(desk, "陈主管"))
    with desk.db.session() as s:
        assert load_settings(s).check_mask is True
    assert not list(tmp_path.glob("*.gdbundle"))
    assert len(desk.staff.operators()) == 3


def test_a_pin_given_for_a_task_allows_it_and_then_ends(desk, tmp_path):
    with desk.authorised(op_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        with pytest.raises(NotAllowed):  # a supervisor is not an administrator
            desk.staff.update_settings(desk.settings.model_copy(update={"check_mask": False}))
        assert desk.sync.export_bundle(tmp_path).seq == 1
        with pytest.raises(NotAllowed):  # unmasked spreadsheets need an administrator
            desk.sync.export_bundle(tmp_path, full_data=True)
    with pytest.raises(NotAllowed):
        desk.sync.export_bundle(tmp_path)
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        assert desk.staff.update_settings(desk.settings.model_copy(update={"check_mask": False})) == ["check_mask"]
        desk.staff.sign_off()  # ending the shift ends any authority given during it
        assert desk.authority is None


def test_every_sensitive_action_is_in_the_audit_chain(desk, db, tmp_path, now):
    saved = desk.gate.register(visitor())
    sup = op_id(desk, "陈主管")
    with desk.authorised(sup, PINS["陈主管"], Role.SUPERVISOR):  # the dialogs ask for the PIN first
        desk.gate.override(visit_id=saved.visit.id, supervisor_id=sup, outcome=Outcome.REFUSE, reason="访客自愿离开")
        desk.gate.reveal(visit_id=saved.visit.id, supervisor_id=sup)
    case = desk.isolation.open_isolation_case(CaseForm(name="李四", reason="发热"))
    desk.isolation.close_case(case.id, CaseOutcome.OTHER)
    with desk.authorised(sup, PINS["陈主管"], Role.SUPERVISOR):
        desk.isolation.correct_case(case.id, "name", "李四光", "核对身份证")
        desk.sync.export_bundle(tmp_path)
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        desk.staff.update_settings(desk.settings.model_copy(update={"fever_threshold": 37.5}))
        desk.staff.add_operator(name="黄保安", role=Role.GUARD, pin="2222")
        assert actions(desk) == ["sign_in", "register", "override", "reveal", "case_open", "case_close", "correct",
                                 "export", "settings", "add_operator"]
        with db.session() as s:
            entries = audit.entries(s)
            assert audit.verify(s).first_bad is None
        by_action = {e.action: e for e in entries}
        assert by_action["register"].record_id == saved.visit.id
        assert by_action["correct"].operator_id == sup and by_action["correct"].detail == "name"
        assert by_action["settings"].detail == "fever_threshold"
        # Details name records and fields, never the people in them.
        assert not any(word in e.detail for e in entries for word in ("王五", "李四", "13800138000"))


def test_an_import_is_audited_at_the_office(tmp_path, now, open_office):
    from models.app.demo import create_demo
    from models.store.db import open_database
    from models.sync import Importer, ensure_office

    gate = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    create_demo(gate, days=1, visits_per_day=5, seed=3, now=now)
    bundle_path = export_bundle(gate, tmp_path / "stick", sheets=False, now=now).path
    gate.close()
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    fingerprint = __import__("tests.sync_helpers", fromlist=["x"]).fingerprint(bundle_path)
    first = Importer(office, clock=lambda: OFFICE_NOW, operator_id="someone", enroll=[fingerprint]).run(bundle_path)
    assert first.status == "accepted"
    assert Importer(office, clock=lambda: OFFICE_NOW, operator_id="someone").run(bundle_path).already_imported  # changes nothing
    with office.session() as s:
        imports = [e for e in audit.entries(s) if e.action == "import"]
        enrolled = [e for e in audit.entries(s) if e.action == "enroll"]
        assert audit.verify(s).first_bad is None
    assert len(imports) == 1 and imports[0].operator_id == "someone" and "created=" in imports[0].detail
    assert [(e.detail, e.operator_id) for e in enrolled] == [(fingerprint, "someone")]  # with its first import
    office.close()


def test_the_station_locks_when_idle_and_at_shift_change(desk, now):
    from datetime import timedelta

    from models.trust.operators import WrongPin

    guard = op_id(desk, "张保安")
    minute = timedelta(minutes=1)
    assert desk.staff.lock_due(last_activity=now - 9 * minute, last_check=now - minute) is None
    assert desk.staff.lock_due(last_activity=now - 10 * minute, last_check=now - minute) == "idle"
    # 10:00 local now (02:00 UTC); the 08:00 shift change passed between the checks.
    assert desk.staff.lock_due(last_activity=now, last_check=now - timedelta(hours=2, minutes=1)) == "shift"
    desk.staff.lock("idle")
    with pytest.raises(WrongPin):
        desk.staff.unlock(guard, "0000", reason="idle")
    desk.staff.unlock(guard, PINS["张保安"], reason="idle")
    assert desk.operator.id == guard
    desk.staff.lock("shift")
    sup = op_id(desk, "陈主管")
    desk.staff.unlock(sup, PINS["陈主管"], reason="shift")  # the next shift signs in: a hand-over
    assert desk.operator.id == sup
    trail = actions(desk)
    assert trail[trail.index("locked"):][:3] == ["locked", "pin_failed", "unlocked"]
    assert trail.count("locked") == 2 and trail[-1] == "sign_in"
