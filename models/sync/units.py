"""Organisation units at the office: district → sub-district → community → grid → compound.

A gate's set-up names its district, sub-district and community; the office turns those names into
units, one per name under its parent, when the compound arrives, and places the compound in the
lowest one named. Names typed at many gates differ ("温泉社区", "温泉 社区"): the office corrects
them (rename, move a compound) and merges two units into one; a merged unit keeps answering to its
old name, so the next bundle with the old spelling lands in the right place. A compound placed by
hand at the office stays where it was put. Grids are made at the office.

The tables are the office's own: nothing here travels in a gate's bundle.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, Index, select
from sqlmodel import Field, Session, SQLModel

from models.setup.site import Compound
from models.store.i18n import QT_TRANSLATE_NOOP, Refused
from models.store.records import new_id

DISTRICT, SUBDISTRICT, COMMUNITY, GRID = "district", "subdistrict", "community", "grid"
LEVELS = (DISTRICT, SUBDISTRICT, COMMUNITY, GRID)  # from the top; a compound sits below the lowest
LEVEL_LABELS = {
    DISTRICT: QT_TRANSLATE_NOOP("Units", "District"),
    SUBDISTRICT: QT_TRANSLATE_NOOP("Units", "Sub-district"),
    COMMUNITY: QT_TRANSLATE_NOOP("Units", "Community"),
    GRID: QT_TRANSLATE_NOOP("Units", "Grid"),
}
TOP = ""  # the parent of a district
HOLDS_COMPOUNDS = (COMMUNITY, GRID)  # where the office may place a compound by hand
HOLDS_GRIDS = COMMUNITY
NAME_MAX = 100


class OrgUnit(SQLModel, table=True):
    __tablename__ = "org_unit"
    __table_args__ = (Index("uq_org_unit_name", "level", "parent_id", "name", unique=True),)

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    level: str = Field(max_length=12)
    name: str = Field(max_length=NAME_MAX)
    parent_id: str = Field(default=TOP, max_length=36)
    merged_into: str | None = Field(default=None, max_length=36)  # an alias of that unit now


class CompoundPlace(SQLModel, table=True):
    """Where a compound (by the id of its record at the office) sits: the lowest unit above it."""

    __tablename__ = "org_compound"
    __table_args__ = (Index("ix_org_compound_unit", "unit_id"),)

    compound_id: str = Field(primary_key=True, max_length=36)
    unit_id: str = Field(max_length=36)
    by_office: bool = False  # put there by hand: an import does not move it back


class OperatorScope(SQLModel, table=True):
    """An office account that sees one unit's subtree only (none: the whole database)."""

    __tablename__ = "operator_scope"

    operator_id: str = Field(primary_key=True, max_length=36)
    unit_id: str = Field(max_length=36)


_AROUND_CJK = re.compile(r"\s*([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])\s*")


def clean_name(name: str | None) -> str:
    """One spelling per name: spaces collapsed, and none beside a Chinese character ("温泉 社区")."""
    return _AROUND_CJK.sub(r"\1", " ".join((name or "").split()))[:NAME_MAX]


def _find_or_make(conn: Connection, level: str, name: str, parent: str) -> str:
    """The unit of that name under parent (following merges), made when there is none. Two office
    PCs making the same one at once: the unique name makes one of them run its file again."""
    row = conn.execute(select(OrgUnit.id, OrgUnit.merged_into).where(
        OrgUnit.level == level, OrgUnit.parent_id == parent, OrgUnit.name == name)).first()
    if row is None:
        unit_id = new_id()
        conn.execute(OrgUnit.__table__.insert().values(id=unit_id, level=level, name=name, parent_id=parent,
                                                      merged_into=None))
        return unit_id
    return _final(conn, row[0], row[1])


def _final(conn: Connection, unit_id: str, merged_into: str | None) -> str:
    seen = {unit_id}
    while merged_into is not None and merged_into not in seen:
        seen.add(merged_into)
        unit_id = merged_into
        merged_into = conn.execute(select(OrgUnit.merged_into).where(OrgUnit.id == unit_id)).scalar()
    return unit_id


