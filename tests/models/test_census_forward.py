"""The compounds' census goes up: a community office's forward carries its census (format 8), the
district counts its compounds by kind and ranks property companies by it, a compound the census
added arrives placed in its community, and a relay can count only the compounds of its own unit."""
from __future__ import annotations

import base64
import io
import json
import zipfile
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from models import supervision
from models.formats import bundle
from models.office import supervision as board
from models.setup.site import Compound
from models.supervision.photos import prepare
from models.sync.forward import identity
from models.sync import Importer, OfficeUnit, ensure_office, forward_bundle, set_office_unit, units
from tests.models.test_forward import community, district, gates  # noqa: F401 - fixtures
from tests.models.test_forward import LATER, UNIT, forged, import_into
from tests.models.test_sync import snapshot
from tests.sync_helpers import enroll, lines


def compound_of(gates, name) -> str:  # noqa: F811
    with zipfile.ZipFile(gates[name][1]) as zf:
        return json.loads(zf.read("manifest.json"))["compound"]["id"]


def count(db, compound_id, kind, company="", *, by="", scan=None, at=LATER - timedelta(minutes=30)):
    """A census line typed at the office (the service's core step, on the office's own station)."""
    with db.session() as s:
        row = supervision.set_census(s, compound_id=compound_id, kind=kind, property_company=company,
                                     pledge_day=date(2022, 11, 20) if by else None, pledge_by=by,
                                     ctx=office_ctx(s, at), operator_id=None, now=at)
        if scan is not None:
            supervision.attach_pledge(s, compound_id=compound_id, scan=scan, now=at)
        s.commit()
        return row.id


def office_ctx(s, at):
    """The office's ids on the wire (an office made on the command line has no station row)."""
    me = identity(s, at)
    return SimpleNamespace(station_id=me.station_id, gate_id=me.gate_id)


def add_compound(db, name, where, at=LATER - timedelta(minutes=30), unit=UNIT) -> str:
    """A compound with no gate station, added by the community's census sheet (as load_census adds it)."""
    with db.session() as s:
        ctx = office_ctx(s, at)
        c = Compound(station_id=ctx.station_id, gate_id=ctx.gate_id, created_at=at, updated_at=at, name=name,
                     community=where, subdistrict=unit.subdistrict, district=unit.district)
        s.add(c)
        s.flush()
        units.place_compounds(s.connection(), [(c.id, unit.district, unit.subdistrict, where)])
        s.commit()
        return c.id


@pytest.fixture
def scan(tmp_path):
    from PIL import Image

    Image.new("RGB", (900, 1200), (240, 240, 230)).save(tmp_path / "承诺书.png")
    return prepare(tmp_path / "承诺书.png")


@pytest.fixture
def counted(gates, community, scan):  # noqa: F811
    """温泉社区 has counted its two gated compounds and one without a PC."""
    a, b = compound_of(gates, "A"), compound_of(gates, "B")
    count(community, a, "property", "榕城物业", by="陈经理", scan=scan)
    count(community, b, "owners")
    river = add_compound(community, "河畔小区", "温泉社区")
    count(community, river, "none")
    return a, b, river


def census_of(db) -> dict[str, tuple]:
    with db.reading() as s:
        return {r.compound_id: (r.kind, r.property_company, r.pledge_day, r.pledge_by, r.plan,
                                bytes(r.pledge_scan) if r.pledge_scan else None)
                for r in s.scalars(select(supervision.CompoundCensus))}


def forward_at(db, tmp_path, minutes):
    return forward_bundle(db, tmp_path / "up", now=LATER + timedelta(minutes=minutes))


def version_of(path) -> int:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(bundle.MANIFEST))["format_version"]


def test_the_communitys_census_reaches_the_district_and_counts_there(gates, community, district, counted, scan,  # noqa: F811
                                                                      tmp_path):
    a, b, river = counted
    sent = forward_at(community, tmp_path, 0)
    assert (version_of(sent.path), sent.counts["compound_census"]) == (bundle.CENSUS_FORMAT_VERSION, 3)
    enroll(district, sent.path)
    summary = import_into(district, sent.path)
    assert summary.status == "accepted", summary.problem
    assert (summary.created["compound_census"], summary.created["compound"]) == (3, 3)  # A's, B's, 河畔小区
    there = census_of(district)
    assert there == census_of(community)
    assert there[a][5] == scan.data  # the pledge's scan, byte for byte
    with district.reading() as s:
        assert supervision.by_kind(s) == {"property": 1, "none": 1, "owners": 1, "uncounted": 0}
        added = s.get(Compound, river)
        assert (added.name, added.community, added.station_id) == ("河畔小区", "温泉社区", community_station(community))
        tree = units.tree(s)
        assert tree.units[tree.placed[river]].name == "温泉社区"
        lines_ = {r.compound: r for r in supervision.census_rows(s)}
        assert lines_["榕城花园"].pledge_by == "陈*理"  # on screen, masked, as at the community
    with district.engine.connect() as conn:
        places = board.places(conn)
        assert places[river].community == "温泉社区"
    # the same file again changes nothing
    before = snapshot(district)
    assert import_into(district, sent.path).status == "accepted"
    assert snapshot(district) == before


