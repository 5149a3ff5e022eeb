"""The day's housekeeping is the core's, not a window's timer: an office that only ever runs the
command line erases personal data past its retention period with `gatedesk housekeeping`. The
computer's clock is fixed with faketime at the days that matter."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.test_cli import ROOT, run

pytestmark = pytest.mark.skipif(shutil.which("faketime") is None,
                                reason="faketime is not installed (apt-get install faketime)")

# The demo is made the day after 2022-11-28 (China time); an office keeps personal data 28 days.
DAY_AFTER = "2022-11-29 04:00:00"  # 12:00 in China
STILL_KEPT = "2022-12-25 04:00:00"  # 27 days on
PAST_RETENTION = "2022-12-27 04:00:00"  # 29 days on


def run_at(utc: str, *args):
    env = dict(os.environ, TZ="UTC", GATEDESK_LANG="en")
    env.pop("GATEDESK_PIN", None)
    return subprocess.run(["faketime", utc, sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)


def personal(office) -> int:
    """Registrations that still hold a name, a phone or an ID number."""
    con = sqlite3.connect(office / "gatedesk.sqlite3")
    try:
        (n,) = con.execute("SELECT count(*) FROM visit WHERE coalesce(name, '') != '' OR coalesce(phone, '') != '' "
                           "OR coalesce(id_number, '') != ''").fetchone()
        return n
    finally:
        con.close()


def purges(office) -> list[tuple]:
    con = sqlite3.connect(office / "gatedesk.sqlite3")
    try:
        return con.execute("SELECT operator_id, detail FROM audit_event WHERE action = 'purge'").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def stick(tmp_path_factory):
    root = tmp_path_factory.mktemp("hk")
    gate, usb = root / "gate", root / "usb"
    assert run_at(DAY_AFTER, "demo", "--data-dir", str(gate), "--days", "1", "--visits-per-day", "20").returncode == 0
    assert run_at(DAY_AFTER, "export", "--data-dir", str(gate), "--out", str(usb)).returncode == 0
    return usb


def enrolled_office(folder, usb, at: str):
    assert run_at(at, "office-init", "--data-dir", str(folder), "--community", "温泉社区").returncode == 0
    first = run_at(at, "import", "--data-dir", str(folder), "--json", str(usb))
    fingerprint = json.loads(first.stdout.splitlines()[0])["fingerprint"]
    r = run_at(at, "import", "--data-dir", str(folder), "--enroll", fingerprint, str(usb))
    assert r.returncode == 0, r.stderr


def test_an_office_on_the_command_line_erases_what_it_may_no_longer_keep(stick, tmp_path):
    office = tmp_path / "office"
    enrolled_office(office, stick, DAY_AFTER)
    assert personal(office) == 20  # the day after: all kept

    r = run_at(STILL_KEPT, "housekeeping", "--data-dir", str(office), "--json")
    assert r.returncode == 0, r.stderr
    said = json.loads(r.stdout)
    assert not said["erased"].get("visit") and said["retention_days"] == 28 and said["backup"].endswith(".sqlite3")
    assert personal(office) == 20

    r = run_at(PAST_RETENTION, "housekeeping", "--data-dir", str(office))
    assert r.returncode == 0, r.stderr
    assert "personal data erased from" in r.stdout and "older than 28 days" in r.stdout, r.stdout
    assert personal(office) == 0
    assert purges(office) and all(who is None for who, _ in purges(office))  # done by no one, and audited

    again = run_at(PAST_RETENTION, "housekeeping", "--data-dir", str(office), "--json")
    assert json.loads(again.stdout)["erased"] is None  # once a day
    assert run("audit", "verify", "--data-dir", str(office), env_lang="en").returncode == 0


def test_housekeeping_on_a_folder_without_a_database_says_so(tmp_path):
    r = run("housekeeping", "--data-dir", str(tmp_path / "nothing"), env_lang="en")
    assert r.returncode == 1 and "Traceback" not in r.stderr and r.stderr.strip(), r.stderr
