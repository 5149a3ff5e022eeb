"""Starting the desktop app: fonts, language, style, then setup → sign-in → main window."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from gui.background import BackgroundOp
from models.store import paths
from models.store.i18n import remember_language, remembered_language

# Nothing of the database layer (SQLAlchemy, the tables: ~0.6 s to load) is imported here: the
# sign-in window is drawn first and filled once it has arrived (_run_locked).

# Named explicitly: with only Noto installed and LANG=C, Qt would pick the Japanese face.
CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC",
                "SimHei", "Noto Sans"]
BASE_POINT_SIZE = 13


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("GateDesk")
    app.setOrganizationName("GateDesk")
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    styles = paths.RESOURCES_DIR / "styles"
    qss = styles / "gatedesk.qss"
    if qss.exists():
        # Images are named from the style sheet's own folder, wherever the program is installed.
        app.setStyleSheet(qss.read_text(encoding="utf-8").replace("@STYLES@", styles.as_posix()))
    if not any(isinstance(c, KeyboardBack) for c in app.children()):
        app.installEventFilter(KeyboardBack(app))
    return app


class KeyboardBack(QObject):
    """When a dialog closes, the window it was opened from gets the keyboard back. A window manager
    does it; without one (a gate PC run as a kiosk) the keys went nowhere after the first dialog."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Hide and isinstance(watched, QDialog) and watched.parentWidget() is not None:
            window = watched.parentWidget().window()
            QTimer.singleShot(0, lambda: self._back_to(window))
        return False

    @staticmethod
    def _back_to(window) -> None:
        import shiboken6

        if shiboken6.isValid(window) and window.isVisible() and QApplication.activeWindow() is None and \
                QApplication.activeModalWidget() in (None, window):
            window.activateWindow()


_translators: list[QTranslator] = []


def install_language(app: QApplication, language: str) -> None:
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.English))
        return
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(paths.translations_dir() / f"gatedesk_{language}.qm")):
        app.installTranslator(ours)
        _translators.append(ours)
    qt = QTranslator(app)  # Qt's own strings: OK, Cancel, Save…
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)


def run(data_dir: Path, *, on_first_window=None) -> int:
    """Set up (first run), sign in, then the main window until it closes.

    on_first_window(widget) is called once the first window is on screen (used by bench/).
    """
    from models.store.instance import AlreadyRunning, InstanceLock

    app = make_app()
    install_language(app, remembered_language(data_dir))
    lock = InstanceLock(data_dir)
    try:
        lock.acquire()
    except AlreadyRunning:
        QMessageBox.warning(None, "GateDesk", QCoreApplication.translate(
            "App", "GateDesk is already open on this computer for this data folder. Use the window that is open "
            "(look in the taskbar); two at once could overwrite each other's work."))
        return 1
    except OSError as exc:
        QMessageBox.critical(None, "GateDesk", f"{data_dir}: {exc.strerror or exc}")
        return 1
    from models.store import crash

    def crashed(report) -> None:
        QMessageBox.critical(None, "GateDesk", QCoreApplication.translate(
            "App", "GateDesk met an error it did not expect. Everything already saved is safe. A report without "
            "personal data was written to {0}; please give it to your administrator.").format(report or "-"))

    crash.install(data_dir / "logs", on_crash=crashed)
    try:
        return _run_locked(app, data_dir, on_first_window)
    finally:
        lock.release()


def early_sign_in(data_dir: Path):
    """The sign-in window, on screen before the database layer is loaded, for the usual start: a
    station already set up and closed cleanly last time. None otherwise (a first run, a crash or an
    interrupted restore is dealt with before any window)."""
    path = paths.database_path(data_dir)
    if not (path.exists() and paths.closed_cleanly(path)) or (data_dir / paths.PENDING_RESTORE).exists():
        return None
    import time

    from PySide6.QtCore import QEventLoop

    from gui.dialogs.sign_in_dialog import SignInDialog

    window = SignInDialog(None)
    try:  # the names at once, from the file itself; the core checks the PIN once it has loaded
        from models.trust.early import sign_in_names

        window.prefill(*sign_in_names(path))
    except Exception:  # noqa: BLE001 - the names then come with the database layer, as before
        pass
    window.show()
    # On screen for real before the long import: the window system maps it asynchronously, and
    # nothing is drawn while the import holds this thread.
    deadline = time.monotonic() + 0.5
    while not window.windowHandle().isExposed() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.AllEvents, 20)
    window.repaint()
    QApplication.processEvents(QEventLoop.ExcludeUserInputEvents)
    return window


