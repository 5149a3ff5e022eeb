"""The community's notice of a testing round, sent as a spreadsheet (.xlsx or .csv) like the home
monitoring list: one row naming the round, its day, its sampling points and (optionally) the
buildings due. It fills the form that opens the round; nothing opens from a file alone.

    轮次名称,日期,采样点,楼栋
    第三轮全员核酸检测,2026-12-03,1#楼下、篮球场,1号楼、2号楼

Below it, optionally, the residents excused from the round, under headings of their own:

    房号,姓名,免检原因,说明
    3-2-501,张三,住院,市一医院
    1-1-101,李四,已在单位检测,12月2日报告已看
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from models.formats import sheets
from models.rounds.rounds import Exemption, Reason
from models.store.i18n import QT_TRANSLATE_NOOP, Message

TITLE_HEADERS = ("轮次名称", "轮次", "名称", "title", "round")
DAY_HEADERS = ("日期", "检测日期", "date", "day")
POINT_HEADERS = ("采样点", "采样地点", "points", "sampling points")
BUILDING_HEADERS = ("楼栋", "检测楼栋", "buildings")
SEPARATORS = r"[、,，;；/\s]+"
ROOM_HEADERS = ("房号", "房间号", "房间", "门牌号", "room")
NAME_HEADERS = ("姓名", "name")
REASON_HEADERS = ("免检原因", "原因", "reason")
NOTE_HEADERS = ("说明", "备注", "证明", "note")
# What people write for a reason, first match wins: the words of a hospital stay, of a test done
# elsewhere, of being away. Anything else excuses nobody and is named as left out.
REASON_WORDS = ((Reason.HOSPITAL, ("住院", "医院", "hospital")),
                (Reason.ELSEWHERE, ("检", "elsewhere", "tested")),
                (Reason.AWAY, ("外出", "不在", "外地", "出差", "离", "away")))
MAX_EXEMPTIONS = 2000
LEFT_OUT_ROW = QT_TRANSLATE_NOOP("Rounds", "row {row} ({said})")
NOT_DUE_HERE = QT_TRANSLATE_NOOP("Rounds", "{who} (not due at this gate)")

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
    exemptions: list[Exemption] = field(default_factory=list)
    left_out: list[Message] = field(default_factory=list)  # exemption rows not taken, each said why
    shown: list[str] = field(default_factory=list)  # the exemptions as a screen shows them (names masked)


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
    at = next((i for i, (_n, row) in enumerate(rows) if i and (row is None or any(c.strip() for c in row))), None)
    if at is None:
        raise RoundFileProblem("empty", path)
    row = rows[at][1]
    if row is None:
        raise RoundFileProblem("encoding", path)
    cell = {k: (row[i] if i is not None and i < len(row) else "") for k, i in cols.items()}
    day = _day(cell["day"])
    if day is None:
        raise RoundFileProblem("day", path, text=cell["day"][:20])
    points = [p for p in re.split(SEPARATORS, cell["points"]) if p]
    buildings = [_building(b) for b in re.split(SEPARATORS, cell["buildings"]) if _building(b)]
    exemptions, left_out = _exemptions(rows[at + 1:])
    return RoundNotice(cell["title"].strip(), day, points, buildings, exemptions, left_out)


def _reason_of(text: str) -> str | None:
    said = text.strip().lower()
    return next((reason.value for reason, words in REASON_WORDS if any(w in said for w in words)), None) \
        if said else None


def _exemptions(rows: list[tuple[int, list[str] | None]]) -> tuple[list[Exemption], list[Message]]:
    """The table of those excused, below the round's row: its headings first (room and reason at
    least), then a row each. A row without a room and a name, or with a reason that excuses
    nobody, is left out and said why (by row number: no name is repeated back)."""
    start = next((i for i, (_n, row) in enumerate(rows) if row and _column(row, ROOM_HEADERS) is not None
                  and _column(row, REASON_HEADERS) is not None), None)
    if start is None:
        return [], []
    header = rows[start][1]
    cols = [_column(header, names) for names in (ROOM_HEADERS, NAME_HEADERS, REASON_HEADERS, NOTE_HEADERS)]
    found: list[Exemption] = []
    left_out: list[Message] = []
    for number, row in rows[start + 1:]:
        if row is not None and not any(c.strip() for c in row):
            continue
        if row is None:
            left_out.append(Message("Rounds", LEFT_OUT_ROW, {"row": number, "said": "?"}))
            continue
        room, name, said, note = (row[i].strip() if i is not None and i < len(row) else "" for i in cols)
        reason = _reason_of(said)
        if not room or not name or reason is None or len(found) >= MAX_EXEMPTIONS:
            left_out.append(Message("Rounds", LEFT_OUT_ROW, {"row": number, "said": said[:10] or "—"}))
            continue
        found.append(Exemption(room[:30], name[:50], reason, note[:100]))
    return found, left_out
