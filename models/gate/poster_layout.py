"""The check-in poster without the database: what its QR says and the printed page around it,
from plain values. models.gate.posters reads those values through the database layer; the
`poster` command reads them straight from the file (spec_from_file), so printing a poster does
not wait for SQLAlchemy and every table to load.

The QR carries, per gate, one of: the text of the official venue code (场所码, pasted or read
from a photo of it), a URL, or GateDesk's own venue payload (docs/VENUE_CODE.md).
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from models.kit.drawing import QR, SIZES, Box, Page, Text, fit_pt, qr_modules, save_pdf, save_png, wrap
from models.setup.values import Settings, settings_from
from models.store.clock import local_today
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

VENUE_PREFIX = "GATEDESK:1:"
MAX_CONTENT = 1000  # a QR at this length still prints large enough on A4 to scan from 30 cm


class VenueKind(StrEnum):
    GATEDESK = "gatedesk"
    OFFICIAL = "official"  # the official venue code's text
    URL = "url"


class PosterProblem(ValueError):
    """Bad poster settings; message is for people (translatable)."""

    def __init__(self, text: str, **params):
        super().__init__(text.format(**params))
        self.text, self.params = text, params


# -- the QR content --------------------------------------------------------------------------
def venue_payload(compound_id: str, compound: str, gate_id: str, gate: str) -> str:
    """GateDesk's own venue code: a prefix, a version, and base64url JSON of the ids and names."""
    body = {"v": 1, "cid": compound_id, "cn": compound, "gid": gate_id, "gn": gate}
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return VENUE_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_venue_payload(text: str) -> dict:
    if not text.startswith(VENUE_PREFIX):
        raise ValueError("not a GateDesk venue code")
    data = text[len(VENUE_PREFIX):]
    return json.loads(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def check_content(kind: str, content: str) -> str:
    content = content.strip()
    if kind == VenueKind.GATEDESK:
        return ""
    if not content:
        raise PosterProblem(QT_TRANSLATE_NOOP("Posters", "Paste the code's text, or read it from a picture."))
    if len(content) > MAX_CONTENT:
        raise PosterProblem(QT_TRANSLATE_NOOP("Posters", "The code's text is longer than {n} characters."),
                            n=MAX_CONTENT)
    if kind == VenueKind.URL and not content.lower().startswith(("http://", "https://")):
        raise PosterProblem(QT_TRANSLATE_NOOP("Posters", "A web address starts with http:// or https://."))
    return content



# -- the poster -----------------------------------------------------------------------------
INSTRUCTIONS = (
    (None, QT_TRANSLATE_NOOP("Posters", "Scan to register")),
    ("check_temperature", QT_TRANSLATE_NOOP("Posters", "Temperature check")),
    ("check_mask", QT_TRANSLATE_NOOP("Posters", "Wear a mask")),
    ("check_health_code", QT_TRANSLATE_NOOP("Posters", "Show your health code")),
    ("check_nat", QT_TRANSLATE_NOOP("Posters", "Show a negative nucleic-acid result")),
    ("check_itinerary", QT_TRANSLATE_NOOP("Posters", "Show your itinerary card")),
)
TITLE = QT_TRANSLATE_NOOP("Posters", "Please scan to register")
# GateDesk's own code is no sign-in a phone can use: it identifies the gate to whoever checks it.
OWN_CODE_TITLE = QT_TRANSLATE_NOOP("Posters", "Register at the gate")
OWN_CODE_STEP = QT_TRANSLATE_NOOP("Posters", "The guard registers you")
OWN_CODE_SUBTITLE = QT_TRANSLATE_NOOP("Posters", "Epidemic prevention · register before entering")
OWN_CODE_NOTE = QT_TRANSLATE_NOOP("Posters", "This code identifies the gate for inspectors; visitors need not scan it.")
SUBTITLE = QT_TRANSLATE_NOOP("Posters", "Epidemic prevention · one code per person · register before entering")
HOTLINE = QT_TRANSLATE_NOOP("Posters", "Hotline: {0}")
VENUE_LINE = QT_TRANSLATE_NOOP("Posters", "Venue {0} · printed {1}")
FOOTNOTE = QT_TRANSLATE_NOOP("Posters", "GateDesk check-in poster · post at eye level beside the entrance")
BLUE, RED, GREY, INK = "#0d47a1", "#c62828", "#546e7a", "#1a1a1a"


@dataclass(frozen=True)
class PosterSpec:
    compound: str
    gate: str
    address: str
    content: str
    instructions: tuple[str, ...]  # already in the reader's language
    hotline: str
    venue_id: str
    printed: date
    size: str = "A4"
    language: str = "zh_CN"
    title: str = ""  # already in the reader's language
    code_note: str = ""  # under the code: what it is for, where a phone cannot use it


def make_spec(*, compound_id: str, compound: str, address: str, gate_id: str, gate: str, kind: str, content: str,
              hotline: str, settings: Settings, size: str, language: str, today: date) -> PosterSpec:
    say = plain_translator(language)
    own = kind == VenueKind.GATEDESK or not content
    steps = tuple(say("Posters", OWN_CODE_STEP if own and key is None else text) for key, text in INSTRUCTIONS
                  if key is None or getattr(settings, key))
    qr = venue_payload(compound_id, compound, gate_id, gate) if own else content
    return PosterSpec(compound=compound, gate=gate, address=address or "", content=qr, instructions=steps,
                      hotline=hotline, venue_id=gate_id.split("-")[0].upper(), printed=today, size=size,
                      language=language, title=say("Posters", OWN_CODE_TITLE if own else TITLE),
                      code_note=say("Posters", OWN_CODE_NOTE) if own else "")


def match_gate(gates: list, name_or_id: str):
    """By id, or by name ("东门", or "榕城花园 东门" where several compounds have one); gates are
    (gate id, gate name, compound name, ...) rows. None when no gate, or more than one, matches."""
    for g in gates:
        if g[0] == name_or_id:
            return g
    matches = [g for g in gates if name_or_id in (g[1], f"{g[2]} {g[1]}", f"{g[2]}{g[1]}")]
    return matches[0] if len(matches) == 1 else None


class NoSuchGate(LookupError):
    def __init__(self, names: list[str]):
        super().__init__("no such gate")
        self.names = names  # "compound gate" for each gate there is


def spec_from_file(db_path: Path, name_or_id: str, *, now: datetime, size: str = "A4",
                   language: str = "zh_CN") -> PosterSpec:
    """The poster of a gate, read from a gate's database file without the database layer.
    Raises NoSuchGate, or DatabaseProblem for a file GateDesk would not open."""
    from models.store.peek import peek

    with peek(db_path) as rows:
        gates = rows("SELECT g.id, g.name, c.name AS compound, c.id AS compound_id, c.address "
                          "FROM gate g JOIN compound c ON c.id = g.compound_id ORDER BY c.name, g.name")
        gate = match_gate(gates, name_or_id)
        if gate is None:
            raise NoSuchGate([f"{g['compound']} {g['name']}" for g in gates])
        settings = settings_from({r["key"]: r["value"] for r in rows("SELECT key, value FROM setting")})
        code = rows("SELECT kind, content, hotline FROM venue_code WHERE gate_id = ?", (gate["id"],))
    kind, content, hotline = (code[0]["kind"], code[0]["content"], code[0]["hotline"]) if code else \
        (VenueKind.GATEDESK.value, "", "")
    return make_spec(compound_id=gate["compound_id"], compound=gate["compound"], address=gate["address"],
                     gate_id=gate["id"], gate=gate["name"], kind=kind, content=content, hotline=hotline,
                     settings=settings, size=size, language=language, today=local_today(now, settings.zone))


def poster_page(spec: PosterSpec) -> Page:
    """Portrait A4/A3. Everything is laid out on A4 in mm and scaled for A3."""
    if spec.size not in SIZES:
        raise PosterProblem(QT_TRANSLATE_NOOP("Posters", "Paper size must be A4 or A3."))
    say = plain_translator(spec.language)
    w, h = SIZES[spec.size]
    k = w / 210.0  # A3 is A4 scaled by √2
    page = Page(w, h)
    margin = 18 * k
    inner = w - 2 * margin
    # A coloured head band: what this is, readable from across the road.
    page.add(Box(0, 0, w, 46 * k, fill=BLUE))
    page.add(Text(w / 2, 25 * k, spec.title or say("Posters", TITLE), 34 * k, bold=True, color="#ffffff",
                  align="center"))
    page.add(Text(w / 2, 38 * k, say("Posters", OWN_CODE_SUBTITLE if spec.code_note else SUBTITLE),
                  12 * k, color="#e3f2fd", align="center"))
    # Where: the compound large, the gate beside it in colour.
    y = 70 * k
    name_pt = fit_pt(spec.compound, 40 * k, inner, bold=True)
    page.add(Text(w / 2, y, spec.compound, name_pt, bold=True, color=INK, align="center"))
    y += 16 * k
    gate_pt = fit_pt(spec.gate, 26 * k, inner, bold=True)
    page.add(Text(w / 2, y, spec.gate, gate_pt, bold=True, color=BLUE, align="center"))
    if spec.address:
        y += 9 * k
        for line in wrap(spec.address, 11 * k, inner)[:2]:
            page.add(Text(w / 2, y, line, 11 * k, color=GREY, align="center"))
            y += 5.5 * k
    # The code: as large as the page allows, framed, with a quiet zone of four modules.
    side = (110 if spec.code_note else 118) * k  # room for the line under it
    top = y + 6 * k
    modules = qr_modules(spec.content)
    quiet = side * 4 / (len(modules) + 8)
    page.add(Box(w / 2 - side / 2 - 3 * k, top - 3 * k, side + 6 * k, side + 6 * k, line=BLUE, width=1.2 * k,
                 radius=4 * k))
    page.add(QR(w / 2 - side / 2 + quiet, top + quiet, side - 2 * quiet, modules))
    y = top + side + 14 * k
    if spec.code_note:
        page.add(Text(w / 2, top + side + 8 * k, spec.code_note, fit_pt(spec.code_note, 10 * k, inner), color=GREY,
                      align="center"))
        y += 5 * k
    # The steps, numbered, two per row.
    col = inner / 2
    for i, step in enumerate(spec.instructions):
        cx = margin + (i % 2) * col
        cy = y + (i // 2) * 13 * k
        page.add(Box(cx, cy - 6.5 * k, 8.5 * k, 8.5 * k, fill=RED, radius=4.25 * k))
        page.add(Text(cx + 4.25 * k, cy, str(i + 1), 13 * k, bold=True, color="#ffffff", align="center"))
        step_pt = fit_pt(step, 15 * k, col - 13 * k)
        page.add(Text(cx + 12 * k, cy, step, step_pt, color=INK))
    # The footer: who to call, which venue, when printed.
    foot = h - 16 * k
    page.add(Box(margin, foot - 12 * k, inner, 0.4 * k, fill="#b0bec5"))
    if spec.hotline:
        page.add(Text(margin, foot - 3 * k, say("Posters", HOTLINE).format(spec.hotline), 13 * k, bold=True,
                      color=INK))
    page.add(Text(w - margin, foot - 3 * k, say("Posters", VENUE_LINE).format(
        spec.venue_id, spec.printed.isoformat()), 10 * k, color=GREY, align="right"))
    page.add(Text(w / 2, foot + 6 * k, say("Posters", FOOTNOTE),
                  8 * k, color=GREY, align="center"))
    return page


def write_poster(spec: PosterSpec, path: Path, *, font_cache: Path | None = None) -> Path:
    """A .pdf for printing, or a .png at 300 dpi (by the file's suffix). font_cache: a folder where
    the font cut to the poster's characters is kept (models.kit.drawing.add_fonts)."""
    page = poster_page(spec)
    if path.suffix.lower() == ".pdf":
        return save_pdf([page], path, title=f"{spec.compound} {spec.gate}", font_cache=font_cache)
    if path.suffix.lower() == ".png":
        return save_png([page], path)
    raise PosterProblem(QT_TRANSLATE_NOOP("Posters", "The poster file must end in .pdf or .png: {path}"),
                        path=str(path))