def open_server(target: str | None, problem: str = ""):
    """The office database on its server: tried at once, then asked for (the password, or a new
    address) until it opens or the user gives up (None)."""
    from gui import texts
    from gui.dialogs.server_dialog import ServerDialog
    from models.store import server
    from models.store.backups import DatabaseProblem
    from models.store.db import open_database

    if target is not None and not problem:
        try:
            return open_database(target, background_checkpoints=True), None
        except DatabaseProblem as exc:
            problem = texts.message(exc.message)
    address = None
    if target is not None:
        try:
            address = server.parse(target)[0]
        except server.NotAServer:
            pass
    dialog = ServerDialog(address, problem)
    if dialog.exec() != QDialog.Accepted:
        return None, None
    return dialog.db, dialog.address


def _run_locked(app, data_dir: Path, on_first_window) -> int:
    from PySide6.QtCore import QTimer

    from models.store import server

    try:
        target, unreadable = server.target(data_dir), None
    except server.NotAServer as exc:  # the saved address was damaged: ask for it again
        target, unreadable = None, exc.message
    on_a_server = target is not None or unreadable is not None
    first = None if on_a_server else early_sign_in(data_dir)
    if first is not None and on_first_window:
        on_first_window(first)
        on_first_window = None

    from gui import texts
    from models.app import server_office
    from models.app.desk import Desk
    from models.store.backups import DatabaseProblem
    from models.store.db import open_database
    from models.trust.recovery import complete_pending

    def refuse(text: str) -> int:
        if first is not None:
            first.hide()
        QMessageBox.critical(None, "GateDesk", text)
        return 1

    if on_a_server:
        db, address = open_server(target, texts.message(unreadable) if unreadable else "")
        if db is None:
            return 0
        if address is not None:
            server_office.remember(data_dir, address)
        server_office.anchor_here(db, data_dir)
    else:
        if paths.database_path(data_dir).exists():
            complete_pending(data_dir)  # a restore interrupted after its swap is recorded now
        if not check_database(data_dir):
            return 1
        try:
            db = open_database(paths.database_path(data_dir), background_checkpoints=True)
        except DatabaseProblem as exc:
            return refuse(texts.message(exc.message))
        except OSError as exc:
            return refuse(f"{data_dir}: {exc.strerror or exc}")
    desk = Desk(db)
    if desk.settings.language != remembered_language(data_dir) or desk.ctx is None:
        # Drawn in the wrong language (the setting changed on another path) or not set up after all.
        if first is not None:
            first.close()
            first = None
        install_language(app, desk.settings.language)
        remember_language(data_dir, desk.settings.language)

    def damaged(problem: str) -> None:
        QMessageBox.critical(None, "GateDesk", QCoreApplication.translate(
            "App", "The database is damaged ({0}). GateDesk closes now so that nothing more is written to it; "
            "start it again to be offered the newest backup.").format(problem))
        db.damaged = True  # closed without the clean mark: the next start checks first
        app.exit(3)

    # The quick check of the embedded file; a server checks its own.
    checking = None if db.path is None else CheckInBackground(db.path, damaged)  # noqa: F841 - runs while alive
    try:
        if desk.ctx is None:
            from gui.dialogs.setup_dialog import SetupDialog

            setup = SetupDialog(desk)
            if on_first_window:
                QTimer.singleShot(0, lambda shown=on_first_window: shown(setup))  # bound now: reset below
                on_first_window = None
            if setup.exec() != QDialog.Accepted:
                if setup.desk is not desk:
                    setup.desk.db.close()
                return 0
            if setup.server_address is not None:  # the office's database is on a server from now on
                server_office.remember(data_dir, setup.server_address)
                db.close()
                server_office.discard_unused_file(db.path)
                desk, db = setup.desk, setup.desk.db
                server_office.anchor_here(db, data_dir)
        if desk.operator is None:  # after a first run the new administrator is on duty already
            from gui.dialogs.sign_in_dialog import SignInDialog

            if first is not None:
                first.attach(desk)
                sign_in = first
            else:
                sign_in = SignInDialog(desk)
            if on_first_window:
                QTimer.singleShot(0, lambda: on_first_window(sign_in))
            if sign_in.exec() != QDialog.Accepted:
                return 0
        if desk.is_office:
            from gui.office_window import OfficeWindow

            window = OfficeWindow(desk)
        elif desk.is_inspection:
            from gui.inspection_window import InspectionWindow

            window = InspectionWindow(desk)
        else:
            from gui.main_window import MainWindow

            window = MainWindow(desk)
        window.show()
        # After the sign-in or set-up window closes nothing else gives the new window the keyboard
        # (with or without a window manager): the guard's first keys must reach the form.
        window.raise_()
        window.activateWindow()
        window.ready_for_keys()
        # Asked again once the loop runs: a request made before the window system has the window
        # mapped can be lost (a first run, whose set-up window had just closed).
        QTimer.singleShot(0, window.activateWindow)
        # Everything built so far lives as long as the app: keep the garbage collector from
        # walking it again and again, which put 10-20 ms pauses into searches and saves.
        gc.freeze()
        code = app.exec()
        # Closed by the user already, except after app.exit() (a damaged database): its timers
        # (housekeeping, the lock) must not fire again once the database is closed.
        window.close()
        # An export or an import the user left running ends (its own way, as if cancelled) before
        # the operator signs off and the database closes.
        BackgroundOp.stop_all()
        remember_language(data_dir, desk.settings.language)  # the next start draws its first window in it
        if not db.damaged and desk.operator is not None:  # nobody: the rota's last guard checked out
            desk.staff.sign_off()
        return code
    finally:
        BackgroundOp.stop_all()
        db.close()


