"""The station's settings in the database, so that every operator at the gate sees the same
rules; the values themselves (types, defaults, meanings) are in models.setup.values."""
from __future__ import annotations

import json

from sqlmodel import Field, Session, SQLModel, select

from models.setup.values import Settings, parse_times, settings_from  # noqa: F401 - re-exported


class SettingRow(SQLModel, table=True):
    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=4096)  # JSON


def load_settings(session: Session) -> Settings:
    """Stored values over the defaults; a stored value this version cannot read keeps its default."""
    return settings_from({row.key: row.value for row in session.exec(select(SettingRow))})


def save_settings(session: Session, settings: Settings) -> list[str]:
    """Store every field that differs from what is stored; return the keys whose value changed
    (a default written down for the first time is not a change)."""
    current = {row.key: row for row in session.exec(select(SettingRow))}
    before = load_settings(session).model_dump(mode="json")
    changed = []
    for key, value in settings.model_dump(mode="json").items():
        raw = json.dumps(value, ensure_ascii=False)
        row = current.get(key)
        if row is None:
            session.add(SettingRow(key=key, value=raw))
        elif row.value != raw:
            row.value = raw
            session.add(row)
        if before.get(key) != value:
            changed.append(key)
    return changed
