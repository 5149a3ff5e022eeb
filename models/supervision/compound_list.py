"""The list of compounds an office gives its supervision teams (督导小区清单): each compound with the
id its gates' bundles use, its place and its census, as a workbook a team loads on its station.
A team then visits only compounds on its list, and none of the unit it belongs to.

    编号,小区,社区,街道,区,类型,物业公司
    5c0e6f1a-…,榕城花园,温泉社区,温泉街道,鼓楼区,有物业,榕城物业
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlmodel import Session

from models.formats import sheets
from models.formats.spreadsheets import csv_value, xlsx_row
from models.store.files import written_whole
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.supervision.tables import KIND_WORDS, CompoundKind, CompoundListed, kind_of

HEADERS = ("编号", "小区", "社区", "街道", "区", "类型", "物业公司")
KIND_WRITTEN = {CompoundKind.PROPERTY: "有物业", CompoundKind.NONE: "无物业", CompoundKind.OWNERS: "业委会自管"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MAX_ROWS = 20_000
assert {k for k, _ in KIND_WORDS} == set(KIND_WRITTEN)

ROW_PROBLEMS = {
    "encoding": QT_TRANSLATE_NOOP("Supervision", "row {row}: it could not be read (its encoding)."),
    "bad_id": QT_TRANSLATE_NOOP("Supervision", "row {row}: “{text}” is not a compound's number from the office's "
                                               "list."),
    "no_name": QT_TRANSLATE_NOOP("Supervision", "row {row}: no compound named."),
    "repeated": QT_TRANSLATE_NOOP("Supervision", "row {row}: this compound is already on row {first}."),
    "too_many": QT_TRANSLATE_NOOP("Supervision", "row {row}: a list holds at most {limit} compounds; this and the "
                                                 "rows after it were not read."),
}
NOT_A_LIST = QT_TRANSLATE_NOOP("Supervision", "{name} is not the office's list of compounds (its headings: "
                                              "编号, 小区, 社区, 街道, 区).")


class CompoundListProblem(sheets.WrongSheet):
    def __init__(self, path: Path):
        super().__init__("Supervision", NOT_A_LIST, path)


@dataclass(frozen=True)
class Listed:
    compound_id: str
    name: str
    community: str = ""
    subdistrict: str = ""
    district: str = ""
    kind: CompoundKind | None = None
    property_company: str = ""


@dataclass(frozen=True)
class CompoundList:
    compounds: list[Listed]
    left_out: list[Message] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def write_compound_list(compounds: list[Listed], path: Path) -> Path:
    """.xlsx, or .csv (UTF-8 with a BOM, as Excel opens it), written whole."""
    rows = [[c.compound_id, c.name, c.community, c.subdistrict, c.district,
             KIND_WRITTEN.get(c.kind, "") if c.kind else "", c.property_company] for c in compounds]
    if path.suffix.lower() == ".csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADERS)
        # Names come from the gates' bundles: text that a spreadsheet must not run as a formula.
        writer.writerows([[csv_value(v) for v in r] for r in rows])
        with written_whole(path) as partial:
            partial.write_bytes(out.getvalue().encode("utf-8-sig"))
        return path
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("督导小区清单")
    sheet.append(xlsx_row(sheet, list(HEADERS)))
    for row in rows:
        sheet.append(xlsx_row(sheet, row))
    with written_whole(path) as partial:
        book.save(partial)
    return path


def read_compound_list(path: Path) -> CompoundList:
    """Raises sheets.SheetProblem (not readable) or CompoundListProblem (not such a list)."""
    rows = sheets.read_rows(path)
    at = next((i for i, (_n, row) in enumerate(rows)
               if row and len(row) >= 5 and [c.strip() for c in row[:5]] == list(HEADERS[:5])), None)
    if at is None:
        raise CompoundListProblem(path)
    found: list[Listed] = []
    left = sheets.LeftOut("Supervision", ROW_PROBLEMS)
    leave = left.add
    first: dict[str, int] = {}
    for number, row in sheets.data_rows(rows[at + 1:], left, limit=MAX_ROWS, taken=lambda: len(found)):
        cid, name, community, subdistrict, district, kind, company = sheets.cells(row, range(7))
        cid = cid.lower()
        if not UUID.match(cid):
            leave("bad_id", number, text=cid[:40])
            continue
        if not name:
            leave("no_name", number)
            continue
        if cid in first:
            leave("repeated", number, first=first[cid])
            continue
        first[cid] = number
        found.append(Listed(cid, name[:100], community[:100], subdistrict[:100], district[:100], kind_of(kind),
                            company[:100]))
    return CompoundList(found, left.messages, left.codes)


def load(session: Session, listed: CompoundList, now: datetime) -> int:
    """The office's latest list replaces the one before; how many compounds it holds."""
    session.execute(delete(CompoundListed))
    session.add_all(CompoundListed(compound_id=c.compound_id, name=c.name, community=c.community,
                                   subdistrict=c.subdistrict, district=c.district,
                                   kind=c.kind.value if c.kind else None, property_company=c.property_company,
                                   listed_at=now) for c in listed.compounds)
    return len(listed.compounds)


def listed(session: Session) -> list[CompoundListed]:
    return list(session.scalars(select(CompoundListed).order_by(CompoundListed.district, CompoundListed.subdistrict,
                                                                 CompoundListed.community, CompoundListed.name)))


def has_list(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(CompoundListed)))


def in_unit(unit: tuple[str, str, str], place: tuple[str, str, str]) -> bool:
    """Whether a compound at place (district, sub-district, community) is inside the unit those
    names give (its levels left empty are any); a unit of no names holds nothing."""
    named = [(u, p) for u, p in zip(unit, place) if "".join(u.split())]
    return bool(named) and all("".join(u.split()) == "".join(p.split()) for u, p in named)
