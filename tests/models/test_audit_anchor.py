"""The audit chain cannot be cut short unnoticed: its head is anchored beside the database and in
every bundle; the PIN lockout does not live in deletable audit rows."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from models.app.demo import create_demo
from models.store.db import open_database
from models.sync import Importer, completeness, ensure_office, export_bundle
from models.trust import audit, operators
from models.trust.first_run import SetupForm, complete_setup
from tests.conftest import NOW
from tests.sync_helpers import enroll

ROOT = Path(__file__).resolve().parent.parent.parent


def chain(tmp_path, n=6):
    d = open_database(tmp_path / "data" / "gatedesk.sqlite3")
    with d.session() as s:
        for i in range(n):
            audit.record(s, at=NOW + timedelta(seconds=i), station_id="s", operator_id="op", action="reveal",
                         record_id=f"r{i}")
        s.commit()
        audit.save_anchor(d.path, s)
    return d


def verify(d) -> audit.Verdict:
    with d.engine.connect() as c:
        return audit.verify(c, anchor=audit.load_anchor(d.path))


def rechain(d, edit=None) -> None:
    """What an attacker with the file and the source does: rewrite entries and recompute every hash."""
    with d.engine.begin() as c:
        rows = c.execute(text("SELECT seq, at, station_id, operator_id, action, record_id, detail FROM audit_event "
                              "ORDER BY seq")).all()
        prev = audit.GENESIS
        for seq, at, station, op, action, record, detail in rows:
            if edit:
                detail = edit(seq, detail)
            at = __import__("models.store.records", fromlist=["x"]).UTCDateTime().process_result_value(
                __import__("datetime").datetime.fromisoformat(at), None)
            digest = audit.chain_hash(seq, at, station, op, action, record, detail, prev)
            c.execute(text("UPDATE audit_event SET detail = :d, prev_hash = :p, hash = :h WHERE seq = :s"),
                      {"d": detail, "p": prev, "h": digest, "s": seq})
            prev = digest


def test_the_newest_entries_cut_off_are_found(tmp_path):
    d = chain(tmp_path)
    assert verify(d) == audit.Verdict(6, None)
    with d.engine.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq > 3"))
    with d.engine.connect() as c:
        assert audit.verify(c).first_bad is None  # the chain alone cannot tell: what is left is whole
    assert verify(d) == audit.Verdict(3, 4, "cut")
    d.close()


def test_every_entry_deleted_is_found(tmp_path):
    d = chain(tmp_path)
    with d.engine.begin() as c:
        c.execute(text("DELETE FROM audit_event"))
    assert verify(d) == audit.Verdict(0, 1, "cut")
    d.close()


def test_a_chain_rewritten_whole_is_found(tmp_path):
    d = chain(tmp_path)
    rechain(d, lambda seq, detail: "nothing to see" if seq == 2 else detail)
    with d.engine.connect() as c:
        assert audit.verify(c).first_bad is None  # consistent hashes...
    assert verify(d) == audit.Verdict(6, 6, "replaced")  # ...but not the head that was anchored
    d.close()


def test_the_command_line_says_the_log_was_cut(tmp_path):
    d = chain(tmp_path)
    with d.engine.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq = 6"))
    d.close()
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "audit", "verify", "--data-dir", str(tmp_path / "data")],
                       capture_output=True, text=True, env={**__import__("os").environ, "GATEDESK_LANG": "en"})
    assert r.returncode == 1 and "cut short" in r.stderr and "6" in r.stderr


def test_deleting_the_failed_pins_from_the_log_does_not_lift_a_lock(tmp_path):
    d = open_database(tmp_path / "g.sqlite3")
    with d.session() as s:
        ctx = complete_setup(s, SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                                          admin_pin="1234", admin_pin_again="1234"), now=NOW)
        s.commit()
        admin = operators.list_operators(s)[0]
    for i in range(operators.MAX_FAILURES):
        with d.session() as s:
            with pytest.raises(operators.WrongPin):
                operators.start_shift(s, ctx=ctx, operator_id=admin.id, pin="0000", now=NOW + timedelta(seconds=i))
    with d.engine.begin() as c:
        assert c.execute(text("DELETE FROM audit_event WHERE action = 'pin_failed'")).rowcount == 5
    with d.session() as s:
        with pytest.raises(operators.Locked):
            operators.start_shift(s, ctx=ctx, operator_id=admin.id, pin="1234", now=NOW + timedelta(minutes=1))
    d.close()


@pytest.fixture
def gate(tmp_path):
    db = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=10, seed=4, now=NOW)
    yield db
    db.close()


def more_entries(gate, n=3, start=1):
    with gate.session() as s:
        for i in range(n):
            audit.record(s, at=NOW + timedelta(minutes=start + i), station_id="s", operator_id=None, action="reveal")
        s.commit()


@pytest.mark.parametrize("order", ["in order", "newer first"])
def test_the_office_sees_a_gate_whose_chain_went_backwards(tmp_path, gate, order, open_office):
    more_entries(gate, n=6)
    first = export_bundle(gate, tmp_path / "usb1", sheets=False, now=NOW + timedelta(minutes=1)).path
    with gate.engine.begin() as c:  # the newest entries (the export's own among them) removed
        top = c.execute(text("SELECT max(seq) FROM audit_event")).scalar()
        c.execute(text("DELETE FROM audit_event WHERE seq > :n"), {"n": top - 4})
    second = export_bundle(gate, tmp_path / "usb2", sheets=False, now=NOW + timedelta(minutes=30)).path
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, gate)
    paths = [first, second] if order == "in order" else [second, first]
    summaries = [Importer(office, clock=lambda: NOW + timedelta(hours=1)).run(p) for p in paths]
    assert [s.status for s in summaries] == ["accepted", "accepted"]
    assert summaries[1].audit_alarm == "backwards"  # the second to arrive shows it, whichever it is
    with office.session() as s:
        [report] = completeness(s)
    assert (report.audit_alarm, report.audit_alarm_seq) == ("backwards", 2)
    office.close()


def test_the_office_sees_a_gate_whose_chain_was_rewritten(tmp_path, gate, open_office):
    more_entries(gate, n=6)
    first = export_bundle(gate, tmp_path / "usb1", sheets=False, now=NOW + timedelta(minutes=1)).path
    rechain(gate, lambda seq, detail: "tidied up" if seq == 2 else detail)
    more_entries(gate, start=10)
    second = export_bundle(gate, tmp_path / "usb2", sheets=False, now=NOW + timedelta(minutes=30)).path
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, gate)
    for p in (first, second):
        summary = Importer(office, clock=lambda: NOW + timedelta(hours=1)).run(p)
        assert summary.status == "accepted"
    assert summary.audit_alarm == "replaced"
    with office.session() as s:
        assert completeness(s)[0].audit_alarm == "replaced"
    office.close()


def test_an_honest_gate_raises_no_alarm_and_its_manifest_carries_the_head(tmp_path, gate, open_office):
    import zipfile

    paths = []
    for i in range(3):
        more_entries(gate, start=10 * i)
        paths.append(export_bundle(gate, tmp_path / f"usb{i}", sheets=False,
                                   now=NOW + timedelta(minutes=10 * i + 5)).path)
    heads = []
    for p in paths:
        with zipfile.ZipFile(p) as zf:
            heads.append(json.loads(zf.read("manifest.json"))["audit"])
    assert heads[0]["prev_seq"] is None and heads[1]["prev_seq"] == heads[0]["seq"]
    assert heads[1]["prev_hash"] == heads[0]["hash"] and heads[2]["seq"] > heads[1]["seq"]
    office = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    enroll(office, gate)
    for p in reversed(paths):
        assert Importer(office, clock=lambda: NOW + timedelta(hours=1)).run(p).audit_alarm is None
    with office.session() as s:
        assert completeness(s)[0].audit_alarm is None
    office.close()