def place_compounds(conn: Connection, compounds: Iterable[tuple[str, str, str, str]],
                    grids: dict[str, str] | None = None) -> None:
    """(compound id, district, sub-district, community) as a gate's set-up names them, and the grid
    of each that names one: each in the lowest unit named (a level left empty is skipped; a grid
    only inside a community named), unless the office placed it by hand."""
    for compound_id, district, subdistrict, community in compounds:
        grid = (grids or {}).get(compound_id) if clean_name(community) else ""
        held = conn.execute(select(CompoundPlace.by_office, CompoundPlace.unit_id)
                            .where(CompoundPlace.compound_id == compound_id)).first()
        if held is not None and held[0]:
            continue
        parent = TOP
        for level, name in ((DISTRICT, district), (SUBDISTRICT, subdistrict), (COMMUNITY, community), (GRID, grid)):
            if clean_name(name):
                parent = _find_or_make(conn, level, clean_name(name), parent)
        if held is not None and held[1] == parent:
            continue  # where it was (each day's bundle, as a rule): nothing to write
        if held is not None:
            conn.execute(CompoundPlace.__table__.delete().where(CompoundPlace.compound_id == compound_id))
        if parent != TOP:
            conn.execute(CompoundPlace.__table__.insert().values(compound_id=compound_id, unit_id=parent,
                                                                by_office=False))


def placed_by_office(conn: Connection, compound_id: str, *, by_hand: bool = True) -> tuple[str, str, str] | None:
    """(district, sub-district, community) of a compound an office user placed by hand (by_hand
    False: placed here at all, by hand or as its gate's set-up and relay named it), else None."""
    query = select(CompoundPlace.unit_id).where(CompoundPlace.compound_id == compound_id)
    row = conn.execute(query.where(CompoundPlace.by_office.is_(True)) if by_hand else query).first()
    if row is None:
        return None
    names = {}
    unit_id, seen = row[0], set()
    while unit_id != TOP and unit_id not in seen:
        seen.add(unit_id)
        unit = conn.execute(select(OrgUnit.level, OrgUnit.name, OrgUnit.parent_id).where(OrgUnit.id == unit_id)).first()
        if unit is None:
            break
        names[unit[0]] = unit[1]
        unit_id = unit[2]
    return names.get(DISTRICT, ""), names.get(SUBDISTRICT, ""), names.get(COMMUNITY, "")


@dataclass(frozen=True)
class OfficeUnit:
    district: str = ""
    subdistrict: str = ""
    community: str = ""

    @property
    def names(self) -> tuple[str, str, str]:
        return self.district, self.subdistrict, self.community

    @property
    def empty(self) -> bool:
        return not any(self.names)

    def shown(self) -> str:
        return " / ".join(n for n in self.names if n)

    def cleaned(self) -> OfficeUnit:
        return OfficeUnit(*(clean_name(n) for n in self.names))


def place_here(conn: Connection, compound_id: str, named: OfficeUnit, *, by_hand: bool = True) -> OfficeUnit:
    """Where a compound is for this office: where an administrator here placed it (by_hand False:
    where it is placed here at all), else what its gate's signed set-up (or the census line that
    brought it) names."""
    placed = placed_by_office(conn, compound_id, by_hand=by_hand)
    return OfficeUnit(*placed).cleaned() if placed is not None else named.cleaned()


def outside(unit: OfficeUnit, theirs: OfficeUnit) -> bool:
    """A place that names, at some level, another unit than this one."""
    return any(mine and other and mine != other for mine, other in zip(unit.names, theirs.names))


def grids_of(conn: Connection, compound_ids: Iterable[str]) -> dict[str, str]:
    """The grid each compound is placed in here (by its gate's set-up or by the office), by name."""
    ids = list(compound_ids)
    if not ids:
        return {}
    return dict(conn.execute(select(CompoundPlace.compound_id, OrgUnit.name)
                             .join(OrgUnit, OrgUnit.id == CompoundPlace.unit_id)
                             .where(CompoundPlace.compound_id.in_(ids), OrgUnit.level == GRID)).all())


# -- the tree, as screens and reports read it ---------------------------------------------------
@dataclass
class Unit:
    id: str
    level: str
    name: str
    parent_id: str
    children: list[str] = field(default_factory=list)
    compounds: list[str] = field(default_factory=list)  # compound record ids placed directly here


