"""The compounds' census: each compound's kind, property company and pledge, typed or read from the
community's sheet (a compound without a PC added), the default responsible party, the counts."""
from __future__ import annotations

import json
from datetime import date

import pytest

from models import supervision
from models.kit.validation import InvalidInput
from models.supervision import CompoundKind, Party
from models.trust.operators import Role
from tests.models.test_trust import PINS, op_id

SHEET = """小区,社区,类型,物业公司,承诺书签订日期,签订人,防控方案
榕城花园,,有物业,榕城物业,2022-11-20,陈经理,物业值守、社区督导
东街大院,东街社区,无物业,,,,志愿者轮班值守
金山小区,温泉社区,业委会自管,,2022/11/21,业委会主任,业委会排班
西湖小区,温泉社区,物业,,,,
北门小区,温泉社区,不知道,,,,
东街大院,东街社区,无物业,,,,
南苑,温泉社区,有物业,南苑物业,十一月,,
"""


@pytest.fixture
def office(desk):
    """Counted by a supervisor (the community's census is theirs to keep)."""
    with desk.authorised(op_id(desk, "陈主管"), PINS["陈主管"], Role.SUPERVISOR):
        yield desk


def test_the_communitys_sheet_counts_each_compound_and_adds_those_without_a_pc(office, tmp_path):
    path = tmp_path / "摸底.csv"
    path.write_text(SHEET, encoding="utf-8")
    sheet = office.supervision.read_census_sheet(path)
    assert sheet.codes == ["no_company", "kind", "repeated", "day"]
    assert [m.params["row"] for m in sheet.left_out] == [5, 6, 7, 8]
    assert [(line.compound, line.kind) for line in sheet.lines] == [
        ("榕城花园", CompoundKind.PROPERTY), ("东街大院", CompoundKind.NONE), ("金山小区", CompoundKind.OWNERS)]
    # the gate's own compound (榕城花园, no community in its set-up) is matched; the others are added
    loaded = office.supervision.load_census(sheet)
    assert (loaded.counted, loaded.unchanged, loaded.added) == (3, 0, ["东街社区 东街大院", "温泉社区 金山小区"])
    again = office.supervision.load_census(office.supervision.read_census_sheet(path))
    assert (again.counted, again.unchanged, again.added) == (0, 3, [])
    lines = {line.compound: line for line in office.supervision.census_rows()}
    assert (lines["榕城花园"].property_company, lines["榕城花园"].pledge_day) == ("榕城物业", "2022-11-20")
    assert lines["金山小区"].pledge_day == "2022-11-21"
    assert office.supervision.compounds_by_kind() == {"property": 1, "none": 1, "owners": 1, "uncounted": 0}
    with office.db.reading() as s:
        from models.sync import units

        tree = units.tree(s)
    added = {line.compound: line.compound_id for line in office.supervision.census_rows()}
    assert tree.units[tree.placed[added["东街大院"]]].name == "东街社区"  # in its community's unit


def test_a_findings_party_follows_the_compounds_kind(office):
    cid = office.ctx.compound_id
    assert office.supervision.responsible(cid) == (Party.COMMUNITY, "")  # not counted yet: its community
    office.supervision.set_census(cid, "property", property_company="榕城物业", pledge_day=date(2022, 11, 20),
                                  pledge_by="陈经理")
    assert office.supervision.responsible(cid) == (Party.PROPERTY, "榕城物业")
    office.supervision.set_census(cid, "owners")
    assert office.supervision.responsible(cid) == (Party.OWNERS, "")


def test_a_census_line_names_what_is_missing(office):
    with pytest.raises(InvalidInput) as bad:
        office.supervision.set_census(office.ctx.compound_id, "property")
    assert bad.value.fields() == {"property_company"}
    with pytest.raises(InvalidInput) as bad:
        office.supervision.set_census("no-such-compound", "sometimes")
    assert bad.value.fields() == {"kind", "compound"}


def test_the_pledge_scan_is_kept_as_a_photo_and_its_signer_ages_out(office, tmp_path):
    from PIL import Image

    from tests.models.test_inspections import later

    cid = office.ctx.compound_id
    office.supervision.set_census(cid, "property", property_company="榕城物业", pledge_by="陈经理",
                                  pledge_day=date(2022, 11, 20))
    scan = tmp_path / "承诺书.png"
    Image.new("RGB", (2480, 3508), (255, 255, 255)).save(scan)  # an A4 page at 300 dpi
    row = office.supervision.attach_pledge(cid, scan)
    assert row.pledge_scan[:3] == b"\xff\xd8\xff"
    aged = later(office, office.settings.retention_days + 1)
    aged.records.erase_expired()
    [line] = [line for line in aged.supervision.census_rows() if line.compound_id == cid]
    assert (line.pledge_by, line.pledge_scanned, line.property_company, line.pledge_day) == (
        "", False, "榕城物业", "2022-11-20")


def test_stats_counts_the_supervision_and_the_census(office, tmp_path):
    """`gatedesk stats --json` gains inspections, findings, findings_open and compounds_by_type."""
    from models.app.stats import record_counts

    office.supervision.set_census(office.ctx.compound_id, "none")
    with office.db.reading() as s:
        counts = record_counts(s)
    assert (counts["inspections"], counts["findings"], counts["findings_open"]) == (0, 0, 0)
    assert counts["compounds_by_type"] == {"property": 0, "none": 1, "owners": 0, "uncounted": 0}
    json.dumps(counts)  # what --json prints
    assert supervision.KIND_LABELS[CompoundKind.NONE]


def test_a_visit_signed_off_without_a_party_gives_its_findings_to_the_census_party(office):
    from tests.models.test_inspections import visit

    with office.authorised(op_id(office, "林管理"), PINS["林管理"], Role.ADMIN):
        office.supervision.install_shipped()
    office.supervision.set_census(office.ctx.compound_id, "property", property_company="榕城物业")
    v = visit(office, fails=("2",), compound=(office.ctx.compound_id, office.ctx.compound_name))
    [finding] = office.supervision.sign_off_visit(v.id).opened
    assert (finding.party, finding.party_name) == ("property", "榕城物业")
