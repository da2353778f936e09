"""What the review page says when the session has no or only some platform exports: which files to import and
how, instead of empty charts and a count of findings about data that does not exist. The words live in
livedesk.import_export.import_state, shared with the report formats; this module words them in the UI language."""

from __future__ import annotations

from livedesk.analysis.review import Review
from livedesk.import_export import import_state
from livedesk.ui.i18n import tr

has_platform_data = import_state.has_platform_data


def import_note(review: Review) -> str:
    """A sentence for the top of the review, or "" when every needed export is there."""
    return import_state.import_note(review, tr)


def counted_findings(review: Review) -> int:
    return len(import_state.counted_findings(review))
