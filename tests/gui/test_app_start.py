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


def set_up_station(data, language="zh_CN"):
    """A station set up and closed cleanly, as after a normal day."""
    from models.app.desk import Desk
    from models.trust.first_run import SetupForm

    db = open_database(paths.database_path(data))
    desk = Desk(db)
    desk.staff.complete_setup(SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                                        admin_pin="1234", admin_pin_again="1234"))
    if language != "zh_CN":
        desk.staff.update_settings(desk.settings.model_copy(update={"language": language}))
    db.close()


def test_the_sign_in_window_is_drawn_before_the_database_layer_is_loaded(app, tmp_path):
    """Start-up waited ~0.6 s for SQLAlchemy and the tables before any window: the first window
    now needs none of it (checked in a fresh interpreter, where nothing is loaded yet)."""
    import subprocess
    import sys
    from pathlib import Path

    data = tmp_path / "gate"
    set_up_station(data)
    root = Path(__file__).resolve().parents[2]
    code = (f"import sys; sys.path.insert(0, {str(root)!r})\n"
            "from pathlib import Path\n"
            "from gui.app import make_app, early_sign_in\n"
            "app = make_app()\n"
            f"w = early_sign_in(Path({str(data)!r}))\n"
            "print(w is not None and w.isVisible(), w.who.pin.hasFocus() or w.who.pin.focusPolicy() != 0)\n"
            "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'models.app.desk') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    shown, loaded = out.stdout.splitlines()[:2]
    assert shown.startswith("True") and loaded == "[]", out.stdout + out.stderr


def test_the_early_sign_in_window_is_filled_and_signs_in(app, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from gui.dialogs import sign_in_dialog
    from gui.main_window import MainWindow

    data = tmp_path / "gate"
    set_up_station(data)
    seen, shown = [], []

    def first(window):
        # On screen with the names already in (read from the file with the standard library), before
        # the database layer that checks the PIN has loaded: OK waits for it.
        from PySide6.QtWidgets import QDialogButtonBox

        seen.append((window.isVisible(), window.who.who.currentText().split()[0],
                     window.buttons.button(QDialogButtonBox.Ok).isEnabled()))

    def sign_in(self):
        seen.append(("exec", self.who.who.currentText()))
        self.who.pin.setText("1234")
        self.accept()
        return QDialog.Accepted

    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", sign_in)
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self.desk.operator.name))
    monkeypatch.setattr(app_mod.QApplication, "exec", lambda *a: 0)
    assert app_mod.run(data, on_first_window=first) == 0
    assert seen[0] == (True, "林管理", False) and seen[1][0] == "exec" and "林管理" in seen[1][1]
    assert shown == ["林管理"]


def test_the_first_window_is_drawn_in_the_station_s_language(app, tmp_path, monkeypatch):
    """The language is a setting in the database; the first window remembers it from last time."""
    from PySide6.QtWidgets import QDialog

    from gui.dialogs import sign_in_dialog

    data = tmp_path / "gate"
    set_up_station(data, language="en")
    titles = []
    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", lambda self: titles.append(self.windowTitle())
                        or QDialog.Rejected)
    firsts = []
    assert app_mod.run(data, on_first_window=lambda w: firsts.append(w.windowTitle())) == 0
    assert app_mod.run(data, on_first_window=lambda w: firsts.append(w.windowTitle())) == 0
    # The first start draws in Chinese and redraws once the setting is read; from then on, English.
    assert titles == ["Sign in", "Sign in"] and firsts[-1] == "Sign in"


def test_the_early_window_chooses_someone_once_the_names_arrive(app, qtbot, desk):
    """Filled after the 'loading the names' placeholder, the list chose nobody: the window still
    read 'loading' and OK signed in no one. Here nobody has been on duty at this station yet."""
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.dialogs.sign_in_dialog import SignInDialog

    desk.staff.sign_off()
    window = SignInDialog(None)
    qtbot.addWidget(window)
    window.show()
    assert window.who.who.currentIndex() == -1 and not window.buttons.button(QDialogButtonBox.Ok).isEnabled()
    monkey_last = desk.staff.last_on_duty
    desk.staff.last_on_duty = lambda: None
    try:
        window.attach(desk)
    finally:
        desk.staff.last_on_duty = monkey_last
    assert window.who.who.currentIndex() == 0 and window.who.operator_id() is not None
    assert "读取" not in window.who.who.currentText()
    assert window.buttons.button(QDialogButtonBox.Ok).isEnabled()


