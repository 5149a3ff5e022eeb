"""The gate decision: admit, refuse, or send to the temporary isolation point.

Pure functions of what was checked and the station's settings, so every rule is testable
without a database and the GUI never decides anything itself.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from models.setup.settings import Settings
from models.store.i18n import QT_TRANSLATE_NOOP, short_reason


class Outcome(StrEnum):
    ADMIT = "admit"
    REFUSE = "refuse"
    ISOLATE = "isolate"


SEVERITY = {Outcome.ADMIT: 0, Outcome.REFUSE: 1, Outcome.ISOLATE: 2}


class PersonKind(StrEnum):
    VISITOR = "visitor"
    RESIDENT = "resident"
    COURIER = "courier"
    WORKER = "worker"
    OTHER = "other"


class CodeColor(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class NatResult(StrEnum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    NONE = "none"  # no result to show


# Reason code -> (outcome it leads to, text). Codes are stored with the visit; texts are for people.
REASONS: dict[str, tuple[Outcome, str]] = {
    "fever": (Outcome.ISOLATE, QT_TRANSLATE_NOOP("Reasons", "Fever: {temperature} °C (limit {limit} °C)")),
    "code_red": (Outcome.ISOLATE, QT_TRANSLATE_NOOP("Reasons", "Red health code: hold and report at once")),
    "nat_positive": (Outcome.ISOLATE, QT_TRANSLATE_NOOP("Reasons", "Positive nucleic-acid result")),
    "code_yellow": (Outcome.REFUSE, QT_TRANSLATE_NOOP("Reasons", "Yellow health code: report to the community")),
    "code_missing": (Outcome.REFUSE, QT_TRANSLATE_NOOP("Reasons", "No health code shown")),
    "nat_missing": (Outcome.REFUSE, QT_TRANSLATE_NOOP("Reasons", "No nucleic-acid result")),
    "nat_expired": (Outcome.REFUSE, QT_TRANSLATE_NOOP("Reasons", "Nucleic-acid test older than {hours} h")),
    "risk_area": (Outcome.REFUSE, QT_TRANSLATE_NOOP("Reasons", "Risk-area stay or star on the itinerary card: report")),
    "no_mask": (Outcome.REFUSE, QT_TRANSLATE_NOOP("Reasons", "No mask")),
    "courier_no_entry": (Outcome.REFUSE, QT_TRANSLATE_NOOP("Reasons", "Couriers and riders leave goods at the drop-off station")),
}
# Where a reason's figures sit inside its words, the words alone would read wrong ("older than  h").
REASON_NAMES = {
    "nat_expired": QT_TRANSLATE_NOOP("Reasons", "Nucleic-acid test too old"),
}
ALL_CLEAR_TEXT = QT_TRANSLATE_NOOP("Reasons", "All checks passed")
OUTCOME_LABELS = {
    Outcome.ADMIT: QT_TRANSLATE_NOOP("Reasons", "Admit"),
    Outcome.REFUSE: QT_TRANSLATE_NOOP("Reasons", "Refuse entry"),
    Outcome.ISOLATE: QT_TRANSLATE_NOOP("Reasons", "Send to the isolation point"),
}
KIND_LABELS = {
    PersonKind.VISITOR: QT_TRANSLATE_NOOP("Kinds", "Visitor"),
    PersonKind.RESIDENT: QT_TRANSLATE_NOOP("Kinds", "Resident"),
    PersonKind.COURIER: QT_TRANSLATE_NOOP("Kinds", "Delivery"),
    PersonKind.WORKER: QT_TRANSLATE_NOOP("Kinds", "Worker"),
    PersonKind.OTHER: QT_TRANSLATE_NOOP("Kinds", "Other"),
}
CODE_LABELS = {
    CodeColor.GREEN: QT_TRANSLATE_NOOP("Kinds", "Green"),
    CodeColor.YELLOW: QT_TRANSLATE_NOOP("Kinds", "Yellow"),
    CodeColor.RED: QT_TRANSLATE_NOOP("Kinds", "Red"),
}
NAT_LABELS = {
    NatResult.NEGATIVE: QT_TRANSLATE_NOOP("Kinds", "Negative"),
    NatResult.POSITIVE: QT_TRANSLATE_NOOP("Kinds", "Positive"),
    NatResult.NONE: QT_TRANSLATE_NOOP("Kinds", "No result"),
}


@dataclass(frozen=True)
class Checks:
    """What the guard saw, already validated."""

    kind: PersonKind
    temperature: float | None = None
    temperature_first: float | None = None  # set when this is a re-measure
    code_color: CodeColor | None = None
    nat_result: NatResult | None = None
    nat_sampled_at: datetime | None = None
    risk_flag: bool | None = None
    mask: bool | None = None


@dataclass(frozen=True)
class Decision:
    outcome: Outcome | None  # None while a re-measure is pending
    reasons: tuple[str, ...] = ()
    needs_remeasure: bool = False
    params: dict = field(default_factory=dict)  # values the reason texts refer to


def needs_nat(kind: PersonKind, s: Settings) -> bool:
    return s.check_nat and (kind is not PersonKind.RESIDENT or s.nat_for_residents)


def decide(checks: Checks, s: Settings, now: datetime) -> Decision:
    params = {"limit": s.fever_threshold, "hours": s.nat_window_hours, "temperature": checks.temperature}
    if (s.check_temperature and checks.temperature is not None and checks.temperature >= s.fever_threshold
            and s.remeasure_high_temperature and checks.temperature_first is None):
        return Decision(None, ("fever",), needs_remeasure=True, params=params)

    reasons: list[str] = []
    if checks.kind is PersonKind.COURIER and not s.couriers_may_enter:
        reasons.append("courier_no_entry")
    if s.check_temperature and checks.temperature is not None and checks.temperature >= s.fever_threshold:
        reasons.append("fever")
    if s.check_health_code:
        if checks.code_color is CodeColor.RED:
            reasons.append("code_red")
        elif checks.code_color is CodeColor.YELLOW:
            reasons.append("code_yellow")
        elif checks.code_color is None:
            reasons.append("code_missing")
    if needs_nat(checks.kind, s):
        if checks.nat_result is NatResult.POSITIVE:
            reasons.append("nat_positive")
        elif checks.nat_result in (None, NatResult.NONE) or checks.nat_sampled_at is None:
            reasons.append("nat_missing")
        elif now - checks.nat_sampled_at > timedelta(hours=s.nat_window_hours):
            reasons.append("nat_expired")
    if s.check_itinerary and checks.risk_flag:
        reasons.append("risk_area")
    if s.check_mask and checks.mask is False:
        reasons.append("no_mask")

    outcome = max((REASONS[r][0] for r in reasons), key=SEVERITY.__getitem__, default=Outcome.ADMIT)
    # Most serious first, so the banner leads with what matters.
    reasons.sort(key=lambda r: -SEVERITY[REASONS[r][0]])
    return Decision(outcome, tuple(reasons), params=params)


def reason_name(code: str, translate: Callable[[str, str], str]) -> str:
    """A reason's name alone, without its figures ("Fever", "No mask"), for lists of many rows;
    a code this version does not know is shown as it came."""
    if code in REASON_NAMES:
        return translate("Reasons", REASON_NAMES[code])
    entry = REASONS.get(code)
    return short_reason(translate("Reasons", entry[1])) if entry else code
