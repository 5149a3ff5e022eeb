"""Four levels at the office: the units gates' set-ups name, corrected and merged at the office, the
day rolled up at each level, and an account that sees its own unit's rows only."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, text

from models.app.demo import create_demo
from models.app.desk import Desk
from models.store.clock import local_today
from models.store.db import open_database
from models.sync import export_bundle, units
from models.trust.operators import NotAllowed, Role
from tests.conftest import NOW, OFFICE_NOW, as_of
from tests.sync_helpers import changed_first_destination, enroll

LATER = NOW + timedelta(hours=2)
# compound, gate, (district, sub-district, community) as each gate's set-up typed them
GATES = (
    ("榕城花园", "东门", ("鼓楼区", "温泉街道", "温泉社区")),
    ("榕城花园", "西门", ("鼓楼区", "温泉街道", "温泉 社区")),  # the same, spaced differently
    ("三坊小区", "北门", ("鼓楼区", "温泉街道", "东街社区")),
    ("金山小区", "南门", ("鼓楼区", "东街街道", "东街社区")),  # another sub-district's 东街社区
    ("五四北苑", "东门", ("鼓楼区", "温泉街道", "温泉社")),  # a typo
)


def make_gate(root, i, compound, gate, names):
    db = open_database(root / f"{compound}-{gate}" / "gatedesk.sqlite3")
    create_demo(db, days=1, visits_per_day=20 + i, seed=i + 1, compound=compound, gate=gate, now=NOW)
    with db.engine.begin() as c:
        c.execute(text("UPDATE compound SET district = :d, subdistrict = :s, community = :c, rev = rev + 1"),
                  dict(zip("dsc", names)))
    return db


@pytest.fixture(scope="module")
def gates(tmp_path_factory):
    root = tmp_path_factory.mktemp("district")
    out = [make_gate(root, i, *g) for i, g in enumerate(GATES)]
    yield root, out
    for db in out:
        db.close()


@pytest.fixture
def office(gates, tmp_path, open_office):
    root, dbs = gates
    db = open_office(tmp_path / "office" / "gatedesk.sqlite3")
    desk = Desk(db, clock=lambda: LATER)
    desk.sync.complete_office_setup(office_name="鼓楼区防控办", community="", admin_name="周主任", pin="2468",
                                    pin_again="2468", office_label="区办公室")
    with desk.authorised(desk.staff.operators()[0].id, "2468", Role.ADMIN):
        enroll(db, *dbs)
        importer = desk.sync.importer()
        for gate_db in dbs:  # every record of the gates, whatever earlier tests exported from them
            path = export_bundle(gate_db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=1),
                                 day_from=NOW.date() - timedelta(days=2), day_to=NOW.date() + timedelta(days=1)).path
            assert importer.run(path).status == "accepted"
        assert sum(c.figures.visits for c in desk.office.day_summary(local_today(NOW, desk.settings.zone)).compounds) \
            == 20 + 21 + 22 + 23 + 24
        yield desk
        db.close()


def names(tree: units.Tree, ids) -> list[str]:
    return sorted(tree.units[i].name for i in ids)


def find(tree: units.Tree, level: str, name: str, parent: str | None = None) -> str:
    [unit] = [u.id for u in tree.units.values() if u.level == level and u.name == name
              and (parent is None or u.parent_id == parent)]
    return unit


def compound_of(desk, name: str) -> list[str]:
    """The compound records of that name (one per gate that set it up)."""
    return sorted(i for c in desk.office.day_summary(local_today(NOW, desk.settings.zone)).compounds
                  if c.compound == name for i in c.compound_ids)


def test_the_gates_names_become_units_and_each_compound_sits_in_its_community(office):
    tree = office.office.units()
    [district] = tree.roots()
    assert tree.units[district].name == "鼓楼区"
    assert names(tree, tree.below(district)) == ["东街街道", "温泉街道"]
    wenquan = find(tree, units.SUBDISTRICT, "温泉街道")
    assert names(tree, tree.below(wenquan)) == ["东街社区", "温泉社", "温泉社区"]  # spacing ignored, typos not
    community = find(tree, units.COMMUNITY, "温泉社区")
    # Both gates of 榕城花园 sit in one community, whichever spacing their set-up used.
    assert set(compound_of(office, "榕城花园")) <= tree.compounds_under(community)
    # 东街社区 of 温泉街道 and 东街社区 of 东街街道 are two communities.
    assert len([u for u in tree.units.values() if u.name == "东街社区"]) == 2


def test_the_day_rolls_up_at_each_level_and_adds_up(office):
    day = local_today(NOW, office.settings.zone)
    total = office.office.day_summary(day).total
    tree = office.office.units()
    [top] = office.office.rollup(day)
    assert (top.name, top.level, top.figures.visits, top.gates) == ("鼓楼区", units.DISTRICT, total.visits, 5)
    subs = office.office.rollup(day, top.unit_id)
    assert [(r.name, r.level) for r in subs] == [("东街街道", units.SUBDISTRICT), ("温泉街道", units.SUBDISTRICT)]
    assert sum(r.figures.visits for r in subs) == total.visits
    communities = office.office.rollup(day, find(tree, units.SUBDISTRICT, "温泉街道"))
    assert [r.name for r in communities] == ["东街社区", "温泉社", "温泉社区"]
    per_compound = office.office.rollup(day, find(tree, units.COMMUNITY, "温泉社区"))
    assert [(r.name, r.level, r.gates) for r in per_compound] == [("榕城花园", "compound", 2)]
    assert per_compound[0].figures.visits == sum(c.figures.visits for c in office.office.day_summary(day).compounds
                                                 if c.compound == "榕城花园")


def test_a_typo_merged_at_the_office_stays_merged_when_its_gate_reports_again(office, gates, tmp_path):
    tree = office.office.units()
    typo, right = find(tree, units.COMMUNITY, "温泉社"), find(tree, units.COMMUNITY, "温泉社区")
    office.office.merge_units(typo, right)
    tree = office.office.units()
    assert typo not in tree.units and set(compound_of(office, "五四北苑")) <= tree.compounds_under(right)
    # The gate still says 温泉社 in its next bundle: it lands in 温泉社区, no new unit appears.
    _, dbs = gates
    again = export_bundle(dbs[4], tmp_path / "usb2", sheets=False, now=NOW + timedelta(minutes=30)).path
    assert office.sync.importer().run(again).status == "accepted"
    tree = office.office.units()
    assert "温泉社" not in [u.name for u in tree.units.values()]
    assert set(compound_of(office, "五四北苑")) <= tree.compounds_under(right)


def test_a_rename_keeps_the_old_spelling_as_an_alias_and_onto_a_siblings_name_merges(office):
    tree = office.office.units()
    dongjie = find(tree, units.COMMUNITY, "东街社区", find(tree, units.SUBDISTRICT, "温泉街道"))
    assert office.office.rename_unit(dongjie, "东街北社区") == dongjie
    with office.db.engine.begin() as conn:  # the next bundle names it the old way
        units.place_compounds(conn, [(compound_of(office, "三坊小区")[0], "鼓楼区", "温泉街道", "东街社区")])
    tree = office.office.units()
    assert tree.placed[compound_of(office, "三坊小区")[0]] == dongjie and tree.units[dongjie].name == "东街北社区"
    # Renamed onto a sibling's name: the two are one.
    right = find(tree, units.COMMUNITY, "温泉社区")
    assert office.office.rename_unit(find(tree, units.COMMUNITY, "温泉社"), "温泉社区") == right
    with pytest.raises(units.UnitRefused):
        office.office.merge_units(right, find(tree, units.SUBDISTRICT, "东街街道"))  # not the same level


def test_a_compound_moves_when_its_gates_set_up_names_another_community_and_is_left_alone_otherwise(office):
    sanfang = compound_of(office, "三坊小区")[0]
    before = office.office.units().placed[sanfang]
    written = []

    def note(conn, cursor, statement, *args):
        if "org_compound" in statement and not statement.lstrip().upper().startswith("SELECT"):
            written.append(statement)

    event.listen(office.db.engine, "before_cursor_execute", note)
    try:
        with office.db.engine.begin() as conn:  # each day's bundle names the same units
            units.place_compounds(conn, [(sanfang, "鼓楼区", "温泉街道", "东街社区")])
        assert written == [] and office.office.units().placed[sanfang] == before
        with office.db.engine.begin() as conn:  # its set-up now names another community
            units.place_compounds(conn, [(sanfang, "鼓楼区", "温泉街道", "温泉社区")])
    finally:
        event.remove(office.db.engine, "before_cursor_execute", note)
    tree = office.office.units()
    assert written and tree.placed[sanfang] == find(tree, units.COMMUNITY, "温泉社区") != before


def test_a_compound_placed_by_hand_stays_and_grids_are_made_at_the_office(office, gates, tmp_path):
    day = local_today(NOW, office.settings.zone)
    tree = office.office.units()
    community = find(tree, units.COMMUNITY, "温泉社区")
    grid = office.office.add_grid(community, "第3网格")
    office.office.move_compound(compound_of(office, "榕城花园")[0], grid)
    office.office.move_compound(compound_of(office, "榕城花园")[1], grid)
    _, dbs = gates
    again = export_bundle(dbs[0], tmp_path / "usb2", sheets=False, now=NOW + timedelta(minutes=30)).path
    assert office.sync.importer().run(again).status == "accepted"
    rows = office.office.rollup(day, community)
    assert [(r.name, r.level) for r in rows] == [("第3网格", units.GRID)]
    assert [(r.name, r.level) for r in office.office.rollup(day, grid)] == [("榕城花园", "compound")]
    with pytest.raises(units.UnitRefused):
        office.office.move_compound(compound_of(office, "榕城花园")[0], find(tree, units.DISTRICT, "鼓楼区"))


def test_a_community_account_sees_its_own_community_only(office, tmp_path):
    day = local_today(NOW, office.settings.zone)
    tree = office.office.units()
    community = find(tree, units.COMMUNITY, "温泉社区")
    office.staff.add_operator(name="温泉社区干部", role=Role.SUPERVISOR, pin="1357")
    cadre = next(o for o in office.staff.operators() if o.name == "温泉社区干部")
    office.office.limit_account(cadre.id, community)
    others = compound_of(office, "三坊小区")
    office.staff.sign_in(cadre.id, "1357")
    assert [c.compound for c in office.office.day_summary(day).compounds] == ["榕城花园"]
    mine = sum(c.figures.visits for c in office.office.day_summary(day).compounds)
    assert office.office.visit_series(day, 7)[-1][1] == mine  # the chart too
    assert [(r.name, r.level) for r in office.office.rollup(day)] == [("榕城花园", "compound")]
    assert list(office.office.units().units) == [community]
    with pytest.raises(NotAllowed):
        office.office.drill_visits(compound_ids=others, day=day)
    with pytest.raises(NotAllowed):
        office.office.rollup(day, find(tree, units.DISTRICT, "鼓楼区"))
    assert all(line.startswith("榕城花园") for line in office.office.not_reported(day))
    assert {r.compound_name for r in office.sync.completeness()} == {"榕城花园"}  # gates reporting: its own
    assert office.sync.open_conflicts() == []
    with pytest.raises(NotAllowed):  # nor may it change the district's units
        with office.authorised(cadre.id, "1357", Role.SUPERVISOR):
            office.office.rename_unit(community, "别名")
    from openpyxl import load_workbook

    with office.authorised(cadre.id, "1357", Role.SUPERVISOR):
        cells = {str(v) for row in load_workbook(office.office.write_report(day, tmp_path / "r.xlsx")).active.iter_rows(
            values_only=True) for v in row if v is not None}
        assert "榕城花园" in cells and not {"三坊小区", "金山小区", "五四北苑"} & cells
        # the testing rounds too: its own compound's (each of its two gates ran one), on screen and in the report
        assert {r.compound for r in office.office.round_summary(day).rows} == {"榕城花园"}
        with pytest.raises(NotAllowed):
            office.office.round_summary(day, find(tree, units.DISTRICT, "鼓楼区"))
        # and the home services: its own compound's only
        assert {r.compound for r in office.office.care_summary(day).rows} == {"榕城花园"}
        with pytest.raises(NotAllowed):
            office.office.care_summary(day, find(tree, units.DISTRICT, "鼓楼区"))
        book = load_workbook(office.office.write_report(day, tmp_path / "r2.xlsx"))
        assert len(book.worksheets) == 3  # the summary, the rounds, the home services
        for sheet in book.worksheets[1:]:
            cells = {str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None}
            assert "榕城花园" in cells and not {"三坊小区", "金山小区", "五四北苑"} & cells


def test_an_office_from_before_the_units_gets_its_compounds_placed(gates, tmp_path, open_office, monkeypatch):
    """Upgrading an office to schema 8 (the first Alembic step) places the compounds it holds."""
    from models.store import db as dbmod
    from models.store import migrations

    _, dbs = gates
    path = tmp_path / "office" / "gatedesk.sqlite3"
    db = open_office(path)
    from models.sync import Importer, ensure_office

    ensure_office(db)
    enroll(db, *dbs[:3])
    for gate_db in dbs[:3]:
        assert Importer(db, clock=lambda: OFFICE_NOW).run(export_bundle(gate_db, tmp_path / "usb", sheets=False,
                                              now=NOW + timedelta(minutes=1)).path).status == "accepted"
    with db.engine.begin() as c:  # as schema 7 had it: no unit tables (nor v10's and v11's tables)
        for statement in as_of(7):
            c.execute(text(statement))
        c.execute(text("UPDATE meta SET value = '7' WHERE key = 'schema_version'"))
    db.close()
    db = open_office(path)
    assert dbmod.schema_version(db) == migrations.SCHEMA_VERSION
    with db.reading() as s:
        tree = units.tree(s)
    assert [tree.units[u].name for u in tree.roots()] == ["鼓楼区"] and len(tree.placed) == 3  # a record per gate
    wenquan = find(tree, units.SUBDISTRICT, "温泉街道")
    assert names(tree, tree.below(wenquan)) == ["东街社区", "温泉社区"]  # "温泉 社区" is the same one
    db.close()


def test_a_community_account_sees_and_decides_only_its_own_gates_conflicts(office, gates, tmp_path):
    from tests.models.test_sync import resign_member
    from tests.sync_helpers import signing_key

    _, dbs = gates
    day_paths = []
    for i in (0, 2):  # 榕城花园 东门 and 三坊小区 北门 each send a record changed without a new revision
        path = export_bundle(dbs[i], tmp_path / f"again{i}", sheets=False, now=NOW + timedelta(minutes=20),
                             day_from=NOW.date() - timedelta(days=2), day_to=NOW.date() + timedelta(days=1)).path
        resign_member(path, path, signing_key(dbs[i]), "visit.jsonl", changed_first_destination)
        day_paths.append(path)
    for path in day_paths:
        summary = office.sync.importer().run(path)
        assert summary.status == "accepted" and len(summary.conflicts) == 1, (summary.created, summary.updated, summary.unchanged)
    assert len(office.sync.open_conflicts()) == 2  # the district sees both
    community = find(office.office.units(), units.COMMUNITY, "温泉社区")
    office.staff.add_operator(name="温泉社区干部", role=Role.SUPERVISOR, pin="1357")
    cadre = next(o for o in office.staff.operators() if o.name == "温泉社区干部")
    office.office.limit_account(cadre.id, community)
    with office.db.reading() as s:
        from models import sync

        theirs = [c.id for c in sync.conflict_views(s)]
    office.staff.sign_in(cadre.id, "1357")  # the community's cadre at the desk
    with office.authorised(cadre.id, "1357", Role.SUPERVISOR):
        mine = office.sync.open_conflicts()
        assert len(mine) == 1
        other = next(c for c in theirs if c != mine[0].id)
        with pytest.raises(NotAllowed):
            office.sync.resolve_conflict(other, take_incoming=True)
        office.sync.resolve_conflict(mine[0].id, take_incoming=False)
        assert office.sync.open_conflicts() == []


def test_the_daily_report_rolls_up_at_the_first_level_with_more_than_one_unit(office, tmp_path):
    import subprocess
    import shutil

    from openpyxl import load_workbook

    day = local_today(NOW, office.settings.zone)
    rows = list(load_workbook(office.office.write_report(day, tmp_path / "r.xlsx")).active.iter_rows(values_only=True))
    names = [r[0] for r in rows if r and r[0]]
    # The district's two sub-districts first (with their total), then every compound.
    assert "东街街道（街道）" in names and "温泉街道（街道）" in names
    sub = next(r for r in rows if r[0] == "温泉街道（街道）")
    assert sub[1] == 4 and sub[2] == 20 + 21 + 22 + 24  # its four gates' registrations
    assert any(r[1] == "金山小区" for r in rows if len(r) > 1)
    if shutil.which("pdftotext"):
        pdf = office.office.write_report(day, tmp_path / "r.pdf")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "温泉街道（街道）" in text and "金山小区" in text


def test_two_communities_of_one_name_in_two_sub_districts_stay_two_in_the_report(office, tmp_path):
    """东街社区 of 温泉街道 (三坊小区) and 东街社区 of 东街街道 (金山小区): two subtotals, each named with its
    sub-district, never one "东街社区" adding up both."""
    from openpyxl import load_workbook

    day = local_today(NOW, office.settings.zone)
    summary = office.office.day_summary(day)
    subtotals = {c.community: c for c in summary.rows() if not c.compound_ids and c.community}
    assert {"东街社区（温泉街道）", "东街社区（东街街道）"} <= set(subtotals)
    assert subtotals["东街社区（温泉街道）"].figures.visits == 22  # 三坊小区 alone
    assert subtotals["东街社区（东街街道）"].figures.visits == 23  # 金山小区 alone
    assert "温泉社区" in subtotals and subtotals["温泉社区"].figures.visits == 20 + 21  # spelled apart, one
    rows = list(load_workbook(office.office.write_report(day, tmp_path / "r.xlsx")).active.iter_rows(values_only=True))
    assert ("东街社区（温泉街道）", "三坊小区") in {r[:2] for r in rows if r and len(r) > 1}


def test_two_office_pcs_deciding_one_conflict_at_once_decide_it_once(office, gates, tmp_path):
    import threading

    from models.sync import Importer
    from models.trust import audit
    from tests.models.test_sync import resign_member
    from tests.sync_helpers import signing_key

    _, dbs = gates
    path = export_bundle(dbs[2], tmp_path / "again", sheets=False, now=NOW + timedelta(minutes=20),
                         day_from=NOW.date() - timedelta(days=2), day_to=NOW.date() + timedelta(days=1)).path
    resign_member(path, path, signing_key(dbs[2]), "visit.jsonl", changed_first_destination)
    assert len(Importer(office.db, clock=lambda: LATER).run(path).conflicts) == 1
    [conflict] = office.sync.open_conflicts()
    pcs = [office, Desk(office.db, clock=lambda: LATER)]  # two desks, each deciding on its own connection
    grants = {pc: pc.grant(pc.staff.operators()[0].id, "2468", Role.ADMIN) for pc in pcs}
    start, errors = threading.Barrier(2), []

    def decide(pc, take):  # a PIN's authority is the thread's that holds it: each decides with its own
        start.wait()
        try:
            with pc.authority_of(grants[pc]):
                pc.sync.resolve_conflict(conflict.id, take_incoming=take)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=decide, args=(pc, take)) for pc, take in zip(pcs, (True, False))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and office.sync.open_conflicts() == []
    with office.db.reading() as s:
        decided = [e for e in audit.entries(s) if e.action == "conflict"]
        assert len(decided) == 1 and audit.verify(s).first_bad is None
