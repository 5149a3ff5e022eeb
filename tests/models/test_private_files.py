"""Files are private and whole: owner-only on disk, no half copy of personal data left by a killed
backup or export, and a restore only of this station's own backups, always audited."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from models import residents
from models.app.demo import create_demo
from models.setup.site import this_station
from models.store import files
from models.store.backups import backup_to
from models.store.db import open_database
from models.sync import ensure_office, export_bundle
from models.trust import audit, recovery
from tests.conftest import NOW

ROOT = Path(__file__).resolve().parent.parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def gate(tmp_path, name="gate", **kw):
    db = open_database(tmp_path / name / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=kw.pop("visits", 20), now=NOW, **kw)
    return db


@posix_only
def test_everything_written_is_for_its_owner_only(tmp_path):
    os.umask(0o022)  # a usual desktop default: files would be readable by every local user
    try:
        db = gate(tmp_path)
        live = [db.path, db.path.with_name(db.path.name + "-wal"), db.path.with_name(db.path.name + "-shm")]
        assert [mode(p) for p in live] == [0o600] * 3  # SQLite gives its side files the database's mode
        written = [backup_to(db.path, tmp_path / "copy.sqlite3")]
        result = export_bundle(db, tmp_path / "usb", now=NOW)
        written += [result.path, *result.sheets]
        with db.session() as s:
            ctx = this_station(s)
            residents.save_roster_file(s, ctx, tmp_path / "roster.gdroster", "长城长城长城长城", now=NOW)
            s.commit()
        written.append(tmp_path / "roster.gdroster")
        db.close()
    finally:
        os.umask(0o077)
    for path in written:
        assert path.exists() and mode(path) == 0o600, (path.name, oct(mode(path)))


@posix_only
def test_a_database_made_readable_to_others_is_narrowed_when_opened(tmp_path):
    db = gate(tmp_path)
    db.close()
    db.path.chmod(0o644)
    open_database(db.path).close()
    assert mode(db.path) == 0o600


def run_until(args: list[str], appears, timeout=60) -> subprocess.Popen:
    """Start a command and SIGKILL it the moment `appears()` finds its temporary file."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if appears():
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    proc.wait()
    return proc


def partials(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and files.PARTIAL_TAG in p.name]


@posix_only
@pytest.mark.slow
def test_a_killed_backup_leaves_no_copy_of_personal_data_behind(tmp_path):
    db = gate(tmp_path, visits=15000)
    db.close()
    out = tmp_path / "stick"
    out.mkdir()
    proc = run_until(["backup", "--data-dir", str(tmp_path / "gate"), "--out", str(out / "b.sqlite3")],
                     lambda: bool(partials(out)))
    assert proc.returncode == -signal.SIGKILL, "the backup finished before it could be killed"
    assert partials(out)  # what a killed process leaves
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--data-dir", str(tmp_path / "gate")],
                       capture_output=True, text=True)
    assert r.returncode == 0
    assert list(out.iterdir()) == []  # the next start removed it


@posix_only
@pytest.mark.slow
def test_a_killed_export_leaves_no_partial_bundle_on_the_stick(tmp_path):
    db = gate(tmp_path, visits=15000)
    db.close()
    out = tmp_path / "stick"
    out.mkdir()
    proc = run_until(["export", "--data-dir", str(tmp_path / "gate"), "--out", str(out)], lambda: bool(partials(out)))
    assert proc.returncode == -signal.SIGKILL
    subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--data-dir", str(tmp_path / "gate")],
                   capture_output=True, check=True)
    assert partials(out) == []


def test_a_writer_still_at_work_keeps_its_file(tmp_path):
    files.keep_journal(tmp_path / "data")
    try:
        with files.written_whole(tmp_path / "report.pdf") as partial:
            partial.write_bytes(b"%PDF half")
            assert files.remove_leftovers(tmp_path / "data") == 0 and partial.exists()
        assert (tmp_path / "report.pdf").read_bytes() == b"%PDF half"
        assert list((tmp_path / "data" / "writing").iterdir()) == []
    finally:
        files.keep_journal(None)


