"""An office database on a PostgreSQL server, named by a URL: checked, shown without its password.

The embedded SQLite file in the data folder stays the default; a district (or a sub-district whose
communities share one database) names a server instead, on the command line (--database), in
GATEDESK_DATABASE, or in the office's first-run dialog. A password is never written by GateDesk:
it comes from the URL given at the moment, from PGPASSWORD or from libpq's ~/.pgpass.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from models.store.i18n import QT_TRANSLATE_NOOP, Message

ENV = "GATEDESK_DATABASE"
ADDRESS_FILE = "office-server.json"  # in the data folder: where this PC's office database is
SCHEMES = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg",
           "postgresql+psycopg": "postgresql+psycopg"}
DEFAULT_PORT = 5432


class NotAServer(ValueError):
    def __init__(self, message: Message):
        super().__init__(message.text)
        self.message = message


@dataclass(frozen=True)
class ServerAddress:
    """What the first-run dialog asks and settings keep: no password."""

    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        who = quote(self.user, safe="") + (f":{quote(password, safe='')}" if password else "")
        return f"postgresql+psycopg://{who}@{self.host}:{self.port}/{quote(self.database, safe='')}"

    def shown(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def _bad(text: str) -> NotAServer:
    return NotAServer(Message("Database", QT_TRANSLATE_NOOP(
        "Database", "Not a database server address: {url}. Write it as postgresql://USER@HOST:PORT/DATABASE."),
        {"url": text[:80]}))


def parse(text: str) -> tuple[ServerAddress, str | None]:
    """The address and the password (if the URL carried one) of postgresql://user[:pw]@host[:port]/db."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        raise _bad(text) from None
    if parts.scheme not in SCHEMES or not parts.hostname or not parts.username:
        raise _bad(_hidden(text))
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database or parts.query or parts.fragment:
        raise _bad(_hidden(text))
    address = ServerAddress(host=parts.hostname, port=port or DEFAULT_PORT, database=database,
                            user=unquote(parts.username))
    return address, unquote(parts.password) if parts.password else None


def _hidden(text: str) -> str:
    try:
        parts = urlsplit(text)
        if parts.password:
            return text.replace(":" + parts.password + "@", ":***@", 1)
    except ValueError:
        pass
    return text


def from_environment(given: str | None) -> str | None:
    """The server URL a command was given (--database), else GATEDESK_DATABASE, else None: the file."""
    return given or os.environ.get(ENV) or None


def engine_url(text: str) -> str:
    """The URL for SQLAlchemy (the psycopg 3 driver), from what a user wrote. Raises NotAServer."""
    address, password = parse(text)
    return address.url(password)


def shown(text: str) -> str:
    """For messages: the address without a password."""
    try:
        return parse(text)[0].shown()
    except NotAServer:
        return _hidden(text)[:80]


def is_server(url: str) -> bool:
    return url.split(":", 1)[0] in SCHEMES


def password_refused(url: str) -> Message:
    return Message("Database", QT_TRANSLATE_NOOP(
        "Database", "The server {server} asks for the password of this user, or refused the one given."),
        {"server": shown(url)})


def unreachable(url: str, detail: str) -> Message:
    return Message("Database", QT_TRANSLATE_NOOP(
        "Database", "Cannot open the office database on the server {server}: {detail}"),
        {"server": shown(url), "detail": detail})


# -- where this PC's office database is (the data folder remembers it; never a password) --------
def saved_address(data_dir: Path) -> ServerAddress | None:
    """The server this PC's office uses, or None (the embedded file). Raises NotAServer when the
    file was damaged or edited into something that is not an address."""
    path = data_dir / ADDRESS_FILE
    try:
        raw = path.read_bytes()[:4096]
    except FileNotFoundError:
        return None
    except OSError:
        raw = b""
    try:
        data = json.loads(raw)
        address = ServerAddress(host=data["host"], port=data["port"], database=data["database"], user=data["user"])
        if not all(isinstance(v, str) and v and len(v) <= 200 for v in (address.host, address.database, address.user)) \
                or type(address.port) is not int or not 0 < address.port < 65536:
            raise ValueError
    except (ValueError, TypeError, KeyError):
        raise NotAServer(Message("Database", QT_TRANSLATE_NOOP(
            "Database", "The saved address of the office's database server ({file}) cannot be read. Enter the "
            "address again."), {"file": str(path)})) from None
    return address


def save_address(data_dir: Path, address: ServerAddress) -> None:
    from models.store import files

    data_dir.mkdir(parents=True, exist_ok=True)
    files.write_text(data_dir / ADDRESS_FILE, json.dumps(
        {"host": address.host, "port": address.port, "database": address.database, "user": address.user},
        ensure_ascii=False))


def target(data_dir: Path) -> str | None:
    """What this PC opens at start: GATEDESK_DATABASE, else the saved server's address (its URL,
    no password), else None for the embedded file."""
    url = from_environment(None)
    if url:
        return url
    address = saved_address(data_dir)
    return address.url() if address else None


def needs_password(detail: str) -> bool:
    """libpq's words for a server that wants a password it was not given, or not this one."""
    return "no password supplied" in detail or "password authentication failed" in detail