def test_the_first_window_hook_sees_the_set_up_window(app, tmp_path, monkeypatch):
    """bench/ times start-up through on_first_window; at a first run it named a variable already
    reset, and the start crashed inside the set-up window instead."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    crashes, seen = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: crashes.append(a[2]))

    def give_up():  # whatever happened, the set-up window closes in the end
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                w.reject()

    QTimer.singleShot(5000, give_up)

    def first(window):
        seen.append(window.windowTitle())
        QTimer.singleShot(0, window.reject)

    assert app_mod.run(tmp_path / "new", on_first_window=first) == 0
    assert seen == ["设置门岗登记台"] and crashes == []


def test_closing_the_window_during_an_export_ends_it_before_the_database_closes(app, tmp_path, monkeypatch):
    """Work the user left running (an export, an import) is asked to stop and waited for: it never
    goes on against a closed database, nor past the operator's sign-off."""
    import time

    from gui.background import BackgroundOp
    from gui.dialogs import sign_in_dialog
    from gui.main_window import MainWindow

    data = tmp_path / "gate"
    set_up_station(data)
    mark = paths.clean_mark(paths.database_path(data))
    ended = []

    def work(_progress, cancelled):
        while not cancelled():
            time.sleep(0.01)
        time.sleep(0.3)  # the chunk it was writing
        ended.append(("database open", not mark.exists()))

    def sign_in(self):
        self.who.pin.setText("1234")
        self.accept()
        return QDialog.Accepted

    def show(window):
        window.op = BackgroundOp(window, work, label="导出中").start()

    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", sign_in)
    monkeypatch.setattr(MainWindow, "show", show)
    monkeypatch.setattr(app_mod.QApplication, "exec", lambda *a: 0)  # the window closed at once
    assert app_mod.run(data) == 0
    assert ended == [("database open", True)] and mark.exists()


def test_nothing_of_the_window_runs_after_the_app_has_closed(app, qtbot, tmp_path, monkeypatch):
    """After app.exit() (a damaged database) the window was still open when the database closed:
    its housekeeping then started against a closed database, in whatever event loop came next."""
    from gui import housekeeping
    from gui.background import BackgroundOp
    from gui.dialogs import sign_in_dialog

    data = tmp_path / "gate"
    set_up_station(data)
    started = []
    start = BackgroundOp.start
    monkeypatch.setattr(BackgroundOp, "start", lambda self: started.append(self) or start(self))
    monkeypatch.setattr(housekeeping, "START_AFTER_MS", 100)

    def sign_in(self):
        self.who.pin.setText("1234")
        self.accept()
        return QDialog.Accepted

    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", sign_in)
    monkeypatch.setattr(app_mod.QApplication, "exec", lambda *a: 3)  # app.exit(3): the window still open
    assert app_mod.run(data) == 3
    qtbot.wait(600)  # the next windows' event loops turn
    assert started == []


def _first_key_lands_in_the_form(app, qtbot, monkeypatch, data, *, first_run=False):
    """What a keyboard does once the window is up: the key goes to the active window's focus widget."""
    from PySide6.QtWidgets import QApplication

    from gui.dialogs import setup_dialog, sign_in_dialog
    from gui.main_window import MainWindow

    landed = []

    def sign_in(self):
        self.who.pin.setText("1234")
        self.accept()
        return QDialog.Accepted

    def set_up(self):
        from models.trust.first_run import SetupForm

        self.desk.staff.complete_setup(SetupForm(compound_name="榕城花园", gate_name="东门", admin_name="林管理",
                                                 admin_pin="1234", admin_pin_again="1234"))
        self.server_address = None
        return QDialog.Accepted

    def typed(*_a):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
        target = QApplication.focusWidget()
        assert target is not None, "the keyboard reaches no field"
        qtbot.keyClicks(target, "138")
        landed.append((target is window.gate.phone, window.gate.phone.text()))
        window.close()
        return 0

    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", sign_in)
    monkeypatch.setattr(setup_dialog.SetupDialog, "exec", set_up)
    monkeypatch.setattr(app_mod.QApplication, "exec", typed)
    assert app_mod.run(data) == 0
    assert landed == [(True, "138")]


def test_after_signing_in_the_first_key_lands_in_the_form(app, qtbot, tmp_path, monkeypatch):
    """Issue: after each sign-in, digits, F-keys and Tab did nothing until the window was clicked."""
    data = tmp_path / "gate"
    set_up_station(data)
    _first_key_lands_in_the_form(app, qtbot, monkeypatch, data)


