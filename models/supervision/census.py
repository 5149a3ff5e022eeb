"""The compounds' census (分类摸底): each compound's kind (有物业 / 无物业 / 业委会自管), its property
company, the responsibility pledge signed, and the plan for its kind. A community counts its
compounds first and plans per kind; a finding's responsible party follows from the kind.

The census comes typed or from the community's sheet:

    小区,社区,类型,物业公司,承诺书签订日期,签订人,防控方案
    榕城花园,温泉社区,有物业,榕城物业,2022-11-20,陈经理,物业值守、社区督导
    东街大院,东街社区,无物业,,,,志愿者轮班值守

A row names its compound by name and community; a compound the office has not heard of (one with
no gate station) is added, so the census covers every compound, not only the ones with a PC.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import column, select, table
from sqlmodel import Session

from models.store.records import stamp
from models.formats import sheets
from models.kit.masking import mask_name
from models.kit.validation import InvalidInput, _err, clean_text
from models.setup.site import Compound, Gate, Station, StationContext
from models.store.db import Meta
from models.store.i18n import QT_TRANSLATE_NOOP, Message
from models.supervision.photos import Prepared
from models.supervision.tables import KIND_WORDS, CompoundCensus, CompoundKind, CompoundListed, Party, kind_of  # noqa: F401

NAME_HEADERS = ("小区", "小区名称", "compound")
COMMUNITY_HEADERS = ("社区", "所属社区", "community")
KIND_HEADERS = ("类型", "小区类型", "管理类型", "kind")
COMPANY_HEADERS = ("物业公司", "物业", "物业服务企业", "property company")
DAY_HEADERS = ("承诺书签订日期", "签订日期", "承诺书", "pledge day")
BY_HEADERS = ("签订人", "签字人", "signed by")
PLAN_HEADERS = ("防控方案", "方案", "plan")
MAX_ROWS = 5000

ROW_PROBLEMS = {
    "encoding": QT_TRANSLATE_NOOP("Supervision", "row {row}: it could not be read (its encoding)."),
    "no_name": QT_TRANSLATE_NOOP("Supervision", "row {row}: no compound named."),
    "kind": QT_TRANSLATE_NOOP("Supervision", "row {row}: “{text}” is not a kind of compound (有物业, 无物业 or "
                                             "业委会自管)."),
    "no_company": QT_TRANSLATE_NOOP("Supervision", "row {row}: a compound with a property company names it."),
    "day": QT_TRANSLATE_NOOP("Supervision", "row {row}: “{text}” is not a day (write it as 2022-11-20)."),
    "repeated": QT_TRANSLATE_NOOP("Supervision", "row {row}: this compound is already on row {first}."),
    "too_many": QT_TRANSLATE_NOOP("Supervision", "row {row}: a census holds at most {limit} compounds; this and "
                                                 "the rows after it were not read."),
}
HEADER_PROBLEM = QT_TRANSLATE_NOOP("Supervision", "{name} has no columns for the compound and its kind (小区, 类型).")


class CensusSheetProblem(sheets.WrongSheet):
    def __init__(self, path: Path):
        super().__init__("Supervision", HEADER_PROBLEM, path)


@dataclass(frozen=True)
class CensusLine:
    compound: str
    community: str
    kind: CompoundKind
    property_company: str = ""
    pledge_day: date | None = None
    pledge_by: str = ""
    plan: str = ""


@dataclass(frozen=True)
class CensusSheet:
    lines: list[CensusLine]
    left_out: list[Message] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def _day(text: str) -> date | None:
    parts = [p for p in re.split(r"[-/.年月日\s]+", text.strip()) if p][:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else None
    except ValueError:
        return None


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    cleaned = [h.strip().lower() for h in header]
    return next((i for i, h in enumerate(cleaned) if h in names), None)


def read_census_sheet(path: Path) -> CensusSheet:
    """Raises sheets.SheetProblem (not readable) or CensusSheetProblem (no compound or kind column)."""
    rows = sheets.read_rows(path)
    at = next((i for i, (_n, row) in enumerate(rows) if row and _column(row, NAME_HEADERS) is not None
               and _column(row, KIND_HEADERS) is not None), None)
    if at is None:
        raise CensusSheetProblem(path)
    header = rows[at][1]
    cols = [_column(header, names) for names in (NAME_HEADERS, COMMUNITY_HEADERS, KIND_HEADERS, COMPANY_HEADERS,
                                                  DAY_HEADERS, BY_HEADERS, PLAN_HEADERS)]
    lines: list[CensusLine] = []
    left = sheets.LeftOut("Supervision", ROW_PROBLEMS)
    leave = left.add
    first: dict[tuple[str, str], int] = {}
    for number, row in sheets.data_rows(rows[at + 1:], left, limit=MAX_ROWS, taken=lambda: len(lines)):
        name, community, kind_text, company, day_text, by, plan = sheets.cells(row, cols)
        if not name:
            leave("no_name", number)
            continue
        kind = kind_of(kind_text)
        if kind is None:
            leave("kind", number, text=kind_text[:12])
            continue
        if kind == CompoundKind.PROPERTY and not company:
            leave("no_company", number)
            continue
        day = _day(day_text) if day_text else None
        if day_text and day is None:
            leave("day", number, text=day_text[:20])
            continue
        key = (community[:100], name[:100])
        if key in first:
            leave("repeated", number, first=first[key])
            continue
        first[key] = number
        lines.append(CensusLine(name[:100], community[:100], kind, company[:100], day, by[:100], plan[:500]))
    return CensusSheet(lines, left.messages, left.codes)


def set_census(session: Session, *, compound_id: str, kind: CompoundKind | str, property_company: str = "",
               pledge_day: date | None = None, pledge_by: str = "", plan: str = "", ctx: StationContext,
               operator_id: str | None, now: datetime) -> CompoundCensus:
    """A compound's census line, made or changed. Raises InvalidInput naming the field."""
    errors = []
    company = clean_text("property_company", property_company, errors, max_len=100) or ""
    by = clean_text("pledge_by", pledge_by, errors, max_len=100) or ""
    clean_plan = clean_text("plan", plan, errors, max_len=500) or ""
    try:
        kind = CompoundKind(kind)
    except ValueError:
        errors.append(_err("kind", QT_TRANSLATE_NOOP("Supervision", "Choose how the compound is run.")))
    else:
        if kind == CompoundKind.PROPERTY and not company:
            errors.append(_err("property_company", QT_TRANSLATE_NOOP("Supervision", "Name the property company.")))
    if session.get(Compound, compound_id) is None:
        errors.append(_err("compound", QT_TRANSLATE_NOOP("Supervision", "Choose the compound from the list.")))
    if errors:
        raise InvalidInput(errors)
    row = session.scalars(select(CompoundCensus).where(CompoundCensus.compound_id == compound_id)).first()
    values = dict(kind=kind.value, property_company=company, pledge_day=pledge_day.isoformat() if pledge_day else None,
                  pledge_by=by, plan=clean_plan)
    if row is None:
        row = CompoundCensus(**stamp(ctx, operator_id, now), compound_id=compound_id, **values)
    elif any(getattr(row, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(row, k, v)
        row.touch(now)
    session.add(row)
    return row


def attach_pledge(session: Session, *, compound_id: str, scan: Prepared, now: datetime) -> CompoundCensus:
    """The signed pledge, photographed or scanned (re-encoded as a photo is)."""
    row = session.scalars(select(CompoundCensus).where(CompoundCensus.compound_id == compound_id)).first()
    if row is None:
        raise InvalidInput([_err("compound", QT_TRANSLATE_NOOP("Supervision", "Count the compound in the census "
                                                                              "first."))])
    row.pledge_scan = scan.data
    row.touch(now)
    session.add(row)
    return row


@dataclass(frozen=True)
class CensusRow:
    """A compound's census line as a screen shows it: who signed the pledge masked, the scan's
    bytes left in the database."""

    compound_id: str
    community: str
    compound: str
    kind: CompoundKind | None = None  # None: not counted yet
    property_company: str = ""
    pledge_day: str | None = None
    pledge_by: str = ""  # masked
    pledge_scanned: bool = False
    plan: str = ""


def census_rows(session: Session) -> list[CensusRow]:
    """Every compound this station knows (no team's place, not its own), counted or not."""
    c = CompoundCensus
    lines = {row.compound_id: row for row in session.execute(select(
        c.compound_id, c.kind, c.property_company, c.pledge_day, c.pledge_by, c.pledge_scan.is_not(None).label("scanned"),
        c.plan))}
    out = []
    for compound_id, community, name in session.execute(select(Compound.id, Compound.community, Compound.name).where(
            Compound.id.not_in(not_compounds(session))).order_by(Compound.community, Compound.name)):
        line = lines.get(compound_id)
        out.append(CensusRow(compound_id, community, name) if line is None else CensusRow(
            compound_id, community, name, CompoundKind(line.kind), line.property_company, line.pledge_day,
            mask_name(line.pledge_by) if line.pledge_by else "", bool(line.scanned), line.plan))
    return out


def census_of(session: Session, compound_id: str) -> CompoundCensus | None:
    return session.scalars(select(CompoundCensus).where(CompoundCensus.compound_id == compound_id)).first()


def responsible(session: Session, compound_id: str) -> tuple[Party, str]:
    """Who puts a compound's findings right by default: its property company, its owners'
    committee, or (a compound without either, or not yet counted) its community. A team's station
    reads it from the office's list, which carries each compound's census."""
    row = census_of(session, compound_id) or session.get(CompoundListed, compound_id)
    if row is not None and row.kind == CompoundKind.PROPERTY:
        return Party.PROPERTY, row.property_company
    if row is not None and row.kind == CompoundKind.OWNERS:
        return Party.OWNERS, ""
    compound = session.get(Compound, compound_id) or session.get(CompoundListed, compound_id)
    return Party.COMMUNITY, compound.community if compound is not None else ""


# An office's stations (models.sync's table, named here: supervision sits below sync).
_STATIONS = table("sync_station", column("station_id"), column("kind"))


def not_compounds(session):
    """The ids of the places a station knows that are no compound: a supervision team's own place
    (its set-up names one), and this station's own when it is an office or a team."""
    teams = select(Compound.id).where(Compound.station_id.in_(
        select(_STATIONS.c.station_id).where(_STATIONS.c.kind != "gate")))
    mode = session.execute(select(Meta.value).where(Meta.key == "mode")).scalar()
    if mode not in ("office", "inspection"):
        return teams
    here = session.execute(select(Meta.value).where(Meta.key == "station_id")).scalar()
    own = select(Gate.compound_id).join(Station, Station.gate_id == Gate.id).where(Station.id == here)
    return teams.union(own)


def by_kind(session: Session, compounds: set[str] | None = None) -> dict[str, int]:
    """How many compounds of each kind (and not yet counted), of these compounds (None: all known).
    A team's station counts the compounds of its office's list, by the census the list carries."""
    if session.execute(select(Meta.value).where(Meta.key == "mode")).scalar() == "inspection":
        listed = Counter(kind or "uncounted" for (kind,) in session.execute(select(CompoundListed.kind)))
        return {k: listed.get(k, 0) for k in (*(k.value for k in CompoundKind), "uncounted")}
    known = [cid for (cid,) in session.execute(select(Compound.id).where(Compound.id.not_in(not_compounds(session))))
             if compounds is None or cid in compounds]
    kinds = dict(session.execute(select(CompoundCensus.compound_id, CompoundCensus.kind)).all())
    counted = Counter(kinds.get(cid, "uncounted") for cid in known)
    return {k: counted.get(k, 0) for k in (*(k.value for k in CompoundKind), "uncounted")}
