"""Check-in posters for the gates, through the database: each gate's venue code (what its QR
says), kept per gate, and the poster's values read for the page that models.gate.poster_layout
draws (PDF for printing, 300-dpi PNG)."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlmodel import Field, Session, SQLModel, select

from models.gate.poster_layout import (  # noqa: F401 - re-exported: the poster's parts live there
    INSTRUCTIONS,
    MAX_CONTENT,
    VENUE_PREFIX,
    PosterProblem,
    PosterSpec,
    VenueKind,
    check_content,
    make_spec,
    match_gate,
    parse_venue_payload,
    poster_page,
    venue_payload,
    write_poster,
)
from models.setup.settings import Settings
from models.setup.site import Compound, Gate
from models.store.clock import utcnow
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import when_field

# zxing-cpp and Pillow are imported where a photo is read: start-up never needs them.


class VenueCode(SQLModel, table=True):
    """What this database prints on a gate's poster; kept where the poster is printed, not synced."""

    __tablename__ = "venue_code"
    gate_id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(default=VenueKind.GATEDESK.value, max_length=12)
    content: str = Field(default="", max_length=MAX_CONTENT)
    hotline: str = Field(default="", max_length=40)
    updated_at: datetime = when_field(default_factory=utcnow)


# -- the QR content --------------------------------------------------------------------------
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


def find_gate(session: Session, name_or_id: str) -> Gate | None:
    """By id, or by name ("东门", or "榕城花园 东门" where several compounds have one)."""
    rows = session.execute(select(Gate.id, Gate.name, Compound.name).join(Compound, Compound.id == Gate.compound_id))
    found = match_gate(list(rows), name_or_id)
    return session.get(Gate, found[0]) if found else None


def all_gates(session: Session) -> list[tuple[Compound, Gate]]:
    return list(session.execute(select(Compound, Gate).join(Gate, Gate.compound_id == Compound.id)
                                .order_by(Compound.name, Gate.name)).all())


# -- the poster -----------------------------------------------------------------------------
def poster_spec(session: Session, gate: Gate, settings: Settings, *, size: str = "A4", language: str = "zh_CN",
                today: date) -> PosterSpec:
    compound = session.get(Compound, gate.compound_id)
    code = venue_code(session, gate.id)
    return make_spec(compound_id=compound.id, compound=compound.name, address=compound.address or "",
                     gate_id=gate.id, gate=gate.name, kind=code.kind, content=code.content, hotline=code.hotline,
                     settings=settings, size=size, language=language, today=today)
