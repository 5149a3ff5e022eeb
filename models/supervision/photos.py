"""Pictures a team takes on a visit, from a file (a phone's, a camera's): bounded before anything
is decoded, decoded with Pillow under a pixel limit, turned upright, re-encoded as a small JPEG.
Nothing of the original file is kept: not its location, camera or time (EXIF), nor any bytes a
hostile file hid after the picture. Any file gives a picture or a reason code."""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from models.store.records import stamp
from models.store.i18n import QT_TRANSLATE_NOOP, Message, Refused
from models.supervision.inspections import _refused, _visit
from models.supervision.tables import PHOTO_MAX_BYTES, InspectionPhoto, StandardItem

MAX_FILE_BYTES = 25 << 20  # a phone's photo is 3-10 MB
MAX_PIXELS = 40_000_000  # a 40-megapixel camera; a bomb claims billions
LONG_SIDE = 1600  # enough to see a notice or a logbook on screen and on paper
QUALITY = (80, 65, 50)  # tried in turn until the picture fits MAX_STORED
MAX_STORED = PHOTO_MAX_BYTES
PER_VISIT = 30
FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "GIF", "TIFF")
SIDES = (LONG_SIDE, 1200, 800)  # a picture of pure detail (noise) is made smaller until it fits

PROBLEMS = {
    "unreadable": QT_TRANSLATE_NOOP("Supervision", "{name} could not be opened: {detail}"),
    "too_large": QT_TRANSLATE_NOOP("Supervision", "{name} is too large to be a photo ({size})."),
    "not_a_picture": QT_TRANSLATE_NOOP("Supervision", "{name} is not a picture GateDesk can read (JPEG, PNG, WebP, "
                                                      "BMP, GIF or TIFF)."),
    "too_many_pixels": QT_TRANSLATE_NOOP("Supervision", "{name} claims more pixels than any camera takes "
                                                        "({pixels}); it was not opened."),
    "damaged": QT_TRANSLATE_NOOP("Supervision", "{name} is damaged: the picture in it cannot be read whole."),
    "too_many": QT_TRANSLATE_NOOP("Supervision", "A visit keeps at most {limit} photos."),
}


class PhotoProblem(Refused):
    context = "Supervision"

    def __init__(self, code: str, **params):
        super().__init__(PROBLEMS[code], **params)
        self.code = code


@dataclass(frozen=True)
class Prepared:
    data: bytes  # a JPEG
    width: int
    height: int


def prepare(path: Path) -> Prepared:
    """The picture in the file, upright, at most LONG_SIDE a side, as a JPEG of at most MAX_STORED
    bytes. Raises PhotoProblem with a code."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    name = Path(path).name[:60]
    try:
        size = Path(path).stat().st_size
    except OSError as exc:
        raise PhotoProblem("unreadable", name=name, detail=exc.strerror or type(exc).__name__) from None
    if size > MAX_FILE_BYTES:
        raise PhotoProblem("too_large", name=name, size=f"{size / 1e6:.0f} MB")
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise PhotoProblem("unreadable", name=name, detail=exc.strerror or type(exc).__name__) from None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(io.BytesIO(raw), formats=FORMATS)  # reads the header only
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoProblem("too_many_pixels", name=name, pixels="?") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise PhotoProblem("not_a_picture", name=name) from None
        except Exception:  # noqa: BLE001 - Pillow's header readers on a file from outside
            raise PhotoProblem("not_a_picture", name=name) from None
        pixels = picture.width * picture.height
        if pixels > MAX_PIXELS or picture.width <= 0 or picture.height <= 0:
            raise PhotoProblem("too_many_pixels", name=name, pixels=f"{picture.width}×{picture.height}")
        try:
            picture.load()
            upright = ImageOps.exif_transpose(picture) or picture
            whole = upright.convert("RGB")
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoProblem("too_many_pixels", name=name, pixels=f"{picture.width}×{picture.height}") from None
        except Exception:  # noqa: BLE001 - Pillow on a file from outside: any failure means "damaged"
            raise PhotoProblem("damaged", name=name) from None
    for side in SIDES:
        shown = whole.copy()
        shown.thumbnail((side, side))
        for quality in QUALITY:
            out = io.BytesIO()
            shown.save(out, format="JPEG", quality=quality, optimize=True)  # no exif= given: none is written
            if out.tell() <= MAX_STORED:
                return Prepared(out.getvalue(), shown.width, shown.height)
    # 800 px at the lowest quality is ~250 KB even of pure noise; a photo never outgrows the wire's bound.
    raise PhotoProblem("too_large", name=name, size=f"{out.tell() / 1e3:.0f} kB")


_ARRIVED = QT_TRANSLATE_NOOP("Supervision", "a photo that is not a JPEG of {width}×{height} pixels at most {side} a "
                                            "side with nothing else in it")


def arrived_problem(record: dict) -> Message | None:
    """A photo as a bundle brings it, before anything stores it: a JPEG of the size it says, at most
    LONG_SIDE a side (known from its header before any pixel is decoded), decoded, with no EXIF
    and nothing after its end: what `prepare` makes, and nothing a hostile station could hide in it.
    Empty once its visit's people have aged out. None, or what is wrong."""
    return _picture_problem(record["data"], (record["width"], record["height"]))


