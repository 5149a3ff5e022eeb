"""Cells for spreadsheets GateDesk writes: text stays text, whoever typed it.

A visitor's origin typed as `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` must not become a live
formula when an office clerk opens the log in Excel (OWASP, "CSV injection"). In .xlsx every
text cell is stored as a string (openpyxl would store any text starting with `=` as a formula);
in .csv, text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`.
"""
from __future__ import annotations

from typing import Any

# openpyxl (~0.2 s to import) is imported where a workbook is written: start-up never needs it.

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def xlsx_row(sheet, values) -> list:
    """Cells for sheet.append(): strings forced to text, numbers left as numbers."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell

    make = WriteOnlyCell if type(sheet).__name__ == "WriteOnlyWorksheet" else Cell
    row = []
    for value in values:
        if isinstance(value, str):
            cell = make(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    return row
