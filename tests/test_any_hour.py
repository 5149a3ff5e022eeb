"""Nothing depends on the hour: the sync tests and the gate's idea of "today" pass with the computer's clock at 02:30 and at 23:50
in China (the demo once wrote the future between midnight and six, and the office refused it)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLOCK_SENSITIVE = ["tests/models/test_sync.py", "tests/models/test_office.py", "tests/models/test_ownership.py",
                   "tests/models/test_demo_hours.py",
                   "tests/test_cli.py::test_two_gates_export_and_an_office_imports_from_a_usb_folder",
                   "tests/gui/test_log_and_dialogs.py::"
                   "test_the_log_opens_on_the_station_s_day_and_shows_what_was_registered_today",
                   "tests/gui/test_gate_flow.py::test_todays_counts_start_again_after_midnight"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("faketime") is None, reason="faketime is not installed (apt-get install faketime)")
@pytest.mark.parametrize("utc", ["2026-11-27 18:30:00", "2026-11-27 15:50:00"], ids=["02:30 China", "23:50 China"])
def test_the_sync_tests_pass_at_any_hour(utc, tmp_path):
    env = dict(os.environ, TZ="UTC", QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(["faketime", utc, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "--basetemp", str(tmp_path / "t"), *CLOCK_SENSITIVE],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-3000:]
    date = subprocess.run(["faketime", utc, "date", "+%H:%M"], env=env, capture_output=True, text=True).stdout
    assert date.strip()[:4] in ("18:3", "15:5")  # the clock really was faked
