"""Every code a poster prints scans back to exactly the configured text."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from models.gate import posters
from models.setup.settings import Settings
from models.store.db import open_database
from models.trust.first_run import SetupForm, complete_setup

DAY = __import__("datetime").date(2022, 11, 28)


@pytest.fixture
def db(tmp_path):
    d = open_database(tmp_path / "gatedesk.sqlite3")
    with d.session() as s:
        complete_setup(s, SetupForm(compound_name="榕城花园", address="福州市鼓楼区五四路 88 号", community="温泉社区",
                                    gate_name="东门", admin_name="林管理", admin_pin="1234", admin_pin_again="1234"))
        s.commit()
    yield d
    d.close()


def decode(path: Path) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(path)) if r.format == zxingcpp.BarcodeFormat.QRCode]


def spec(db, **kw):
    with db.session() as s:
        [(compound, gate)] = posters.all_gates(s)
        if kw:
            posters.save_venue_code(s, gate_id=gate.id, **kw)
            s.commit()
        return posters.poster_spec(s, gate, Settings(), language="zh_CN", today=DAY), compound, gate


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_gatedesk_venue_code_scans_back_exactly(db, tmp_path, size):
    s, compound, gate = spec(db)
    s = posters.PosterSpec(**{**s.__dict__, "size": size})
    out = posters.write_poster(s, tmp_path / "poster.png")
    img = Image.open(out)
    assert img.info["dpi"][0] == pytest.approx(300, abs=1)
    assert img.size == ((2480, 3508) if size == "A4" else (3508, 4961))
    [text] = decode(out)
    assert text == s.content
    body = posters.parse_venue_payload(text)
    assert body == {"v": 1, "cid": compound.id, "cn": "榕城花园", "gid": gate.id, "gn": "东门"}


@pytest.mark.parametrize("kind,content", [
    ("official", "https://ymm.example.gov.cn/venue?c=3501020001&n=榕城花园东门"),
    ("official", "场所码:3501020001|榕城花园|东门|福州市鼓楼区五四路88号"),
    ("url", "https://example.org/checkin/rc-east"),
])
def test_configured_text_scans_back_exactly_from_png_and_pdf(db, tmp_path, kind, content):
    s, _, _ = spec(db, kind=kind, content=content, hotline="0591-12345")
    [text] = decode(posters.write_poster(s, tmp_path / "p.png"))
    assert text == content
    pdf = posters.write_poster(s, tmp_path / "p.pdf")
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "from-pdf")], check=True)
    assert decode(tmp_path / "from-pdf.png") == [content]
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "榕城花园" in words and "东门" in words and "0591-12345" in words and "请扫码登记" in words


def test_the_official_code_can_be_read_from_a_photo(db, tmp_path):
    import qrcode

    official = "场所码:3501020001|榕城花园|东门"
    photo = tmp_path / "official.png"
    qrcode.make(official.encode()).save(photo)
    assert posters.read_code_from_image(photo) == official
    blank = tmp_path / "blank.png"
    Image.new("RGB", (400, 400), "white").save(blank)
    with pytest.raises(posters.PosterProblem):
        posters.read_code_from_image(blank)
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not a picture")
    with pytest.raises(posters.PosterProblem):
        posters.read_code_from_image(junk)


def test_instructions_follow_the_settings(db):
    with db.session() as s:
        [(_, gate)] = posters.all_gates(s)
        all_on = posters.poster_spec(s, gate, Settings(), language="zh_CN", today=DAY)
        fewer = posters.poster_spec(s, gate, Settings(check_nat=False, check_itinerary=False), language="zh_CN", today=DAY)
    assert len(all_on.instructions) == 6 and len(fewer.instructions) == 4
    # GateDesk's own code (the default) is none a visitor's phone can use: the guard registers them.
    assert all_on.instructions[0] == "由门岗为您登记" and "核酸" in "".join(all_on.instructions)
    assert "核酸" not in "".join(fewer.instructions)


def test_a_poster_says_what_its_code_is_for(db):
    """Issue: the poster said 请扫码登记 over GateDesk's own code, which a visitor's phone cannot use."""
    own, _, _ = spec(db)
    assert (own.title, own.instructions[0]) == ("请到门岗登记", "由门岗为您登记") and "无需扫码" in own.code_note
    official, _, _ = spec(db, kind="url", content="https://example.org/checkin/rc-east", hotline="")
    assert (official.title, official.instructions[0], official.code_note) == ("请扫码登记", "扫码登记", "")


def test_bad_settings_are_refused_with_a_reason(db):
    with db.session() as s:
        [(_, gate)] = posters.all_gates(s)
        for kind, content in (("official", "  "), ("url", "example.org"), ("official", "x" * 1001)):
            with pytest.raises(posters.PosterProblem):
                posters.save_venue_code(s, gate_id=gate.id, kind=kind, content=content, hotline="")
    with pytest.raises(posters.PosterProblem):
        posters.poster_page(posters.PosterSpec("a", "b", "", "x", (), "", "ID", __import__("datetime").date.today(),
                                               size="B5"))


def test_find_gate_by_name_or_id(db):
    with db.session() as s:
        [(_, gate)] = posters.all_gates(s)
        assert posters.find_gate(s, "东门").id == gate.id
        assert posters.find_gate(s, "榕城花园 东门").id == gate.id
        assert posters.find_gate(s, gate.id).id == gate.id
        assert posters.find_gate(s, "西门") is None


def test_the_command_s_poster_is_the_app_s_poster(db, tmp_path):
    """The `poster` command reads its few rows without the database layer: what it prints must be
    what the app prints, venue code, hotline, settings and all."""
    from datetime import datetime, timezone

    from models.gate.poster_layout import NoSuchGate, spec_from_file
    from models.setup.settings import load_settings, save_settings

    with db.session() as s:
        [(compound, gate)] = posters.all_gates(s)
        posters.save_venue_code(s, gate_id=gate.id, kind="url", content="https://example.cn/v?id=1",
                                hotline="0591-12345")
        save_settings(s, Settings(check_itinerary=False, timezone="Asia/Shanghai"))
        s.commit()
        through_db = posters.poster_spec(s, gate, load_settings(s), language="en", today=DAY)
    now = datetime(2022, 11, 27, 18, 30, tzinfo=timezone.utc)  # 02:30 on the 28th in China
    for name in ("东门", "榕城花园 东门", gate.id):
        assert spec_from_file(db.path, name, now=now, language="en") == through_db
    with pytest.raises(NoSuchGate) as missing:
        spec_from_file(db.path, "西门", now=now)
    assert missing.value.names == ["榕城花园 东门"]
