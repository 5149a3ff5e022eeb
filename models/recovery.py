"""Putting a verified backup in place of the database, and saying so in the audit log."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from models import audit, paths
from models.clock import utcnow
from models.db import Meta, open_database, restore_from


def restore(backup: Path, data_dir: Path, *, now: datetime | None = None) -> Path:
    """Run with the data folder's instance lock held. Returns where the replaced database was kept.
    Raises DatabaseProblem, leaving everything as it was, when the backup does not pass its check."""
    now = now or utcnow()
    kept = restore_from(backup, paths.database_path(data_dir), paths.backups_dir(data_dir), now)
    db = open_database(paths.database_path(data_dir))
    try:
        with db.session() as s:
            station = s.get(Meta, "station_id")
            audit.record(s, at=now, station_id=station.value if station else "office", operator_id=None,
                         action="restore", detail=backup.name[:200])
            s.commit()
    finally:
        db.close()
    return kept
