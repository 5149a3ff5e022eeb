"""Who may do what, by name and rank: light enough for the first window to use before the
database layer is loaded."""
from __future__ import annotations

from enum import StrEnum

from models.store.i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    GUARD = "guard"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_RANK = {Role.GUARD: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}

ROLE_LABELS = {
    Role.GUARD: QT_TRANSLATE_NOOP("Operators", "Guard"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Operators", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Operators", "Administrator"),
}
