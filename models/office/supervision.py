"""What an office sees of supervision: which compounds were not visited lately, the findings open
and overdue by responsible party, the problems found again at the same compound, and the league
table of communities, sub-districts and property companies. Figures and names of places and
companies only: whom a team met never reaches these."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from models.store.i18n import QT_TRANSLATE_NOOP, Message, Refused

from models.setup.site import Compound
from models.supervision.census import not_compounds
from models.sync import units
from models.supervision.tables import (
    CompoundCensus,
    CompoundKind,
    Finding,
    FindingStatus,
    Inspection,
    InspectionPhoto,
    StandardItem,
)


@dataclass(frozen=True)
class Place:
    compound_id: str
    compound: str
    community: str
    subdistrict: str
    district: str = ""
    # The units it is placed in (None: not placed): two communities of one name in two sub-districts
    # are two groups in the league, each named with its sub-district.
    community_unit: str | None = None
    subdistrict_unit: str | None = None


def places(conn: Connection, compounds: set[str] | None = None) -> dict[str, Place]:
    """The compounds an office knows (from its gates' bundles, and its census), of these ids (None:
    all); not the places of its own set-up or of a team's (census.not_compounds)."""
    rows = conn.execute(select(Compound.id, Compound.name, Compound.community, Compound.subdistrict,
                               Compound.district).where(Compound.id.not_in(not_compounds(conn)))).all()
    placed = units.tree(Session(bind=conn))
    out = {}
    for cid, name, community, subdistrict, district in rows:
        if compounds is not None and cid not in compounds:
            continue
        # The units' names where the compound is placed (a gate's "温泉 社区" is 温泉社区 there).
        path = placed.path(placed.placed[cid]) if placed.placed.get(cid) in placed.units else []
        at = {u.level: u for u in path}
        community = at[units.COMMUNITY].name if units.COMMUNITY in at else community
        subdistrict = at[units.SUBDISTRICT].name if units.SUBDISTRICT in at else subdistrict
        district = at[units.DISTRICT].name if units.DISTRICT in at else district
        out[cid] = Place(cid, name, community, subdistrict, district,
                         at[units.COMMUNITY].id if units.COMMUNITY in at else None,
                         at[units.SUBDISTRICT].id if units.SUBDISTRICT in at else None)
    return out


COVERAGE_DAYS = (1, 90)  # "not visited for N days": the bounds a screen offers
DEFAULT_COVERAGE_DAYS = 7
PERIOD_PROBLEM = QT_TRANSLATE_NOOP("Supervision", "The period ends before it begins.")


def period_problem(day_from: date, day_to: date) -> Message | None:
    """Why a period cannot be reported on (it ends before it begins), or None."""
    return Message("Supervision", PERIOD_PROBLEM) if day_to < day_from else None


class PeriodRefused(Refused):
    context = "Supervision"

    def __init__(self):
        super().__init__(PERIOD_PROBLEM)


@dataclass(frozen=True)
class Coverage:
    place: Place
    last_visit: date | None  # the last signed-off visit (a mystery check or a follow-up counts)
    visits: int  # in the window

    def days_since(self, today: date) -> int | None:
        return (today - self.last_visit).days if self.last_visit else None


def coverage(conn: Connection, today: date, *, days: int, compounds: set[str] | None = None) -> list[Coverage]:
    """Every compound with its last visit and its visits in the last `days` days; those not visited
    in that time first (never visited before all), then the longest unvisited and the least visited."""
    if not COVERAGE_DAYS[0] <= days <= COVERAGE_DAYS[1]:
        raise ValueError(days)
    known = places(conn, compounds)
    since = (today - timedelta(days=days - 1)).isoformat()
    signed = Inspection.signed_at.is_not(None)
    last = dict(conn.execute(select(Inspection.compound_id, func.max(Inspection.day)).where(signed)
                             .group_by(Inspection.compound_id)).all())
    recent = dict(conn.execute(select(Inspection.compound_id, func.count()).where(signed, Inspection.day >= since,
                                                                                  Inspection.day <= today.isoformat())
                               .group_by(Inspection.compound_id)).all())
    rows = [Coverage(p, date.fromisoformat(last[cid]) if cid in last else None, recent.get(cid, 0))
            for cid, p in known.items()]
    return sorted(rows, key=lambda r: (r.visits > 0, r.last_visit or date.min, r.visits, r.place.community,
                                       r.place.compound))


