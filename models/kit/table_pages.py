"""Printed lists as ruled A4 tables: a title, a header row, a row per item, a foot on each page, and
boxes to tick by hand (a call sheet, the volunteers' daily list). Drawn as pages (models.kit.drawing)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from models.kit.drawing import Box, Page, Text, fit_pt

TOP, BOTTOM, LEFT, WIDTH = 34.0, 282.0, 12.0, 186.0


@dataclass(frozen=True)
class Tick:
    """A box to tick on paper, ticked already when done."""
    done: bool = False


Cell = str | Tick


def table_pages(items: Sequence, *, title: str, columns: Sequence[tuple[str, float]],
                cells: Callable[[object], Sequence[Cell]], foot: Callable[[int, int], str],
                row_h: float = 8.0) -> list[Page]:
    """columns: (heading, width in mm), headings already in the reader's language; cells(item): one
    text or Tick per column; foot(page, pages): the line at the foot of each page."""
    per_page = int((BOTTOM - TOP - row_h) // row_h)
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
    base = row_h * 0.3  # from a row's foot to the text's baseline
    pages = []
    for number, chunk in enumerate(chunks, 1):
        page = Page(210, 297)
        page.add(Text(105, 20, title, fit_pt(title, 16, WIDTH, bold=True), bold=True, align="center"))
        y, x = TOP, LEFT
        page.add(Box(LEFT, y, WIDTH, row_h, fill="#e3eaf3", line="#90a4ae", width=0.2))
        for heading, w in columns:
            page.add(Text(x + 2, y + row_h - base, heading, fit_pt(heading, 9.5, w - 3, bold=True, smallest=6),
                          bold=True))
            x += w
        y += row_h
        for item in chunk:
            page.add(Box(LEFT, y, WIDTH, row_h, line="#b0bec5", width=0.2))
            x = LEFT
            for cell, (_, w) in zip(cells(item), columns):
                if isinstance(cell, Tick):
                    page.add(Box(x + w / 2 - 2.5, y + (row_h - 5) / 2, 5, 5, line="#37474f", width=0.3))
                    if cell.done:
                        page.add(Text(x + w / 2, y + row_h - 2.2, "✓", 11, bold=True, align="center"))
                elif cell:
                    page.add(Text(x + 2, y + row_h - base, cell, fit_pt(cell, 11, w - 4, smallest=6)))
                x += w
            y += row_h
        page.add(Text(105, 290, foot(number, len(chunks)), 8, color="#546e7a", align="center"))
        pages.append(page)
    return pages
