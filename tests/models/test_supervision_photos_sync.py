"""A visit's photos travel with it (format 7): the district sees the very pictures the team kept. A
photo arriving is checked before anything stores it — a JPEG of the size it says, at most 1600 px a
side, decoded, with no EXIF and nothing after its end — so a station cannot smuggle another file, a
decompression bomb or a location through the office; such a bundle is refused with a code. (A JPEG
cut short but ended decodes, grey below the cut, as the team's own screen shows such a file: a
damaged picture, not a hostile one.)"""
from __future__ import annotations

import base64
import io
import json
import zipfile
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import select

from models.formats import bundle
from models.supervision import Answer, Party, StandardKind
from models.supervision.tables import InspectionPhoto
from models.sync import export_bundle
from models.trust.operators import Role
from tests.conftest import NOW
from tests.models.test_supervision_sync import compounds_of, district  # noqa: F401 - the fixture
from tests.sync_helpers import craft, enroll, signing_key

MEMBER = "inspection_photo.jsonl"


def picture(path, size=(900, 600), colour=(200, 60, 40)):
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


def visit_with_photos(team, compound, tmp_path):
    [view] = team.supervision.standards(StandardKind.INSPECTION)
    v = team.supervision.open_visit(compound_id=compound[0], compound_name=compound[1], standard_id=view.standard.id,
                                    announced=False, team="督导一组")
    for item in view.items:
        team.supervision.answer_item(v.id, item.id, Answer.FAIL if item.code == "5" else Answer.PASS)
    item5 = next(i for i in view.items if i.code == "5")
    team.supervision.attach_photo(v.id, picture(tmp_path / "logbook.png"), item_id=item5.id)
    team.supervision.attach_photo(v.id, picture(tmp_path / "gate.png", (640, 1280), (20, 90, 160)))
    team.supervision.sign_off_visit(v.id, party=Party.PROPERTY, party_name=f"{compound[1]}物业")
    return v


def stored(db) -> dict[str, tuple]:
    with db.reading() as s:
        return {p.id: (p.inspection_id, p.item_id, p.width, p.height, bytes(p.data))
                for p in s.execute(select(InspectionPhoto)).scalars()}


def importer_of(office, *dbs):
    with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
        enroll(office.db, *dbs)
        return office.sync.importer()


def test_a_visits_photos_reach_the_district_as_the_team_kept_them(district, tmp_path):  # noqa: F811
    office, gate_dbs, (one, _two) = district
    visit_with_photos(one, compounds_of(gate_dbs)[0], tmp_path)
    sent = export_bundle(one.db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=5)).path
    with zipfile.ZipFile(sent) as zf:
        manifest = json.loads(zf.read(bundle.MANIFEST))
    assert manifest["format_version"] == bundle.PHOTOS_FORMAT_VERSION
    assert {m["type"]: m["records"] for m in manifest["members"]}["inspection_photo"] == 2
    result = importer_of(office, one.db).run(sent)
    assert result.status == "accepted", result.problem and result.problem.message.params
    kept, arrived = stored(one.db), stored(office.db)
    assert arrived == kept and len(arrived) == 2
    assert sorted((w, h) for _, _, w, h, _ in arrived.values()) == [(640, 1280), (900, 600)]
    # The same bundle again changes nothing.
    assert importer_of(office, one.db).run(sent).status == "accepted" and stored(office.db) == kept


def jpeg(size=(900, 600), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 60, 40)).save(out, "JPEG", **save)
    return out.getvalue()


def exif_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {2: (26.0, 4.0, 0.0)}  # a GPS latitude
    return jpeg(exif=exif.tobytes())


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 600)).save(out, "PNG")
    return out.getvalue()


def bomb() -> bytes:
    """A JPEG whose header claims 60000×60000 pixels (and says 900×600 on the line)."""
    data = bytearray(jpeg())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = (60000).to_bytes(2, "big") * 2
    return bytes(data)


@pytest.mark.parametrize("case,data,size", [
    ("another kind of file", png(), (900, 600)),
    ("a location in its EXIF", exif_jpeg(), (900, 600)),
    ("bytes hidden after the picture", jpeg() + b"PK\x03\x04 a zip after the end", (900, 600)),
    ("not the size it says", jpeg(), (600, 900)),
    ("larger than a kept photo may be", jpeg((2400, 1600)), (2400, 1600)),
    ("a header claiming billions of pixels", bomb(), (900, 600)),
    ("a header with no picture after it", jpeg()[:jpeg().index(b"\xff\xda")] + b"\xff\xd9", (900, 600)),
    ("over the wire's 400 kB", b"\xff\xd8" + bytes(500 << 10) + b"\xff\xd9", (900, 600)),
])
def test_a_photo_that_is_not_what_the_team_would_keep_is_refused(district, tmp_path, case, data, size):  # noqa: F811
    office, gate_dbs, (one, _two) = district
    visit_with_photos(one, compounds_of(gate_dbs)[0], tmp_path)
    sent = export_bundle(one.db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=5)).path

    def swap(member: bytes) -> bytes:
        first, rest = member.split(b"\n", 1)
        record = json.loads(first)
        record.update(data=base64.b64encode(data).decode(), width=size[0], height=size[1])
        return json.dumps(record, sort_keys=True, separators=(",", ":")).encode() + b"\n" + rest

    forged = craft(sent, tmp_path / "forged.gdbundle", signing_key(one), members={MEMBER: swap})
    result = importer_of(office, one.db).run(forged)
    assert (result.status, result.problem.code) == ("rejected", "invalid_record"), case
    assert result.problem.message.params.get("member", "").startswith("inspection_photo"), case
    assert stored(office.db) == {}  # nothing of the file was kept


