"""What a user sees when GateDesk starts: the first-run setup, or a clear refusal."""
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import text

from gui import app as app_mod
from models import paths
from models.db import open_database


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
    from models.instance import InstanceLock

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