@dataclass
class PartyLine:
    party: str
    party_name: str
    open: int = 0
    overdue: int = 0


def findings_by_party(conn: Connection, today: date, *, compounds: set[str] | None = None) -> list[PartyLine]:
    """Open and overdue findings per responsible party (a property company by its name), the most
    overdue first."""
    q = (select(Finding.party, Finding.party_name, Finding.compound_id, Finding.due_on)
         .where(Finding.status == FindingStatus.OPEN.value))
    lines: dict[tuple[str, str], PartyLine] = {}
    for party, name, cid, due in conn.execute(q):
        if compounds is not None and cid not in compounds:
            continue
        line = lines.setdefault((party, name), PartyLine(party, name))
        line.open += 1
        line.overdue += due < today.isoformat()
    return sorted(lines.values(), key=lambda r: (-r.overdue, -r.open, r.party, r.party_name))


@dataclass(frozen=True)
class Repeat:
    compound_id: str
    compound: str
    gate: str
    code: str
    text: str
    times_found: int
    status: str


def repeats(conn: Connection, *, compounds: set[str] | None = None) -> list[Repeat]:
    """Problems found more than once at the same compound (and gate), the most often first."""
    q = (select(Finding.compound_id, Finding.compound_name, Finding.gate_name, Finding.code, Finding.text,
                Finding.times_found, Finding.status).where(Finding.times_found > 1))
    rows = [Repeat(*r) for r in conn.execute(q) if compounds is None or r[0] in compounds]
    return sorted(rows, key=lambda r: (-r.times_found, r.compound, r.code))


@dataclass
class LeagueLine:
    name: str
    visits: int = 0
    passed: int = 0
    points: list[int] = field(default_factory=list)
    findings_open: int = 0
    overdue: int = 0

    @property
    def mean_points(self) -> float | None:
        return round(sum(self.points) / len(self.points), 1) if self.points else None

    @property
    def pass_rate(self) -> float | None:
        return round(100 * self.passed / self.visits, 1) if self.visits else None


LEVELS = ("community", "subdistrict", "property")


