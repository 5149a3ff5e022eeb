"""Every visible string has a Chinese translation, and the compiled catalogue matches its source."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "gatedesk_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name):
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} not installed"
    return found


def messages(path):
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr.get("type") in ("obsolete", "vanished"):
                continue
            out[(ctx.findtext("name"), m.findtext("source"))] = (tr.text, tr.get("type"))
    return out


def test_catalogue_covers_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = [str(p) for p in sorted((ROOT / "models").rglob("*.py")) + sorted((ROOT / "gui").rglob("*.py"))]
    subprocess.run([tool("pyside6-lupdate"), *sources, str(ROOT / "main.py"), "-ts", str(fresh), "-no-obsolete"],
                   check=True, capture_output=True, cwd=ROOT)
    found = messages(fresh)
    untranslated = [k for k, (text, kind) in found.items() if not text or kind == "unfinished"]
    assert not untranslated, f"strings without a Chinese translation: {untranslated}"


def test_compiled_catalogue_is_current(tmp_path):
    out = tmp_path / "x.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts file"


def test_placeholders_survive_translation():
    import re
    for (ctx, source), (text, _) in messages(TS).items():
        assert set(re.findall(r"{\w*}", source)) == set(re.findall(r"{\w*}", text or "")), (ctx, source)