def test_a_photo_aged_out_at_the_team_travels_blank(district, tmp_path):  # noqa: F811
    office, gate_dbs, (one, _two) = district
    visit_with_photos(one, compounds_of(gate_dbs)[0], tmp_path)
    later = NOW + timedelta(days=one.settings.retention_days + 1)
    one.clock = lambda: later
    one.records.erase_expired()
    assert all(data == b"" for *_, data in stored(one.db).values())
    sent = export_bundle(one.db, tmp_path / "usb", sheets=False, now=later).path
    office.clock = lambda: later
    assert importer_of(office, one.db).run(sent).status == "accepted"
    assert all(data == b"" for *_, data in stored(office.db).values()) and len(stored(office.db)) == 2


def test_the_office_shows_a_compounds_photos_to_a_supervisor_of_its_unit_only(district, tmp_path):  # noqa: F811
    from models.sync import units
    from models.trust import audit
    from models.trust.operators import NotAllowed
    from tests.models.test_units import find

    office, gate_dbs, (one, _two) = district
    places = compounds_of(gate_dbs)  # 东门's 榕城花园 (温泉社区), 西门's, 三坊小区 (东街社区)
    visit = visit_with_photos(one, places[0], tmp_path)
    gates = [export_bundle(db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=1)).path for db in gate_dbs]
    sent = export_bundle(one.db, tmp_path / "usb", sheets=False, now=NOW + timedelta(minutes=5)).path
    importer = importer_of(office, *gate_dbs, one.db)
    assert [importer.run(p).status for p in (*gates, sent)] == ["accepted"] * 4
    with office.authorised(office.staff.operators()[0].id, "2468", Role.ADMIN):
        office.staff.add_operator(name="东街督导", role=Role.SUPERVISOR, pin="1357")
        office.staff.add_operator(name="区督导", role=Role.SUPERVISOR, pin="2580")
        other = next(o for o in office.staff.operators() if o.name == "东街督导")
        office.office.limit_account(other.id, find(office.office.units(), units.COMMUNITY, "东街社区"))
    office.staff.sign_in(other.id, "1357")  # (a guard is refused: tests/models/test_roles.py)
    with pytest.raises(NotAllowed):  # a supervisor of another community
        office.office.compound_photos(places[0][0])
    district_sup = next(o for o in office.staff.operators() if o.name == "区督导")
    office.staff.sign_in(district_sup.id, "2580")
    [seen] = office.office.compound_photos(places[0][0]).visits
    assert seen.visit.id == visit.id and len(seen.photos) == 2 and "5" in {t.split()[0] for t in seen.items.values()}
    assert office.office.compound_photos(places[2][0]).visits == []  # visited by nobody: nothing to show
    with office.db.reading() as s:
        looked = [(e.operator_id, e.record_id, e.detail) for e in audit.entries(s, limit=100)
                  if e.action == "photos_viewed"]
    assert looked == [(district_sup.id, places[2][0], "0 photos"), (district_sup.id, places[0][0], "2 photos")]


def test_one_look_shows_the_newest_visits_photos_in_three_reads(district, tmp_path):  # noqa: F811
    """A compound visited for weeks holds more photos than one look should load: the newest whole
    visits up to the bound, the older ones counted, in three reads whatever the number of visits."""
    from sqlalchemy import event

    from models.office import supervision as board

    _office, gate_dbs, (one, _two) = district
    place = compounds_of(gate_dbs)[0]
    visits = []
    for day in range(3):
        one.clock = lambda day=day: NOW + timedelta(days=day)
        visits.append(visit_with_photos(one, place, tmp_path))
    with one.db.session() as s:  # one photo of the oldest visit has aged out: it counts for nothing
        aged = s.scalars(select(InspectionPhoto).where(InspectionPhoto.inspection_id == visits[0].id)).first()
        aged.data = b""
        s.commit()
    statements = []

    def count(_conn, _cursor, statement, *_rest):
        statements.append(statement)
    event.listen(one.db.engine, "before_cursor_execute", count)
    try:
        with one.db.reading() as s:
            seen = board.compound_photos(s, place[0], at_most=4)
    finally:
        event.remove(one.db.engine, "before_cursor_execute", count)
    assert [v.visit.id for v in seen.visits] == [visits[2].id, visits[1].id] and seen.older == 1
    assert [len(v.photos) for v in seen.visits] == [2, 2] and all(p.data for v in seen.visits for p in v.photos)
    assert "5" in {t.split()[0] for t in seen.visits[0].items.values()}
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 3
    with one.db.reading() as s:
        newest = board.compound_photos(s, place[0], at_most=1)  # the newest visit is shown whatever the bound
        everything = board.compound_photos(s, place[0])
    assert ([v.visit.id for v in newest.visits], newest.older) == ([visits[2].id], 2)
    assert [len(v.photos) for v in everything.visits] == [2, 2, 1] and everything.older == 0
