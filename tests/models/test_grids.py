"""A gate's set-up names its grid (网格) inside its community: the office places the compound there,
a bundle from before grids still reads, the office's own placement wins, and the grid travels up
with a community office's bundle."""
from __future__ import annotations

import json
import zipfile
from datetime import timedelta

import pytest
from sqlalchemy import text

from models.app.demo import create_demo
from models.kit.validation import InvalidInput
from models.setup.site import compound_grid
from models.store.db import open_database
from models.sync import Importer, ensure_office, export_bundle, forward_bundle, set_office_unit, units
from models.trust.first_run import SetupForm, complete_setup
from tests.conftest import NOW
from tests.models.test_forward import UNIT
from tests.sync_helpers import craft, enroll, signing_key

LATER = NOW + timedelta(hours=2)
NAMES = ("鼓楼区", "温泉街道", "温泉社区")


def make_gate(root, compound, gate, grid, seed):
    """A gate whose set-up named 鼓楼区 / 温泉街道 / 温泉社区 and the grid (or none), with its first bundle."""
    db = open_database(root / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=10, parcels_per_day=2, seed=seed, compound=compound, gate=gate, now=NOW)
    with db.engine.begin() as c:
        c.execute(text("UPDATE compound SET district = :d, subdistrict = :s, community = :c, rev = rev + 1"),
                  dict(zip("dsc", NAMES)))
        if grid:
            c.execute(text("INSERT INTO meta (key, value) VALUES ('compound_grid', :g)"), {"g": grid})
    return db, export_bundle(db, root / "usb", sheets=False, now=NOW + timedelta(minutes=1)).path


@pytest.fixture(scope="module")
def gates(tmp_path_factory):
    root = tmp_path_factory.mktemp("grids")
    out = {"A": make_gate(root / "A", "榕城花园", "东门", "第3网格", 1),
           "B": make_gate(root / "B", "三坊小区", "北门", "", 2)}
    yield out
    for db, _ in out.values():
        db.close()


@pytest.fixture
def office(tmp_path, gates, open_office):
    db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    ensure_office(db)
    enroll(db, *(g[0] for g in gates.values()))
    yield db
    db.close()


def placement(db) -> dict[str, tuple[str, ...]]:
    """compound name -> the names of the units above it, lowest first."""
    with db.session() as s:
        tree = units.tree(s)
    out = {}
    with db.engine.connect() as c:
        for compound_id, name in c.execute(text("SELECT id, name FROM compound")):
            unit, path = tree.placed.get(compound_id), []
            while unit in tree.units:
                path.append(tree.units[unit].name)
                unit = tree.units[unit].parent_id
            out[name] = tuple(path)
    return out


def test_the_set_up_keeps_the_grid_only_inside_a_community(tmp_path):
    db = open_database(tmp_path / "g" / "gatedesk.sqlite3")
    form = dict(compound_name="榕城花园", gate_name="东门", admin_name="林管理", admin_pin="2580", admin_pin_again="2580")
    with db.session() as s:
        with pytest.raises(InvalidInput) as refused:
            complete_setup(s, SetupForm(grid="第3网格", **form))
        assert [e.field for e in refused.value.errors] == ["grid"]
        s.rollback()
        complete_setup(s, SetupForm(community="温泉社区", grid="  第3网格 ", **form))
        s.commit()
        assert compound_grid(s) == "第3网格"
    db.close()


def test_a_gate_set_up_in_a_grid_lands_in_that_grid_of_its_community(gates, office):
    with zipfile.ZipFile(gates["A"][1]) as zf:
        assert json.loads(zf.read("manifest.json"))["compound"]["grid"] == "第3网格"
    importer = Importer(office, clock=lambda: LATER)
    assert [importer.run(p).status for _, p in gates.values()] == ["accepted", "accepted"]
    assert placement(office) == {"榕城花园": ("第3网格", "温泉社区", "温泉街道", "鼓楼区"),
                                 "三坊小区": ("温泉社区", "温泉街道", "鼓楼区")}


def test_a_bundle_from_before_grids_reads_as_naming_none(gates, office, tmp_path):
    db, path = gates["A"]
    older = craft(path, tmp_path / "older.gdbundle", signing_key(db),
                  manifest=lambda m: m["compound"].pop("grid"))
    assert Importer(office, clock=lambda: LATER).run(older).status == "accepted"
    assert placement(office)["榕城花园"] == ("温泉社区", "温泉街道", "鼓楼区")


def test_where_the_office_put_a_compound_stays_whatever_grid_its_gate_names(gates, office, tmp_path):
    importer = Importer(office, clock=lambda: LATER)
    assert importer.run(gates["A"][1]).status == "accepted"
    with office.session() as s:
        tree = units.tree(s)
        [compound_id] = [c for c, u in tree.placed.items() if tree.units[u].name == "第3网格"]
        community = tree.units[tree.units[tree.placed[compound_id]].parent_id].id
        other = units.add_grid(s, community, "第5网格")
        units.move_compound(s, compound_id, other)
        s.commit()
    db, path = gates["A"]
    again = export_bundle(db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=30)).path
    assert importer.run(again).status == "accepted"
    assert placement(office)["榕城花园"] == ("第5网格", "温泉社区", "温泉街道", "鼓楼区")


def test_the_grid_travels_up_with_the_community_offices_bundle(gates, tmp_path, open_office):
    community = open_database(tmp_path / "community" / "gatedesk.sqlite3")
    ensure_office(community)
    with community.session() as s:
        set_office_unit(s, UNIT)
        s.commit()
    enroll(community, *(g[0] for g in gates.values()))
    for _, path in gates.values():
        assert Importer(community, clock=lambda: LATER - timedelta(hours=1)).run(path).status == "accepted"
    sent = forward_bundle(community, tmp_path / "up", now=LATER)
    community.close()
    district = open_office(tmp_path / "district" / "gatedesk.sqlite3")
    ensure_office(district)
    enroll(district, sent.path)
    assert Importer(district, clock=lambda: LATER + timedelta(hours=1)).run(sent.path).status == "accepted"
    assert placement(district) == {"榕城花园": ("第3网格", "温泉社区", "温泉街道", "鼓楼区"),
                                   "三坊小区": ("温泉社区", "温泉街道", "鼓楼区")}
    district.close()