@dataclass
class Tree:
    units: dict[str, Unit]
    placed: dict[str, str]  # compound id -> unit id
    compound_names: dict[str, str] = field(default_factory=dict)  # compound id -> name

    def roots(self) -> list[str]:
        return sorted((u.id for u in self.units.values() if u.parent_id == TOP or u.parent_id not in self.units),
                      key=lambda i: self.units[i].name)

    def below(self, unit_id: str | None) -> list[str]:
        """The units one level down (the districts at the top)."""
        if unit_id is None:
            return self.roots()
        return sorted(self.units[unit_id].children, key=lambda i: self.units[i].name)

    def subtree(self, unit_id: str) -> set[str]:
        out, todo = set(), [unit_id]
        while todo:
            current = todo.pop()
            if current in out or current not in self.units:
                continue
            out.add(current)
            todo += self.units[current].children
        return out

    def compounds_under(self, unit_id: str) -> set[str]:
        units = self.subtree(unit_id)
        return {c for c, u in self.placed.items() if u in units}

    def path(self, unit_id: str, *, below: str | None = None) -> list[Unit]:
        """From the top (or from just below unit `below`) down to this unit."""
        out, seen = [], set()
        while unit_id in self.units and unit_id not in seen and unit_id != below:
            seen.add(unit_id)
            out.append(self.units[unit_id])
            unit_id = self.units[unit_id].parent_id
        return out[::-1]

    def reaches(self, scope: str | None, unit_id: str) -> bool:
        """Whether an account limited to scope (None: to nothing) may look at unit_id."""
        return scope is None or unit_id in self.subtree(scope)

    def pruned(self, scope: str) -> Tree:
        """Only scope's subtree, scope at the top: what an account limited to it sees."""
        keep = self.subtree(scope)
        kept = {k: replace(u, parent_id=TOP if k == scope else u.parent_id, children=list(u.children),
                           compounds=list(u.compounds)) for k, u in self.units.items() if k in keep}
        placed = {c: u for c, u in self.placed.items() if u in keep}
        return Tree(kept, placed, {c: n for c, n in self.compound_names.items() if c in placed})

    def child_holding(self, unit_id: str | None, compound_id: str) -> str | None:
        """Which unit one level below unit_id holds this compound (None: not under unit_id)."""
        placed = self.placed.get(compound_id)
        if placed is None:
            return None
        chain = [u.id for u in self.path(placed)]
        if unit_id is None:
            return chain[0] if chain else None
        if unit_id not in chain:
            return None
        i = chain.index(unit_id)
        return chain[i + 1] if i + 1 < len(chain) else unit_id


def unit_named(t: Tree, district: str, subdistrict: str, community: str) -> str | None:
    """The unit a set-up's names point to (its lowest named level), or None when this office has no
    such unit (nor, then, any compound in it)."""
    found = None
    for level, name in ((DISTRICT, district), (SUBDISTRICT, subdistrict), (COMMUNITY, community)):
        name = clean_name(name)
        if not name:
            continue
        candidates = sorted(u.id for u in t.units.values() if u.level == level and u.name == name
                            and (found is None or u.parent_id == found))
        if not candidates:
            return None
        found = candidates[0]
    return found


def tree(session: Session) -> Tree:
    units = {u.id: Unit(u.id, u.level, u.name, u.parent_id)
             for u in session.execute(select(OrgUnit).where(OrgUnit.merged_into.is_(None))).scalars()}
    for u in units.values():
        if u.parent_id in units:
            units[u.parent_id].children.append(u.id)
    placed = dict(session.execute(select(CompoundPlace.compound_id, CompoundPlace.unit_id)).all())
    for compound_id, unit_id in placed.items():
        if unit_id in units:
            units[unit_id].compounds.append(compound_id)
    names = dict(session.execute(select(Compound.id, Compound.name).where(Compound.id.in_(
        select(CompoundPlace.compound_id)))).all())
    return Tree(units, placed, names)


def visible(session: Session, operator_id: str | None) -> tuple[Tree, str | None, set[str] | None]:
    """The units, the unit this account is limited to, and its compounds (None: all of them)."""
    t = tree(session)
    scope = scope_of(session, operator_id)
    return t, scope, None if scope is None else t.compounds_under(scope)


class OutOfReach(Exception):
    """A unit outside the account's own: refused (the service says NotAllowed)."""


def reachable_compounds(session: Session, operator_id: str | None, unit_id: str | None) -> set[str] | None:
    """The compounds under unit_id (the account's own unit's when None; None: all of them). Raises
    OutOfReach for a unit outside the account's."""
    t, scope, compounds = visible(session, operator_id)
    if unit_id is None:
        return compounds
    if not t.reaches(scope, unit_id):
        raise OutOfReach(unit_id)
    return t.compounds_under(unit_id)


def visible_stations(session: Session, operator_id: str | None) -> set[str] | None:
    """The stations (gates) whose compounds this account may see; None: all of them."""
    from models.sync.tables import SyncStation

    _, _, compounds = visible(session, operator_id)
    if compounds is None:
        return None
    return {sid for sid, cid in session.execute(select(SyncStation.station_id, SyncStation.compound_id))
            if cid in compounds}


def scope_of(session: Session, operator_id: str | None) -> str | None:
    """The unit an office account is limited to, or None for the whole database."""
    if operator_id is None:
        return None
    return session.execute(select(OperatorScope.unit_id).where(OperatorScope.operator_id == operator_id)).scalar()


# -- the office's corrections -------------------------------------------------------------------
class UnitRefused(Refused, ValueError):
    """A correction that would break the tree: the message says why, for people."""

    context = "Units"


