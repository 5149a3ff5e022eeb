"""The audit anchor is kept by the core on every path: after any audited command, cutting the newest
entry is found by `audit verify` at a gate, at an office that only ever runs the command line, and
on a server; a missing anchor is said, never passed over."""
from __future__ import annotations

import sqlite3

import pytest

from tests.test_cli import run
from tests.test_cli_server import run as run_server


def cut_newest(database) -> int:
    con = sqlite3.connect(database)
    (seq,) = con.execute("SELECT max(seq) FROM audit_event").fetchone()
    con.execute("DELETE FROM audit_event WHERE seq = ?", (seq,))
    con.commit()
    con.close()
    return seq


def verified(data_dir):
    return run("audit", "verify", "--data-dir", str(data_dir), env_lang="en")


@pytest.fixture(scope="module")
def gate_folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("gate") / "gate"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    return d


@pytest.mark.parametrize("command", ["export", "passes", "use-office-key"])
def test_cutting_the_newest_entry_after_a_gate_command_is_found(gate_folder, tmp_path, command):
    import shutil

    d = tmp_path / "gate"
    shutil.copytree(gate_folder, d)
    key = tmp_path / "office.key"
    assert run("office-key", "--data-dir", str(tmp_path / "office"), "--out", str(key)).returncode == 0
    args = {"export": ["export", "--data-dir", str(d), "--out", str(tmp_path / "usb")],
            "passes": ["passes", "--data-dir", str(d), "--operator", "林管理", "--building", "1",
                       "--out", str(tmp_path / "b1.pdf")],
            "use-office-key": ["use-office-key", "--data-dir", str(d), str(key)]}[command]
    r = run(*args, pin="1234")
    assert r.returncode == 0, r.stderr
    assert verified(d).returncode == 0
    seq = cut_newest(d / "gatedesk.sqlite3")
    r = verified(d)
    assert r.returncode == 1 and "cut short" in r.stderr and str(seq) in r.stderr, r.stderr


def test_an_office_that_only_runs_the_command_line_keeps_its_anchor(gate_folder, tmp_path):
    """Issue: such an office never wrote an anchor, so a cut after an import passed as intact."""
    office, usb = tmp_path / "office", tmp_path / "usb"
    assert run("office-init", "--data-dir", str(office), "--community", "温泉社区").returncode == 0
    assert run("export", "--data-dir", str(gate_folder), "--out", str(usb)).returncode == 0
    fingerprint = run("import", "--data-dir", str(office), "--json", str(usb)).stdout
    fingerprint = __import__("json").loads(fingerprint.splitlines()[0])["fingerprint"]
    for args in (["import", "--data-dir", str(office), "--enroll", fingerprint, str(usb)],
                 ["office-key", "--data-dir", str(office), "--out", str(tmp_path / "office.key")],
                 ["report", "--data-dir", str(office), "--day", "2022-11-28", "--out", str(tmp_path / "r.xlsx")],
                 ["forward", "--data-dir", str(office), "--out", str(tmp_path / "up")]):
        assert run(*args).returncode == 0, args
        assert verified(office).returncode == 0
        seq = cut_newest(office / "gatedesk.sqlite3")
        r = verified(office)
        assert r.returncode == 1 and "cut short" in r.stderr and str(seq) in r.stderr, (args, r.stderr)
        (office / "gatedesk.sqlite3.audit-anchor").unlink()  # begun afresh for the next command's check
        con = sqlite3.connect(office / "gatedesk.sqlite3")
        con.execute("DELETE FROM audit_event")
        con.commit()
        con.close()


def test_a_missing_anchor_is_reported_and_stays_reported(gate_folder, tmp_path):
    import shutil

    d = tmp_path / "gate"
    shutil.copytree(gate_folder, d)
    assert verified(d).returncode == 0
    (d / "gatedesk.sqlite3.audit-anchor").unlink()
    r = verified(d)
    assert r.returncode == 1 and "anchor is missing" in r.stderr, r.stderr
    # The next audited command does not quietly make a fresh anchor over the gap: it says where it began.
    assert run("export", "--data-dir", str(d), "--out", str(tmp_path / "usb")).returncode == 0
    r = verified(d)
    assert r.returncode == 1 and "begun again" in r.stderr, r.stderr


def test_an_office_on_a_server_keeps_its_anchor_on_each_pc(pg_server, gate_folder, tmp_path):
    """Issue: an office on PostgreSQL had no anchor at all (cut two rows: intact)."""
    from sqlalchemy import create_engine, text

    url = pg_server.new_database().replace("postgresql+psycopg://", "postgresql://")
    pc = tmp_path / "pc1"
    assert run_server("office-init", "--database", url, "--data-dir", str(pc)).returncode == 0
    assert run_server("export", "--data-dir", str(gate_folder), "--out", str(tmp_path / "usb")).returncode == 0
    r = run_server("import", "--database", url, "--data-dir", str(pc), "--json", str(tmp_path / "usb"))
    fingerprint = __import__("json").loads(r.stdout.splitlines()[0])["fingerprint"]
    assert run_server("import", "--database", url, "--data-dir", str(pc), "--enroll", fingerprint,
                      str(tmp_path / "usb")).returncode == 0
    assert list(pc.glob("server-*.audit-anchor"))  # on this PC, never in the server's reach
    r = run_server("audit", "verify", "--database", url, "--data-dir", str(pc))
    assert r.returncode == 0 and "intact" in r.stdout, r.stderr
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq >= (SELECT max(seq) - 1 FROM audit_event)"))
    engine.dispose()
    r = run_server("audit", "verify", "--database", url, "--data-dir", str(pc))
    assert r.returncode == 1 and "cut short" in r.stderr, r.stderr
