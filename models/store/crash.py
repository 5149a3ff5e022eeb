"""Crash reports that say where GateDesk failed and never whom it was serving.

An exception's message can carry the values being handled (a name, a phone typed into a
form), so a report keeps only the exception's type and the frames: file, line and function.
"""
from __future__ import annotations

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from models.store import files
from models.store.clock import utcnow


def report_text(exc_type, exc, tb, *, version: str = "") -> str:
    lines = [f"GateDesk {version}".strip(), f"Python {platform.python_version()} on {platform.platform()}", "",
             f"{exc_type.__module__}.{exc_type.__qualname__}"]
    seen = exc
    while seen is not None:  # the chain of causes, by type only
        for frame in traceback.extract_tb(seen.__traceback__ if seen is not exc else tb):
            lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
        seen = seen.__cause__ or seen.__context__
        if seen is not None:
            lines.append(f"caused by {type(seen).__module__}.{type(seen).__qualname__}")
    return "\n".join(lines) + "\n"


def write_report(folder: Path, exc_type, exc, tb, now: datetime) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{now.strftime('%Y%m%dT%H%M%S')}.txt"
    files.write_text(path, report_text(exc_type, exc, tb))
    return path


def report_quietly(folder: Path, exc: BaseException, now: datetime) -> Path | None:
    """A report of an error GateDesk carries on after (a file it could not import, a failed erasure);
    None when even the report cannot be written."""
    try:
        return write_report(folder, type(exc), exc, exc.__traceback__, now)
    except OSError:
        return None


def install(folder: Path, on_crash=None) -> None:
    """Replace sys.excepthook: write the report, then tell the user (on_crash(path))."""
    def hook(exc_type, exc, tb):
        path = report_quietly(folder, exc.with_traceback(tb) if exc is not None else exc_type(), utcnow())
        if on_crash is not None:
            on_crash(path)

    sys.excepthook = hook
