"""Synthetic sample data of an invented brand: a deterministic generator of plans, live log and exports."""

from __future__ import annotations

import os
from pathlib import Path

SAMPLES_DIR_ENV = "LIVEDESK_SAMPLES_DIR"


def samples_dir() -> Path:
    """The committed sample_sessions/ folder (in the checkout, or bundled in an installed wheel), or
    LIVEDESK_SAMPLES_DIR when set."""
    override = os.environ.get(SAMPLES_DIR_ENV)
    if override:
        return Path(override)
    from livedesk.resources import bundled_dir

    return bundled_dir("sample_sessions")
