"""The project's history reads in `git log --oneline`: each commit's subject fits 72 characters,
the story in its body. Commits before the rule (010aae8 was the last longer one) are left as made."""
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAST_LONG = "010aae87e51d7cef4cc407022cde6a11d9028e55"  # the rule holds for every commit after this one
SUBJECT_MAX = 72


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout")
def test_every_commit_subject_since_the_rule_fits_72_characters():
    if _git("cat-file", "-e", f"{LAST_LONG}^{{commit}}").returncode != 0:
        pytest.skip("a shallow checkout: the commit the rule starts after is not here")
    log = _git("log", "--format=%h%x09%s", f"{LAST_LONG}..HEAD")
    assert log.returncode == 0, log.stderr
    rows = [line.split("\t", 1) for line in log.stdout.splitlines() if line]
    too_long = [f"{h} ({len(s)}): {s}" for h, s in rows if len(s) > SUBJECT_MAX]
    assert not too_long, "\n".join(too_long)
