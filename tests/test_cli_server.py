"""The office's commands on a PostgreSQL server: what a district's IT person and its office staff
type, end to end, and every way of getting the address wrong said plainly, never with a password."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env=None, lang="en"):
    from tests.pg import PASSWORD

    full = dict(os.environ, GATEDESK_LANG=lang, **(env or {}))
    full.pop("GATEDESK_PIN", None)
    if env is None or "GATEDESK_DATABASE" not in env:
        full.pop("GATEDESK_DATABASE", None)
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                       env=full, timeout=120, stdin=subprocess.DEVNULL)
    assert PASSWORD not in r.stdout + r.stderr  # the server's password, given in the URL, is never shown
    return r


@pytest.fixture(scope="module")
def usb(tmp_path_factory):
    root = tmp_path_factory.mktemp("gates")
    for gate, seed in (("东门", 1), ("西门", 2)):
        assert run("demo", "--data-dir", str(root / gate), "--days", "2", "--visits-per-day", "40", "--seed", str(seed),
                   "--gate", gate).returncode == 0
        assert run("export", "--data-dir", str(root / gate), "--out", str(root / "usb")).returncode == 0
    return root / "usb"


def test_a_district_office_on_a_server_from_init_to_report(usb, pg_server, tmp_path):
    from tests.sync_helpers import fingerprint

    url = pg_server.new_database().replace("postgresql+psycopg://", "postgresql://")
    # Nothing is made behind the IT person's back: a command on an empty database says what to run.
    r = run("stats", "--database", url)
    assert r.returncode == 1 and "office-init" in r.stderr and "Traceback" not in r.stderr
    r = run("office-init", "--database", url, "--name", "温泉街道")
    assert r.returncode == 0 and "Created" in r.stdout, r.stderr
    again = run("office-init", "--database", url)
    assert again.returncode == 0 and "nothing to do" in again.stdout
    bundles = sorted(usb.glob("*.gdbundle"))
    enrolling = [a for b in bundles for a in ("--enroll", fingerprint(b))]
    env = {"GATEDESK_DATABASE": url}  # the office PC's setting instead of --database
    r = run("import", "--json", *enrolling, str(usb), env=env)
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["status"] for x in r.stdout.splitlines()] == ["accepted", "accepted"]
    r = run("import", "--json", str(usb), env=env)  # the same stick again changes nothing
    assert [json.loads(x)["created"] for x in r.stdout.splitlines()] == [0, 0]
    r = run("stats", "--json", env=env)
    assert r.returncode == 0 and json.loads(r.stdout)["visits"] == 160
    for out in ("day.xlsx", "day.pdf"):
        r = run("report", "--database", url, "--day", "2026-12-01", "--out", str(tmp_path / out))
        assert r.returncode == 0 and (tmp_path / out).stat().st_size > 1000, r.stderr
    r = run("office-key", "--database", url, "--out", str(tmp_path / "office.key"))
    assert r.returncode == 0 and (tmp_path / "office.key").exists()
    r = run("audit", "verify", "--database", url)
    assert r.returncode == 0 and "intact" in r.stdout
    # The data folder's own file was never made: everything went to the server.
    assert not list(tmp_path.rglob("gatedesk.sqlite3"))


def test_backup_and_restore_say_they_are_for_the_embedded_file(pg_server, tmp_path):
    url = "postgresql://gatedesk:s3cret-pw@127.0.0.1:5432/district"
    for args in (("backup", "--out", str(tmp_path / "x.bak")), ("restore", str(tmp_path / "x.bak"))):
        r = run(*args, env={"GATEDESK_DATABASE": url})
        assert r.returncode == 1 and "pg_dump" in r.stderr and "gatedesk@127.0.0.1:5432/district" in r.stderr
        assert "s3cret" not in r.stderr + r.stdout
    assert not (tmp_path / "x.bak").exists()


@pytest.mark.parametrize("url, code", [
    ("mysql://u@h/db", 2), ("postgresql://127.0.0.1/db", 2), ("postgresql://u@127.0.0.1:99999/db", 2),
    ("postgresql://u@127.0.0.1:5432/", 2), ("postgresql://u:pw@127.0.0.1:1/db?sslmode=x", 2),
    ("postgresql://u:s3cret-pw@127.0.0.1:1/db", 1),  # well formed, nobody listening
])
def test_a_wrong_address_is_said_plainly_without_the_password(url, code):
    for args in (("stats", "--database", url), ("import", "--database", url, str(ROOT / "README.md")),
                 ("office-init", "--database", url)):
        r = run(*args)
        assert r.returncode == code and "Traceback" not in r.stderr, (args, r.stderr)
        assert "s3cret" not in r.stderr + r.stdout and ":pw@" not in r.stderr
        assert r.stderr.startswith("gatedesk: ") and len(r.stderr.splitlines()) == 1


def test_office_init_upgrades_a_server_database_in_place(pg_server, tmp_path, monkeypatch, capsys):
    import main
    from tests.models.test_db import add_step

    monkeypatch.setenv("GATEDESK_LANG", "en")
    url = pg_server.new_database()
    assert main.main(["office-init", "--database", url, "--data-dir", str(tmp_path / "d")]) == 0
    assert "Created" in capsys.readouterr().out
    new = add_step(tmp_path, monkeypatch)  # a GateDesk one schema step newer
    assert main.main(["office-init", "--database", url, "--data-dir", str(tmp_path / "d")]) == 0
    assert f"from schema {new - 1} to {new}" in capsys.readouterr().out
    assert main.main(["office-init", "--database", url, "--data-dir", str(tmp_path / "d")]) == 0
    assert "nothing to do" in capsys.readouterr().out
