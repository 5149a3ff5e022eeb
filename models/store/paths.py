"""Where GateDesk keeps its files. Every path is resolved here and nowhere else."""
from __future__ import annotations

import os
from pathlib import Path

# platformdirs is imported where the default data folder is first asked for.

APP_NAME = "GateDesk"
DATA_DIR_ENV = "GATEDESK_DATA_DIR"
DATABASE_NAME = "gatedesk.sqlite3"

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def default_data_dir() -> Path:
    """The per-user data folder (platformdirs), e.g. ~/.local/share/GateDesk on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then $GATEDESK_DATA_DIR, then the user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def server_anchor(data_dir: Path, url) -> Path:
    """Where this PC keeps the audit anchor of an office database on a server: one file per server
    and database (named by a digest of user, host, port and database; never the password)."""
    import hashlib

    host = url.host or str(url.query.get("host", ""))
    key = f"{url.username}@{host}:{url.port or ''}/{url.database}"
    return data_dir / f"server-{hashlib.sha256(key.encode()).hexdigest()[:16]}.audit-anchor"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def font_cache_dir(data_dir: Path) -> Path:
    """Fonts cut down to a poster's characters (no personal data: compound and gate names)."""
    return data_dir / "cache" / "fonts"


def translations_dir() -> Path:
    return RESOURCES_DIR / "translations"


# Read at start-up before the database layer is loaded (see gui.app): plain files only.
PENDING_RESTORE = "restore-pending.json"  # a restore interrupted after its swap (models.trust.recovery)


def clean_mark(path: Path) -> Path:
    """Present while the database is closed after a clean shutdown; gone while it is open, so
    after a crash or a power cut the next start knows to check the whole file first."""
    return path.with_name(path.name + ".closed")


def closed_cleanly(path: Path) -> bool:
    return clean_mark(path).exists()
