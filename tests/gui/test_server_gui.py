"""An office PC whose database is on a server: chosen at the first run, remembered (without the
password) in the data folder, asked for again when the server wants the password or is gone."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gui import app as app_mod
from models.store import paths, server
from tests.pg import PASSWORD


def split(url: str) -> dict[str, str]:
    address, _ = server.parse(url)
    return {"host": address.host, "port": str(address.port), "database": address.database, "user": address.user}


def fill(dialog, values: dict[str, str]) -> None:
    for key, value in values.items():
        dialog.inputs[key].setText(value)


@pytest.fixture
def screens(monkeypatch):
    """What each dialog's exec() does, in order, and the window the office ends in."""
    from gui.office_window import OfficeWindow

    steps, shown = [], []

    def exec_(self):
        handler = steps.pop(0)
        assert type(self).__name__ == handler.__name__.split("_")[0], (type(self).__name__, handler.__name__)
        self.show()  # as exec() would
        try:
            return handler(self)
        finally:
            self.hide()

    from gui.dialogs import server_dialog, setup_dialog, sign_in_dialog

    for cls in (server_dialog.ServerDialog, setup_dialog.SetupDialog, sign_in_dialog.SignInDialog):
        monkeypatch.setattr(cls, "exec", exec_)
    def show(window):
        shown.append((window.desk.operator.name, window.desk.ctx.compound_name, window.desk.db.path))
        window.close()  # as the user would before app.exec() returns: its timers and workers stop

    monkeypatch.setattr(OfficeWindow, "show", show)
    monkeypatch.setattr(app_mod.QApplication, "exec", lambda *a: 0)
    return steps, shown


def test_the_first_run_chooses_a_server_and_the_next_start_goes_straight_there(app, qtbot, tmp_path, pg_server,
                                                                               screens):
    steps, shown = screens
    url = pg_server.new_database()
    data = tmp_path / "office-pc"
    asked = []

    def SetupDialog_first(dialog):
        qtbot.mouseClick(dialog.as_office, Qt.LeftButton)
        assert dialog.on_server.isVisible() and "本机" in dialog.where.text()
        qtbot.mouseClick(dialog.on_server, Qt.LeftButton)  # opens the server dialog (next step)
        assert dialog.server_address is not None and dialog.desk.db.path is None
        assert "服务器" in dialog.where.text() and not dialog.on_server.isVisible()
        fill(dialog, {"compound_name": "温泉街道办公室", "community": "温泉街道", "admin_name": "周主任",
                      "admin_pin": "2468", "admin_pin_again": "2468"})
        dialog.accept()
        return dialog.result()

    def ServerDialog_wrong_password(dialog):
        fill(dialog, split(url) | {"password": "not-it"})
        dialog.accept()
        asked.append(dialog.errors["password"].text())
        assert dialog.result() != QDialog.Accepted and dialog.inputs["password"].text() == ""
        fill(dialog, {"password": PASSWORD})
        dialog.accept()
        return dialog.result()

    steps += [SetupDialog_first, ServerDialog_wrong_password]
    assert app_mod.run(data) == 0
    assert steps == [] and "密码" in asked[0]
    assert shown == [("周主任", "温泉街道办公室", None)]  # on duty on the server's office
    saved = json.loads((data / server.ADDRESS_FILE).read_text())
    assert saved == split(url) | {"port": int(split(url)["port"])}
    assert PASSWORD not in (data / server.ADDRESS_FILE).read_text()
    assert not paths.database_path(data).exists()  # the empty file of the first start is gone

    # Next start: the saved server asks for the password (not saved), then the administrator signs in.
    def ServerDialog_password(dialog):
        assert dialog.inputs["host"].text() == split(url)["host"] and dialog.inputs["user"].text() == "postgres"
        assert "密码" in dialog.problem.text()
        fill(dialog, {"password": PASSWORD})
        dialog.accept()
        return dialog.result()

    def SignInDialog_admin(dialog):
        assert "周主任" in dialog.who.who.currentText()
        dialog.who.pin.setText("2468")
        dialog.accept()
        return dialog.result()

    shown.clear()
    steps += [ServerDialog_password, SignInDialog_admin]
    assert app_mod.run(data) == 0
    assert steps == [] and shown == [("周主任", "温泉街道办公室", None)]


