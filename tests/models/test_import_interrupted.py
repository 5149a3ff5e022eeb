"""The office's database going away in the middle of an import (a server restarted) ends no run in a
traceback: each file says whether it was imported, the ones cut off can be imported again, and the
command exits 1. Killing an importer takes its read-ahead workers with it."""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from models.app.demo import create_demo
from models.store.db import open_database
from models.sync import Importer, ensure_office, export_bundle
from models.sync.importer import Importer as ImporterClass
from tests.conftest import NOW
from tests.sync_helpers import enroll

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def stick(tmp_path_factory):
    root = tmp_path_factory.mktemp("gates")
    for n, gate in enumerate(("东门", "西门", "南门")):
        db = open_database(root / gate / "gatedesk.sqlite3")
        create_demo(db, days=1, visits_per_day=30, parcels_per_day=3, seed=n + 1, gate=gate, now=NOW)
        export_bundle(db, root / "usb", sheets=False, now=NOW + timedelta(minutes=1))
        db.close()
    return sorted((root / "usb").glob("*.gdbundle"))


def cut_off_on_the_second_file(monkeypatch, pg_server, url):
    """What a server restart does to the importer's connection, while it applies the second file."""
    calls = []
    apply = ImporterClass.apply

    def restarted(self, conn, opened, *a, **kw):
        calls.append(opened.path.name)
        if len(calls) == 2:
            pg_server._admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                             f"'{url.rsplit('/', 1)[1]}' AND pid <> pg_backend_pid()")
        return apply(self, conn, opened, *a, **kw)

    monkeypatch.setattr(ImporterClass, "apply", restarted)
    return calls


def test_a_server_that_goes_away_mid_run_gives_each_files_result(pg_server, stick, monkeypatch, tmp_path):
    url = pg_server.new_database()
    db = open_database(url)
    ensure_office(db)
    enroll(db, *stick)
    cut_off_on_the_second_file(monkeypatch, pg_server, url)
    summaries = Importer(db, clock=lambda: NOW + timedelta(hours=1), workers=0).run_each(stick)
    assert [s.status for s in summaries] == ["accepted", "not_imported", "accepted"]
    assert summaries[1].problem.code == "database_unavailable" and summaries[1].total("created") == 0
    monkeypatch.undo()
    again = Importer(db, clock=lambda: NOW + timedelta(hours=1), workers=0).run(stick[1])
    assert again.status == "accepted" and not again.already_imported and again.created["visit"] == 30
    db.close()


def test_the_command_line_says_so_and_exits_1(pg_server, stick, monkeypatch, tmp_path, capsys):
    import main

    url = pg_server.new_database()
    db = open_database(url)
    ensure_office(db)
    enroll(db, *stick)
    db.close()
    cut_off_on_the_second_file(monkeypatch, pg_server, url)
    monkeypatch.setenv("GATEDESK_LANG", "en")
    code = main.main(["import", "--database", url.replace("+psycopg", ""), "--data-dir", str(tmp_path / "pc"),
                      "--json", *map(str, stick)])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.err
    lines = [json.loads(x) for x in out.out.splitlines()]
    assert [x["status"] for x in lines] == ["accepted", "not_imported", "accepted"]
    assert "import it again" in lines[1]["message"]


def test_killing_an_importer_takes_its_workers_with_it(stick, tmp_path):
    """Issue: a SIGKILLed importer left its read-ahead workers and multiprocessing's resource tracker
    running, holding the caller's output pipes open (a caller waited over ten minutes)."""
    script = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from models.sync import reader
reader.READ_AHEAD_MIN_BYTES = 0
ahead = reader.ReadAhead([Path(p) for p in {[str(p) for p in stick] * 3!r}], office_key=None,
                         latest="2100", dialect="sqlite", workers=2)
while len(ahead._pool._processes) < 2:
    time.sleep(0.05)
print("workers", *ahead._pool._processes, flush=True)
time.sleep(600)
"""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline().split()
    assert first[0] == b"workers", proc.stderr.read()
    workers = [int(p) for p in first[1:]]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # EOF on the pipe only once every process holding it has gone: the workers, the resource tracker.
    deadline = time.monotonic() + 20
    eof = False
    while not eof and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        eof = bool(ready) and os.read(proc.stdout.fileno(), 4096) == b""
    leftovers = [pid for pid in workers if Path(f"/proc/{pid}").exists()
                 and b"zombie" not in Path(f"/proc/{pid}/status").read_bytes().lower()]
    for pid in leftovers:  # never leave them behind, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    assert eof and not leftovers, leftovers
