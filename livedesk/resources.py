"""Finding shipped resources (fonts, translations, lexicon, templates) by name, in one place."""

from __future__ import annotations

import os
from pathlib import Path

RESOURCES_ENV = "LIVEDESK_RESOURCES"


def resources_dir() -> Path:
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(name: str) -> Path:
    """`resource_path("fonts/NotoSansSC-Regular.otf")`; FileNotFoundError names what is missing."""
    path = resources_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"LiveDesk resource '{name}' is missing (looked in {resources_dir()})")
    return path


CJK_FONT_FILE = "fonts/NotoSansSC-Regular.otf"
CJK_FONT_FAMILY = "Noto Sans SC"
