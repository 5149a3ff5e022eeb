"""Second-generation ID cards read by a keyboard-wedge reader (身份证阅读器 in keyboard mode): the
reader types what is on the card, fields split by Tab or a comma, and Enter, into whatever has
the focus, faster than anyone types. How the fields come depends on the reader's own setting;
the common layouts are presets (Settings.id_reader_layout), each read here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.kit.validation import NAME_MAX, InvalidInput, _err, clean_text, parse_id_number
from models.store.i18n import QT_TRANSLATE_NOOP

# layout -> the fields in the order the reader types them ("number" is the ID number)
LAYOUTS: dict[str, tuple[str, ...]] = {
    "number": ("number",),
    "name_number": ("name", "number"),
    "full": ("name", "sex", "ethnicity", "birth", "address", "number"),
    "name_comma_number": ("name", "number"),
}
LAYOUT_LABELS = {
    "number": QT_TRANSLATE_NOOP("IdCard", "ID number only"),
    "name_number": QT_TRANSLATE_NOOP("IdCard", "Name, Tab, ID number"),
    "full": QT_TRANSLATE_NOOP("IdCard", "Name, sex, ethnicity, birth, address, ID number (Tab between)"),
    "name_comma_number": QT_TRANSLATE_NOOP("IdCard", "Name, comma, ID number"),
}
SEPARATOR = {"name_comma_number": ","}  # the others: Tab


@dataclass(frozen=True)
class IdSwipe:
    name: str  # "" when the layout carries no name
    id_number: str
    birth: date


def looks_like_a_swipe(text: str, layout: str) -> bool:
    """Enough fields, and an ID number's length where the number goes: a burst worth reading."""
    fields = _fields(text, layout)
    return fields is not None and len(fields["number"].strip()) == 18


def read_swipe(text: str, layout: str) -> IdSwipe:
    """The name, ID number and birth date of one swipe; InvalidInput (field id_number or name)
    when the burst is not a card in this layout, or the number fails its check digit."""
    fields = _fields(text, layout)
    errors = []
    if fields is None:
        raise InvalidInput([_err("id_number", QT_TRANSLATE_NOOP(
            "IdCard", "The ID card reader typed something this station cannot read. Check that the reader's "
                      "layout in Settings matches the reader."))])
    number = parse_id_number("id_number", fields["number"], errors, required=True)
    name = clean_text("name", fields.get("name", ""), errors, max_len=NAME_MAX) or ""
    if errors:
        raise InvalidInput(errors)
    return IdSwipe(name=name, id_number=number, birth=date(int(number[6:10]), int(number[10:12]), int(number[12:14])))


def _fields(text: str, layout: str) -> dict[str, str] | None:
    names = LAYOUTS.get(layout)
    if names is None:
        return None
    parts = text.strip("\r\n").split(SEPARATOR.get(layout, "\t"))
    if len(parts) != len(names):
        return None
    return dict(zip(names, parts))
