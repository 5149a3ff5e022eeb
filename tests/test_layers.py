"""models/ is the Qt-free core: importing it never loads PySide6."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_importing_the_core_does_not_load_qt():
    code = ("import sys, pkgutil, importlib, models\n"
            "for m in pkgutil.walk_packages(models.__path__, 'models.'): importlib.import_module(m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gui'))]\n"
            "assert not bad, bad\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_import_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    r = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_screen_restates_the_role_an_action_needs():
    """The role is the core's declaration (models/app/actions.py): a screen asks role_for(action).
    A screen may only tell roles apart to word its question ("Administrator" or "Supervisor")."""
    import re

    gui = Path(__file__).resolve().parent.parent / "gui"
    restated = []
    for path in sorted(gui.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in re.finditer(r"Role\.(ADMIN|SUPERVISOR)", line):
                before = line[:m.start()]
                if before.endswith("role is ") or before.rstrip().endswith("role: Role ="):
                    continue
                restated.append(f"{path.relative_to(gui.parent)}:{n}: {line.strip()}")
    assert not restated, "\n".join(restated)


def test_no_module_of_the_core_outgrows_one_reading():
    """A module of the core stays small enough to read whole (500 lines); the office's import,
    where ownership, conflicts and deletions meet, stays within 400 a module."""
    models = ROOT / "models"
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in models.rglob("*.py")}
    assert sizes and max(sizes.values()) > 100  # the walk found the core
    import_side = ("models/sync/importer.py", "models/sync/gate_bundle.py", "models/sync/batches.py",
                   "models/sync/tombstones.py", "models/sync/relay.py", "models/sync/reader.py")
    too_long = {p: n for p, n in sizes.items() if n > (400 if p in import_side else 500)}
    assert not too_long, too_long