def league(conn: Connection, day_from: date, day_to: date, today: date, *, level: str,
           compounds: set[str] | None = None) -> list[LeagueLine]:
    """Visits (a team's, against a scored standard or a checklist; not follow-ups) between two days,
    per community, sub-district or property company: how many passed, the mean score, and the
    findings still open and overdue today. Best first: the pass rate, then the mean score, then the
    fewest overdue; the end of the list is the black list, its start the red list."""
    if level not in LEVELS:
        raise ValueError(level)
    if period_problem(day_from, day_to):
        raise PeriodRefused()
    known = places(conn, compounds)
    visits = conn.execute(select(Inspection.id, Inspection.compound_id, Inspection.points, Inspection.passed)
                          .where(Inspection.signed_at.is_not(None), Inspection.follows_id.is_(None),
                                 Inspection.day >= day_from.isoformat(), Inspection.day <= day_to.isoformat())).all()
    findings = conn.execute(select(Finding.compound_id, Finding.party, Finding.party_name, Finding.due_on)
                            .where(Finding.status == FindingStatus.OPEN.value)).all()
    # A compound's property company as the census names it (its community's, or sent up with its
    # census); one not counted yet, the one its findings named.
    company = dict(conn.execute(select(Finding.compound_id, func.max(Finding.party_name))
                                .where(Finding.party == "property", Finding.party_name != "")
                                .group_by(Finding.compound_id)).all())
    company.update(conn.execute(select(CompoundCensus.compound_id, CompoundCensus.property_company).where(
        CompoundCensus.kind == CompoundKind.PROPERTY.value, CompoundCensus.property_company != "")).all())

    def group(cid: str) -> tuple[str, str] | None:
        """(the group's key, its name): a unit by its id, a company by its name."""
        p = known.get(cid)
        if p is None:
            return None
        if level == "property":
            return (company[cid], company[cid]) if company.get(cid) else None
        unit, name, parent = ((p.community_unit, p.community, p.subdistrict) if level == "community"
                              else (p.subdistrict_unit, p.subdistrict, p.district))
        if not name:
            return None
        return (unit or f"{parent}/{name}", name, parent)

    keyed = {cid: group(cid) for cid in known}
    named: dict[str, set[str]] = defaultdict(set)
    for g in filter(None, keyed.values()):
        named[g[1]].add(g[0])
    lines: dict[str, LeagueLine] = {}
    for _id, cid, points, passed in visits:
        g = keyed.get(cid)
        if g is None:
            continue
        if g[0] not in lines:
            shown = g[1] if len(named[g[1]]) < 2 or len(g) < 3 or not g[2] else f"{g[1]}（{g[2]}）"
            lines[g[0]] = LeagueLine(shown)
        line = lines[g[0]]
        line.visits += 1
        line.passed += bool(passed)
        if points is not None:
            line.points.append(points)
    for cid, _party, _name, due in findings:
        g = keyed.get(cid)
        if g is not None and g[0] in lines:
            lines[g[0]].findings_open += 1
            lines[g[0]].overdue += due < today.isoformat()
    return sorted(lines.values(), key=lambda r: (-(r.pass_rate or 0), -(r.mean_points or 0), r.overdue, r.name))


@dataclass(frozen=True)
class VisitPhotos:
    """A signed visit to a compound with the photos its team took (those not yet aged out)."""

    visit: Inspection
    items: dict[str, str]  # the standard's item id -> "code text", to say what each photo shows
    photos: list[InspectionPhoto]


@dataclass(frozen=True)
class CompoundPhotos:
    visits: list[VisitPhotos]  # the newest first
    older: int = 0  # visits with photos left out: older than those shown, past MAX_SHOWN


MAX_SHOWN = 120  # photos in one look (at most ~48 MB as kept), the newest visits' first


def compound_photos(session: Session, compound_id: str, *, at_most: int = MAX_SHOWN) -> CompoundPhotos:
    """The compound's signed visits that kept photos, the newest first, as many whole visits as
    at_most photos allow (always the newest): three reads, whatever the number of visits."""
    kept = func.length(InspectionPhoto.data) > 0
    counts = (select(InspectionPhoto.inspection_id, func.count().label("n")).where(kept)
              .group_by(InspectionPhoto.inspection_id).subquery())
    found = session.execute(select(Inspection, counts.c.n).join(counts, counts.c.inspection_id == Inspection.id)
                            .where(Inspection.compound_id == compound_id, Inspection.signed_at.is_not(None))
                            .order_by(Inspection.day.desc(), Inspection.signed_at.desc(), Inspection.id)).all()
    shown, total = [], 0
    for visit, n in found:
        if shown and total + n > at_most:
            break
        shown.append(visit)
        total += n
    if not shown:
        return CompoundPhotos([])
    photos: dict[str, list[InspectionPhoto]] = {}
    # Sorted here, not by the database: its sorter would copy every picture's bytes once more.
    for photo in sorted(session.scalars(select(InspectionPhoto).where(
            InspectionPhoto.inspection_id.in_([v.id for v in shown]), kept)), key=lambda p: (p.created_at, p.id)):
        photos.setdefault(photo.inspection_id, []).append(photo)
    labels: dict[str, dict[str, str]] = {}
    for item in session.scalars(select(StandardItem).where(
            StandardItem.standard_id.in_({v.standard_id for v in shown}))):
        labels.setdefault(item.standard_id, {})[item.id] = f"{item.code} {item.text}"
    return CompoundPhotos([VisitPhotos(v, labels.get(v.standard_id, {}), photos.get(v.id, [])) for v in shown],
                          len(found) - len(shown))
