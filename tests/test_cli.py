"""The command line is a public interface: office staff script it."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env_lang="zh_CN"):
    env = dict(os.environ, GATEDESK_LANG=env_lang)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_demo_then_stats(tmp_path):
    d = tmp_path / "demo"
    r = run("demo", "--data-dir", str(d), "--days", "3", "--visits-per-day", "50", "--seed", "7")
    assert r.returncode == 0, r.stderr
    assert "榕城花园" in r.stdout and "PIN" in r.stdout
    s = run("stats", "--data-dir", str(d), "--json")
    assert s.returncode == 0
    counts = json.loads(s.stdout)
    assert counts["visits"] == 150 and counts["operators"] == 4 and counts["gates"] == 1
    assert counts["parcels"] == 3 * 12 and counts["readiness_checks"] >= 2 and counts["disinfection_rounds"] > 0
    assert set(counts) >= {"isolation_cases", "parcels", "disinfection_rounds", "readiness_checks"}


def test_demo_refuses_a_used_folder_in_chinese(tmp_path):
    d = tmp_path / "demo"
    assert run("demo", "--data-dir", str(d), "--days", "1", "--visits-per-day", "5").returncode == 0
    r = run("demo", "--data-dir", str(d))
    assert r.returncode == 1 and "已" in r.stderr


def test_bad_arguments_exit_2_with_a_message(tmp_path):
    for args in (["demo", "--days", "0"], ["demo", "--visits-per-day", "x"], ["stats", "--nope"], ["frobnicate"]):
        r = run(*args, "--data-dir", str(tmp_path / "x"))
        assert r.returncode == 2 and "error" in r.stderr


def test_stats_on_a_missing_database(tmp_path):
    r = run("stats", "--data-dir", str(tmp_path / "none"), "--json", env_lang="en")
    assert r.returncode == 1 and "No GateDesk database" in r.stderr
    assert not (tmp_path / "none").exists()
