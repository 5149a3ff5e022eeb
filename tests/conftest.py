import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests import pg

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A fixed moment: 2022-11-28 10:00 in Fuzhou.
NOW = datetime(2022, 11, 28, 2, 0, tzinfo=timezone.utc)
# The office's clock when it takes the suite's bundles: what it keeps is judged by it (retention).
OFFICE_NOW = NOW + timedelta(hours=2)


# The tables each schema version added (versions 9 and 12 added indexes only), for the tests that
# make a database as an older version had it: tables_after(7) drops what came later, newest first.
TABLES_ADDED = {8: ("org_unit", "org_compound", "operator_scope"), 10: ("sync_forwarder",), 11: ("visit_day",),
                13: ("testing_round", "round_person", "round_correction"), 14: ("home_need", "home_service"),
                15: ("sync_relayed",), 16: ("standard", "standard_item", "inspection", "inspection_answer", "finding",
                     "inspection_photo", "compound_census", "compound_listed"),
                17: ("volunteer", "duty_post", "rota_shift", "shift_assignment", "shift_checkin")}


COLUMNS_ADDED = {16: (("sync_station", "kind"),)}


def tables_after(version: int) -> tuple[str, ...]:
    """The tables a database of `version` did not have yet, children before the tables they point to."""
    return tuple(t for v in sorted(TABLES_ADDED, reverse=True) if v > version for t in reversed(TABLES_ADDED[v]))


def as_of(version: int) -> list[str]:
    """The SQL that takes a database back to how `version` had it: later columns and tables dropped."""
    columns = [f"ALTER TABLE {t} DROP COLUMN {c}" for v, added in COLUMNS_ADDED.items() if v > version
               for t, c in added]
    return columns + [f"DROP TABLE {t}" for t in tables_after(version)]


@pytest.fixture(autouse=True)
def _away_from_user_data(tmp_path, monkeypatch):
    """No test may touch the real user data folder or settings."""
    monkeypatch.setenv("GATEDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("GATEDESK_LANG", "zh_CN")


@pytest.fixture
def now():
    return NOW


@pytest.fixture(scope="session")
def pg_server():
    """One throw-away PostgreSQL server for the run. Without one the PostgreSQL half of the office
    tests is skipped on a developer's machine, and fails in CI, which must run both."""
    why = pg.unavailable()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs the office tests on PostgreSQL too, but {why}")
        pytest.skip(why)
    server = pg.Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def office_engine(request) -> str:
    """The office's tests run on the embedded file and on a server."""
    return request.param


@pytest.fixture
def open_office(office_engine, request):
    """open_office(path): the office database a test names by a path, on the engine of this run. On
    PostgreSQL each path is a database of its own, created empty the first time and reopened after."""
    from models.store.db import open_database

    urls: dict[Path, str] = {}
    server = request.getfixturevalue("pg_server") if office_engine == "postgresql" else None

    def open_(path: Path, **kw):
        if server is None:
            return open_database(path, **kw)
        if path not in urls:
            urls[path] = server.new_database()
        kw.pop("backups", None)
        return open_database(urls[path], **kw)

    open_.engine = office_engine
    yield open_
    for url in urls.values():
        server.drop_database(url)
