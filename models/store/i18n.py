"""Messages the core hands to people, in a form Qt's translation tools understand.

The core never imports Qt. It marks each user-facing template with QT_TRANSLATE_NOOP so
`pyside6-lupdate` collects it into resources/translations/*.ts; the GUI translates it with
QCoreApplication.translate, and the command line reads the same .ts catalogue directly.
"""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from models.store.paths import translations_dir

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name read by lupdate
    return text


@dataclass(frozen=True)
class Message:
    """A translatable template and the values to put in it."""
    context: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate) -> str:
        """`translate(context, text)` returns the template in the reader's language."""
        template = translate(self.context, self.text)
        # A parameter may be a message of its own (a rejection's detail): it speaks the same language.
        params = {k: v.render(translate) if isinstance(v, Message) else v for k, v in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return self.text.format(**params)


@lru_cache(maxsize=4)
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    path = translations_dir() / f"gatedesk_{language}.ts"
    if not path.exists():
        return {}
    table: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                table[(name, msg.findtext("source") or "")] = tr.text
    return table


def plain_translator(language: str):
    """A Qt-free translate(context, text) for the command line."""
    if language == "en":
        return lambda context, text: text
    table = _catalogue(language)
    return lambda context, text: table.get((context, text), text)


LANGUAGE_FILE = "language"  # the interface language last used, beside the database


def remembered_language(data_dir) -> str:
    """The language to draw the first window in before the settings are loaded: the one the
    station used last time (zh_CN when there is none, or it is not one we have)."""
    try:
        value = (data_dir / LANGUAGE_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeError):
        return LANGUAGES[0]
    return value if value in LANGUAGES else LANGUAGES[0]


def remember_language(data_dir, language: str) -> None:
    if language in LANGUAGES and remembered_language(data_dir) != language:
        try:
            (data_dir / LANGUAGE_FILE).write_text(language, encoding="ascii")
        except OSError:
            pass  # only a hint for the next start


def environment_language() -> str:
    """The command line speaks Chinese unless the environment asks for English."""
    for var in ("GATEDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def short_reason(template: str) -> str:
    """The words before a reason's figures: "Fever: {temperature} °C …" → "Fever" (and "发热：…" → "发热")."""
    head = re.split("[:：]", template, maxsplit=1)[0].strip()
    return re.sub(r"\{[^}]*\}", "", head).strip()


class Refused(Exception):
    """Something asked of a feature that cannot be done, with what the person is told: `message`,
    a template in the subclass's translation context and its values."""

    context = ""

    def __init__(self, text: str, **params):
        super().__init__(text)
        self.message = Message(self.context, text, params)
