"""A visit's photos: bounded before decoding, decoded under a pixel limit, turned upright and
re-encoded small with nothing of the original file kept; anything else is a reason code."""
from __future__ import annotations

import io
import struct
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from models import supervision
from models.supervision import photos
from models.trust.operators import Role
from tests.models.test_inspections import standard, visit
from tests.models.test_trust import PINS, op_id


@pytest.fixture
def team(desk):
    with desk.authorised(op_id(desk, "林管理"), PINS["林管理"], Role.ADMIN):
        desk.supervision.install_shipped()
    return desk


def phone_photo(path, size=(4000, 3000), orientation=6):
    """A phone's JPEG taken sideways (EXIF orientation 6) with its location in EXIF."""
    picture = Image.new("RGB", size, (30, 120, 200))
    picture.paste((250, 250, 0), (0, 0, size[0] // 4, size[1] // 4))  # a mark in the top-left corner
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (26.0, 5.0, 0.0), 3: "E", 4: (119.0, 18.0, 0.0)}  # GPS
    exif[0x010F] = "PhoneMaker"
    picture.save(path, format="JPEG", quality=95, exif=exif)
    return path


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height with hardly any data: a decompression bomb's shape."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + \
        chunk(b"IEND", b"")


def test_a_phone_photo_is_kept_upright_small_and_without_its_location(team, tmp_path):
    path = phone_photo(tmp_path / "门岗.jpg")
    v = visit(team)
    item = standard(team).items[0]
    kept = team.supervision.attach_photo(v.id, path, item_id=item.id)
    assert (kept.width, kept.height) == (1200, 1600)  # turned upright (portrait), 1600 on the long side
    assert len(kept.data) < path.stat().st_size
    again = Image.open(io.BytesIO(kept.data))
    assert again.format == "JPEG" and not again.getexif()  # no location, no camera
    assert again.getpixel((again.width - 10, 10))[0] > 200  # the corner mark, now top-right after turning
    [listed] = team.supervision.photos(v.id)
    assert listed.item_id == item.id and listed.data == kept.data


def test_a_picture_of_pure_detail_is_made_smaller_until_it_fits(tmp_path):
    import os

    path = tmp_path / "noise.png"
    Image.frombytes("RGB", (2400, 1800), os.urandom(2400 * 1800 * 3)).save(path)
    made = photos.prepare(path)
    assert len(made.data) <= photos.MAX_STORED and max(made.width, made.height) < photos.LONG_SIDE


@pytest.mark.parametrize("make, code", [
    (lambda p: p.write_bytes(b"not a picture at all" * 10), "not_a_picture"),
    (lambda p: p.write_bytes(png_claiming(100_000, 100_000)), "too_many_pixels"),
    (lambda p: p.write_bytes(png_claiming(7000, 7000)), "too_many_pixels"),  # 49 MP: over the limit
    (lambda p: p.write_bytes(phone_photo(p.with_suffix(".tmp"), size=(800, 600)).read_bytes()[:3000]), "damaged"),
    (lambda p: p.write_bytes(png_claiming(800, 600)), "damaged"),  # the header's size, not its data
])
def test_a_file_that_is_not_a_whole_picture_is_refused_with_its_reason(team, tmp_path, make, code):
    path = tmp_path / "x.jpg"
    make(path)
    v = visit(team)
    with pytest.raises(supervision.PhotoProblem) as refused:
        team.supervision.attach_photo(v.id, path)
    assert refused.value.code == code and refused.value.message.text
    assert team.supervision.photos(v.id) == []


def test_a_file_too_large_is_refused_before_it_is_read(team, tmp_path):
    path = tmp_path / "huge.jpg"
    with open(path, "wb") as f:
        f.truncate(photos.MAX_FILE_BYTES + 1)  # sparse: nothing written, nothing read
    with pytest.raises(supervision.PhotoProblem) as refused:
        team.supervision.attach_photo(visit(team).id, path)
    assert refused.value.code == "too_large"


def test_a_visit_keeps_at_most_its_share_of_photos_and_none_once_signed_off(team, tmp_path, monkeypatch):
    monkeypatch.setattr(photos, "PER_VISIT", 2)
    path = phone_photo(tmp_path / "a.jpg", size=(320, 240), orientation=1)
    v = visit(team)
    team.supervision.attach_photo(v.id, path)
    team.supervision.attach_photo(v.id, path)
    with pytest.raises(supervision.PhotoProblem) as refused:
        team.supervision.attach_photo(v.id, path)
    assert refused.value.code == "too_many"
    team.supervision.sign_off_visit(v.id, party=supervision.Party.PROPERTY)
    with pytest.raises(supervision.InspectionRefused, match="signed off"):
        team.supervision.attach_photo(v.id, path)


def test_photos_are_blanked_when_the_visit_ages_out(team, tmp_path):
    from tests.models.test_inspections import later

    v = visit(team)
    team.supervision.attach_photo(v.id, phone_photo(tmp_path / "a.jpg", size=(320, 240)))
    aged = later(team, team.settings.retention_days + 1)
    aged.records.erase_expired()
    [kept] = aged.supervision.photos(v.id)
    assert kept.data == b""


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000) | st.sampled_from([b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"RIFF"]).flatmap(
    lambda head: st.binary(max_size=1500).map(lambda tail: head + tail)))
def test_any_bytes_give_a_picture_or_a_reason_never_a_traceback(tmp_path, data):
    path = tmp_path / "any.bin"
    path.write_bytes(data)
    try:
        made = photos.prepare(path)
    except supervision.PhotoProblem as refused:
        assert refused.code in photos.PROBLEMS
        return
    assert made.data[:3] == b"\xff\xd8\xff" and max(made.width, made.height) <= photos.LONG_SIDE
