"""Rows of a long ordered list, fetched a page at a time when first shown and cached: a table
model over a million rows (the visit log, the audit log) stays a window onto SQL.

Pages past the middle are read in reverse order from the far end, so the last row costs no more
than the first (OFFSET stays small either way).
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable


class PagedRows:
    def __init__(self, fetch: Callable[..., list], *, page: int = 100, cached_pages: int = 50):
        """fetch(offset=, limit=, reverse=) returns rows in the list's order (reverse: from the far end)."""
        self.fetch = fetch
        self.page = page
        self.cached_pages = cached_pages
        self.total = 0
        self._pages: OrderedDict[int, list] = OrderedDict()

    def reset(self, total: int) -> None:
        self.total = total
        self._pages.clear()

    def _page(self, number: int) -> list:
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        start = number * self.page
        end = min(start + self.page, self.total)
        if start > self.total // 2:
            rows = self.fetch(offset=self.total - end, limit=end - start, reverse=True)
            rows.reverse()
        else:
            rows = self.fetch(offset=start, limit=end - start, reverse=False)
        self._pages[number] = rows
        if len(self._pages) > self.cached_pages:
            self._pages.popitem(last=False)
        return rows

    def at(self, row: int):
        if not 0 <= row < self.total:
            return None
        rows = self._page(row // self.page)
        i = row % self.page
        return rows[i] if i < len(rows) else None