def test_a_second_office_pc_joins_the_office_another_set_up(app, qtbot, tmp_path, pg_server, screens, monkeypatch):
    from models.app.desk import Desk
    from models.app.server_office import connect

    steps, shown = screens
    url = pg_server.new_database()
    address, _ = server.parse(url)
    first_pc = Desk(connect(address, PASSWORD))
    first_pc.sync.complete_office_setup(office_name="温泉街道办公室", community="温泉街道", admin_name="周主任",
                                        pin="2468", pin_again="2468", office_label="办公室")
    first_pc.db.close()
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # as ~/.pgpass would give it: no password asked

    def SetupDialog_join(dialog):
        qtbot.mouseClick(dialog.as_office, Qt.LeftButton)
        qtbot.mouseClick(dialog.on_server, Qt.LeftButton)
        return dialog.result()  # closed by itself: the office is set up there already

    def ServerDialog_address(dialog):
        fill(dialog, split(url))
        dialog.accept()
        return dialog.result()

    def SignInDialog_admin(dialog):
        dialog.who.pin.setText("2468")
        dialog.accept()
        return dialog.result()

    steps += [SetupDialog_join, ServerDialog_address, SignInDialog_admin]
    assert app_mod.run(tmp_path / "second-pc") == 0
    assert steps == [] and shown == [("周主任", "温泉街道办公室", None)]


def test_a_server_that_is_gone_is_said_and_nothing_is_made_locally(app, tmp_path, screens):
    steps, shown = screens
    data = tmp_path / "office-pc"
    server.save_address(data, server.ServerAddress(host="127.0.0.1", port=1, database="gatedesk", user="office"))
    said = []

    def ServerDialog_gone(dialog):
        said.append(dialog.problem.text())
        return QDialog.Rejected

    steps.append(ServerDialog_gone)
    assert app_mod.run(data) == 0
    assert "127.0.0.1:1" in said[0] and not shown and not paths.database_path(data).exists()


def test_a_damaged_saved_address_is_asked_again(app, tmp_path, screens):
    steps, _ = screens
    data = tmp_path / "office-pc"
    data.mkdir()
    (data / server.ADDRESS_FILE).write_bytes(b"\xff{not json")
    said = []

    def ServerDialog_again(dialog):
        said.append(dialog.problem.text())
        assert dialog.inputs["host"].text() == ""
        return QDialog.Rejected

    steps.append(ServerDialog_again)
    assert app_mod.run(data) == 0
    assert server.ADDRESS_FILE in said[0]


def test_the_dialog_names_each_wrong_field(app, qtbot):
    from gui.dialogs.server_dialog import ServerDialog

    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, {"host": "", "port": "70000", "database": "gate desk", "user": "x"})
    dialog.accept()
    assert dialog.errors["host"].isVisible() and dialog.result() != QDialog.Accepted
    fill(dialog, {"host": "db.example"})
    dialog.accept()
    assert dialog.errors["port"].isVisible() and "65535" in dialog.errors["port"].text()
    fill(dialog, {"port": ""})  # empty: the usual 5432
    dialog.accept()
    assert dialog.errors["database"].isVisible()


def test_settings_at_a_server_office_leave_backups_to_the_server(app, qtbot, pg_server):
    from gui.dialogs.settings_dialog import SettingsDialog
    from models.app.desk import Desk
    from models.app.server_office import connect
    from models.trust.operators import Role

    desk = Desk(connect(server.parse(pg_server.new_database())[0], PASSWORD))
    desk.sync.complete_office_setup(office_name="温泉街道办公室", community="温泉街道", admin_name="周主任",
                                    pin="2468", pin_again="2468", office_label="办公室")
    with desk.authorised(desk.staff.operators()[0].id, "2468", Role.ADMIN):
        dialog = SettingsDialog(desk)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.backup_folder.isVisible() and not dialog.backup_keep.isVisible()
        note = dialog.findChild(__import__("PySide6.QtWidgets", fromlist=["QLabel"]).QLabel, "serverBackups")
        assert note.isVisible() and "pg_dump" in note.text()
        desk.db.close()
