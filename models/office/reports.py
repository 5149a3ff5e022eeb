"""The office's daily report (.xlsx or PDF), in the reader's language.

Personal data is masked unless full data is asked for (an administrator's choice). Workbooks
are written in openpyxl's write-only mode, so a large log streams instead of filling memory.
"""
from __future__ import annotations

from pathlib import Path

from models.formats.spreadsheets import xlsx_row
from models.kit.drawing import add_fonts
from models.office.dashboard import FIGURE_NAMES, DaySummary, Figures, UnitDay
from models.office.care import KINDS as CARE_KINDS
from models.office.care import CareDay
from models.office.rounds import RoundsDay
from models.store.files import written_whole
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator
from models.sync import units

# openpyxl and fpdf2 are imported where a report is written: start-up never needs them.

CTX = "Reports"


# -- the office's daily report ----------------------------------------------------------------
FIGURE_LABELS = {
    "visits": QT_TRANSLATE_NOOP("Reports", "Registered"),
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


def _unit_rows(by_unit: list[UnitDay], tr) -> tuple[list[str], list[list]]:
    """The level below the report's unit: a district's sub-districts, a sub-district's communities."""
    headers = [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Unit")), tr(CTX, QT_TRANSLATE_NOOP("Reports", "Gates"))] + \
        [tr(CTX, FIGURE_LABELS[n]) for n in FIGURE_NAMES]
    rows, total = [], Figures()
    for r in by_unit:
        name = r.name or tr(CTX, QT_TRANSLATE_NOOP("Reports", "Not placed in a unit"))
        if r.level in units.LEVEL_LABELS:
            name = f"{name}（{tr('Units', units.LEVEL_LABELS[r.level])}）"
        rows.append([name, r.gates] + [getattr(r.figures, n) for n in FIGURE_NAMES])
        total.add(r.figures)
    rows.append([tr(CTX, QT_TRANSLATE_NOOP("Reports", "Total")), sum(r.gates for r in by_unit)] +
                [getattr(total, n) for n in FIGURE_NAMES])
    return headers, rows


ROUND_FIGURES = ("due", "sampled", "exempt", "missing", "at_home")
ROUND_LABELS = {
    "due": QT_TRANSLATE_NOOP("Reports", "Due"),
    "sampled": QT_TRANSLATE_NOOP("Reports", "Sampled"),
    "exempt": QT_TRANSLATE_NOOP("Reports", "Exempt"),
    "missing": QT_TRANSLATE_NOOP("Reports", "Missing"),
    "at_home": QT_TRANSLATE_NOOP("Reports", "Waiting at home"),
}


def _round_rows(testing: RoundsDay, tr) -> tuple[list[str], list[list]]:
    """Each compound's round building by building, its total after it, and the day's total last."""
    headers = [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Community")), tr(CTX, QT_TRANSLATE_NOOP("Reports", "Compound")),
               tr(CTX, QT_TRANSLATE_NOOP("Reports", "Round")), tr(CTX, QT_TRANSLATE_NOOP("Reports", "Building"))] + \
        [tr(CTX, ROUND_LABELS[n]) for n in ROUND_FIGURES]
    rows = []
    for r in testing.rows:
        state = tr(CTX, QT_TRANSLATE_NOOP("Reports", "closed")) if r.closed else \
            tr(CTX, QT_TRANSLATE_NOOP("Reports", "under way"))
        for p in r.buildings:
            # As the dashboard shows it (1号楼), not the roster's bare number.
            building = tr(CTX, QT_TRANSLATE_NOOP("Reports", "Building {0}")).format(p.building) if p.building else \
                tr(CTX, QT_TRANSLATE_NOOP("Reports", "Subtotal"))
            rows.append([r.community, r.compound, f"{r.title}（{state}）", building] +
                        [getattr(p, n) for n in ROUND_FIGURES])
    rows.append([tr(CTX, QT_TRANSLATE_NOOP("Reports", "Total")), "", "", ""] +
                [getattr(testing.total, n) for n in ROUND_FIGURES])
    return headers, rows


CARE_LABELS = {
    "sampling": QT_TRANSLATE_NOOP("Reports", "Sampled at home"),
    "necessities": QT_TRANSLATE_NOOP("Reports", "Necessities delivered"),
    "medicine": QT_TRANSLATE_NOOP("Reports", "Medicine delivered"),
    "visit": QT_TRANSLATE_NOOP("Reports", "Home visits"),
}
assert tuple(CARE_LABELS) == CARE_KINDS


def _care_rows(care: CareDay, tr) -> tuple[list[str], list[list]]:
    """Each compound's ledger: on the register, the day's services by kind, still open; the total last."""
    headers = [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Community")), tr(CTX, QT_TRANSLATE_NOOP("Reports", "Compound")),
               tr(CTX, QT_TRANSLATE_NOOP("Reports", "On the register"))] + \
        [tr(CTX, CARE_LABELS[k]) for k in CARE_KINDS] + [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Still open"))]
    rows = [[r.community, r.compound, r.registered] + [r.done[k] for k in CARE_KINDS] + [r.still_open]
            for r in care.rows]
    total = care.total
    rows.append([tr(CTX, QT_TRANSLATE_NOOP("Reports", "Total")), "", total.registered] +
                [total.done[k] for k in CARE_KINDS] + [total.still_open])
    return headers, rows


def _care_title(care: CareDay, tr) -> str:
    return tr(CTX, QT_TRANSLATE_NOOP("Reports", "Home services, {day}")).format(day=care.day.isoformat())


def _rounds_title(testing: RoundsDay, tr) -> str:
    return tr(CTX, QT_TRANSLATE_NOOP("Reports", "Testing rounds, {day}")).format(day=testing.day.isoformat())


def report_title(summary: DaySummary, tr, office: str) -> str:
    return tr(CTX, QT_TRANSLATE_NOOP("Reports", "{office} daily epidemic-control summary, {day}")).format(
        office=office or tr(CTX, QT_TRANSLATE_NOOP("Reports", "Community office")), day=summary.day.isoformat())


def write_report_xlsx(summary: DaySummary, path: Path, *, language: str, office: str = "",
                      missing: list[str] | None = None, by_unit: list[UnitDay] | None = None,
                      rounds: RoundsDay | None = None, care: CareDay | None = None) -> Path:
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
    tables = [_unit_rows(by_unit, tr)] if by_unit else []
    for headers, rows in tables + [_report_rows(summary, tr)]:
        sheet.append(xlsx_row(sheet, headers))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(xlsx_row(sheet, row))
        sheet.append([])
    if missing:
        sheet.append(xlsx_row(sheet, [tr(CTX, QT_TRANSLATE_NOOP("Reports", "Not reported"))]))
        for line in missing:
            sheet.append(xlsx_row(sheet, [line]))
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 22
    def table_sheet(name: str, title: str, table: tuple[list[str], list[list]], widths: tuple[int, ...]):
        sheet = book.create_sheet(name)
        sheet.append(xlsx_row(sheet, [title]))
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([])
        headers, rows = table
        sheet.append(xlsx_row(sheet, headers))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(xlsx_row(sheet, row))
        for column, width in zip("ABCDEFGH", widths):
            sheet.column_dimensions[column].width = width
        return sheet

    if rounds is not None:
        sheet = table_sheet(tr(CTX, QT_TRANSLATE_NOOP("Reports", "Testing rounds")), _rounds_title(rounds, tr),
                            _round_rows(rounds, tr), (16, 22, 26, 10))
        if rounds.not_reported:
            sheet.append([])
            sheet.append(xlsx_row(sheet, [tr(CTX, QT_TRANSLATE_NOOP("Reports", "No round reported"))]))
            for line in rounds.not_reported:
                sheet.append(xlsx_row(sheet, [line]))
    if care is not None:
        table_sheet(tr(CTX, QT_TRANSLATE_NOOP("Reports", "Home services")), _care_title(care, tr),
                    _care_rows(care, tr), (16, 22) + (12,) * 6)
    with written_whole(path) as partial:
        book.save(partial)
    return path


# The figures a reader above looks for first, shown large across the top of the PDF page.
KEY_FIGURES = ("visits", "refused", "isolated", "fevers", "cases_open", "parcels_received")
SIGN_OFF = (QT_TRANSLATE_NOOP("Reports", "Prepared by"), QT_TRANSLATE_NOOP("Reports", "Checked by"),
            QT_TRANSLATE_NOOP("Reports", "Telephone"), QT_TRANSLATE_NOOP("Reports", "Date"))


def write_report_pdf(summary: DaySummary, path: Path, *, language: str, office: str = "",
                     missing: list[str] | None = None, by_unit: list[UnitDay] | None = None,
                     rounds: RoundsDay | None = None, care: CareDay | None = None) -> Path:
    """A landscape A4 page with real (searchable) Chinese text that fills the sheet: the key figures
    large, the table in rows tall enough to read and write on, the gates not reported, and the lines
    for signing off that an upward report carries."""
    from fpdf import FPDF, FontFace

    tr = plain_translator(language)
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, margin=12)
    pdf.set_title(report_title(summary, tr, office))
    pdf.set_creator("GateDesk")
    fake_bold = add_fonts(pdf)
    bold = "" if fake_bold else "B"
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_font("cjk", style=bold, size=20)
    pdf.cell(0, 12, report_title(summary, tr, office), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=11)
    pdf.set_text_color(80, 80, 80)
    pdf.cell(0, 7, tr(CTX, QT_TRANSLATE_NOOP("Reports", "Gates reporting: {n} of {total}")).format(
        n=summary.gates_reporting, total=summary.gates_known), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)

    # Key figures: one box each, the number large.
    gap = 4
    box_w = (width - gap * (len(KEY_FIGURES) - 1)) / len(KEY_FIGURES)
    top = pdf.get_y()
    for i, name in enumerate(KEY_FIGURES):
        x = pdf.l_margin + i * (box_w + gap)
        pdf.set_fill_color(235, 240, 247)
        pdf.set_draw_color(180, 190, 205)
        pdf.rect(x, top, box_w, 26, style="DF")
        pdf.set_xy(x, top + 3)
        pdf.set_font("cjk", size=10)
        pdf.cell(box_w, 6, tr(CTX, FIGURE_LABELS[name]), align="C")
        pdf.set_xy(x, top + 10)
        pdf.set_font("cjk", style=bold, size=22)
        pdf.cell(box_w, 13, str(getattr(summary.total, name)), align="C")
    pdf.set_y(top + 26 + 6)

    headers, rows = _report_rows(summary, tr)
    fixed = (26, 34, 14)
    each = (width - sum(fixed)) / len(FIGURE_NAMES)
    tables = [(*_unit_rows(by_unit, tr), (fixed[0] + fixed[1], fixed[2]))] if by_unit else []
    tables.append((headers, rows, fixed))
    # Rows grow to use the page when there are few compounds; many compounds run on to more pages.
    room = pdf.h - pdf.b_margin - pdf.get_y() - 62 - 6 * (len(tables) - 1)
    line_height = max(7.0, min(12.0, room / (sum(len(t[1]) + 1 for t in tables) + 1)))
    pdf.set_font("cjk", size=10)
    heading = FontFace(emphasis="BOLD" if bold else "", fill_color=(214, 224, 238))
    for i, (heads, body, first) in enumerate(tables):
        if i:
            pdf.ln(6)
        with pdf.table(col_widths=first + (each,) * len(FIGURE_NAMES), text_align="CENTER", line_height=line_height,
                       headings_style=heading, cell_fill_color=(246, 248, 251), cell_fill_mode="ROWS",
                       padding=1) as table:
            table.row(heads)
            for row in body:
                table.row(["" if v is None else str(v) for v in row])

    _listed(pdf, QT_TRANSLATE_NOOP("Reports", "Not reported"), missing or [],
            QT_TRANSLATE_NOOP("Reports", "Every gate has reported for this day."), tr, bold)

    # Sign-off lines along the foot of the last page.
    if pdf.get_y() > pdf.h - pdf.b_margin - 20:
        pdf.add_page()
    pdf.set_y(pdf.h - pdf.b_margin - 12)
    pdf.set_font("cjk", size=11)
    part = width / len(SIGN_OFF)
    for i, label in enumerate(SIGN_OFF):
        x = pdf.l_margin + i * part
        pdf.set_x(x)
        pdf.cell(part, 8, tr(CTX, label) + "：")
        pdf.line(x + 24, pdf.get_y() + 7, x + part - 8, pdf.get_y() + 7)
    if rounds is not None:
        _table_page(pdf, _rounds_title(rounds, tr), _round_rows(rounds, tr), (30, 40, 52, 22), bold, heading, width)
        _listed(pdf, QT_TRANSLATE_NOOP("Reports", "No round reported"), rounds.not_reported, QT_TRANSLATE_NOOP(
            "Reports", "Every compound heard from has reported a round for this day."), tr, bold)
    if care is not None:
        _table_page(pdf, _care_title(care, tr), _care_rows(care, tr), (36, 50), bold, heading, width)
    with written_whole(path) as partial:
        pdf.output(str(partial))
    return path


def _table_page(pdf, title: str, table: tuple[list[str], list[list]], fixed: tuple[float, ...], bold: str, heading,
                width: float) -> None:
    """A table of figures on a page of its own: the named columns first, the figures sharing the rest."""
    pdf.add_page()
    pdf.set_font("cjk", style=bold, size=18)
    pdf.cell(0, 11, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    headers, rows = table
    figures = len(headers) - len(fixed)
    each = (width - sum(fixed)) / figures
    pdf.set_font("cjk", size=10)
    with pdf.table(col_widths=fixed + (each,) * figures, text_align="CENTER", line_height=7,
                   headings_style=heading, cell_fill_color=(246, 248, 251), cell_fill_mode="ROWS",
                   padding=1) as table:
        table.row(headers)
        for row in rows:
            table.row([str(v) for v in row])


def _listed(pdf, label: str, lines: list[str], none: str, tr, bold: str) -> None:
    pdf.ln(6)
    pdf.set_font("cjk", style=bold, size=12)
    pdf.cell(0, 8, tr(CTX, label), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.multi_cell(0, 6, "；".join(lines) if lines else tr(CTX, none), new_x="LMARGIN", new_y="NEXT")


def write_report(summary: DaySummary, path: Path, *, language: str, office: str = "",
                 missing: list[str] | None = None, by_unit: list[UnitDay] | None = None,
                 rounds: RoundsDay | None = None, care: CareDay | None = None) -> Path:
    """by_unit: the level below the report's unit (a district's sub-districts…), shown first;
    rounds: the day's testing rounds, care: the day's home services, each on a sheet (a page) of its own."""
    writer = write_report_pdf if path.suffix.lower() == ".pdf" else write_report_xlsx
    return writer(summary, path, language=language, office=office, missing=missing, by_unit=by_unit, rounds=rounds,
                  care=care)

