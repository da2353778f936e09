"""Writing a review report file: .html (self-contained, charts embedded), .xlsx (sheets + provenance) or
.pdf (A4, Chinese). Qt-free; the GUI runs it off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from livedesk.analysis.review import Review

SUFFIXES = (".html", ".xlsx", ".pdf")


def write_report(review: Review, path: Path | str) -> Path:
    """Write the typed review as a report; the format follows the suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".html":
        from livedesk.charts.review_charts import has_data
        from livedesk.charts.review_figures import REPORT_CHARTS, png_bytes
        from livedesk.import_export.report_html import write_html

        # A chart with nothing to show is left out: the first page says what to import instead.
        drawn = [name for name, (draw, _) in REPORT_CHARTS.items() if has_data(draw, review)]
        return write_html(review, path, {name: png_bytes(name, review) for name in drawn})
    if suffix == ".xlsx":
        from livedesk.import_export.report_xlsx import write_xlsx

        return write_xlsx(review, path)
    if suffix == ".pdf":
        from livedesk.charts.review_pdf import write_pdf

        return write_pdf(review, path)
    raise ValueError(f"{path.name}: a report must end in {', '.join(SUFFIXES)}")
