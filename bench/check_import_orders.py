"""All 120 orders of importing the five sample files give the identical review JSON (issue 9).

Slow (one fresh store and five imports per order), so CI does not run it; the suite runs five rotations
(tests/services/test_import_order_independence.py). Usage: python bench/check_import_orders.py [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path


def main() -> int:
    from livedesk.import_export.review_json import review_json
    from livedesk.import_export.session_file import read_session_file
    from livedesk.persistence import session_repository
    from livedesk.persistence.store import Store
    from livedesk.samples import samples_dir
    from livedesk.samples.files import (
        COMPASS_FILE,
        LIVE_LOG_FILE,
        LIVE_WORKBOOK_FILE,
        MINUTES_FILE,
        ORDERS_FILE,
        PAST_SESSION_FILE,
    )
    from livedesk.services.imports import import_file
    from livedesk.services.review import run_review

    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="check only the first N orders")
    args = parser.parse_args()
    folder = samples_dir()
    files = (LIVE_LOG_FILE, COMPASS_FILE, LIVE_WORKBOOK_FILE, ORDERS_FILE, MINUTES_FILE)
    orders = list(itertools.permutations(files))[: args.limit]
    seen: dict[str, tuple] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for number, order in enumerate(orders):
            store = Store(f"sqlite:///{Path(tmp) / f'{number}.sqlite3'}")
            try:
                with store.transaction() as db:
                    session_id = session_repository.save_plan(
                        db, read_session_file(folder / PAST_SESSION_FILE)
                    )
                for name in order:
                    import_file(store, session_id, folder / name)
                review = review_json(run_review(store, session_id))
            finally:
                store.dispose()
            for item in review["provenance"]:
                item.pop("imported_at")  # the import clock is the one thing allowed to differ
            seen.setdefault(json.dumps(review, sort_keys=True, ensure_ascii=False), order)
            print(f"{number + 1}/{len(orders)} orders checked, {len(seen)} distinct review(s)", flush=True)
    if len(seen) != 1:
        for text, order in seen.items():
            print("differs, first seen with:", " → ".join(order), text[:200])
        return 1
    print(f"all {len(orders)} import orders give the identical review")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
