"""The audit log is a hash chain: an entry changed or removed afterwards is found, and where."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from models.store.clock import utcnow
from models.store.db import open_database
from models.trust import audit


def log(tmp_path, n=5):
    d = open_database(tmp_path / "gatedesk.sqlite3")
    now = utcnow()
    with d.session() as s:
        for i in range(n):
            audit.record(s, at=now + timedelta(seconds=i), station_id="s", operator_id="op", action="reveal",
                         record_id=f"r{i}", detail="")
        s.commit()
    return d


def test_an_untouched_log_verifies(tmp_path):
    d = log(tmp_path)
    with d.session() as s:
        assert audit.verify(s) == audit.Verdict(5, None)
        assert [e.seq for e in s.exec(__import__("sqlmodel").select(audit.AuditEvent).order_by(
            audit.AuditEvent.seq))] == [1, 2, 3, 4, 5]
    d.close()


def test_a_changed_entry_is_found(tmp_path):
    d = log(tmp_path)
    with d.engine.begin() as c:
        c.execute(text("UPDATE audit_event SET record_id = 'someone-else' WHERE seq = 3"))
    with d.session() as s:
        assert audit.verify(s) == audit.Verdict(3, 3, "changed")
    d.close()


def test_a_removed_entry_is_found(tmp_path):
    d = log(tmp_path)
    with d.engine.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq = 2"))
    with d.session() as s:
        assert audit.verify(s).first_bad == 2
    d.close()


def test_a_broken_link_is_found(tmp_path):
    """An entry that no longer names its predecessor's hash breaks the chain there."""
    d = log(tmp_path)
    with d.engine.begin() as c:
        c.execute(text("UPDATE audit_event SET prev_hash = '" + "0" * 64 + "' WHERE seq = 4"))
    with d.session() as s:
        assert audit.verify(s).first_bad == 4
    d.close()


def test_five_wrong_pins_lock_the_operator_for_a_while(tmp_path):
    from models.trust import operators
    from models.trust.first_run import SetupForm, complete_setup

    d = open_database(tmp_path / "g.sqlite3")
    now = utcnow()
    with d.session() as s:
        ctx = complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                                          admin_pin="1234", admin_pin_again="1234"), now=now)
        s.commit()
        admin = operators.list_operators(s)[0]
    for i in range(operators.MAX_FAILURES):
        with d.session() as s:
            try:
                operators.start_shift(s, ctx=ctx, operator_id=admin.id, pin="0000", now=now + timedelta(seconds=i))
            except operators.Locked:
                raise AssertionError("locked too early")
            except operators.WrongPin:
                pass
    with d.session() as s:
        try:
            operators.start_shift(s, ctx=ctx, operator_id=admin.id, pin="1234", now=now + timedelta(minutes=1))
            raise AssertionError("the right PIN got through a lock")
        except operators.Locked as exc:
            assert exc.minutes == operators.LOCK_MINUTES and "分钟" in exc.message.render(  # 9 min 4 s, rounded up
                __import__("models.store.i18n", fromlist=["x"]).plain_translator("zh_CN"))
    with d.session() as s:  # after the lock, the right PIN works and the count starts again
        op, _ = operators.start_shift(s, ctx=ctx, operator_id=admin.id, pin="1234",
                                      now=now + timedelta(minutes=operators.LOCK_MINUTES + 1))
        s.commit()
        assert op.id == admin.id
        assert operators.locked_for(s, admin.id, now + timedelta(minutes=12)) == 0
        assert audit.verify(s).first_bad is None
    d.close()


def test_one_backup_a_day_and_only_the_last_few_are_kept(tmp_path):
    from models.store import backups, migrations

    d = log(tmp_path, n=3)
    folder = tmp_path / "backups"
    (folder).mkdir()
    (folder / "gatedesk-before-v5-from-v4-x.sqlite3").write_bytes(b"kept")  # not a daily one
    days = [f"2026-11-{n:02d}" for n in range(20, 30)]
    for day in days:
        assert backups.daily_backup(d.path, folder, day, keep=7) is not None
        assert backups.daily_backup(d.path, folder, day, keep=7) is None  # once a day
    daily = sorted(p.name for p in folder.glob("gatedesk-daily-*"))
    assert daily == [f"gatedesk-daily-{day}.sqlite3" for day in days[-7:]]
    assert (folder / "gatedesk-before-v5-from-v4-x.sqlite3").exists()
    assert backups.verify_copy(folder / daily[-1]) == migrations.SCHEMA_VERSION
    d.close()
