"""Finding shipped resources (fonts, translations, lexicon, templates) by name, in one place."""

from __future__ import annotations

import os
from pathlib import Path

RESOURCES_ENV = "LIVEDESK_RESOURCES"


def bundled_dir(name: str) -> Path:
    """A folder shipped with LiveDesk (`resources`, `sample_sessions`): beside the package in a source
    checkout, or inside it (livedesk/_bundled/, put there by setup.py) in an installed wheel."""
    package = Path(__file__).resolve().parent
    checkout = package.parent / name
    return checkout if checkout.is_dir() else package / "_bundled" / name


def resources_dir() -> Path:
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return bundled_dir("resources")


def resource_path(name: str) -> Path:
    """`resource_path("fonts/NotoSansSC-Regular.otf")`; FileNotFoundError names what is missing."""
    path = resources_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"LiveDesk resource '{name}' is missing (looked in {resources_dir()})")
    return path


CJK_FONT_FILE = "fonts/NotoSansSC-Regular.otf"
CJK_FONT_FAMILY = "Noto Sans SC"
