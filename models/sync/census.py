"""The compounds' census going up: an office's relaying bundle (format 8) carries each census line
changed since its previous forward, with the compound's place, and the office above takes them for
the compounds of the relaying office's unit.

The census is the office's own word (a community counts its compounds), not a gate's record: the
relaying office's signature is what vouches for it, as it vouches for nothing else in the file. So
a line may only speak of a compound inside the relaying office's unit (where the office above places
it, when it knows it), and it changes nothing but that compound's census line. A compound the census
itself added (one with no gate station) is added here too, in that unit; a compound a gate reported
is never changed by a census line. A line for a gate's compound not heard of here yet waits for the
gate's own bundle. Lines arrive in the order the offices forward them: the latest to arrive stands.
"""
from __future__ import annotations

import functools
from datetime import datetime, timedelta

import msgspec
from sqlalchemy import Connection, select

from models.formats import bundle, wire
from models.formats.bundle import BundleRejected
from models.setup.site import Compound
from models.store.i18n import QT_TRANSLATE_NOOP
from models.store.records import new_id
from models.supervision.census import not_compounds
from models.supervision.photos import scan_problem
from models.supervision.tables import CompoundCensus
from models.sync import units
from models.sync.batches import FUTURE_TOLERANCE
from models.sync.inbox import FileSummary
from models.sync.tables import SyncRecord
from models.sync.units import OfficeUnit

TYPE = "compound_census"
MAX_LINES = 20_000  # a district's compounds, a few times over
# Lines changed within this window before the previous forward go again (harmless: unchanged above).
OVERLAP = timedelta(minutes=5)
CONTENT = ("kind", "property_company", "pledge_day", "pledge_by", "pledge_scan", "plan")


class Place(msgspec.Struct, forbid_unknown_fields=True):
    """The compound a census line is of, where the forwarding office has it; `own`: added by a
    census (no gate station reports it), so the office above adds it too. No name: a gate's compound
    the forwarding office has not heard of from its gate yet (the line is kept waiting for it)."""

    name: wire.Text100
    community: wire.Text100
    subdistrict: wire.Text100
    district: wire.Text100
    own: bool


@functools.cache
def _schema() -> tuple[wire.RecordSchema, msgspec.json.Decoder]:
    census = wire.RecordSchema(TYPE, CompoundCensus.__table__, {}, wire.parse_wire_time, scan_problem)
    line = msgspec.defstruct("census_line", [("census", census.struct), ("compound", Place)],
                             forbid_unknown_fields=True)
    return census, msgspec.json.Decoder(line)


@functools.cache
def _codec() -> wire.Codec:
    return wire.codec_for(TYPE, CompoundCensus)


# -- going up --------------------------------------------------------------------------------
def outgoing(conn: Connection, unit: OfficeUnit, since: datetime | None) -> list[bytes]:
    """This office's census lines changed after `since` (every one when None), of the compounds
    inside its unit, each with its compound's place."""
    c, k = CompoundCensus.__table__, Compound.__table__
    query = (select(c, k.c.name.label("_name"), k.c.community.label("_community"),
                    k.c.subdistrict.label("_subdistrict"), k.c.district.label("_district"))
             .outerjoin(k, k.c.id == c.c.compound_id)
             .where(c.c.compound_id.not_in(not_compounds(conn)))
             .order_by(c.c.compound_id))
    if since is not None:
        query = query.where(c.c.updated_at > since - OVERLAP)
    rows = conn.execute(query).mappings().all()
    if not rows:
        return []
    reported = {r[0] for r in conn.execute(select(SyncRecord.id).where(
        SyncRecord.record_type == "compound", SyncRecord.id.in_([r["compound_id"] for r in rows])))}
    codec, out = _codec(), []
    for row in rows:
        if row["_name"] is None:  # a gate's compound whose gate has not reported here yet: the line waits above too
            place, name, own = unit, "", False
        else:
            place = units.place_here(conn, row["compound_id"], OfficeUnit(row["_district"], row["_subdistrict"],
                                                                        row["_community"]), by_hand=False)
            name, own = row["_name"], row["compound_id"] not in reported
        if units.outside(unit, place):
            continue  # not this office's to count
        out.append(wire.canonical_line({"census": codec.record(row), "compound": {
            "name": name, "community": place.community, "subdistrict": place.subdistrict,
            "district": place.district, "own": own}}))
    return out[:MAX_LINES]


