"""Record counts per kind, for `main.py stats` and for the office's checks; each feature names
what it counts."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from models.store import registry


def record_counts(session: Session) -> dict[str, int]:
    return {key: session.exec(select(func.count()).select_from(table)).one()
            for key, table in registry.counted().items()}
