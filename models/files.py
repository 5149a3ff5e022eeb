"""Files written whole or not at all.

A USB stick pulled out, a full disk or a crash mid-write must never leave a half file under
the real name (nor replace a good older one): writers fill a temporary file beside the target,
which is flushed to the device and renamed over the target only when complete.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def partial_name(path: Path) -> Path:
    # Keeps the suffix: Pillow and others choose the format by it.
    return path.with_name(f".{path.stem}.{secrets.token_hex(4)}.partial{path.suffix}")


@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """Yields the temporary path to write; on success it becomes `path`, on any error it is removed."""
    path = Path(path)
    partial = partial_name(path)
    try:
        yield partial
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, path)
    finally:
        if partial.exists():
            try:
                partial.unlink()
            except OSError:  # the stick is gone: nothing under the real name was touched
                pass


def write_bytes(path: Path, data: bytes) -> Path:
    with written_whole(path) as partial:
        partial.write_bytes(data)
    return Path(path)


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
