"""A throw-away PostgreSQL server for the office's tests (and bench/), started from the Debian
package's binaries: a fresh cluster in a temporary folder, on 127.0.0.1 and a free port, with
durability off (the tests prove the office's logic on the engine, not the disk's).

PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user the package
creates. GATEDESK_TEST_POSTGRES=postgresql://… uses a server you already run instead.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

ADMIN_URL_ENV = "GATEDESK_TEST_POSTGRES"
PASSWORD = "gatedesk-test"  # the throw-away cluster's superuser


def bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def driver_missing() -> str | None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    return None


def unavailable() -> str | None:
    """Why no server can be had here, or None."""
    if os.environ.get(ADMIN_URL_ENV):
        return driver_missing()
    if bin_dir() is None:
        return "PostgreSQL is not installed (apt-get install postgresql)"
    return driver_missing()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A cluster of our own, or the one GATEDESK_TEST_POSTGRES names. new_database() gives each
    test an empty database of its own; with a template, a copy of it (fast: a file copy)."""

    def __init__(self):
        self.root: Path | None = None
        given = os.environ.get(ADMIN_URL_ENV)
        if given:
            self.admin_url = given.replace("postgresql://", "postgresql+psycopg://", 1)
            return
        bins = bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="gatedesk-pg-"))
        data, sock = self.root / "data", self.root / "sock"
        sock.mkdir()
        as_user: list[str] = []
        if os.geteuid() == 0:
            as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
            shutil.chown(sock, "postgres")
        self._as_user = as_user
        self._pg_ctl = [*as_user, str(bins / "pg_ctl"), "-D", str(data)]
        # Over TCP a password is asked, as on a district's server; the local socket trusts its user.
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD)
        if as_user:
            shutil.chown(pwfile, "postgres")
        subprocess.run([*as_user, str(bins / "initdb"), "-D", str(data), "--auth-local=trust",
                        "--auth-host=scram-sha-256", f"--pwfile={pwfile}", "-U", "postgres", "-E", "UTF8",
                        "--no-sync", "--locale=C"], check=True, capture_output=True)
        self.port = _free_port()
        options = (f"-k {sock} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        subprocess.run([*self._pg_ctl, "-o", options, "-l", str(self.root / "server.log"), "-w", "start"],
                       check=True, capture_output=True)
        self.admin_url = f"postgresql+psycopg://postgres:{PASSWORD}@127.0.0.1:{self.port}/postgres"

    def url(self, name: str) -> str:
        return self.admin_url.rsplit("/", 1)[0] + "/" + name

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url.replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, template: str | None = None) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{template or "template0"}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')

    def stop(self) -> None:
        if self.root is None:
            return
        subprocess.run([*self._pg_ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)


def copy_rows(source, target) -> None:
    """Every row of one GateDesk database into another, empty one of the same schema (an office file
    a test built once, onto a server): the same ids, keys and hashes."""
    from sqlmodel import SQLModel

    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in SQLModel.metadata.sorted_tables:
            rows = [dict(r._mapping) for r in src.execute(table.select())]
            dst.execute(table.delete())
            if rows:
                dst.execute(table.insert(), rows)
