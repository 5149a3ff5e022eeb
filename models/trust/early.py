"""Who may sign in at this station, read from its database file with the standard library alone: the
sign-in window is filled with these names before the database layer has loaded (gui.app). The PIN
is still checked by the core once it has."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class EarlyOperator(NamedTuple):
    id: str
    name: str
    role: str


def sign_in_names(db_path: Path) -> tuple[list[EarlyOperator], str | None]:
    """The operators who can sign in here (as trust.operators.list_operators lists them) and who was
    last on duty (operators.last_on_duty). Raises DatabaseProblem for a file GateDesk would not open."""
    from models.store.peek import peek

    with peek(db_path) as rows:
        operators = [EarlyOperator(r["id"], r["name"], r["role"]) for r in rows(
            "SELECT id, name, role FROM operator WHERE pin_hash NOT IN ('', 'rota') AND active ORDER BY name")]
        last = rows("SELECT operator_id FROM shift WHERE station_id = (SELECT value FROM meta WHERE key = "
                    "'station_id') ORDER BY started_at DESC LIMIT 1")
    return operators, last[0]["operator_id"] if last else None
