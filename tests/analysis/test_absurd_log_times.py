"""A live log whose last event is decades after the show (a clock or a typo gone wrong) still reviews: the
minute curve stops at two days instead of building a list per minute up to 2099."""

from __future__ import annotations

from pathlib import Path

from livedesk.analysis.review import MAX_CURVE_MINUTES
from livedesk.import_export.review_json import review_json
from livedesk.services.imports import import_file
from livedesk.services.review import run_review
from livedesk.services.samples import load_samples

SAMPLE_LOG = Path(__file__).resolve().parents[2] / "sample_sessions" / "past_session_live_log.csv"


def test_a_log_ending_in_2099_reviews_with_a_bounded_curve(store, tmp_path):
    past = next(sample for sample in load_samples(store) if sample.imports)  # the session with exports
    lines = SAMPLE_LOG.read_text(encoding="utf-8").splitlines()
    lines[-1] = "2099-12-31T23:59:00.000+08:00,segment_end,25,,,,"
    log = tmp_path / "live_log.csv"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_file(store, past.session_id, log, kind="log")
    minutes = review_json(run_review(store, past.session_id))["curves"]["minute"]
    assert len(minutes) == MAX_CURVE_MINUTES  # the 2099 event is kept, so the curve runs to its cap
