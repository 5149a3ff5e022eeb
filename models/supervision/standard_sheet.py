"""A district's own standard, sent as a spreadsheet (.xlsx or .csv): optionally a row naming it and
its pass mark, then a row of headings and an item per row.

    标准名称,合格分
    鼓楼区小区疫情防控检查标准,85
    部分,编号,检查内容,分值,否决项,严重程度
    一、出入口管理,1,出入口24小时有人值守,10,是,严重
    一、出入口管理,2,进入人员逐一测温,8,,严重

Only 检查内容 is required among the item headings; 部分 carries down to the rows below it when
left empty (as merged cells read), 编号 defaults to the row's place, 严重程度 to 一般. A row that
cannot be used is named with its row number and why; the others are read. The standard is not
saved from here: the screen shows what was read, and an administrator loads it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from models.formats import sheets
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.supervision.standards import CTX, ItemDraft, StandardDraft, StandardProblem, check
from models.supervision.tables import MAX_ITEMS, MAX_POINTS, Severity, StandardKind

NAME_HEADERS = ("标准名称", "名称", "标准", "standard", "name")
MARK_HEADERS = ("合格分", "合格分数", "达标分", "pass mark")
KIND_HEADERS = ("类型", "kind")
SECTION_HEADERS = ("部分", "类别", "分类", "项目类别", "section")
CODE_HEADERS = ("编号", "序号", "code", "no.")
TEXT_HEADERS = ("检查内容", "检查项目", "内容", "项目", "标准内容", "item")
POINTS_HEADERS = ("分值", "分数", "points")
VETO_HEADERS = ("否决项", "一票否决", "否决", "veto")
SEVERITY_HEADERS = ("严重程度", "等级", "问题等级", "severity")

YES = ("是", "√", "✓", "yes", "y", "1", "true", "否决")
NO = ("", "否", "×", "no", "n", "0", "false")
SEVERITY_WORDS = ((Severity.CRITICAL, ("严重", "重大", "立行立改", "critical")),
                  (Severity.MAJOR, ("较重", "一般", "major", "medium")),
                  (Severity.MINOR, ("轻微", "较轻", "minor", "low")))
MYSTERY_WORDS = ("暗访", "mystery")

ROW_PROBLEMS = {
    "encoding": QT_TRANSLATE_NOOP("Supervision", "row {row}: it could not be read (its encoding)."),
    "no_text": QT_TRANSLATE_NOOP("Supervision", "row {row}: no text for the item (检查内容)."),
    "text_long": QT_TRANSLATE_NOOP("Supervision", "row {row}: the item's text is longer than {limit} characters."),
    "points": QT_TRANSLATE_NOOP("Supervision", "row {row}: “{text}” is not a whole number of points from 0 to {limit}."),
    "veto": QT_TRANSLATE_NOOP("Supervision", "row {row}: “{text}” does not say whether it is a veto item (是 or 否)."),
    "severity": QT_TRANSLATE_NOOP("Supervision", "row {row}: “{text}” is not a severity (严重, 一般 or 轻微)."),
    "duplicate": QT_TRANSLATE_NOOP("Supervision", "row {row}: item {code} is already on row {first}."),
    "too_many": QT_TRANSLATE_NOOP("Supervision", "row {row}: a standard holds at most {limit} items; this and the rows "
                                       "after it were not read."),
}
FILE_PROBLEMS = {
    "header": QT_TRANSLATE_NOOP("Supervision", "{name} has no heading for the items' text (检查内容)."),
    "mark": QT_TRANSLATE_NOOP("Supervision", "{name}: the pass mark “{said}” is not a whole number from 0 to {limit}."),
}


class StandardSheetProblem(StandardProblem):
    def __init__(self, code: str, path: Path, **params):
        super().__init__(FILE_PROBLEMS[code], name=path.name, **params)
        self.code = code


@dataclass(frozen=True)
class StandardSheet:
    draft: StandardDraft
    left_out: list[Message] = field(default_factory=list)  # rows not taken, each said why
    codes: list[str] = field(default_factory=list)  # each left-out row's reason code, in the same order


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    cleaned = [h.strip().lower() for h in header]
    return next((i for i, h in enumerate(cleaned) if h in names), None)


def _whole(text: str, limit: int) -> int | None:
    text = text.strip()
    if re.fullmatch(r"\d{1,4}(\.0+)?", text):  # Excel gives 10 as "10" or "10.0"
        value = int(float(text))
        return value if value <= limit else None
    return None


def _veto(text: str) -> bool | None:
    said = text.strip().lower()
    if said in YES:
        return True
    if said in NO:
        return False
    return None


def _severity(text: str) -> Severity | None:
    said = text.strip().lower()
    if not said:
        return Severity.MAJOR
    return next((s for s, words in SEVERITY_WORDS if any(w in said for w in words)), None)


def read_standard_sheet(path: Path) -> StandardSheet:
    """Raises sheets.SheetProblem (a file that cannot be read), StandardSheetProblem (no items'
    heading, a pass mark that is not one) or StandardProblem (what was read is not a usable
    standard as a whole: no items, points without a pass mark)."""
    rows = sheets.read_rows(path)
    at = next((i for i, (_n, row) in enumerate(rows) if row and _column(row, TEXT_HEADERS) is not None), None)
    if at is None:
        raise StandardSheetProblem("header", path)
    name, mark, kind = _title(rows[:at], path)
    header = rows[at][1]
    cols = [_column(header, names) for names in (SECTION_HEADERS, CODE_HEADERS, TEXT_HEADERS, POINTS_HEADERS,
                                                  VETO_HEADERS, SEVERITY_HEADERS)]
    items: list[ItemDraft] = []
    left = sheets.LeftOut(CTX, ROW_PROBLEMS)
    leave = left.add
    first_row: dict[str, int] = {}
    section = ""
    for number, row in sheets.data_rows(rows[at + 1:], left, limit=MAX_ITEMS, taken=lambda: len(items)):
        cell_section, code, text, points, veto, severity = sheets.cells(row, cols)
        section = cell_section[:60] or section
        if not text:
            leave("no_text", number)
            continue
        if len(text) > 200:
            leave("text_long", number, limit=200)
            continue
        got_points = _whole(points, MAX_POINTS) if points else 0
        if got_points is None:
            leave("points", number, text=points[:12], limit=MAX_POINTS)
            continue
        got_veto = _veto(veto)
        if got_veto is None:
            leave("veto", number, text=veto[:12])
            continue
        got_severity = _severity(severity)
        if got_severity is None:
            leave("severity", number, text=severity[:12])
            continue
        code = code[:20] or str(len(items) + 1)
        if code in first_row:
            leave("duplicate", number, code=code, first=first_row[code])
            continue
        first_row[code] = number
        items.append(ItemDraft(section, code, text, got_points, got_veto, got_severity))
    draft = StandardDraft(name=name or path.stem[:100], items=tuple(items), pass_mark=mark, kind=kind)
    check(draft)
    return StandardSheet(draft, left.messages, left.codes)


def _title(rows: list[tuple[int, list[str] | None]], path: Path) -> tuple[str, int | None, StandardKind]:
    """The standard's name, pass mark and kind from the rows above the items' headings, if any."""
    for i, (_n, row) in enumerate(rows):
        if not row or _column(row, NAME_HEADERS) is None:
            continue
        values = next((r for _m, r in rows[i + 1:] if r and any(c.strip() for c in r)), None) or []
        cell = {key: (" ".join(values[c].split()) if c is not None and c < len(values) else "")
                for key, c in (("name", _column(row, NAME_HEADERS)), ("mark", _column(row, MARK_HEADERS)),
                               ("kind", _column(row, KIND_HEADERS)))}
        mark = None
        if cell["mark"]:
            mark = _whole(cell["mark"], MAX_POINTS)
            if mark is None:
                raise StandardSheetProblem("mark", path, said=cell["mark"][:12], limit=MAX_POINTS)
        kind = StandardKind.MYSTERY if any(w in cell["kind"].lower() for w in MYSTERY_WORDS) else \
            StandardKind.INSPECTION
        return cell["name"][:100], mark, kind
    return "", None, StandardKind.INSPECTION
