"""An office whose database is on a PostgreSQL server: the address a user types, and connecting.

The address (host, port, database, user) is remembered in the data folder; the password never is:
it is typed when the server asks for it, or comes from PGPASSWORD or libpq's ~/.pgpass.
"""
from __future__ import annotations

from pathlib import Path

from models.kit.validation import InvalidInput, _err, clean_text
from models.store import server
from models.store.backups import DatabaseProblem
from models.store.db import Database, open_database
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.store.server import ServerAddress
from models.sync import NotAnOffice, ensure_office


def address_from_form(*, host: str, port: str, database: str, user: str) -> ServerAddress:
    """What the dialog's fields say, checked. Raises InvalidInput naming each wrong field."""
    errors = []
    host_ = clean_text("host", host, errors, required=True, max_len=200)
    database_ = clean_text("database", database, errors, required=True, max_len=63)
    user_ = clean_text("user", user, errors, required=True, max_len=63)
    number = (port or "").strip() or str(server.DEFAULT_PORT)
    if not number.isdigit() or not 0 < int(number) < 65536:
        errors.append(_err("port", QT_TRANSLATE_NOOP("Validation", "A port is a number from 1 to 65535 (usually 5432).")))
    for field, value in (("host", host_), ("database", database_), ("user", user_)):
        if value and any(c in value for c in " /@?#:"):
            errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "No spaces or / @ ? # : here.")))
    if errors:
        raise InvalidInput(errors)
    return ServerAddress(host=host_, port=int(number), database=database_, user=user_)


def connect(address: ServerAddress, password: str | None) -> Database:
    """The office database on that server, made (as office-init makes it) when the database is
    still empty. Raises DatabaseProblem (PasswordNeeded when the server wants a password it did
    not get) with a message for people; the password is in no message."""
    db = open_database(address.url(password or None))
    try:
        ensure_office(db)
    except NotAnOffice:
        db.close()
        raise DatabaseProblem(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "The database {server} belongs to a gate station, not to an office."),
            {"server": address.shown()})) from None
    return db


def anchor_here(db: Database, data_dir: Path) -> None:
    """This PC keeps the server database's audit anchor in its data folder."""
    from models.store import paths

    data_dir.mkdir(parents=True, exist_ok=True)
    db.anchor_at(paths.server_anchor(data_dir, db.engine.url))


def remember(data_dir: Path, address: ServerAddress) -> None:
    """From now on this PC opens the office database on that server."""
    server.save_address(data_dir, address)


def discard_unused_file(path: Path | None) -> None:
    """The embedded file a first run opened before the office chose a server: nothing was ever
    written to it, and left behind it would only mislead (which database is this PC's?)."""
    from models.store.backups import clean_mark
    from models.store.files import SIDECARS

    if path is None:
        return
    for part in (path, *(path.with_name(path.name + s) for s in SIDECARS), clean_mark(path)):
        part.unlink(missing_ok=True)
