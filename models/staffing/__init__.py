"""Staffing (下沉干部与志愿者): the people who take posts, the rota of posts and shifts, check-ins at
the post, and the hours credited to each person and the unit that sent them.

The package's public face: callers use `models.staffing.<name>`."""

from __future__ import annotations

from models.staffing.duty import (  # noqa: F401
    CARD_PREFIX,
    Checked,
    DutyRefused,
    card_payload,
    check,
    check_pin,
    close_forgotten,
    here_now,
    read_card,
    review,
    their_shift_now,
    to_review,
)
from models.staffing.holding import Hand, Held, after_check, hold, settle  # noqa: F401
from models.staffing.hours import Hours, UnitHours, by_unit, hours, night_minutes, week_lines, write_week_sheet  # noqa: F401
from models.staffing.rota import (  # noqa: F401
    OnShift,
    RotaProblem,
    ShiftView,
    active_person,
    add_person,
    add_post,
    assign,
    at_risk,
    cut_no_show,
    day_shifts,
    leave,
    new_card,
    parse_times,
    people,
    plan_shifts,
    posts,
    shift_label,
    shifts_between,
    with_room_now,
    withdraw,
)
from models.staffing.tables import (  # noqa: F401
    PERSON_KIND_LABELS,
    PERSONAL,
    POST_KIND_LABELS,
    CheckInSource,
    DutyPost,
    How,
    PersonKind,
    PostKind,
    RotaShift,
    ShiftAssignment,
    ShiftCheckIn,
    Volunteer,
)
