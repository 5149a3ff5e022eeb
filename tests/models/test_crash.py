"""A crash report names the code that failed, never the person being registered."""
from __future__ import annotations

import sys

from sqlalchemy.exc import IntegrityError

from models.store import crash
from models.store.db import open_database


def test_a_report_holds_where_it_failed_and_nothing_personal(tmp_path, now):
    try:
        try:
            raise ValueError("phone 13800138000 of 王五 is not valid")
        except ValueError as inner:
            raise RuntimeError("while saving 王五, 110101199003074578") from inner
    except RuntimeError:
        path = crash.write_report(tmp_path / "logs", *sys.exc_info(), now)
    text = path.read_text()
    assert "RuntimeError" in text and "ValueError" in text and "test_crash.py" in text
    for secret in ("13800138000", "王五", "110101199003074578"):
        assert secret not in text


def test_database_errors_do_not_carry_the_values_of_the_statement(tmp_path):
    """SQLAlchemy puts a statement's parameters into its error messages unless told not to."""
    db = open_database(tmp_path / "gatedesk.sqlite3")
    with db.engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE t (phone TEXT UNIQUE)")
    from sqlalchemy import text
    try:
        with db.engine.begin() as c:
            for _ in range(2):
                c.execute(text("INSERT INTO t VALUES (:p)"), {"p": "13800138000"})
    except IntegrityError as exc:
        message = str(exc)
    db.close()
    assert "UNIQUE" in message and "13800138000" not in message


def test_an_error_qt_raised_without_frames_still_says_where(tmp_path, monkeypatch):
    """Issue: a report of an error raised as Qt called into Python (the ledger's done() that was a
    table) held the exception's type alone. The hook adds the stack it was called from."""
    told = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    crash.install(tmp_path / "logs", on_crash=told.append)

    def event_loop_called_back():  # a frame of ours on the stack, as the event loop's caller is
        sys.excepthook(TypeError, TypeError("'QTableView' object is not callable: 王五"), None)

    event_loop_called_back()
    text = told[0].read_text()
    assert "builtins.TypeError" in text and "raised while Qt called into GateDesk" in text
    assert "test_crash.py" in text and "event_loop_called_back" in text and "王五" not in text
