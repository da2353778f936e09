"""Writing a review report file: .html (self-contained, charts embedded), .xlsx (sheets + provenance) or
.pdf (A4, Chinese). Qt-free; the GUI runs it off the UI thread."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".html", ".xlsx", ".pdf")


def write_report(review, path: Path | str) -> Path:
    """`review` is a livedesk.analysis.review.Review or its JSON dict; the format follows the suffix."""
    from livedesk.import_export.review_json import review_json

    path = Path(path)
    data = review if isinstance(review, dict) else review_json(review)
    suffix = path.suffix.lower()
    if suffix == ".html":
        from livedesk.charts.review_charts import has_data
        from livedesk.charts.review_figures import REPORT_CHARTS, png_bytes
        from livedesk.import_export.report_html import write_html

        # A chart with nothing to show is left out: the first page says what to import instead.
        drawn = [name for name, (draw, _) in REPORT_CHARTS.items() if has_data(draw, data)]
        return write_html(data, path, {name: png_bytes(name, data) for name in drawn})
    if suffix == ".xlsx":
        from livedesk.import_export.report_xlsx import write_xlsx

        return write_xlsx(data, path)
    if suffix == ".pdf":
        from livedesk.charts.review_pdf import write_pdf

        return write_pdf(data, path)
    raise ValueError(f"{path.name}: a report must end in {', '.join(SUFFIXES)}")
