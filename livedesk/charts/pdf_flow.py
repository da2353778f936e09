"""Text flowing down A4 pages of a matplotlib PDF: headings, wrapped paragraphs and ruled tables whose cells
wrap, continuing on a new page when one is full. matplotlib has no text layout of its own; its `ax.table`
neither wraps a cell nor breaks a page, which a report's first page needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

A4 = (8.27, 11.69)
MARGIN = 0.06  # of the page width, left and right
TOP, BOTTOM = 0.955, 0.04
POINTS_PER_INCH = 72
RULE = "#C9CFD6"
HEAD_BACKGROUND = "#EEF2F5"


def text_width_em(text: str) -> float:
    """The width of `text` in em, from the bundled font's advance widths (what the PDF will draw with)."""
    widths = _advances()
    return sum(widths.get(ord(ch), 1.0 if ord(ch) >= 0x2E80 else 0.6) for ch in text)


@cache
def _advances() -> dict[int, float]:
    """Code point → advance width in em of the bundled CJK font (read once; the lazy font loads two tables)."""
    from fontTools.ttLib import TTFont

    from livedesk.resources import CJK_FONT_FILE, resource_path

    with TTFont(str(resource_path(CJK_FONT_FILE)), lazy=True) as font:  # closes the file once read
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {
            code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items() if glyph in metrics
        }


def wrap(text: str, width_em: float) -> list[str]:
    """`text` broken into lines no wider than `width_em` (between any two CJK characters, at spaces in Latin
    runs); a word wider than a line is cut."""
    lines, line = [], ""
    for token in _tokens(text):
        if line and text_width_em(line + token) > width_em:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
        while text_width_em(line) > width_em and len(line) > 1:
            cut = len(line)
            while cut > 1 and text_width_em(line[:cut]) > width_em:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line or not lines:
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    tokens, latin = [], ""
    for ch in text:
        if ord(ch) < 0x2E80 and not ch.isspace():
            latin += ch
            continue
        if latin:
            tokens.append(latin)
            latin = ""
        if ch.isspace() and tokens:
            tokens[-1] += ch
        else:
            tokens.append(ch)
    if latin:
        tokens.append(latin)
    return tokens


@dataclass
class Column:
    header: str
    width: float  # fraction of the text width
    align: str = "left"