def community_station(db) -> str:
    with db.session() as s:
        return identity(s, LATER).station_id


def test_only_what_changed_goes_up_again_and_the_latest_stands(gates, community, district, counted, tmp_path):  # noqa: F811
    a, b, river = counted
    first = forward_at(community, tmp_path, 0)
    enroll(district, first.path)
    assert import_into(district, first.path).status == "accepted"
    # nothing counted since: the next forward is the relay's format 4, which older offices read
    quiet = forward_at(community, tmp_path, 30)
    assert version_of(quiet.path) == bundle.RELAY_FORMAT_VERSION and "compound_census" not in quiet.counts
    assert import_into(district, quiet.path).status == "accepted"
    count(community, b, "property", "三坊物业", at=LATER + timedelta(minutes=40))
    changed = forward_at(community, tmp_path, 60)
    assert changed.counts["compound_census"] == 1
    summary = Importer(district, clock=lambda: LATER + timedelta(hours=2)).run(changed.path)
    assert summary.status == "accepted", summary.problem
    assert summary.updated == {"compound_census": 1}
    assert census_of(district)[b][:2] == ("property", "三坊物业")
    with district.reading() as s:
        assert supervision.by_kind(s) == {"property": 2, "none": 1, "owners": 0, "uncounted": 0}


def test_the_league_ranks_property_companies_by_the_census(gates, community, district, counted, tmp_path):  # noqa: F811
    """A property company is named by the census, not only by the findings made against it."""
    from models.supervision.tables import Inspection

    a, _b, _river = counted
    sent = forward_at(community, tmp_path, 0)
    enroll(district, sent.path)
    assert import_into(district, sent.path).status == "accepted"
    from models.supervision import standards

    with district.session() as s:  # a visit signed at 榕城花园 (no finding names its company)
        here = office_ctx(s, LATER)
        standards.install_shipped(s, ctx=here, now=LATER)
        [standard, *_] = standards.current(s)
        s.add(Inspection(station_id=here.station_id, compound_id=a, compound_name="榕城花园",
                         standard_id=standard.id, day="2022-11-28", announced=True, points=92, passed=True,
                         signed_at=LATER, created_at=LATER, updated_at=LATER))
        s.commit()
    with district.engine.connect() as conn:
        by_company = board.league(conn, date(2022, 11, 28), date(2022, 11, 28), date(2022, 11, 28), level="property")
    assert [(r.name, r.visits, r.passed) for r in by_company] == [("榕城物业", 1, 1)]


@pytest.fixture
def above(tmp_path, open_office):
    """温泉街道's office and 鼓楼区's, on the engine of this run."""
    made = [open_office_at(tmp_path / name, unit, open_office)
            for name, unit in (("sub", OfficeUnit("鼓楼区", "温泉街道", "")), ("top", OfficeUnit("鼓楼区", "", "")))]
    yield made
    for db in made:
        db.close()


def test_through_a_subdistrict_the_census_reaches_the_district(gates, community, counted, tmp_path, above):  # noqa: F811
    _a, _b, river = counted
    sub, top = above
    up = forward_at(community, tmp_path, 0)
    enroll(sub, up.path)
    assert Importer(sub, clock=lambda: LATER + timedelta(minutes=20)).run(up.path).status == "accepted"
    upper = forward_bundle(sub, tmp_path / "up2", now=LATER + timedelta(minutes=30))
    assert upper.counts["compound_census"] == 3
    enroll(top, upper.path)
    summary = Importer(top, clock=lambda: LATER + timedelta(hours=1)).run(upper.path)
    assert summary.status == "accepted", summary.problem
    assert census_of(top) == census_of(community)
    with top.reading() as s:
        assert s.get(Compound, river).name == "河畔小区"
        assert supervision.by_kind(s) == {"property": 1, "none": 1, "owners": 1, "uncounted": 0}


