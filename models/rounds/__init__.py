"""Testing rounds at the compound (全员核酸): open, call down, check off, door-knock, sample at home, close.

The package's public face: callers use `models.rounds.<name>`."""

from __future__ import annotations

from models.rounds.rounds import (  # noqa: F401
    CALL_BATCH,
    CALL_BATCH_MAX,
    CORRECTABLE,
    EXEMPTING,
    HOME,
    REASON_LABELS,
    CheckOff,
    Exemption,
    Reason,
    RoundProblem,
    add_on_spot,
    buildings,
    call_batch,
    check_off,
    check_off_resident,
    close_round,
    correct,
    find,
    floor_of,
    not_due,
    open_round,
    open_round_of,
    sample_at_home,
    set_reason,
    shown,
    to_home,
)
from models.rounds.figures import (  # noqa: F401
    Progress,
    home_list,
    not_sampled,
    people,
    progress,
    progress_of,
    recent_rounds,
    status_of,
)
from models.rounds.round_file import RoundFileProblem, RoundNotice, read_round_file  # noqa: F401
from models.rounds.tables import PERSONAL, RoundCorrection, RoundPerson, TestingRound  # noqa: F401
