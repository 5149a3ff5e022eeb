"""The office's daily report (.xlsx or PDF), in the reader's language.

Personal data is masked unless full data is asked for (an administrator's choice). Workbooks
are written in openpyxl's write-only mode, so a large log streams instead of filling memory.
"""
from __future__ import annotations

from pathlib import Path

from models.formats.spreadsheets import xlsx_row
from models.kit.drawing import add_fonts
from models.office.dashboard import FIGURE_NAMES, DaySummary
from models.store.files import written_whole
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator

# openpyxl and fpdf2 are imported where a report is written: start-up never needs them.

CTX = "Reports"


# -- the office's daily report ----------------------------------------------------------------
FIGURE_LABELS = {
    "visits": QT_TRANSLATE_NOOP("Reports", "Registrations"),
    "refused": QT_TRANSLATE_NOOP("Reports", "Refused"),
    "isolated": QT_TRANSLATE_NOOP("Reports", "Sent to isolation"),
    "fevers": QT_TRANSLATE_NOOP("Reports", "Fevers"),
    "cases_opened": QT_TRANSLATE_NOOP("Reports", "Isolation cases opened"),
    "cases_open": QT_TRANSLATE_NOOP("Reports", "Isolation cases open"),
    "cases_closed": QT_TRANSLATE_NOOP("Reports", "Isolation cases closed"),
    "parcels_received": QT_TRANSLATE_NOOP("Reports", "Parcels received"),
    "parcels_waiting": QT_TRANSLATE_NOOP("Reports", "Parcels waiting"),
    "parcels_overdue": QT_TRANSLATE_NOOP("Reports", "Parcels overdue"),
    "readiness_done": QT_TRANSLATE_NOOP("Reports", "Daily checks done"),
}
assert list(FIGURE_LABELS) == FIGURE_NAMES


def _report_rows(summary: DaySummary, tr) -> tuple[list[str], list[list]]:
    headers = [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Community")), tr(CTX, QT_TRANSLATE_NOOP("Reports", "Compound")), tr(CTX, QT_TRANSLATE_NOOP("Reports", "Gates"))] + \
        [tr(CTX, FIGURE_LABELS[n]) for n in FIGURE_NAMES]
    rows = []
    for c in summary.rows():
        if c.compound_ids:
            first, second = c.community, c.compound
        elif c.community:
            first, second = c.community, tr(CTX, QT_TRANSLATE_NOOP("Reports", "Subtotal"))
        else:
            first, second = tr(CTX, QT_TRANSLATE_NOOP("Reports", "Total")), ""
        rows.append([first, second, c.gates] + [getattr(c.figures, n) for n in FIGURE_NAMES])
    return headers, rows


def report_title(summary: DaySummary, tr, office: str) -> str:
    return tr(CTX, QT_TRANSLATE_NOOP("Reports", "{office} daily epidemic-control summary, {day}")).format(
        office=office or tr(CTX, QT_TRANSLATE_NOOP("Reports", "Community office")), day=summary.day.isoformat())


def write_report_xlsx(summary: DaySummary, path: Path, *, language: str, office: str = "",
                      missing: list[str] | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    tr = plain_translator(language)
    book = Workbook()
    sheet = book.active
    sheet.title = tr(CTX, QT_TRANSLATE_NOOP("Reports", "Summary"))
    # Compound and gate names come from the gates' bundles: text, never formulas.
    sheet.append(xlsx_row(sheet, [report_title(summary, tr, office)]))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(xlsx_row(sheet, [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Gates reporting: {n} of {total}")).format(
        n=summary.gates_reporting, total=summary.gates_known)]))
    sheet.append([])
    headers, rows = _report_rows(summary, tr)
    sheet.append(xlsx_row(sheet, headers))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(xlsx_row(sheet, row))
    if missing:
        sheet.append([])
        sheet.append(xlsx_row(sheet, [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Not reported"))]))
        for line in missing:
            sheet.append(xlsx_row(sheet, [line]))
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 22
    with written_whole(path) as partial:
        book.save(partial)
    return path


def write_report_pdf(summary: DaySummary, path: Path, *, language: str, office: str = "",
                     missing: list[str] | None = None) -> Path:
    """A landscape A4 page with real (searchable) Chinese text."""
    from fpdf import FPDF, FontFace


    tr = plain_translator(language)
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(True, margin=12)
    add_fonts(pdf)
    pdf.add_page()
    pdf.set_font("cjk", size=15)
    pdf.cell(0, 10, report_title(summary, tr, office), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.cell(0, 7, tr(CTX, QT_TRANSLATE_NOOP("Reports", "Gates reporting: {n} of {total}")).format(
        n=summary.gates_reporting, total=summary.gates_known), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    headers, rows = _report_rows(summary, tr)
    pdf.set_font("cjk", size=8)
    widths = (24, 34, 12) + (19.5,) * len(FIGURE_NAMES)
    heading = FontFace(emphasis="", fill_color=(225, 232, 240))
    with pdf.table(col_widths=widths, text_align="CENTER", line_height=5, headings_style=heading) as table:
        table.row(headers)
        for row in rows:
            table.row(["" if v is None else str(v) for v in row])
    if missing:
        pdf.ln(4)
        pdf.set_font("cjk", size=10)
        pdf.cell(0, 7, tr(CTX, QT_TRANSLATE_NOOP("Reports", "Not reported")), new_x="LMARGIN", new_y="NEXT")
        for line in missing:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    with written_whole(path) as partial:
        pdf.output(str(partial))
    return path


def write_report(summary: DaySummary, path: Path, *, language: str, office: str = "",
                 missing: list[str] | None = None) -> Path:
    writer = write_report_pdf if path.suffix.lower() == ".pdf" else write_report_xlsx
    return writer(summary, path, language=language, office=office, missing=missing)

