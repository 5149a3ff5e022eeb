"""Turning what a guard typed into clean values, or into field errors they can act on.

Every problem is a FieldError with a translatable message; the caller keeps the guard's input.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent

from models.store.i18n import QT_TRANSLATE_NOOP, Message

TEMPERATURE_MIN = 34.0
TEMPERATURE_MAX = 43.0
NAME_MAX = 40
TEXT_MAX = 100

CTX = "Validation"


@dataclass(frozen=True)
class FieldError:
    field: str
    message: Message


class InvalidInput(Exception):
    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(f"{e.field}: {e.message.text}" for e in errors))
        self.errors = errors

    def fields(self) -> set[str]:
        return {e.field for e in self.errors}


def _err(field: str, text: str, *, context: str = CTX, **params) -> FieldError:
    """A field's error: a template in `context` (the feature's own messages) and its values."""
    return FieldError(field, Message(context, text, params))


def has_control_chars(value: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in value)


def clean_text(field: str, raw: str, errors: list[FieldError], *, required: bool = False,
               max_len: int = TEXT_MAX) -> str | None:
    value = " ".join((raw or "").split())
    if not value:
        if required:
            errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "This field is required.")))
        return None
    if has_control_chars(value):
        errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "Contains control characters; please retype it.")))
        return None
    if len(value) > max_len:
        errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "Too long: at most {max} characters."), max=max_len))
        return None
    return value


def _reading_text(raw: str) -> str:
    value = (raw or "").strip().replace("，", ".").replace(",", ".").replace("。", ".")
    value = value.replace("℃", "").replace("°C", "").strip()
    # A thermometer shows one decimal: "365" typed without the point is 36.5.
    if len(value) == 3 and value.isascii() and value.isdigit():
        value = f"{value[:2]}.{value[2]}"
    return value


def complete_reading(raw: str) -> str | None:
    """The reading as the thermometer shows it ("36.5") once it is whole: three digits ("365") or
    two, a point and one ("36.5") inside the body range; None while the guard is still typing."""
    value = _reading_text(raw)
    if not re.fullmatch(r"\d\d\.\d", value):
        return None
    return value if TEMPERATURE_MIN <= float(value) <= TEMPERATURE_MAX else None


def parse_temperature(field: str, raw: str, errors: list[FieldError], *, required: bool) -> float | None:
    value = _reading_text(raw)
    if not value:
        if required:
            errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "Enter the temperature.")))
        return None
    try:
        t = float(value)
    except ValueError:
        errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "The temperature must be a number, such as 36.5.")))
        return None
    if t != t or not TEMPERATURE_MIN <= t <= TEMPERATURE_MAX:
        errors.append(_err(field, QT_TRANSLATE_NOOP(
            "Validation", "{value} °C is not a body temperature: enter a reading between {min} and {max} °C."),
            value=value, min=TEMPERATURE_MIN, max=TEMPERATURE_MAX))
        return None
    return round(t, 1)


_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def parse_phone(field: str, raw: str, errors: list[FieldError], *, required: bool) -> str | None:
    value = re.sub(r"[\s\-]", "", raw or "")
    if value.startswith("+86"):
        value = value[3:]
    if not value:
        if required:
            errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "Enter a phone number.")))
        return None
    if not _MOBILE.match(value):
        errors.append(_err(field, QT_TRANSLATE_NOOP(
            "Validation", "Not a mainland mobile number: it must be 11 digits starting with 1, such as 13812345678.")))
        return None
    return value


def phone_so_far(raw: str) -> FieldError | None:
    """While the phone is being typed: a problem it already has, whatever comes next (a letter, a
    first digit other than 1, more than 11 digits); None while it may still become a mobile number."""
    value = re.sub(r"[\s\-]", "", raw or "")
    if value.startswith("+86"):
        value = value[3:]
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        return _err("phone", QT_TRANSLATE_NOOP("Validation", "A phone number has digits only."))
    if not value.startswith("1") or len(value) > 11:
        return _err("phone", QT_TRANSLATE_NOOP(
            "Validation", "Not a mainland mobile number: it must be 11 digits starting with 1, such as 13812345678."))
    return None


def looks_like_an_id_number(raw: str) -> bool:
    """18 characters that pass an ID number's check digit (a card read, or typed, into the wrong field)."""
    errors: list[FieldError] = []
    value = re.sub(r"\s", "", raw or "")
    return len(value) == 18 and parse_id_number("x", value, errors, required=True) is not None and not errors


def parse_id_number(field: str, raw: str, errors: list[FieldError], *, required: bool) -> str | None:
    value = re.sub(r"\s", "", raw or "").upper()
    if not value:
        if required:
            errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "Enter the ID number.")))
        return None
    # Not ric.validate(): it also rejects region codes missing from its table, and retired
    # region codes still appear on valid cards.
    if len(value) != 18:
        errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "An ID number has 18 characters; this one has {n}."),
                           n=len(value)))
    elif not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        errors.append(_err(field, QT_TRANSLATE_NOOP(
            "Validation", "An ID number is 17 digits followed by a digit or X.")))
    elif ric.calc_check_digit(value) != value[17]:
        errors.append(_err(field, QT_TRANSLATE_NOOP(
            "Validation", "The last character (check digit) does not match: please check the ID number again.")))
    else:
        try:
            ric.get_birth_date(value)
        except InvalidComponent:
            errors.append(_err(field, QT_TRANSLATE_NOOP(
                "Validation", "The birth date inside this ID number is not a real date.")))
        else:
            return value
    return None


_SAMPLED_FORMATS = ("%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y%m%d %H%M", "%m-%d %H:%M", "%m/%d %H:%M", "%m%d %H%M")


def parse_sampled_at(field: str, raw: str, errors: list[FieldError], *, now_local: datetime,
                     required: bool) -> datetime | None:
    """When the nucleic-acid sample was taken, as guards read it off a phone screen.

    Accepts "11-28 09:12", "1128 0912", "2022-11-28 09:12", "09:12" (today) or "30h" (30 hours ago).
    Returned in the local zone of `now_local`.
    """
    value = " ".join((raw or "").replace("：", ":").split())
    if not value:
        if required:
            errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "Enter when the test sample was taken.")))
        return None
    result: datetime | None = None
    m = re.fullmatch(r"(\d{1,3})\s*[hH小时]*", value)
    if m and (value.lower().endswith("h") or value.endswith("小时")):
        result = now_local - timedelta(hours=int(m.group(1)))
    elif re.fullmatch(r"\d{1,2}:\d{2}", value):
        hh, mm = map(int, value.split(":"))
        if hh < 24 and mm < 60:
            result = now_local.replace(hour=hh, minute=mm, second=0, microsecond=0)
    else:
        for fmt in _SAMPLED_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
            except ValueError:
                continue
            if "%Y" not in fmt:
                parsed = parsed.replace(year=now_local.year)
                if parsed > now_local.replace(tzinfo=None) + timedelta(days=1):
                    parsed = parsed.replace(year=now_local.year - 1)  # "12-31" read on 1 January
            result = parsed.replace(tzinfo=now_local.tzinfo)
            break
    if result is None:
        errors.append(_err(field, QT_TRANSLATE_NOOP(
            "Validation", "Could not read this time. Type it as 11-28 09:12, or as 30h for 30 hours ago.")))
        return None
    if result > now_local + timedelta(minutes=5):
        errors.append(_err(field, QT_TRANSLATE_NOOP("Validation", "The sample time is in the future.")))
        return None
    return result
