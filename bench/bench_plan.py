"""Benchmark: generate + validate a 6-hour wave plan from a 200-product pool (goal: under 50 ms), against
baselines measured in the same run (a deepcopy of the pool; a JSON round trip of the plan document); and
painting the timeline with 300 segments (offscreen grab) against a widget painting 300 plain rectangles."""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pool(count: int):
    from livedesk.domain.product import Product
    from livedesk.domain.roles import Role

    roles = [
        Role.TRAFFIC,
        Role.PROFIT,
        Role.PROFIT,
        Role.CLEARANCE,
        Role.PROFIT,
        Role.IMAGE,
        Role.PROFIT,
        Role.PROFIT,
    ]
    return [
        Product(
            f"37200000000{i:08d}",
            f"商品{i}",
            roles[i % len(roles)],
            daily_price_fen=19900 + i * 100,
            live_price_fen=9900 + i * 50,
            cost_fen=5000 + i * 20,
            stock=100 + i,
        )
        for i in range(count)
    ]


def median_ms(job, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        job()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bench_generate(repeat: int) -> None:
    from livedesk.domain.forecast import forecast_plan
    from livedesk.domain.plan_rules import validate_plan
    from livedesk.domain.session import Session, SessionPlan
    from livedesk.domain.wave import generate_wave
    from livedesk.import_export.plan_json import plan_document

    products = pool(200)
    session = Session("基准", datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")), 6 * 3600)

    def generate_and_validate():
        plan = SessionPlan(session, products, generate_wave(products, session.planned_seconds))
        forecast = forecast_plan(plan)
        return plan, validate_plan(plan, forecast=forecast), forecast

    plan, warnings, forecast = generate_and_validate()
    document = plan_document(plan, warnings, forecast)
    ours = median_ms(generate_and_validate, repeat)
    deepcopy_pool = median_ms(lambda: copy.deepcopy(products), repeat)
    json_round_trip = median_ms(lambda: json.loads(json.dumps(document, ensure_ascii=False)), repeat)
    print(
        f"generate + forecast + validate, 6 h, 200 products: {ours:.2f} ms median of {repeat} "
        f"({len(plan.segments)} segments, {len(warnings)} warnings); goal < 50 ms: {'met' if ours < 50 else 'NOT met'}"
    )
    print(f"  baseline deepcopy of the pool: {deepcopy_pool:.2f} ms  -> ratio {ours / deepcopy_pool:.2f}x")
    print(
        f"  baseline JSON round trip of the plan document: {json_round_trip:.2f} ms  -> ratio {ours / json_round_trip:.2f}x"
    )


def bench_timeline(repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from livedesk.domain.roles import SegmentKind
    from livedesk.domain.session import Segment, Session, SessionPlan
    from livedesk.persistence.store import Store
    from livedesk.ui.fonts import register_fonts
    from livedesk.ui.planner.plan_document import PlanDocument
    from livedesk.ui.planner.timeline_widget import TimelineWidget

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    products = pool(200)
    kinds = [
        SegmentKind.PITCH,
        SegmentKind.PITCH,
        SegmentKind.INTERACTION,
        SegmentKind.PITCH,
        SegmentKind.TRANSITION,
    ]
    segments = [
        Segment(kinds[i % 5], 72, products[i % 200].product_id if kinds[i % 5] is SegmentKind.PITCH else None)
        for i in range(300)
    ]
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        document = PlanDocument(store)
        document.plan = SessionPlan(
            Session("基准", datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")), 6 * 3600),
            products,
            segments,
        )
        timeline = TimelineWidget(document)
        timeline.resize(1600, timeline.sizeHint().height())
        document.plan_changed.emit()

        class Rectangles(QWidget):
            """The least a timeline can cost: 300 filled rectangles, no text."""

            def paintEvent(self, _event):  # noqa: N802 - Qt API
                painter = QPainter(self)
                width = self.width() / 300
                for i in range(300):
                    painter.fillRect(int(i * width), 28, max(1, int(width) - 1), 52, QColor("#2E7D5B"))

        plain = Rectangles()
        plain.resize(timeline.size())
        timeline.grab()
        plain.grab()
        ours = median_ms(timeline.grab, repeat)
        baseline = median_ms(plain.grab, repeat)
        store.dispose()
        # Tear the widgets down before the interpreter does, or PySide may crash while finalising.
        timeline.deleteLater()
        plain.deleteLater()
        app.processEvents()
        del timeline, plain, document
    print(
        f"timeline paint, 300 segments at 1600 px: {ours:.2f} ms median of {repeat} grabs "
        f"({1000 / ours:.0f} frames/s)"
    )
    print(
        f"  baseline grab of a widget painting 300 plain rectangles: {baseline:.2f} ms  -> ratio {ours / baseline:.2f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    args, _unknown = parser.parse_known_args()
    bench_generate(args.repeat)
    bench_timeline(args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
