"""Record counts per kind, for `main.py stats` and for the office's checks; each feature names
what it counts."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from models.store import registry


def record_counts(session: Session) -> dict[str, int]:
    counts = {}
    for key, what in registry.counted().items():
        table, *where = what if isinstance(what, tuple) else (what,)
        counts[key] = session.exec(select(func.count()).select_from(table).where(*where)).one()
    return counts
