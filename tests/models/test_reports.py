"""The office's daily report: the numbers of the dashboard, in files office staff can send upward."""
from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from models.office.dashboard import CompoundDay, DaySummary, Figures
from models.office.reports import write_report


@pytest.fixture
def summary():
    a = Figures(visits=150, refused=13, isolated=1, fevers=2, parcels_received=30, parcels_waiting=22,
                parcels_overdue=7, readiness_done=1)
    b = Figures(visits=300, refused=44, isolated=3, fevers=5, cases_opened=3, cases_open=2, readiness_done=2)
    total = Figures()
    total.add(a)
    total.add(b)
    return DaySummary(date(2026, 11, 28), [CompoundDay(["c1"], "三坊小区", "温泉社区", 1, a),
                                            CompoundDay(["c2", "c3"], "榕城花园", "温泉社区", 2, b)], total, 3, 3)


def test_xlsx_report_holds_every_compound_and_the_total(summary, tmp_path):
    path = write_report(summary, tmp_path / "r.xlsx", language="zh_CN", office="温泉社区居委会",
                        missing=["南湖苑 正门 (2026-11-27 22:00)"])
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "温泉社区居委会 疫情防控每日汇总（2026-11-28）"
    header = rows[3]
    assert header[:4] == ("社区", "小区", "门岗数", "登记人次") and "超时未取" in header
    body = {r[1]: r for r in rows[4:7] if r[1]}
    assert body["榕城花园"][3] == 300 and body["三坊小区"][4] == 13
    assert rows[6][0] == "合计" and rows[6][3] == 450 and rows[6][4] == 57
    assert ("未报送",) == rows[8][:1] and rows[9][0].startswith("南湖苑")


def test_pdf_report_has_real_chinese_text(summary, tmp_path):
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) must be installed by bootstrap.sh test")
        pytest.skip("pdftotext not installed")
    path = write_report(summary, tmp_path / "r.pdf", language="zh_CN", office="温泉社区居委会")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "温泉社区居委会 疫情防控每日汇总（2026-11-28）" in text
    assert "榕城花园" in text and "三坊小区" in text and "合计" in text
    assert "450" in text and "已报送门岗：3 / 3" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansCJK" in fonts or "WenQuanYi" in fonts  # the Chinese face is embedded, not substituted


def test_the_pdf_report_fills_its_page(summary, tmp_path):
    """It was one small strip at the top of an empty A4 sheet: now the key figures, the table, the
    gates not reported and the sign-off lines cover the page."""
    if not shutil.which("pdftoppm"):
        if os.environ.get("CI"):
            pytest.fail("pdftoppm (poppler-utils) must be installed by bootstrap.sh test")
        pytest.skip("pdftoppm not installed")
    from PIL import Image, ImageOps

    path = write_report(summary, tmp_path / "r.pdf", language="zh_CN", office="温泉社区居委会",
                        missing=["南湖苑 正门 (2026-11-27 22:00)"])
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    page = Image.open(tmp_path / "page.png").convert("L")
    left, top, right, bottom = ImageOps.invert(page).point(lambda v: 255 if v > 40 else 0).getbbox()
    assert page.width > page.height  # landscape
    assert (right - left) / page.width > 0.9 and (bottom - top) / page.height > 0.85, (left, top, right, bottom)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "南湖苑 正门" in text and "填报人" in text and "审核人" in text
    # The key figures are the day's totals.
    assert "450" in text and "57" in text


def test_english_report(summary, tmp_path):
    path = write_report(summary, tmp_path / "r.xlsx", language="en", office="Wenquan office")
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "Wenquan office daily epidemic-control summary, 2026-11-28"
    assert rows[3][3] == "Registered"


def test_several_communities_get_subtotals(summary, tmp_path):
    from models.office.dashboard import CompoundDay, Figures

    summary.compounds.append(CompoundDay(["c4"], "南湖苑", "南湖社区", 1, Figures(visits=50)))
    summary.total.visits += 50
    rows = list(load_workbook(write_report(summary, tmp_path / "r.xlsx", language="zh_CN")).active
                .iter_rows(values_only=True))
    body = [r[:4] for r in rows[4:] if r and r[0]]
    assert body == [("南湖社区", "南湖苑", 1, 50), ("南湖社区", "小计", 1, 50),
                    ("温泉社区", "三坊小区", 1, 150), ("温泉社区", "榕城花园", 2, 300), ("温泉社区", "小计", 3, 450),
                    ("合计", None, 3, 500)]
