"""The run sheet as a printable PDF (A4 landscape, Chinese) drawn with matplotlib's PDF backend.

matplotlib rather than QPdfWriter so the CLI and services export PDF without a Qt application; the bundled
Noto Sans SC is embedded as a subset (livedesk.charts.fonts).
"""

from __future__ import annotations

from pathlib import Path

from livedesk.domain.session import SessionPlan
from livedesk.import_export.run_sheet import COLUMNS, run_sheet_header_lines, run_sheet_rows, run_sheet_title
from livedesk.words import ROLES

PAGE_INCHES = (11.69, 8.27)  # A4 landscape
MARGIN_INCHES = 0.4
ROW_INCHES = 0.3  # two lines of 6.5-point text
FONT_POINTS = 6.5
# Relative column widths; long free text gets the room.
WEIGHTS = {
    "index": 2.8,
    "start": 4.6,
    "end": 4.6,
    "length": 3.2,
    "segment": 6,
    "link": 2.6,
    "product_id": 5.5,
    "product": 8.5,
    "role": 3.6,
    "daily_price": 4.6,
    "live_price": 4.6,
    "mechanism": 9,
    "stock": 3.2,
    "owner": 4,
    "cues": 6,
    "notes": 8,
    "done": 2,
}
STEP_WEIGHT = 3.4


def _text_units(text: str) -> float:
    """Rough printed width in multiples of the font size: CJK glyphs are square, Latin about half."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def _fit(text: str, width_points: float, max_lines: int = 2) -> str:
    """The text wrapped into at most `max_lines` lines of the column's width; "…" ends what still does not fit."""
    lines, line = [], ""
    for ch in text:
        if _text_units(line + ch) * FONT_POINTS > width_points and line:
            lines.append(line)
            line = ""
        line += ch
    lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and (_text_units(last) + 1) * FONT_POINTS > width_points:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last + "…"]
    return "\n".join(lines)


def _tint(hex_colour: str, amount: float = 0.75) -> tuple[float, float, float]:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def write_run_sheet_pdf(plan: SessionPlan, path: str | Path) -> int:
    """Write the PDF; returns the number of pages."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    from livedesk.charts.fonts import configure_matplotlib

    configure_matplotlib()
    rows = run_sheet_rows(plan)
    weights = [WEIGHTS.get(key, STEP_WEIGHT) for key, _ in COLUMNS]
    usable_w = PAGE_INCHES[0] - 2 * MARGIN_INCHES
    widths = [usable_w * w / sum(weights) for w in weights]
    lefts = [MARGIN_INCHES + sum(widths[:i]) for i in range(len(widths))]
    top = PAGE_INCHES[1] - MARGIN_INCHES - 0.62  # below the title and the team / targets line
    per_page = max(1, int((top - MARGIN_INCHES - 0.2) / ROW_INCHES) - 1)
    pages = [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    title = run_sheet_title(plan)
    header_line = "    ".join(f"{name}：{text}" for name, text in run_sheet_header_lines(plan))
    with PdfPages(str(path), metadata={"Title": title, "Creator": "LiveDesk"}) as pdf:
        for number, page_rows in enumerate(pages, start=1):
            fig = Figure(figsize=PAGE_INCHES)
            width_in, height_in = PAGE_INCHES
            fig.text(
                MARGIN_INCHES / width_in,
                (height_in - MARGIN_INCHES - 0.15) / height_in,
                f"整场脚本  {title}",
                fontsize=12,
                va="center",
            )
            fig.text(
                MARGIN_INCHES / width_in,
                (height_in - MARGIN_INCHES - 0.4) / height_in,
                header_line,
                fontsize=8,
                va="center",
            )
            fig.text(
                1 - MARGIN_INCHES / width_in,
                MARGIN_INCHES / 2 / height_in,
                f"{number} / {len(pages)}",
                fontsize=7,
                ha="right",
            )

            def draw_row(
                y: float, cells: list[str], fill, fig=fig, width_in=width_in, height_in=height_in
            ) -> None:
                for left, width, text in zip(lefts, widths, cells, strict=False):
                    fig.patches.append(
                        Rectangle(
                            (left / width_in, (y - ROW_INCHES) / height_in),
                            width / width_in,
                            ROW_INCHES / height_in,
                            transform=fig.transFigure,
                            facecolor=fill,
                            edgecolor="#9AA5B1",
                            linewidth=0.3,
                        )
                    )
                    fig.text(
                        (left + 0.03) / width_in,
                        (y - ROW_INCHES / 2) / height_in,
                        _fit(text, width * 72 - 4),
                        fontsize=FONT_POINTS,
                        va="center",
                        linespacing=1.1,
                    )

            draw_row(top, [header for _, header in COLUMNS], "#DDE3EA")
            for offset, row in enumerate(page_rows, start=1):
                fill = _tint(ROLES[row.role].colour or "#FFFFFF") if row.role else "#FFFFFF"
                cells = [
                    "" if v is None else (f"{v:,.2f}" if key in ("daily_price", "live_price") else str(v))
                    for (key, _), v in zip(COLUMNS, row.cells(), strict=False)
                ]
                draw_row(top - offset * ROW_INCHES, cells, fill)
            pdf.savefig(fig)
    return len(pages)