def test_after_the_first_run_the_first_key_lands_in_the_form(app, qtbot, tmp_path, monkeypatch):
    _first_key_lands_in_the_form(app, qtbot, monkeypatch, tmp_path / "new", first_run=True)


def test_the_style_sheets_images_are_found_wherever_the_program_is(app, qtbot):
    """The arrows of drop-down lists and number boxes are images the style sheet names; if one is not
    found, the list shows no arrow and a guard cannot tell it opens."""
    import re

    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QComboBox

    named = re.findall(r"url\(([^)]+)\)", app.styleSheet())
    assert named, "the style sheet names its arrow images"
    for path in named:
        assert not QImage(path).isNull(), path
    box = QComboBox()
    qtbot.addWidget(box)
    box.addItems(["简体中文", "English"])
    box.resize(300, 50)
    box.show()
    picture = box.grab().toImage()
    dark = sum(picture.pixelColor(x, y).lightness() < 120 for x in range(box.width() - 34, box.width() - 8)
               for y in range(10, 40))
    assert dark >= 30, f"the list's arrow is a sliver ({dark} dark pixels at its right end)"


def test_a_supervision_teams_station_opens_the_teams_window(app, tmp_path, monkeypatch):
    """The demo team's laptop: signed into, it opens the team's window on its visits, not a gate's."""
    from PySide6.QtCore import Qt

    from gui.dialogs import sign_in_dialog
    from gui.inspection_window import InspectionWindow
    from models.app.team_demo import create_team_demo
    from tests.conftest import NOW

    data = tmp_path / "team"
    db = open_database(data / "gatedesk.sqlite3")
    create_team_demo(db, now=NOW, days=2)
    db.close()

    def sign_in(self):
        self.who.who.setCurrentIndex(self.who.who.findText("王科长", Qt.MatchContains))
        self.who.pin.setText("1234")
        self.accept()
        return QDialog.Accepted

    shown = []
    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", sign_in)
    monkeypatch.setattr(InspectionWindow, "show", lambda self: shown.append((self.desk.operator.name,
                                                                             self.tabs.tabText(0))))
    monkeypatch.setattr(app_mod.QApplication, "exec", lambda *a: 0)
    assert app_mod.run(data) == 0
    assert shown == [("王科长", "1 检查")]


def test_a_gate_the_rota_holds_starts_on_a_duty_card_and_closes_with_nobody_on_duty(app, tmp_path, monkeypatch):
    """The sign-in window takes a resident's duty card; when the last of them checks out the window is
    left with nobody on duty, and closing GateDesk then has no one to sign off (it did not raise)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from gui.dialogs import sign_in_dialog
    from gui.main_window import MainWindow
    from models.app.desk import Desk
    from models.trust.operators import Role

    now = datetime(2022, 11, 28, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    monkeypatch.setattr(Desk.__init__, "__kwdefaults__", {"clock": lambda: now})
    data = tmp_path / "gate"
    set_up_station(data)
    db = open_database(paths.database_path(data))
    desk = Desk(db)
    admin = desk.staff.operators()[0]
    with desk.authorised(admin.id, "1234", Role.ADMIN):
        desk.staff.update_settings(desk.settings.model_copy(update={"gate_on_rota": True}))
        post = desk.staffing.add_post(name="东门岗", kind="gate")
        [shift] = desk.staffing.plan_shifts(post_id=post.id, first_day=now.date(), days=1, times="08:00-16:00",
                                            min_people=1, max_people=2)
        person = desk.staffing.add_person(name="钱阿姨", phone="13800000004", kind="resident", sent_by="")
        desk.staffing.assign(shift.id, person.id)
        card = desk.staffing.card_text(person.id)
    db.close()
    on_duty, after = [], []

    def scanned(self):
        assert self.rota is not None and not self.rota.isHidden()
        self.rota.card(card)
        return self.result()

    def runs(*_args):
        window = shown[0]
        on_duty.append(window.desk.operator.name)
        window.duty.handle_scan(card)  # she checks out: nobody holds the gate
        after.append((window.desk.operator, window.locked))
        return 0

    shown = []
    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", scanned)
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    monkeypatch.setattr(app_mod.QApplication, "exec", runs)
    assert app_mod.run(data) == 0
    assert on_duty == ["钱*姨"] and after == [(None, True)]
