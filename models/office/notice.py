"""The supervision notice (督导检查情况通报) an office sends up and out: what the teams found between
two days, the compounds praised and those criticised, what must be put right and by when, and an
annex of the problems per compound. A PDF with real (searchable) text, or a workbook.

Names of places, gates and property companies only: whom a team met never reaches it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, select

from models.formats.spreadsheets import xlsx_row
from models.kit.drawing import add_fonts
from models.office.supervision import PeriodRefused, period_problem, places
from models.store.files import written_whole
from models.store.i18n import QT_TRANSLATE_NOOP, plain_translator
from models.supervision.tables import PARTY_LABELS, Finding, FindingStatus, Inspection, Party

CTX = "Supervision"
PRAISED_AT_MOST = 10


@dataclass(frozen=True)
class Judged:
    community: str
    compound: str
    gate: str
    points: int | None
    passed: bool
    announced: bool


@dataclass(frozen=True)
class Problem:
    community: str
    compound: str
    gate: str
    text: str
    party: str
    party_name: str
    due_on: str
    status: str
    times_found: int

    def overdue(self, today: date) -> bool:
        return self.status == FindingStatus.OPEN and self.due_on < today.isoformat()


@dataclass(frozen=True)
class Notice:
    office: str
    day_from: date
    day_to: date
    today: date
    visits: int
    unannounced: int
    compounds: int
    passed: int
    found: int  # findings made or re-opened in the period
    put_right: int  # of those, closed since
    overdue: int  # open past their day, whenever found
    praised: list[Judged] = field(default_factory=list)
    criticised: list[Judged] = field(default_factory=list)
    annex: list[Problem] = field(default_factory=list)

    @property
    def pass_rate(self) -> float:
        return round(100 * self.passed / self.visits, 1) if self.visits else 0.0


def gather(conn: Connection, day_from: date, day_to: date, today: date, *, office: str = "",
           compounds: set[str] | None = None) -> Notice:
    """The period's visits (not follow-ups) and findings of these compounds (None: all the office knows).
    Raises PeriodRefused for a period that ends before it begins."""
    if period_problem(day_from, day_to):
        raise PeriodRefused()
    known = places(conn, compounds)
    span = (Inspection.day >= day_from.isoformat(), Inspection.day <= day_to.isoformat())
    rows = [r for r in conn.execute(select(Inspection.compound_id, Inspection.compound_name, Inspection.gate_name,
                                           Inspection.points, Inspection.passed, Inspection.announced)
                                    .where(Inspection.signed_at.is_not(None), Inspection.follows_id.is_(None), *span))
            if r[0] in known]

    def judged(r) -> Judged:
        return Judged(known[r[0]].community, known[r[0]].compound, r[2], r[3], bool(r[4]), bool(r[5]))

    visits = [judged(r) for r in rows]
    best = sorted((v for v in visits if v.passed and v.points is not None), key=lambda v: (-v.points, v.compound))
    praised, seen = [], set()
    for v in best:  # a compound once, at its best
        if (v.community, v.compound) not in seen and len(praised) < PRAISED_AT_MOST:
            seen.add((v.community, v.compound))
            praised.append(v)
    criticised = sorted((v for v in visits if not v.passed),
                        key=lambda v: (v.points if v.points is not None else -1, v.community, v.compound))
    found_in = select(Inspection.id).where(*span)
    period = [f for f in conn.execute(select(Finding).where(Finding.inspection_id.in_(found_in))).all()]
    open_rows = conn.execute(select(Finding).where(Finding.status == FindingStatus.OPEN.value)).all()
    period = [f for f in period if f.compound_id in known]
    annex = sorted((Problem(known[f.compound_id].community, known[f.compound_id].compound, f.gate_name, f.text,
                            f.party, f.party_name, f.due_on, f.status, f.times_found) for f in period),
                   key=lambda p: (p.community, p.compound, p.gate, p.due_on, p.text))
    return Notice(office=office, day_from=day_from, day_to=day_to, today=today, visits=len(visits),
                  unannounced=sum(not v.announced for v in visits), compounds=len({r[0] for r in rows}),
                  passed=sum(v.passed for v in visits), found=len(period),
                  put_right=sum(f.status == FindingStatus.CLOSED for f in period),
                  overdue=sum(1 for f in open_rows if f.compound_id in known and f.due_on < today.isoformat()),
                  praised=praised, criticised=criticised, annex=annex)


# -- the words ----------------------------------------------------------------------------------
TITLE = QT_TRANSLATE_NOOP("Supervision", "{office}Notice on the supervision of compounds' epidemic control, "
                                         "{day_from} to {day_to}")
SUMMARY = QT_TRANSLATE_NOOP("Supervision", "From {day_from} to {day_to} the supervision teams made {visits} visits "
                                           "to {compounds} compounds ({unannounced} unannounced); {passed} met the "
                                           "standard, a rate of {rate}%. They found {found} problems, of which "
                                           "{put_right} have been put right; {overdue} are past their deadline.")
PRAISE = QT_TRANSLATE_NOOP("Supervision", "I. Commended")
PRAISE_NONE = QT_TRANSLATE_NOOP("Supervision", "No compound met the standard in this period.")
CRITICISM = QT_TRANSLATE_NOOP("Supervision", "II. Criticised")
CRITICISM_NONE = QT_TRANSLATE_NOOP("Supervision", "Every compound visited met the standard.")
DEMAND = QT_TRANSLATE_NOOP("Supervision", "III. What must be done")
DEMAND_TEXT = QT_TRANSLATE_NOOP("Supervision", "Each party responsible puts right the problems in the annex by the "
                                               "day given there and reports it to its community; problems not put "
                                               "right in time are followed up and named again in the next notice.")
ANNEX = QT_TRANSLATE_NOOP("Supervision", "Annex: problems found, by compound")
NOT_PASSED = QT_TRANSLATE_NOOP("Supervision", "not met")
POINTS = QT_TRANSLATE_NOOP("Supervision", "{points} points")
HEADERS = (QT_TRANSLATE_NOOP("Supervision", "No."), QT_TRANSLATE_NOOP("Supervision", "Community"),
           QT_TRANSLATE_NOOP("Supervision", "Compound"), QT_TRANSLATE_NOOP("Supervision", "Problem"),
           QT_TRANSLATE_NOOP("Supervision", "Responsible"), QT_TRANSLATE_NOOP("Supervision", "Put right by"),
           QT_TRANSLATE_NOOP("Supervision", "State"))
STATES = {"open": QT_TRANSLATE_NOOP("Supervision", "open"), "closed": QT_TRANSLATE_NOOP("Supervision", "put right"),
          "overdue": QT_TRANSLATE_NOOP("Supervision", "overdue"),
          "again": QT_TRANSLATE_NOOP("Supervision", "found {n} times")}


def _words(notice: Notice, tr):
    t = lambda text: tr(CTX, text)  # noqa: E731
    title = t(TITLE).format(office=notice.office, day_from=notice.day_from.isoformat(),
                            day_to=notice.day_to.isoformat())
    summary = t(SUMMARY).format(day_from=notice.day_from.isoformat(), day_to=notice.day_to.isoformat(),
                                visits=notice.visits, compounds=notice.compounds, unannounced=notice.unannounced,
                                passed=notice.passed, rate=notice.pass_rate, found=notice.found,
                                put_right=notice.put_right, overdue=notice.overdue)

    def named(v: Judged) -> str:
        where = " ".join(x for x in (v.community, v.compound, v.gate) if x)
        said = [t(POINTS).format(points=v.points)] if v.points is not None else []
        if not v.passed:  # a veto fails a visit whatever its points
            said.append(t(NOT_PASSED))
        return f"{where}（{'，'.join(said)}）"

    praised = "；".join(named(v) for v in notice.praised) or t(PRAISE_NONE)
    criticised = "；".join(named(v) for v in notice.criticised) or t(CRITICISM_NONE)

    def state(p: Problem) -> str:
        said = t(STATES["overdue"] if p.overdue(notice.today) else STATES[p.status])
        return said + ("，" + t(STATES["again"]).format(n=p.times_found) if p.times_found > 1 else "")

    rows = [[str(n), p.community, " ".join(x for x in (p.compound, p.gate) if x), p.text,
             " ".join(x for x in (t(PARTY_LABELS[Party(p.party)]), p.party_name) if x), p.due_on, state(p)]
            for n, p in enumerate(notice.annex, start=1)]
    return title, summary, praised, criticised, [t(h) for h in HEADERS], rows


def write_notice(notice: Notice, path: Path, *, language: str) -> Path:
    """A .pdf or an .xlsx, by the path's suffix, written whole or not at all."""
    writer = _pdf if path.suffix.lower() == ".pdf" else _xlsx
    return writer(notice, path, plain_translator(language))