# -- arriving --------------------------------------------------------------------------------
def apply(conn: Connection, opened: bundle.OpenBundle, member: bundle.Member, unit: OfficeUnit,
          summary: FileSummary, now: datetime) -> None:
    """The relaying office's census lines, in this file's transaction: one that is not valid, or of
    a compound outside the office's unit, refuses the file."""
    if member.records > MAX_LINES:
        raise BundleRejected("too_large", member=member.name)
    schema, decoder = _schema()
    latest = wire.wire_time(now + FUTURE_TOLERANCE)
    office = opened.manifest.compound.name
    seen: set[str] = set()
    for line in opened.lines(member):
        try:
            parsed = wire.decode_line(decoder, line)
            d = schema.check(parsed.census, latest)
        except wire.Invalid as exc:
            raise BundleRejected("invalid_record", record_id=exc.record_id or "?", member=member.name,
                                 detail=exc.detail) from None
        values = dict(zip(schema.stored, d.row))
        cid, place = values["compound_id"], parsed.compound
        if cid in seen:
            raise BundleRejected("duplicate_record", record_id=cid, member=member.name)
        seen.add(cid)
        known = conn.execute(select(Compound.name, Compound.district, Compound.subdistrict, Compound.community)
                             .where(Compound.id == cid)).first()
        named = OfficeUnit(*(known[1:] if known else (place.district, place.subdistrict, place.community)))
        # A known compound is where this office placed it (its gate's empty levels filled by the relay
        # that brought it, or by hand): a census line does not get to say.
        where = units.place_here(conn, cid, named, by_hand=False)
        if units.outside(unit, where):
            raise BundleRejected("not_in_scope", office=office, station=(known[0] if known else place.name)[:100],
                                 where=where.shown() or "-", unit=unit.shown())
        if known is None and place.own:
            if not place.name.strip():
                raise BundleRejected("invalid_record", record_id=cid, member=member.name,
                                     detail=wire.plain(QT_TRANSLATE_NOOP("Wire", "a compound without a name")))
            _add_compound(conn, cid, place, values, unit, summary)
        _store(conn, values, summary, now)


def _add_compound(conn: Connection, cid: str, place: Place, values: dict, unit: OfficeUnit,
                  summary: FileSummary) -> None:
    """A compound the census added below (no gate reports it): here too, placed in that unit."""
    community = place.community or unit.community
    conn.execute(Compound.__table__.insert().values(
        id=cid, station_id=values["station_id"], gate_id=None, operator_id=None, created_at=values["created_at"],
        updated_at=values["created_at"], rev=1, name=place.name, address="", community=community,
        subdistrict=place.subdistrict or unit.subdistrict, district=place.district or unit.district))
    units.place_compounds(conn, [(cid, place.district or unit.district, place.subdistrict or unit.subdistrict,
                                  community)])
    summary.created["compound"] = summary.created.get("compound", 0) + 1


def _store(conn: Connection, values: dict, summary: FileSummary, now: datetime) -> None:
    table = CompoundCensus.__table__
    held = conn.execute(select(table).where(table.c.compound_id == values["compound_id"])).mappings().first()
    if held is None:
        conn.execute(table.insert().values({**values, "id": new_id(), "updated_at": now, "rev": 1}))
        summary.created[TYPE] = summary.created.get(TYPE, 0) + 1
        return
    if all(held[name] == values[name] for name in CONTENT):
        summary.unchanged[TYPE] = summary.unchanged.get(TYPE, 0) + 1
        return
    # Who counted it and when it was first counted go with it (retention counts from then).
    conn.execute(table.update().where(table.c.id == held["id"]).values(
        {**{name: values[name] for name in (*CONTENT, "station_id", "gate_id", "operator_id", "created_at")},
         "updated_at": now, "rev": min(held["rev"] + 1, wire.REV_MAX)}))
    summary.updated[TYPE] = summary.updated.get(TYPE, 0) + 1