def test_a_line_waiting_for_its_gate_counts_once_the_gate_reports(gates, community, counted, tmp_path,  # noqa: F811
                                                                   above, monkeypatch):
    """A sub-district holds 榕城花园's census line before 榕城花园's gate bundle has come up to it (a
    forward holds at most so many gates' bundles): the line waits there and goes up nameless, the
    district keeps it, and counts it when the gate's bundle comes, which is not refused for it."""
    from models.sync import forward as forward_module

    a, _b, _river = counted
    sub, top = above
    monkeypatch.setattr(forward_module, "MAX_RELAYED", 0)
    up = forward_at(community, tmp_path, 0)
    monkeypatch.undo()
    enroll(sub, up.path)
    assert Importer(sub, clock=lambda: LATER + timedelta(minutes=20)).run(up.path).status == "accepted"
    with sub.reading() as s:
        assert s.get(Compound, a) is None and census_of(sub)[a][:2] == ("property", "榕城物业")
    upper = forward_bundle(sub, tmp_path / "up2", now=LATER + timedelta(minutes=30))
    [line] = [json.loads(x) for x in census_member(upper.path).splitlines() if a.encode() in x]
    assert line["compound"] == {"name": "", "community": "", "subdistrict": "温泉街道", "district": "鼓楼区",
                                "own": False}
    enroll(top, upper.path)
    assert Importer(top, clock=lambda: LATER + timedelta(hours=1)).run(upper.path).status == "accepted"
    with top.reading() as s:
        assert s.get(Compound, a) is None and supervision.by_kind(s)["property"] == 0
    enroll(top, gates["A"][0])
    taken = Importer(top, clock=lambda: LATER + timedelta(hours=1)).run(gates["A"][1])
    assert taken.status == "accepted", taken.problem  # the gate's own compound: not refused
    with top.reading() as s:
        assert supervision.by_kind(s)["property"] == 1


