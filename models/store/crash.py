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


def _where(frames) -> list[str]:
    return [f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}" for frame in frames]


def report_text(exc_type, exc, tb, *, version: str = "", called_from=None) -> str:
    """called_from: the stack the report is written from, for an error with no frames of its own (one
    Qt raised while it called into Python: an override that is not callable, a bad slot)."""
    lines = [f"GateDesk {version}".strip(), f"Python {platform.python_version()} on {platform.platform()}", "",
             f"{exc_type.__module__}.{exc_type.__qualname__}"]
    seen, located = exc, False
    while seen is not None:  # the chain of causes, by type only
        frames = traceback.extract_tb(seen.__traceback__ if seen is not exc else tb)
        located |= bool(frames)
        lines += _where(frames)
        seen = seen.__cause__ or seen.__context__
        if seen is not None:
            lines.append(f"caused by {type(seen).__module__}.{type(seen).__qualname__}")
    if not located and called_from:
        lines.append("raised while Qt called into GateDesk, from:")
        lines += _where(called_from)
    return "\n".join(lines) + "\n"


def write_report(folder: Path, exc_type, exc, tb, now: datetime, called_from=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{now.strftime('%Y%m%dT%H%M%S')}.txt"
    files.write_text(path, report_text(exc_type, exc, tb, called_from=called_from))
    return path


def report_quietly(folder: Path, exc: BaseException, now: datetime, called_from=None) -> Path | None:
    """A report of an error GateDesk carries on after (a file it could not import, a failed erasure);
    None when even the report cannot be written."""
    try:
        return write_report(folder, type(exc), exc, exc.__traceback__, now, called_from)
    except OSError:
        return None


def install(folder: Path, on_crash=None) -> None:
    """Replace sys.excepthook: write the report, then tell the user (on_crash(path))."""
    def hook(exc_type, exc, tb):
        stack = traceback.extract_stack()[:-1]  # where the event loop was when Qt raised it
        path = report_quietly(folder, exc.with_traceback(tb) if exc is not None else exc_type(), utcnow(), stack)
        if on_crash is not None:
            on_crash(path)

    sys.excepthook = hook
