"""Schema steps from version 7 on, as Alembic revisions (schema_steps/versions/NNNN_*.py, revision "NNNN").

Versions 2 to 7 were SQLite's hand-written steps (models/store/migrations.py) and stay as they
were. From 7 on, each step is an Alembic revision, written once for both engines (SQLite through
Alembic's batch mode, which rebuilds a table where SQLite cannot alter it). The number in the
`meta` table stays the database's version, which every GateDesk reads (an older one refuses a
newer file); Alembic's own mark is made on the first upgrade, at that number.

Every pending step runs inside the caller's single transaction: on PostgreSQL and on SQLite
(whose BEGIN GateDesk issues itself) a failure undoes all of it.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Alembic's script folder (data, not a package); tests point this at a copy with steps of their own.
LOCATION = Path(__file__).resolve().parent / "schema_steps"


def revision_of(version: int) -> str:
    return f"{version:04d}"


def _config(conn: Connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(LOCATION))
    config.attributes["connection"] = conn
    return config


def head() -> int:
    """The newest step's version number."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(LOCATION))
    return int(ScriptDirectory.from_config(config).get_current_head())


def upgrade(conn: Connection, *, from_version: int) -> None:
    """Run every step after from_version, in conn's transaction."""
    from alembic import command

    config = _config(conn)
    command.stamp(config, revision_of(from_version), purge=True)
    command.upgrade(config, "head")