# -- what a relay may not do with a census ------------------------------------------------------
def census_member(path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("census.jsonl")


def edit_lines(edit):
    """A members= edit of census.jsonl: each line as a dict, changed by edit (None drops it)."""
    def apply(raw: bytes) -> bytes:
        out = []
        for line in lines(raw):
            changed = edit(line)
            if changed is not None:
                out.append(json.dumps(changed, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
        return "".join(x + "\n" for x in out).encode()
    return apply


def on(cid, change):
    def edit(line):
        if line["census"]["compound_id"] == cid:
            change(line)
        return line
    return edit


def jpeg(**kw) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", kw.pop("size", (400, 300)), (200, 200, 200)).save(out, format="JPEG", **kw)
    return out.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture
def sent(gates, community, district, counted, tmp_path):  # noqa: F811
    made = forward_at(community, tmp_path, 0)
    enroll(district, made.path)
    return made


def refused(office, path, code):
    before = snapshot(office)
    summary = import_into(office, path)
    assert (summary.status, summary.problem.code if summary.problem else None) == ("rejected", code), \
        summary.problem and summary.problem.message
    assert snapshot(office) == before
    return summary


def test_a_relay_cannot_count_a_compound_outside_its_unit(gates, community, district, counted, sent, tmp_path):  # noqa: F811
    a, b, river = counted
    c = compound_of(gates, "C")  # 金山小区, in 东街社区, reported to the district by its own gate
    enroll(district, gates["C"][0])
    assert import_into(district, gates["C"][1]).status == "accepted"

    def claim_c(line):
        line["census"]["compound_id"] = c
        line["compound"].update(name="金山小区", community="温泉社区")  # says it is in its own community
    bad = forged(community, sent, tmp_path, members={"census.jsonl": edit_lines(on(river, claim_c))})
    summary = refused(district, bad, "not_in_scope")
    assert "东街社区" in summary.problem.message.params["where"]  # where the district has it

    def elsewhere(line):
        line["compound"].update(community="东街社区", subdistrict="东街街道")
    bad = forged(community, sent, tmp_path, name="away.gdbundle",
                 members={"census.jsonl": edit_lines(on(river, elsewhere))})
    refused(district, bad, "not_in_scope")


def test_a_census_line_that_is_not_as_the_format_says_is_refused(gates, community, district, counted, sent,  # noqa: F811
                                                                  tmp_path):
    a, b, river = counted
    exif = jpeg(exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x00")
    wrong = {
        "kind": lambda line: line["census"].update(kind="sometimes"),
        "long": lambda line: line["census"].update(property_company="物" * 101),
        "nul": lambda line: line["census"].update(plan="a\u0000b"),
        "day": lambda line: line["census"].update(pledge_day="2022-02-30"),
        "field": lambda line: line["census"].update(secret=1),
        "place_field": lambda line: line["compound"].update(grid="x"),
        "missing": lambda line: line["census"].pop("plan"),
        "future": lambda line: line["census"].update(created_at="2099-01-01T00:00:00.000000Z"),
        "png": lambda line: line["census"].update(pledge_scan=b64(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)),
        "exif": lambda line: line["census"].update(pledge_scan=b64(exif)),
        "after": lambda line: line["census"].update(pledge_scan=b64(jpeg() + b"hidden")),
        "huge_side": lambda line: line["census"].update(pledge_scan=b64(jpeg(size=(1700, 100)))),
        "too_big": lambda line: line["census"].update(pledge_scan=b64(b"\xff\xd8" + b"\x00" * (400 << 10))),
        "nameless_own": lambda line: line["compound"].update(name=""),
    }
    for n, (label, change) in enumerate(wrong.items()):
        bad = forged(community, sent, tmp_path, name=f"{n}.gdbundle",
                     members={"census.jsonl": edit_lines(on(river, change))})
        summary = refused(district, bad, "invalid_record")
        assert summary.problem.message.text, label
    twice = forged(community, sent, tmp_path, name="twice.gdbundle", members={
        "census.jsonl": lambda raw: raw + b"".join(x + b"\n" for x in raw.splitlines() if river.encode() in x)})
    refused(district, twice, "duplicate_record")
    garbage = forged(community, sent, tmp_path, name="garbage.gdbundle",
                     members={"census.jsonl": lambda raw: raw + b"{not json\n"})
    refused(district, garbage, "invalid_record")


def test_the_census_member_belongs_to_format_8_alone(gates, community, district, counted, sent, tmp_path):  # noqa: F811
    older = forged(community, sent, tmp_path, name="four.gdbundle",
                   manifest=lambda m: m.update(format_version=bundle.RELAY_FORMAT_VERSION))
    refused(district, older, "unexpected_member")

    def drop(m):
        m["members"] = [x for x in m["members"] if x["type"] != "census"]
    missing = forged(community, sent, tmp_path, name="none.gdbundle", manifest=drop, drop=("census.jsonl",))
    refused(district, missing, "missing_member")


def test_a_gate_cannot_send_a_census(gates, district, tmp_path):  # noqa: F811
    """Format 8 is an office's: a gate's bundle claiming it is refused before anything is read."""
    from tests.sync_helpers import craft, signing_key

    db, path = gates["A"]
    bad = craft(path, tmp_path / "gate8.gdbundle", signing_key(db),
                manifest=lambda m: m.update(format_version=bundle.CENSUS_FORMAT_VERSION))
    enroll(district, db)
    refused(district, bad, "bad_manifest")


def test_a_gate_that_named_no_unit_is_where_its_relay_placed_it(gates, community, district, tmp_path):  # noqa: F811
    """A gate whose set-up named no unit is placed at the district in the community that relayed it:
    another community's census cannot claim it, though the compound's own record names no unit."""
    from tests.models.test_forward import make_gate

    bare_db, bare_path = make_gate(tmp_path / "bare", "无名小区", "南门", ("", "", ""), seed=9)
    try:
        enroll(community, bare_db)
        assert Importer(community, clock=lambda: LATER - timedelta(minutes=30)).run(bare_path).status == "accepted"
        sent = forward_at(community, tmp_path, 0)
        enroll(district, sent.path)
        assert import_into(district, sent.path).status == "accepted"
        bare = compound_of({"X": (bare_db, bare_path)}, "X")
        eastern = OfficeUnit("鼓楼区", "东街街道", "东街社区")
        east = open_office_at(tmp_path / "east", eastern)
        try:
            own = add_compound(east, "东街大院", "东街社区", unit=eastern)
            count(east, own, "none")
            made = forward_at(east, tmp_path, 5)

            def claim(line):
                line["census"]["compound_id"] = bare
                line["compound"]["own"] = False
                return line
            bad = forged(east, made, tmp_path, name="claim.gdbundle", members={"census.jsonl": edit_lines(claim)})
            enroll(district, made.path)
            summary = refused(district, bad, "not_in_scope")
            assert "温泉社区" in summary.problem.message.params["where"]
            assert import_into(district, made.path).status == "accepted"  # its own compound, in its unit
        finally:
            east.close()
    finally:
        bare_db.close()


def open_office_at(root, unit, opener=None):
    from models.store.db import open_database

    db = (opener or open_database)(root / "gatedesk.sqlite3")
    ensure_office(db)
    with db.session() as s:
        set_office_unit(s, unit)
        s.commit()
    return db