def check_database(data_dir: Path, parent=None, *, now: bool | None = None) -> bool:
    """SQLite's quick check before anything writes, when the last session did not close cleanly
    (a crash, a power cut) or `now` says so; after a clean close the check runs in the background
    instead (CheckInBackground), as it takes seconds on a year's records. A damaged database is
    never written to: the user is told, and offered the newest sound daily backup in its place
    (the damaged file is kept aside). False when GateDesk should not start."""
    from models.trust.recovery import startup_problem

    problem = startup_problem(data_dir, check=now)
    if problem is None:
        return True
    return offer_backup(data_dir, problem, parent)


def offer_backup(data_dir: Path, problem: str, parent=None) -> bool:
    from models.store import backups
    from models.trust.recovery import backup_to_offer, restore

    path = paths.database_path(data_dir)
    backup = backup_to_offer(data_dir)
    if backup is None:
        QMessageBox.critical(parent, "GateDesk", QCoreApplication.translate(
            "App", "The database {0} is damaged ({1}). It has not been changed, and no backup of it was found. "
            "Call your administrator; do not delete the file.").format(path, problem))
        return False
    answer = QMessageBox.question(parent, "GateDesk", QCoreApplication.translate(
        "App", "The database {0} is damaged ({1}). It has not been changed.\n\nRestore the newest backup, {2}? "
        "Records saved after it was made will be missing; the damaged file is kept in {3} for your "
        "administrator.").format(path, problem, backup.name, paths.backups_dir(data_dir)),
        QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    if answer != QMessageBox.Yes:
        return False
    try:
        restore(backup, data_dir)
    except (OSError, backups.DatabaseProblem) as exc:
        QMessageBox.critical(parent, "GateDesk", str(getattr(exc, "strerror", None) or exc))
        return False
    return True


START_AFTER_MS = 2000


class CheckInBackground:
    """The quick check of a cleanly closed database, on a worker thread while the guard signs in.

    on_damage(problem) is called on the GUI thread if the file is damaged (disk rot found after a
    clean close); the caller stops work there, and the next start (the database was not closed
    cleanly) checks first and offers the backup."""

    def __init__(self, path: Path, on_damage, parent=None):
        from PySide6.QtCore import QTimer

        from models.store.backups import integrity_problem

        self.result: tuple[str | None] | None = None
        self._on_damage = on_damage
        self.op = BackgroundOp(parent, lambda _progress, _cancelled: integrity_problem(path), quiet=True)
        self.op.done.connect(self._done)
        # Reading the whole file competes with building the first window: start once it is up
        # (the guard is still typing a PIN).
        self._delay = QTimer(parent)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self.op.start)
        self._delay.start(START_AFTER_MS)

    def _done(self, problem: str | None) -> None:
        self.result = (problem,)
        if problem is not None:
            self._on_damage(problem)
