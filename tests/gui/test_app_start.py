"""What a user sees when GateDesk starts: the first-run setup, or a clear refusal."""
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import text

from gui import app as app_mod
from models.store import paths
from models.store.db import open_database


def test_newer_database_is_refused_with_a_message(app, tmp_path, monkeypatch):
    data = tmp_path / "gate"
    db = open_database(paths.database_path(data))
    with db.engine.begin() as c:
        c.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    db.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text_: shown.append(text_))
    assert app_mod.run(data) == 1
    assert shown and "更新版本" in shown[0] and "未作任何改动" in shown[0]


def test_first_run_opens_setup_and_cancel_leaves_cleanly(app, tmp_path, monkeypatch):
    from gui.dialogs import setup_dialog

    seen = []
    monkeypatch.setattr(setup_dialog.SetupDialog, "exec", lambda self: seen.append(self.windowTitle()) or QDialog.Rejected)
    assert app_mod.run(tmp_path / "new") == 0
    assert seen == ["设置门岗登记台"]
    assert paths.database_path(tmp_path / "new").exists()


def test_signals_do_not_eat_references(qapp):
    """A gate emits a signal per registration all day; a Qt binding that drops a reference to
    True or None on each one aborts the app after a few hundred (PySide6 6.12 on Python 3.11)."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        saved = Signal(str)

    source, seen = Source(), []
    source.saved.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(200):
        source.saved.emit(str(i))
        qapp.processEvents()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert len(seen) == 200
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5, (before, after)


def test_a_second_gatedesk_on_the_same_folder_is_told_and_changes_nothing(app, tmp_path, monkeypatch):
    from models.store.instance import InstanceLock

    data = tmp_path / "gate"
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text_: shown.append(text_))
    with InstanceLock(data):  # the first GateDesk, still open
        assert app_mod.run(data) == 1
    assert shown and "已经打开" in shown[0]
    assert not paths.database_path(data).exists()  # the second one touched nothing
    # Once the first has closed (or crashed), the folder is free again.
    from gui.dialogs import setup_dialog

    monkeypatch.setattr(setup_dialog.SetupDialog, "exec", lambda self: QDialog.Rejected)
    assert app_mod.run(data) == 0


def damaged_station(tmp_path):
    from datetime import datetime, timezone

    from models.app.demo import create_demo
    from models.store.backups import daily_backup

    data = tmp_path / "data"
    db = open_database(paths.database_path(data))
    create_demo(db, days=2, visits_per_day=50, now=datetime(2022, 11, 28, 2, tzinfo=timezone.utc))
    db.close()
    daily_backup(paths.database_path(data), paths.backups_dir(data), "2022-11-28", 7)
    path = paths.database_path(data)
    raw = bytearray(path.read_bytes())
    raw[8192:40960] = b"\xa5" * (40960 - 8192)  # pages 3-10 overwritten, as a failing disk does
    path.write_bytes(bytes(raw))
    return data, path, bytes(raw)


def test_a_damaged_database_is_left_alone_unless_the_user_takes_the_backup(app, tmp_path, monkeypatch):
    data, path, damaged = damaged_station(tmp_path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    assert app_mod.check_database(data, now=True) is False
    assert "损坏" in asked[0] and "gatedesk-daily-2022-11-28" in asked[0]
    assert path.read_bytes() == damaged  # never written to


def test_the_newest_backup_replaces_a_damaged_database_and_the_damaged_one_is_kept(app, tmp_path, monkeypatch):
    from models.store.backups import integrity_problem
    from models.trust import audit

    data, path, damaged = damaged_station(tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert app_mod.check_database(data, now=True) is True
    assert integrity_problem(path) is None
    [kept] = paths.backups_dir(data).glob("gatedesk-damaged-*.sqlite3")
    assert kept.read_bytes() == damaged
    db = open_database(path)
    with db.session() as s:
        assert audit.entries(s)[0].action == "restore" and audit.verify(s).first_bad is None
    db.close()


def test_no_backup_means_a_plain_message_and_no_start(app, tmp_path, monkeypatch):
    data, path, damaged = damaged_station(tmp_path)
    for old in paths.backups_dir(data).glob("*.sqlite3"):
        old.unlink()
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: told.append(a[2]))
    assert app_mod.check_database(data, now=True) is False
    assert "损坏" in told[0] and "没有找到" in told[0]
    assert path.read_bytes() == damaged


def test_after_a_crash_the_whole_file_is_checked_before_anything_writes(app, tmp_path, monkeypatch):
    from models.store.backups import clean_mark, closed_cleanly

    data, path, damaged = damaged_station(tmp_path)
    assert closed_cleanly(path)  # the demo closed it properly; the damage came later (disk rot)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    assert app_mod.check_database(data) is True and not asked  # clean close: checked in the background
    assert not closed_cleanly(path)  # open now: a crash from here on leaves no mark
    assert app_mod.check_database(data) is False and asked  # so the next start checks first
    clean_mark(path).touch()


def test_the_background_check_finds_damage_after_a_clean_close(app, qtbot, tmp_path):
    data, path, _ = damaged_station(tmp_path)
    found = []
    checking = app_mod.CheckInBackground(path, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=20_000)
    assert checking.result[0] and found == [checking.result[0]]
    sound = tmp_path / "sound"
    db = open_database(paths.database_path(sound))
    db.close()
    quiet = []
    checking = app_mod.CheckInBackground(paths.database_path(sound), quiet.append)
    qtbot.waitUntil(lambda: checking.result is not None, timeout=20_000)
    qtbot.wait(300)
    assert quiet == []