def _unit(session: Session, unit_id: str) -> OrgUnit:
    unit = session.get(OrgUnit, unit_id)
    if unit is None or unit.merged_into is not None:
        raise UnitRefused(QT_TRANSLATE_NOOP("Units", "That unit no longer exists (it was merged or removed)."))
    return unit


def merge(session: Session, source_id: str, target_id: str) -> None:
    """Source becomes part of target (same level): its compounds and units below move there (a
    unit below with a name target already has joins that one), and its name stays an alias."""
    source, target = _unit(session, source_id), _unit(session, target_id)
    if source.id == target.id:
        return
    if source.level != target.level:
        raise UnitRefused(QT_TRANSLATE_NOOP("Units", "Only units of the same level can be merged."))
    if source.id in {u.id for u in _ancestors(session, target)}:
        raise UnitRefused(QT_TRANSLATE_NOOP("Units", "A unit cannot be merged into one below it."))
    for child in session.execute(select(OrgUnit).where(OrgUnit.parent_id == source.id,
                                                       OrgUnit.merged_into.is_(None))).scalars().all():
        twin = session.execute(select(OrgUnit).where(OrgUnit.parent_id == target.id, OrgUnit.level == child.level,
                                                     OrgUnit.name == child.name)).scalars().first()
        if twin is None:
            child.parent_id = target.id
            session.add(child)
        else:
            session.flush()
            merge(session, child.id, _final(session.connection(), twin.id, twin.merged_into))
    session.flush()
    session.execute(CompoundPlace.__table__.update().where(CompoundPlace.unit_id == source.id)
                    .values(unit_id=target.id))
    session.execute(OperatorScope.__table__.update().where(OperatorScope.unit_id == source.id)
                    .values(unit_id=target.id))
    source.merged_into = target.id
    session.add(source)
    session.flush()


def _ancestors(session: Session, unit: OrgUnit) -> list[OrgUnit]:
    out, seen = [], set()
    while unit is not None and unit.id not in seen:
        seen.add(unit.id)
        out.append(unit)
        unit = session.get(OrgUnit, unit.parent_id) if unit.parent_id != TOP else None
    return out


def rename(session: Session, unit_id: str, name: str) -> str:
    """The unit under its corrected name; onto a name a sibling has, the two become one (that
    sibling). Returns the id that holds it now."""
    unit = _unit(session, unit_id)
    name = clean_name(name)
    if not name:
        raise UnitRefused(QT_TRANSLATE_NOOP("Units", "A unit needs a name."))
    if name == unit.name:
        return unit.id
    sibling = session.execute(select(OrgUnit).where(OrgUnit.level == unit.level, OrgUnit.parent_id == unit.parent_id,
                                                    OrgUnit.name == name)).scalars().first()
    if sibling is not None and _final(session.connection(), sibling.id, sibling.merged_into) == unit.id:
        session.delete(sibling)  # back to an old spelling of its own: that alias is the name again
        session.flush()
        sibling = None
    if sibling is not None:
        target = _final(session.connection(), sibling.id, sibling.merged_into)
        merge(session, unit.id, target)
        return target
    # The old spelling stays an alias, so the next bundle naming it lands here.
    alias = OrgUnit(level=unit.level, name=unit.name, parent_id=unit.parent_id, merged_into=unit.id)
    unit.name = name
    session.add(unit)
    session.flush()
    session.add(alias)
    session.flush()
    return unit.id


def add_grid(session: Session, community_id: str, name: str) -> str:
    community = _unit(session, community_id)
    if community.level != HOLDS_GRIDS:
        raise UnitRefused(QT_TRANSLATE_NOOP("Units", "Grids are made inside a community."))
    name = clean_name(name)
    if not name:
        raise UnitRefused(QT_TRANSLATE_NOOP("Units", "A unit needs a name."))
    return _find_or_make(session.connection(), GRID, name, community.id)


def move_compound(session: Session, compound_id: str, unit_id: str) -> None:
    """Put a compound where the office says (it stays there whatever its gate's set-up says)."""
    unit = _unit(session, unit_id)
    if unit.level not in HOLDS_COMPOUNDS:
        raise UnitRefused(QT_TRANSLATE_NOOP("Units", "A compound belongs in a community or one of its grids."))
    session.execute(CompoundPlace.__table__.delete().where(CompoundPlace.compound_id == compound_id))
    session.execute(CompoundPlace.__table__.insert().values(compound_id=compound_id, unit_id=unit.id, by_office=True))


def set_scope(session: Session, operator_id: str, unit_id: str | None) -> None:
    session.execute(OperatorScope.__table__.delete().where(OperatorScope.operator_id == operator_id))
    if unit_id is not None:
        _unit(session, unit_id)
        session.execute(OperatorScope.__table__.insert().values(operator_id=operator_id, unit_id=unit_id))