@dataclass
class PageFlow:
    """Pages of an open matplotlib PdfPages; `y` is where the next line goes (figure fraction, from the top)."""

    pdf: PdfPages
    title: str = ""
    figure: Figure | None = None
    y: float = TOP
    pages: int = 0
    _continued: str = field(default="")

    def new_page(self, title: str | None = None) -> None:
        from matplotlib.figure import Figure

        self.finish_page()
        self.figure = Figure(figsize=A4)
        self.pages += 1
        self.y = TOP
        if title is not None:
            self.title = title
        if self.title:
            self.paragraph(self.title, size=15)

    @property
    def page(self) -> Figure:
        """The page being filled (a new one when none is open)."""
        if self.figure is None:
            self.new_page()
        if self.figure is None:  # new_page always opens one; this narrows the type
            raise RuntimeError("no page to draw on")
        return self.figure

    def finish_page(self) -> None:
        if self.figure is not None:
            self.pdf.savefig(self.figure)
            self.figure = None

    def _height(self, size: float, lines: float = 1, spacing: float = 1.45) -> float:
        return lines * size * spacing / POINTS_PER_INCH / A4[1]

    def _room(self, height: float) -> None:
        if self.figure is None or self.y - height < BOTTOM:
            self.new_page()

    def _em(self, size: float, fraction: float) -> float:
        return fraction * A4[0] * POINTS_PER_INCH / size

    def gap(self, size: float = 6) -> None:
        self.y -= self._height(size, spacing=1.0)

    def paragraph(self, text: str, size: float = 9, color: str = "#222222", box=None) -> None:
        """Wrapped text over the page width; `box` is a background colour drawn behind it."""
        width = 1 - 2 * MARGIN
        lines = wrap(text, self._em(size, width - (0.02 if box else 0)))
        height = self._height(size, len(lines))
        self._room(height + (self._height(size, 0.6) if box else 0))
        if box:
            from matplotlib.patches import Rectangle

            pad = self._height(size, 0.3)
            self.page.patches.append(
                Rectangle(
                    (MARGIN, self.y - height - 2 * pad),
                    width,
                    height + 2 * pad,
                    transform=self.page.transFigure,
                    facecolor=box,
                    edgecolor="none",
                    zorder=0,
                )
            )
            self.y -= pad
        for line in lines:
            self.page.text(
                MARGIN + (0.01 if box else 0),
                self.y,
                line,
                va="top",
                fontsize=size,
                color=color,
            )
            self.y -= self._height(size)
        if box:
            self.y -= self._height(size, 0.3)

    def item(self, prefix: str, text: str, size: float = 10, prefix_color: str = "#222222") -> None:
        """A list item: `prefix` (number, severity) in its colour, then `text` wrapped with a hanging indent."""
        indent = (text_width_em(prefix) + 0.4) * size / POINTS_PER_INCH / A4[0]
        lines = wrap(text, self._em(size, 1 - 2 * MARGIN - indent))
        self._room(self._height(size, len(lines)))
        self.page.text(MARGIN, self.y, prefix, va="top", fontsize=size, color=prefix_color)
        for line in lines:
            self.page.text(MARGIN + indent, self.y, line, va="top", fontsize=size, color="#222222")
            self.y -= self._height(size)

    def heading(self, text: str, size: float = 11.5) -> None:
        self._room(self._height(size, 3))  # a heading never ends a page alone
        self.gap(5)
        self.paragraph(text, size=size, color="#1F5E44")
        self.page.add_artist(_rule(self.figure, self.y + self._height(size, 0.2), "#2E7D5B", 1.2))
        self.gap(3)

    def table(self, columns: list[Column], rows: list[list[str]], size: float = 8.5, badges=None) -> None:
        """A ruled table; each cell wraps to its column; the header repeats on a continued page. `badges`
        maps a row index to a colour for its first cell's text."""
        badges = badges or {}
        width = 1 - 2 * MARGIN
        lefts, x = [], MARGIN
        for column in columns:
            lefts.append(x)
            x += column.width * width
        pad = 0.006

        def draw_row(cells: list[str], header: bool, colour=None) -> None:
            wrapped = [
                wrap(str(c), self._em(size, col.width * width - 2 * pad))
                for c, col in zip(cells, columns, strict=True)
            ]
            lines = max(len(w) for w in wrapped)
            height = self._height(size, lines, 1.3) + self._height(size, 0.5)
            if self.figure is None or self.y - height < BOTTOM:
                self.new_page()
                if not header:
                    draw_row([c.header for c in columns], True)
            if header:
                from matplotlib.patches import Rectangle

                self.page.patches.append(
                    Rectangle(
                        (MARGIN, self.y - height),
                        width,
                        height,
                        transform=self.page.transFigure,
                        facecolor=HEAD_BACKGROUND,
                        edgecolor="none",
                        zorder=0,
                    )
                )
            top = self.y - self._height(size, 0.25)
            for i, (lines_of_cell, column) in enumerate(zip(wrapped, columns, strict=True)):
                right = column.align == "right"
                x_text = lefts[i] + (column.width * width - pad if right else pad)
                self.page.text(
                    x_text,
                    top,
                    "\n".join(lines_of_cell),
                    va="top",
                    ha="right" if right else "left",
                    fontsize=size,
                    linespacing=1.3,
                    color=(colour if (colour and i == 0) else "#1F3A4D" if header else "#222222"),
                )
            self.y -= height
            self.page.add_artist(_rule(self.figure, self.y, RULE, 0.6))

        self._room(self._height(size, 4))
        draw_row([c.header for c in columns], True)
        for index, row in enumerate(rows):
            draw_row(row, False, badges.get(index))

    def close(self) -> int:
        self.finish_page()
        return self.pages


def _rule(figure, y: float, colour: str, width: float):
    from matplotlib.lines import Line2D

    return Line2D([MARGIN, 1 - MARGIN], [y, y], transform=figure.transFigure, color=colour, linewidth=width)
