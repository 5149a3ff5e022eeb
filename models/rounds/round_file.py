"""The community's notice of a testing round, sent as a spreadsheet (.xlsx or .csv) like the home
monitoring list: one row naming the round, its day, its sampling points and (optionally) the
buildings due. It fills the form that opens the round; nothing opens from a file alone.

    轮次名称,日期,采样点,楼栋
    第三轮全员核酸检测,2026-12-03,1#楼下、篮球场,1号楼、2号楼
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from models.formats import sheets
from models.store.i18n import QT_TRANSLATE_NOOP, Message

TITLE_HEADERS = ("轮次名称", "轮次", "名称", "title", "round")
DAY_HEADERS = ("日期", "检测日期", "date", "day")
POINT_HEADERS = ("采样点", "采样地点", "points", "sampling points")
BUILDING_HEADERS = ("楼栋", "检测楼栋", "buildings")
SEPARATORS = r"[、,，;；/\s]+"

PROBLEMS = {
    "header": QT_TRANSLATE_NOOP("Rounds", "{name} has no columns for the round's name, day and sampling points "
                                          "(轮次名称, 日期, 采样点)."),
    "empty": QT_TRANSLATE_NOOP("Rounds", "{name} names no round under its headings."),
    "encoding": QT_TRANSLATE_NOOP("Rounds", "The round's row of {name} could not be read (its encoding)."),
    "day": QT_TRANSLATE_NOOP("Rounds", "{name}: “{text}” is not a day (write it as 2026-12-03)."),
}


class RoundFileProblem(Exception):
    def __init__(self, code: str, path: Path, **params):
        super().__init__(code)
        self.code = code
        self.message = Message("Rounds", PROBLEMS[code], {"name": path.name, **params})


@dataclass(frozen=True)
class RoundNotice:
    title: str
    day: date
    points: list[str]
    buildings: list[str]  # empty: everyone


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    cleaned = [h.strip().lower() for h in header]
    return next((i for i, h in enumerate(cleaned) if h in names), None)


def _day(text: str) -> date | None:
    parts = re.split(r"[-/.年月日\s]+", text.strip())
    parts = [p for p in parts if p][:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else None
    except ValueError:
        return None


def _building(text: str) -> str:
    """'1号楼', '1栋', '1#' → '1', as the roster names buildings."""
    return re.sub(r"(号楼|栋|幢|楼|#)$", "", text.strip())


def read_round_file(path: Path) -> RoundNotice:
    """Raises sheets.SheetProblem (a file that cannot be read) or RoundFileProblem (one that is not a
    round's notice). What it returns is checked again when the round opens, as typed text is."""
    rows = sheets.read_rows(path)
    header = rows[0][1] if rows and rows[0][1] else []
    cols = {"title": _column(header, TITLE_HEADERS), "day": _column(header, DAY_HEADERS),
            "points": _column(header, POINT_HEADERS), "buildings": _column(header, BUILDING_HEADERS)}
    if None in (cols["title"], cols["day"], cols["points"]):
        raise RoundFileProblem("header", path)
    data = next(((n, row) for n, row in rows[1:] if row is None or any(c.strip() for c in row)), None)
    if data is None:
        raise RoundFileProblem("empty", path)
    row = data[1]
    if row is None:
        raise RoundFileProblem("encoding", path)
    cell = {k: (row[i] if i is not None and i < len(row) else "") for k, i in cols.items()}
    day = _day(cell["day"])
    if day is None:
        raise RoundFileProblem("day", path, text=cell["day"][:20])
    points = [p for p in re.split(SEPARATORS, cell["points"]) if p]
    buildings = [_building(b) for b in re.split(SEPARATORS, cell["buildings"]) if _building(b)]
    return RoundNotice(cell["title"].strip(), day, points, buildings)