def _pdf(notice: Notice, path: Path, tr) -> Path:
    from fpdf import FPDF, FontFace

    title, summary, praised, criticised, headers, rows = _words(notice, tr)
    pdf = FPDF(orientation="P", format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_title(title)
    pdf.set_creator("GateDesk")
    bold = "" if add_fonts(pdf) else "B"
    pdf.add_page()
    pdf.set_font("cjk", style=bold, size=17)
    pdf.multi_cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for heading, text in ((None, summary), (PRAISE, praised), (CRITICISM, criticised), (DEMAND, tr(CTX, DEMAND_TEXT))):
        if heading:
            pdf.ln(2)
            pdf.set_font("cjk", style=bold, size=13)
            pdf.cell(0, 9, tr(CTX, heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=12)
        pdf.multi_cell(0, 7.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("cjk", size=12)
    pdf.cell(0, 8, notice.office, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, notice.today.isoformat(), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page(orientation="L")
    pdf.set_font("cjk", style=bold, size=15)
    pdf.cell(0, 10, tr(CTX, ANNEX), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("cjk", size=10)
    heading = FontFace(emphasis="BOLD" if bold else "", fill_color=(214, 224, 238))
    with pdf.table(col_widths=(12, 30, 46, 90, 44, 26, 30), line_height=7, headings_style=heading,
                   cell_fill_color=(246, 248, 251), cell_fill_mode="ROWS", padding=1) as table:
        table.row(headers)
        for row in rows:
            table.row(row)
    with written_whole(path) as partial:
        pdf.output(str(partial))
    return path


def _xlsx(notice: Notice, path: Path, tr) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    title, summary, praised, criticised, headers, rows = _words(notice, tr)
    book = Workbook()
    sheet = book.active
    sheet.title = tr(CTX, QT_TRANSLATE_NOOP("Supervision", "Notice"))
    for line in (title, "", summary, "", tr(CTX, PRAISE), praised, "", tr(CTX, CRITICISM), criticised, "",
                 tr(CTX, DEMAND), tr(CTX, DEMAND_TEXT), "", notice.office, notice.today.isoformat()):
        sheet.append(xlsx_row(sheet, [line]))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 120
    for cell in sheet["A"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    annex = book.create_sheet(tr(CTX, QT_TRANSLATE_NOOP("Supervision", "Annex")))
    annex.append(xlsx_row(annex, [tr(CTX, ANNEX)]))
    annex["A1"].font = Font(bold=True, size=14)
    annex.append(xlsx_row(annex, headers))
    for cell in annex[annex.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        annex.append(xlsx_row(annex, row))
    for column, width in zip("ABCDEFG", (6, 16, 24, 48, 24, 12, 18)):
        annex.column_dimensions[column].width = width
    with written_whole(path) as partial:
        book.save(partial)
    return path
