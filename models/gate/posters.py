"""Check-in posters for the gates: what each gate's QR says, and the printed page around it.

The QR carries, per gate, one of: the text of the official venue code (场所码, pasted or read
from a photo of it), a URL, or GateDesk's own venue payload (docs/VENUE_CODE.md). Posters are
drawn by models/drawing.py as PDF (for printing) and 300-dpi PNG.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from sqlmodel import Field, Session, SQLModel, select

from models.kit.drawing import QR, SIZES, Box, Page, Text, fit_pt, qr_modules, save_pdf, save_png, wrap
from models.setup.settings import Settings
from models.setup.site import Compound, Gate
from models.store.clock import utcnow
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator
from models.store.records import when_field

# zxing-cpp and Pillow are imported where a photo is read: start-up never needs them.

VENUE_PREFIX = "GATEDESK:1:"
MAX_CONTENT = 1000  # a QR at this length still prints large enough on A4 to scan from 30 cm


class VenueKind(StrEnum):
    GATEDESK = "gatedesk"
    OFFICIAL = "official"  # the official venue code's text
    URL = "url"


class VenueCode(SQLModel, table=True):
    """What this database prints on a gate's poster; kept where the poster is printed, not synced."""

    __tablename__ = "venue_code"
    gate_id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(default=VenueKind.GATEDESK.value, max_length=12)
    content: str = Field(default="", max_length=MAX_CONTENT)
    hotline: str = Field(default="", max_length=40)
    updated_at: datetime = when_field(default_factory=utcnow)


class PosterProblem(ValueError):
    """Bad poster settings; message is for people (translatable)."""

    def __init__(self, text: str, **params):
        super().__init__(text.format(**params))
        self.text, self.params = text, params


# -- the QR content --------------------------------------------------------------------------
def venue_payload(compound: Compound, gate: Gate) -> str:
    """GateDesk's own venue code: a prefix, a version, and base64url JSON of the ids and names."""
    body = {"v": 1, "cid": compound.id, "cn": compound.name, "gid": gate.id, "gn": gate.name}
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return VENUE_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_venue_payload(text: str) -> dict:
    if not text.startswith(VENUE_PREFIX):
        raise ValueError("not a GateDesk venue code")
    data = text[len(VENUE_PREFIX):]
    return json.loads(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def read_code_from_image(path: Path) -> str:
    """The text of the (first) QR code in a photo or scan, e.g. of the official venue code."""
    import zxingcpp
    from PIL import Image

    try:
        image = Image.open(path)
        image.load()
    except OSError as exc:
        raise PosterProblem(QT_TRANSLATE_NOOP("Posters", "{path} is not a picture GateDesk can open."),
                            path=str(path)) from exc
    codes = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    if not codes:
        raise PosterProblem(QT_TRANSLATE_NOOP(
            "Posters", "No QR code found in {path}. Photograph the code straight on, filling most of the picture."),
            path=str(path))
    return codes[0].text


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


def venue_code(session: Session, gate_id: str) -> VenueCode:
    return session.get(VenueCode, gate_id) or VenueCode(gate_id=gate_id)


def save_venue_code(session: Session, *, gate_id: str, kind: str, content: str, hotline: str,
                    now: datetime | None = None) -> VenueCode:
    kind = VenueKind(kind).value
    row = session.get(VenueCode, gate_id) or VenueCode(gate_id=gate_id)
    row.kind, row.content = kind, check_content(kind, content)
    row.hotline = hotline.strip()[:40]
    row.updated_at = now or utcnow()
    session.add(row)
    return row


def qr_content(session: Session, gate: Gate) -> str:
    code = venue_code(session, gate.id)
    if code.kind != VenueKind.GATEDESK and code.content:
        return code.content
    return venue_payload(session.get(Compound, gate.compound_id), gate)


def find_gate(session: Session, name_or_id: str) -> Gate | None:
    """By id, or by name ("东门", or "榕城花园 东门" where several compounds have one)."""
    gate = session.get(Gate, name_or_id)
    if gate is not None:
        return gate
    matches = []
    for g, c in session.execute(select(Gate, Compound).join(Compound, Compound.id == Gate.compound_id)):
        if name_or_id in (g.name, f"{c.name} {g.name}", f"{c.name}{g.name}"):
            matches.append(g)
    return matches[0] if len(matches) == 1 else None


def all_gates(session: Session) -> list[tuple[Compound, Gate]]:
    return list(session.execute(select(Compound, Gate).join(Gate, Gate.compound_id == Compound.id)
                                .order_by(Compound.name, Gate.name)).all())


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


def poster_spec(session: Session, gate: Gate, settings: Settings, *, size: str = "A4", language: str = "zh_CN",
                today: date | None = None) -> PosterSpec:
    say = plain_translator(language)
    compound = session.get(Compound, gate.compound_id)
    code = venue_code(session, gate.id)
    steps = tuple(say("Posters", text) for key, text in INSTRUCTIONS if key is None or getattr(settings, key))
    return PosterSpec(compound=compound.name, gate=gate.name, address=compound.address or "",
                      content=qr_content(session, gate), instructions=steps, hotline=code.hotline,
                      venue_id=gate.id.split("-")[0].upper(), printed=today or date.today(), size=size,
                      language=language)


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
    page.add(Text(w / 2, 25 * k, say("Posters", TITLE), 34 * k, bold=True, color="#ffffff",
                  align="center"))
    page.add(Text(w / 2, 38 * k, say("Posters", SUBTITLE),
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
    side = 118 * k
    top = y + 6 * k
    modules = qr_modules(spec.content)
    quiet = side * 4 / (len(modules) + 8)
    page.add(Box(w / 2 - side / 2 - 3 * k, top - 3 * k, side + 6 * k, side + 6 * k, line=BLUE, width=1.2 * k,
                 radius=4 * k))
    page.add(QR(w / 2 - side / 2 + quiet, top + quiet, side - 2 * quiet, modules))
    y = top + side + 14 * k
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


def write_poster(spec: PosterSpec, path: Path) -> Path:
    """A .pdf for printing, or a .png at 300 dpi (by the file's suffix)."""
    page = poster_page(spec)
    if path.suffix.lower() == ".pdf":
        return save_pdf([page], path, title=f"{spec.compound} {spec.gate}")
    if path.suffix.lower() == ".png":
        return save_png([page], path)
    raise PosterProblem(QT_TRANSLATE_NOOP("Posters", "The poster file must end in .pdf or .png: {path}"),
                        path=str(path))

