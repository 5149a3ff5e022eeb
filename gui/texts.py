"""Putting the core's codes and messages into the reader's language (Qt's translator)."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from models.gate.rules import CODE_LABELS, KIND_LABELS, OUTCOME_LABELS, REASONS, CodeColor, Outcome, PersonKind
from models.gate import rules
from models.store.i18n import QT_TRANSLATE_NOOP, Message


def lookup(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message(msg: Message) -> str:
    return msg.render(lookup)


def by_field(exc) -> dict[str, str]:
    """An InvalidInput (or None) as field -> its first message, in the reader's language."""
    out: dict[str, str] = {}
    for err in exc.errors if exc else []:
        out.setdefault(err.field, message(err.message))
    return out


def reason(code: str, params: dict) -> str:
    entry = REASONS.get(code)
    if entry is None:
        return code
    return message(Message("Reasons", entry[1], params))


def reason_name(code: str) -> str:
    """A reason's name alone, without its figures ("Fever", "No mask"), for lists of many rows."""
    return rules.reason_name(code, lookup)


def outcome(value: str | Outcome) -> str:
    return lookup("Reasons", OUTCOME_LABELS[Outcome(value)])


def kind(value: str) -> str:
    try:
        return lookup("Kinds", KIND_LABELS[PersonKind(value)])
    except ValueError:
        return value


def code_color(value: str | None) -> str:
    return lookup("Kinds", CODE_LABELS[CodeColor(value)]) if value else ""


def local_time(dt: datetime | None, zone: ZoneInfo, fmt: str = "%m-%d %H:%M") -> str:
    return dt.astimezone(zone).strftime(fmt) if dt else ""


def duration(delta: timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    return f"{minutes // 60}:{minutes % 60:02d}"



_CHECKED = {
    "out": QT_TRANSLATE_NOOP("Duty", "{0} checked out"),
    "out_detail": QT_TRANSLATE_NOOP("Duty", "{0} · {1} h {2} min on duty"),
    "in": QT_TRANSLATE_NOOP("Duty", "{0} checked in"),
    "late": QT_TRANSLATE_NOOP("Duty", " · late {0} min"),
}


def duty_checked(done, zone: ZoneInfo) -> tuple[str, str]:
    """A check-in or out said the same on the register page and the duty tab: a title and its detail."""
    from models.staffing import shift_label

    def say(key: str, *args) -> str:
        return lookup("Duty", _CHECKED[key]).format(*args)

    if done.went_out:
        h, m = divmod(done.minutes, 60)
        return say("out", done.person.name), say("out_detail", done.post.name, h, m)
    late = say("late", done.late_minutes) if done.late_minutes else ""
    return say("in", done.person.name), f"{done.post.name} {shift_label(done.shift, zone)[6:]}{late}"
