"""Supervision (督导): standards as versioned templates, the teams' visits judged against them, and
the findings to be put right.

The package's public face: callers use `models.supervision.<name>`."""

from __future__ import annotations

from models.supervision.census import (  # noqa: F401
    CensusLine,
    CensusRow,
    CensusSheet,
    CensusSheetProblem,
    attach_pledge,
    by_kind,
    census_of,
    census_rows,
    read_census_sheet,
    responsible,
    set_census,
)
from models.supervision.compound_list import (  # noqa: F401
    CompoundList,
    CompoundListProblem,
    Listed,
    has_list,
    in_unit,
    listed,
    read_compound_list,
    write_compound_list,
)
from models.supervision.compound_list import load as load_list  # noqa: F401
from models.supervision.inspections import (  # noqa: F401
    InspectionRefused,
    SignedOff,
    VisitView,
    answer,
    answers_of,
    carried,
    judged,
    last_signed,
    open_findings,
    open_visit,
    overdue,
    review,
    sign_off,
    visit_view,
    visits,
)
from models.supervision.photos import PER_VISIT, PhotoProblem, Prepared, attach, photos_of, prepare  # noqa: F401
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
    KIND_LABELS,
    CompoundCensus,
    CompoundKind,
    CompoundListed,
    PARTY_LABELS,
    Finding,
    FindingStatus,
    Inspection,
    InspectionAnswer,
    InspectionPhoto,
    Party,
    MAX_ITEMS,
    MAX_POINTS,
    SEVERITY_LABELS,
    Severity,
    Standard,
    StandardItem,
    StandardKind,
)
