"""Record counts per kind, for `main.py stats` and for the office's checks; each feature names
what it counts."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from models.store import registry


def record_counts(session: Session) -> dict[str, int | dict[str, int]]:
    """Each counted kind: a table's rows (or some of them), or a breakdown a feature computes."""
    counts = {}
    for key, what in registry.counted().items():
        if callable(what) and not isinstance(what, type):
            counts[key] = what(session)
            continue
        table, *where = what if isinstance(what, tuple) else (what,)
        counts[key] = session.exec(select(func.count()).select_from(table).where(*where)).one()
    return counts
