"""How personal data looks on screen and in routine exports, as is usual in China: a phone keeps 3 + 4
digits (138****5678), an ID number its region and last four (350102********1234)."""
from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    if len(phone) < 8:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_id_number(value: str | None) -> str:
    if not value:
        return ""
    if len(value) < 11:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_name(name: str | None) -> str:
    """Keep the surname (and the last character of long names): 张*, 欧阳**, 张*丰."""
    if not name:
        return ""
    if len(name) <= 2:
        return name[0] + "*" * (len(name) - 1)
    if name.isascii():
        return name[0] + "*" * (len(name) - 1)
    return name[0] + "*" * (len(name) - 2) + name[-1]


Masks = dict  # field -> how it is masked, e.g. {"name": mask_name, "phone": mask_phone}


class Masked:
    """A record as a screen shows it: the fields that identify a person masked, every other
    attribute read through. The core hands these to every screen, so a new panel cannot show
    personal data by forgetting to mask it; only a reveal under a supervisor's authority (audited)
    returns a record in full."""

    __slots__ = ("_record", "_masks")

    def __init__(self, record, masks: Masks):
        # Masked when read, not when made: a page of 100 log rows is wrapped in microseconds.
        object.__setattr__(self, "_record", record)
        object.__setattr__(self, "_masks", masks)

    def __getattr__(self, name: str):
        record = object.__getattribute__(self, "_record")
        mask = object.__getattribute__(self, "_masks").get(name)
        return getattr(record, name) if mask is None else mask(getattr(record, name))

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError("a masked record is read-only")

    def __eq__(self, other) -> bool:
        return isinstance(other, Masked) and self._record == other._record and self._masks is other._masks

    __hash__ = None

    def __repr__(self) -> str:
        return f"Masked({type(object.__getattribute__(self, '_record')).__name__})"


def masked(records, masks: Masks) -> list[Masked]:
    return [Masked(r, masks) for r in records]
