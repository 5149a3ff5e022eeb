"""Reading spreadsheets that come from outside (the property office's roster, the community's
home-monitoring list): bounded before anything is inflated, and never a crash.

A file too large, a zip bomb dressed as .xlsx, a .xlsx that is not one, or a text file in no
encoding we know is a SheetProblem with a message for people. A CSV row that cannot be decoded
is reported by its row number while the other rows are read.
"""
from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from pathlib import Path

from models.formats.bundle import ZIP_DAMAGE
from models.store.i18n import QT_TRANSLATE_NOOP, Message

# openpyxl (~0.2 s to import) is imported where a workbook is read: start-up never needs it.

MAX_FILE_BYTES = 32 << 20  # a roster of a very large compound is a few MB
MAX_INFLATED_BYTES = 256 << 20  # what a .xlsx may unpack to, all parts together
MAX_RATIO = 100  # spreadsheet XML compresses ~10-20x; a bomb, thousands of times
MAX_ROWS = 100_000
MAX_COLUMNS = 64

PROBLEMS = {
    "too_large": QT_TRANSLATE_NOOP("Sheets", "{name} is too large to be a list of residents ({size}). Nothing was "
                                   "read from it."),
    "not_a_sheet": QT_TRANSLATE_NOOP("Sheets", "{name} is not a spreadsheet GateDesk can read ({detail}). Save it "
                                     "again from Excel as .xlsx or as CSV."),
    "too_many_rows": QT_TRANSLATE_NOOP("Sheets", "{name} has more than {limit} rows. Split it, or ask for the list "
                                       "of this compound only."),
    "unreadable": QT_TRANSLATE_NOOP("Sheets", "{name} could not be opened: {detail}"),
}


class SheetProblem(Exception):
    def __init__(self, code: str, path: Path, **params):
        super().__init__(code)
        self.code = code
        self.message = Message("Sheets", PROBLEMS[code], {"name": path.name, **{k: str(v) for k, v in params.items()}})


def read_rows(path: Path) -> list[tuple[int, list[str] | None]]:
    """(row number, cells) for every row of the first sheet; cells None for a row that could not
    be decoded. Raises SheetProblem for a file that cannot be read at all."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SheetProblem("unreadable", path, detail=exc.strerror or exc) from None
    if size > MAX_FILE_BYTES:
        raise SheetProblem("too_large", path, size=f"{size / 1e6:.0f} MB")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    return _csv_rows(path)


def _xlsx_rows(path: Path) -> list[tuple[int, list[str] | None]]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except OSError as exc:
        raise SheetProblem("unreadable", path, detail=exc.strerror or exc) from None
    except ZIP_DAMAGE:
        raise SheetProblem("not_a_sheet", path, detail="not a zip archive") from None
    inflated = sum(i.file_size for i in infos)
    if inflated > MAX_INFLATED_BYTES or any(i.file_size > (1 << 20) and i.file_size > MAX_RATIO * max(i.compress_size, 1)
                                            for i in infos):
        raise SheetProblem("too_large", path, size=f"{inflated / 1e6:.0f} MB unpacked")
    from openpyxl import load_workbook

    rows: list[tuple[int, list[str] | None]] = []
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
                if number > MAX_ROWS + 1:
                    raise SheetProblem("too_many_rows", path, limit=MAX_ROWS)
                rows.append((number, ["" if v is None else str(v).strip() for v in values]))
        finally:
            book.close()
    except SheetProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl on a file from outside: any failure means "not readable"
        raise SheetProblem("not_a_sheet", path, detail=type(exc).__name__) from None
    return rows


def _csv_rows(path: Path) -> list[tuple[int, list[str] | None]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SheetProblem("unreadable", path, detail=exc.strerror or exc) from None
    if b"\x00" in raw[:4096]:
        raise SheetProblem("not_a_sheet", path, detail="binary data")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) > MAX_ROWS + 1:
        raise SheetProblem("too_many_rows", path, limit=MAX_ROWS)
    encoding = _encoding(lines)
    rows: list[tuple[int, list[str] | None]] = []
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode(encoding).rstrip("\r")
        except UnicodeDecodeError:
            rows.append((number, None))  # one damaged row does not stop the others
            continue
        try:
            cells = next(csv.reader([text]), [])
        except csv.Error:
            rows.append((number, None))
            continue
        rows.append((number, [c.strip() for c in cells[:MAX_COLUMNS]]))
    return rows


def _encoding(lines: list[bytes]) -> str:
    """Excel saves CSV as UTF-8 or, on Chinese Windows, as GBK (which GB18030 contains): the one
    most of the lines with Chinese in them are valid in."""
    utf8 = other = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            other += 1
    return "utf-8" if utf8 >= other else "gb18030"


class WrongSheet(Exception):
    """A sheet that was read but is not the kind asked for (its headings are not there): "header"."""

    def __init__(self, context: str, template: str, path: Path):
        super().__init__("header")
        self.code = "header"
        self.message = Message(context, template, {"name": path.name})


class LeftOut:
    """The rows of a sheet that could not be used: each a message naming its row and why (templates
    in `context`, each with {row}), and its reason code, in the order met."""

    def __init__(self, context: str, templates: dict[str, str]):
        self.context, self.templates = context, templates
        self.messages: list[Message] = []
        self.codes: list[str] = []

    def add(self, reason: str, number: int, **params) -> None:
        self.messages.append(Message(self.context, self.templates[reason], {"row": number, **params}))
        self.codes.append(reason)


def data_rows(rows: list[tuple[int, list[str] | None]], left_out: LeftOut, *, limit: int,
              taken) -> Iterator[tuple[int, list[str]]]:
    """The rows below a sheet's headings that hold anything: one that could not be decoded is left
    out ("encoding"), and once taken() reaches limit the rest are left out at once ("too_many",
    with {limit}); the templates name both."""
    for number, row in rows:
        if row is not None and not any(c.strip() for c in row):
            continue
        if row is None:
            left_out.add("encoding", number)
            continue
        if taken() >= limit:
            left_out.add("too_many", number, limit=limit)
            return
        yield number, row


def cells(row: list[str], columns) -> list[str]:
    """The row's cells in these columns (an index, or None for a column the sheet lacks), spaces
    run together."""
    return [" ".join(row[i].split()) if i is not None and i < len(row) else "" for i in columns]
