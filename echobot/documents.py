"""Files people download: certificates (PDF) and CSV files that open cleanly in Excel. Pure functions."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, cast

NAVY = (29, 79, 118)
GOLD = (181, 140, 54)
GREY = (90, 90, 90)


def _font_folder() -> str:
    import matplotlib  # its wheel ships DejaVu Sans: every character a name may need

    return os.path.join(matplotlib.get_data_path(), "fonts", "ttf")


def _cell(value: Any) -> Any:
    """Text that Excel would run as a formula (=, +, -, @, tab, CR first) is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte-order mark and proper quoting, so Excel opens names like "Núñez, José" as written,
    and no cell can smuggle a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def iso(moment: datetime | date | None) -> str:
    return "" if moment is None else moment.isoformat()


Centred = Callable[..., None]


def _sheet() -> tuple[Any, Centred]:
    """A landscape letter page with the double border, and `centred(text, font, style, size, colour, y,
    shrink=0.6)`: one line, centred; a long one gets a smaller font (down to `shrink`), then is cut with an
    ellipsis. fpdf2 is imported here, not at start: it brings Pillow and fontTools (about 45 MB) that only
    certificates need."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format="letter")
    pdf.set_auto_page_break(False)
    folder = _font_folder()
    pdf.add_font("Sans", "", os.path.join(folder, "DejaVuSans.ttf"))
    pdf.add_font("Sans", "B", os.path.join(folder, "DejaVuSans-Bold.ttf"))
    pdf.add_font("Serif", "", os.path.join(folder, "DejaVuSerif.ttf"))
    pdf.add_font("Serif", "B", os.path.join(folder, "DejaVuSerif-Bold.ttf"))
    pdf.add_page()
    width, height = pdf.w, pdf.h
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(2.2)
    pdf.rect(10, 10, width - 20, height - 20)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.8)
    pdf.rect(15, 15, width - 30, height - 30)

    def centred(text: str, font: str, style: str, size: float, colour: tuple[int, int, int], y: float,
                shrink: float = 0.6) -> None:  # fmt: skip
        room = width - 44
        pdf.set_font(font, style, size)
        smallest = size * shrink
        while pdf.get_string_width(text) > room and pdf.font_size_pt > smallest:
            pdf.set_font_size(max(pdf.font_size_pt - 0.5, smallest))
        while pdf.get_string_width(text) > room and len(text) > 1:
            text = text[:-2].rstrip() + "…"
        pdf.set_text_color(*colour)
        pdf.set_xy(20, y)
        pdf.cell(width - 40, size * 0.5, text, align="C")

    return pdf, centred


def _statement(pdf: Any, statement: str, top: float) -> None:
    """The accreditation statement, between the credit line and the signature line (about 22 mm); a long
    statement gets smaller type."""
    if not statement:
        return
    width = pdf.w
    pdf.set_text_color(*GREY)
    for size in (8.5, 7.5, 6.5, 5.5, 4.5):
        pdf.set_font("Sans", "", size)
        drawn = pdf.multi_cell(width - 70, size * 0.5, statement, align="C", dry_run=True, output="LINES")
        lines = cast(list[str], drawn)
        if len(lines) * size * 0.5 <= 22:
            break
    pdf.set_xy(35, top)
    pdf.multi_cell(width - 70, size * 0.5, "\n".join(lines[: int(22 // (size * 0.5))]), align="C")


def _signature(pdf: Any, issued: date, hub_name: str) -> None:
    width, height = pdf.w, pdf.h
    pdf.set_font("Sans", "", 9)
    pdf.set_text_color(*GREY)
    pdf.set_xy(25, height - 32)
    pdf.cell(100, 5, f"Issued {issued.strftime('%B %-d, %Y')} by echobot for {hub_name}")
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(0.3)
    pdf.line(width - 125, height - 34, width - 25, height - 34)
    pdf.set_xy(width - 125, height - 32)
    pdf.cell(100, 5, "Program coordinator", align="C")


def certificate_pdf(
    *,
    name: str,
    credential: str,
    activities: Sequence[tuple[str, date, str, float]],
    hub_name: str,
    statement: str,
    issued: date,
) -> bytes:
    """A landscape certificate: the person, the activity (or activities), the credit, the statement.

    `activities` are (title, date, credit type, hours).
    """
    pdf, centred = _sheet()
    width = pdf.w
    centred(hub_name.upper(), "Sans", "B", 13, NAVY, 28)
    centred("Project ECHO · teleECHO™ program", "Sans", "", 10, GREY, 36)
    centred("Certificate of Continuing Education", "Serif", "B", 28, NAVY, 50)
    centred("This certifies that", "Sans", "", 12, GREY, 70)
    centred(name, "Serif", "B", 30, (20, 20, 20), 80, shrink=0.3)  # a name is never cut
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.4)
    pdf.line(width / 2 - 80, 97, width / 2 + 80, 97)
    centred(credential, "Sans", "", 11, GREY, 100)
    total = sum(hours for *_, hours in activities)
    kinds = sorted({kind for _, _, kind, _ in activities})
    if len(activities) == 1:
        title, day, _, _ = activities[0]
        centred("participated in", "Sans", "", 12, GREY, 112)
        centred(title, "Serif", "B", 16, NAVY, 121)
        centred(day.strftime("%B %-d, %Y"), "Sans", "", 12, GREY, 131)
    else:
        first, last = min(a[1] for a in activities), max(a[1] for a in activities)
        centred(f"participated in {len(activities)} teleECHO sessions", "Sans", "", 12, GREY, 112)
        centred(f"{first.strftime('%B %-d, %Y')} to {last.strftime('%B %-d, %Y')}", "Serif", "B", 15, NAVY, 121)
        titles = "; ".join(sorted({a[0].split(":")[0] for a in activities}))
        centred(titles[:120], "Sans", "", 10, GREY, 131)
    centred(f"and was awarded {total:g} {'hour' if total == 1 else 'hours'} of " + " and ".join(kinds),
            "Sans", "B", 13, (20, 20, 20), 143)  # fmt: skip
    _statement(pdf, statement, 157)
    _signature(pdf, issued, hub_name)
    return bytes(pdf.output())


def completion_pdf(
    *,
    name: str,
    credential: str,
    program: str,
    series: tuple[date, date],
    attended: int,
    held: int,
    credit: dict[str, float],
    hub_name: str,
    statement: str,
    issued: date,
) -> bytes:
    """A landscape certificate of completion of a series: the person, the program and the series' dates, the
    sessions attended of those held, and the credit recorded for them by type (as of `issued`)."""
    pdf, centred = _sheet()
    width = pdf.w
    first, last = series
    centred(hub_name.upper(), "Sans", "B", 13, NAVY, 28)
    centred("Project ECHO · teleECHO™ program", "Sans", "", 10, GREY, 36)
    centred("Certificate of Completion", "Serif", "B", 28, NAVY, 50)
    centred("This certifies that", "Sans", "", 12, GREY, 70)
    centred(name, "Serif", "B", 30, (20, 20, 20), 80, shrink=0.3)  # a name is never cut
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.4)
    pdf.line(width / 2 - 80, 97, width / 2 + 80, 97)
    centred(credential, "Sans", "", 11, GREY, 100)
    centred("completed the series", "Sans", "", 12, GREY, 112)
    centred(program, "Serif", "B", 16, NAVY, 121)
    centred(f"{first.strftime('%B %-d, %Y')} to {last.strftime('%B %-d, %Y')}", "Sans", "", 12, GREY, 131)
    kinds = " and ".join(f"{hours:g} {'hour' if hours == 1 else 'hours'} of {kind}"
                         for kind, hours in sorted(credit.items()))  # fmt: skip
    centred(f"attending {attended} of {held} {'session' if held == 1 else 'sessions'}"
            + (f", with {kinds}" if kinds else ""), "Sans", "B", 13, (20, 20, 20), 143)  # fmt: skip
    _statement(pdf, statement, 157)
    _signature(pdf, issued, hub_name)
    return bytes(pdf.output())