def test_another_stations_backup_is_refused_unless_asked_for(tmp_path):
    ours = gate(tmp_path, "ours", compound="榕城花园", gate="东门")
    theirs = gate(tmp_path, "theirs", compound="三坊小区", gate="北门", seed=5)
    foreign = backup_to(theirs.path, tmp_path / "theirs.sqlite3")
    ours.close()
    theirs.close()
    before = (tmp_path / "ours" / "gatedesk.sqlite3").read_bytes()
    with pytest.raises(recovery.ForeignBackup) as caught:
        recovery.restore(foreign, tmp_path / "ours")
    said = caught.value.message.render(__import__("models.store.i18n", fromlist=["x"]).plain_translator("zh_CN"))
    assert "三坊小区 北门" in said and "榕城花园 东门" in said
    assert (tmp_path / "ours" / "gatedesk.sqlite3").read_bytes() == before
    recovery.restore(foreign, tmp_path / "ours", other_station=True)
    db = open_database(tmp_path / "ours" / "gatedesk.sqlite3")
    with db.session() as s:
        assert this_station(s).gate_name == "北门"
    db.close()


def test_an_office_backup_is_not_restored_into_a_gate_folder(tmp_path):
    ours = gate(tmp_path, "gate")
    ours.close()
    office = open_database(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(office)
    with office.session() as s:
        __import__("models.sync", fromlist=["x"]).set_office_name(s, "温泉社区居委会")
        s.commit()
    copy = backup_to(office.path, tmp_path / "office.sqlite3")
    office.close()
    with pytest.raises(recovery.ForeignBackup) as caught:
        recovery.restore(copy, tmp_path / "gate")
    said = caught.value.message.render(__import__("models.store.i18n", fromlist=["x"]).plain_translator("zh_CN"))
    assert caught.value.theirs.office and "温泉社区居委会（社区办公室）" in said and "榕城花园 东门" in said


def test_a_restore_interrupted_after_the_swap_is_recorded_at_the_next_start(tmp_path, monkeypatch):
    db = gate(tmp_path)
    copy = backup_to(db.path, tmp_path / "copy.sqlite3")
    db.close()

    def killed(*_a, **_k):
        raise KeyboardInterrupt  # the process dies between the swap and its audit entry

    monkeypatch.setattr(recovery, "_record", killed)
    with pytest.raises(KeyboardInterrupt):
        recovery.restore(copy, tmp_path / "gate")
    monkeypatch.undo()
    assert (tmp_path / "gate" / recovery.PENDING).exists()
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--data-dir", str(tmp_path / "gate"),
                        "--json"], capture_output=True, text=True)  # the next start, from the command line
    assert r.returncode == 0, r.stderr
    db = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    with db.session() as s:
        restores = [e for e in audit.entries(s) if e.action == "restore"]
        assert len(restores) == 1 and restores[0].detail.startswith("copy.sqlite3")
        assert audit.verify(s, anchor=audit.load_anchor(db.path)).first_bad is None
    db.close()
    assert not (tmp_path / "gate" / recovery.PENDING).exists()
    # Started again: nothing more to record.
    assert recovery.complete_pending(tmp_path / "gate") is False


def test_a_restore_that_died_before_its_swap_records_nothing(tmp_path, monkeypatch):
    db = gate(tmp_path)
    copy = backup_to(db.path, tmp_path / "copy.sqlite3")
    with db.session() as s:
        audit.record(s, at=NOW, station_id="s", operator_id=None, action="reveal")
        s.commit()
    db.close()

    def killed(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(recovery, "restore_from", killed)
    with pytest.raises(KeyboardInterrupt):
        recovery.restore(copy, tmp_path / "gate")
    monkeypatch.undo()
    assert recovery.complete_pending(tmp_path / "gate") is False
    d = open_database(tmp_path / "gate" / "gatedesk.sqlite3")
    with d.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_event WHERE action = 'restore'")).scalar() == 0
    d.close()
