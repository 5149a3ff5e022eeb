"""An action's declaration is its unit of work: what it writes and its audit entry commit together
or not at all, a storage failure is NotSaved (what was typed stays on screen), what the desk holds in
memory follows what was saved, and a refusal that must stay on record (a wrong PIN) does."""
from __future__ import annotations

import inspect
import sqlite3

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from models.app.actions import ACTIONS, NoUnit, StationLocked
from models.gate import visits
from models.gate.visits import Visit
from models.station import parcels
from models.store import db as store_db
from models.store.db import NotSaved
from models.trust import audit, operators
from models.trust.operators import WrongPin
from tests.models.test_trust import PINS, op_id, visitor

# Audited actions that keep their own transactions, and why: an export or a forward runs on a worker
# thread and writes the file before its entry; erasure goes a chunk at a time; VACUUM cannot run
# inside a transaction; a conflict is decided under the office's import lock; a failed erasure's
# entry is written where the database itself may be what fails.
OWN_TRANSACTIONS = {"sync.export_bundle", "sync.forward_bundle", "records.erase_expired", "records.end_campaign",
                    "sync.resolve_conflict", "records.erasure_failed"}


def rows(desk, table) -> int:
    with desk.db.reading() as s:
        return s.execute(select(func.count()).select_from(table)).scalar()


def disk_full(*_a, **_k):
    raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))


def test_every_write_but_the_named_few_runs_in_the_unit_its_declaration_opens():
    from models.app.desk import Desk
    from models.app.work import Service

    own = {n for n, a in ACTIONS.items() if a.audit and not a.unit}
    assert own == OWN_TRANSACTIONS
    services = {cls.__name__: cls for cls in Service.__subclasses__()}
    assert services, Desk
    for name, declared in ACTIONS.items():
        key, method = name.split(".")
        fn = next(vars(c)[method] for c in services.values() if method in vars(c) and
                  getattr(vars(c)[method], "action", None) is declared)
        source = inspect.getsource(inspect.unwrap(fn))
        if declared.unit:
            assert "db.session()" not in source, name  # its declaration opens the unit, nothing else
        elif name not in OWN_TRANSACTIONS:
            assert "self.unit" not in source, name


def test_an_action_that_fails_after_writing_leaves_nothing_behind(desk, monkeypatch):
    entries = rows(desk, audit.AuditEvent)
    real = visits.register_visit

    def then_fail(**kw):
        real(**kw)
        raise RuntimeError("the power went")

    monkeypatch.setattr(visits, "register_visit", then_fail)
    with pytest.raises(RuntimeError):
        desk.gate.register(visitor())
    assert rows(desk, Visit) == 0
    assert rows(desk, audit.AuditEvent) == entries


def test_a_record_and_its_entry_commit_together_or_not_at_all(desk, monkeypatch):
    """A parcel's entry is written by the declaration: when it cannot be, the parcel is not saved
    either, and the guard is told in words (NotSaved), not with a traceback."""
    entries = rows(desk, audit.AuditEvent)
    monkeypatch.setattr(audit, "record", disk_full)
    with pytest.raises(NotSaved):
        desk.parcels.take_in(parcels.IntakeForm(room="3-1-502", carrier="顺丰", tracking_no="SF1234"))
    assert rows(desk, parcels.Parcel) == 0
    monkeypatch.undo()
    assert rows(desk, audit.AuditEvent) == entries
    desk.parcels.take_in(parcels.IntakeForm(room="3-1-502", carrier="顺丰", tracking_no="SF1234"))
    assert rows(desk, parcels.Parcel) == 1


def test_a_shift_that_could_not_be_saved_leaves_the_operator_on_duty_as_they_were(desk, monkeypatch):
    guard = desk.operator
    monkeypatch.setattr(store_db._Unit, "commit", disk_full)
    with pytest.raises(NotSaved):
        desk.staff.sign_in(op_id(desk, "陈主管"), PINS["陈主管"])
    assert desk.operator is guard
    monkeypatch.undo()
    desk.staff.sign_in(op_id(desk, "陈主管"), PINS["陈主管"])
    assert desk.operator.name == "陈主管"


def test_settings_that_could_not_be_saved_are_not_the_ones_in_use(desk, monkeypatch):
    desk.staff.sign_in(op_id(desk, "林管理"), PINS["林管理"])
    before = desk.settings
    monkeypatch.setattr(store_db._Unit, "commit", disk_full)
    with pytest.raises(NotSaved):
        desk.staff.update_settings(before.model_copy(update={"check_mask": not before.check_mask}))
    assert desk.settings is before


def test_a_wrong_pin_stays_on_record_though_the_sign_in_is_refused(desk):
    for _ in range(2):
        with pytest.raises(WrongPin):
            desk.staff.sign_in(op_id(desk, "陈主管"), "0000")
    with desk.db.reading() as s:
        failed = [e for e in audit.entries(s, limit=50) if e.action == operators.FAILED]
        guard = s.get(operators.PinGuard, op_id(desk, "陈主管"))
    assert len(failed) == 2 and guard.failures == 2
    desk.staff.lock("idle")
    with pytest.raises(WrongPin):
        desk.staff.unlock(desk.operator.id, "0000", reason="idle")
    with desk.db.reading() as s:
        assert sum(e.action == operators.FAILED for e in audit.entries(s, limit=50)) == 3


def test_the_station_locks_even_when_its_entry_cannot_be_written(desk, monkeypatch):
    monkeypatch.setattr(audit, "record", disk_full)
    with pytest.raises(NotSaved):
        desk.staff.lock("idle")
    monkeypatch.undo()
    assert desk.locked == "idle"
    with pytest.raises(StationLocked):
        desk.gate.register(visitor())


def test_an_entry_only_for_a_result_that_did_something(desk):
    """The automatic sign-out is asked every minute: a minute that signed no one out leaves no entry."""
    before = rows(desk, audit.AuditEvent)
    assert desk.gate.auto_sign_out() == 0
    assert rows(desk, audit.AuditEvent) == before


def test_no_write_outside_a_declared_unit(desk):
    with pytest.raises(NoUnit):
        desk.gate.unit
