"""Synthetic sample data of an invented brand: a deterministic generator of plans, live log and exports."""

from __future__ import annotations

import os
from pathlib import Path

SAMPLES_DIR_ENV = "LIVEDESK_SAMPLES_DIR"


def samples_dir() -> Path:
    """The committed sample_sessions/ folder at the top of the repository, or LIVEDESK_SAMPLES_DIR when set."""
    override = os.environ.get(SAMPLES_DIR_ENV)
    if override:
        return Path(override)
    import livedesk

    return Path(livedesk.__file__).resolve().parents[1] / "sample_sessions"