_SCAN = QT_TRANSLATE_NOOP("Supervision", "a pledge's scan that is not a JPEG at most {side} pixels a side with "
                                         "nothing else in it")


def scan_problem(record: dict) -> Message | None:
    """A compound's pledge scan as an office's bundle brings it: what `prepare` makes, as for a photo
    (its size is not on the wire: only the bound)."""
    return _picture_problem(record["pledge_scan"], None)


def _picture_problem(data: bytes | None, size: tuple[int, int] | None) -> Message | None:
    from PIL import Image

    if not data:
        return None
    if size is None:
        wrong = Message("Supervision", _SCAN, {"side": str(LONG_SIDE)})
    else:
        wrong = Message("Supervision", _ARRIVED, {"width": str(size[0]), "height": str(size[1]),
                                                  "side": str(LONG_SIDE)})
        if max(size) > LONG_SIDE or min(size) < 1:
            return wrong
    if not data.endswith(b"\xff\xd9"):
        return wrong
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            picture = Image.open(io.BytesIO(data), formats=("JPEG",))
            if max(picture.size) > LONG_SIDE or (size is not None and picture.size != size) or "exif" in picture.info:
                return wrong
            picture.load()
        except Exception:  # noqa: BLE001 - Pillow on bytes from outside: any failure is "not a photo"
            return wrong
    return None


def attach(session, *, inspection_id: str, item_id: str | None, prepared: Prepared, ctx, operator_id: str | None,
           now) -> InspectionPhoto:
    """The picture kept with an open visit (and one of its standard's items, if given)."""
    visit = _visit(session, inspection_id)
    if item_id is not None:
        item = session.get(StandardItem, item_id)
        if item is None or item.standard_id != visit.standard_id:
            raise _refused(QT_TRANSLATE_NOOP("Supervision", "This item is not in the visit's standard."))
    kept = session.scalar(select(func.count()).select_from(InspectionPhoto)
                          .where(InspectionPhoto.inspection_id == visit.id))
    if kept >= PER_VISIT:
        raise PhotoProblem("too_many", limit=PER_VISIT)
    photo = InspectionPhoto(**stamp(ctx, operator_id, now), inspection_id=visit.id, item_id=item_id, width=prepared.width,
                            height=prepared.height, data=prepared.data)
    session.add(photo)
    return photo


def photos_of(session, inspection_id: str) -> list[InspectionPhoto]:
    return list(session.scalars(select(InspectionPhoto).where(InspectionPhoto.inspection_id == inspection_id)
                                .order_by(InspectionPhoto.created_at, InspectionPhoto.id)))
