"""Supervision (督导): standards as versioned templates, and judging a visit against one.

The package's public face: callers use `models.supervision.<name>`."""

from __future__ import annotations

from models.supervision.standard_sheet import StandardSheet, StandardSheetProblem, read_standard_sheet  # noqa: F401
from models.supervision.standards import (  # noqa: F401
    COMPOUND_STANDARD,
    MYSTERY_STANDARD,
    SHIPPED,
    Answer,
    ItemDraft,
    Score,
    StandardDraft,
    StandardProblem,
    StandardView,
    current,
    current_of,
    deadline,
    install_shipped,
    items_of,
    save,
    score,
)
from models.supervision.tables import (  # noqa: F401
    DEADLINE_DAYS,
    MAX_ITEMS,
    MAX_POINTS,
    SEVERITY_LABELS,
    Severity,
    Standard,
    StandardItem,
    StandardKind,
)
