"""Files are written whole or not at all: a failure mid-write leaves neither a half file nor a
damaged older copy behind."""
from __future__ import annotations

import pytest

from models.store import files


def test_a_failed_write_leaves_the_older_file_and_no_partial(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"yesterday's good report")
    with pytest.raises(OSError), files.written_whole(target) as partial:
        partial.write_bytes(b"half of today")
        raise OSError(28, "No space left on device")
    assert target.read_bytes() == b"yesterday's good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def test_a_finished_write_replaces_the_file(tmp_path):
    target = tmp_path / "poster.png"
    files.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["poster.png"]


def test_the_temporary_file_keeps_the_suffix_that_chooses_the_format(tmp_path):
    with files.written_whole(tmp_path / "a.pdf") as partial:
        assert partial.suffix == ".pdf" and partial.parent == tmp_path and partial.name.startswith(".")
        partial.write_bytes(b"%PDF")
