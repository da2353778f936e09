"""Chinese text in matplotlib: register the bundled Noto Sans SC (matplotlib ignores fontconfig fallback)."""

from __future__ import annotations

from functools import cache

from livedesk.resources import CJK_FONT_FAMILY, CJK_FONT_FILE, resource_path


@cache
def configure_matplotlib() -> str:
    """Register the font once per process and make it the default family; returns the family name."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import font_manager, rcParams

    font_manager.fontManager.addfont(str(resource_path(CJK_FONT_FILE)))
    rcParams["font.family"] = [CJK_FONT_FAMILY, "DejaVu Sans"]
    rcParams["axes.unicode_minus"] = False  # the CJK font lacks U+2212; use ASCII hyphen-minus
    rcParams["pdf.fonttype"] = (
        3  # Type 3 glyph subsets: the bundled font is CFF-flavoured OpenType, which type 42 (TrueType) embedding mislabels
    )
    rcParams["svg.fonttype"] = "path"
    return CJK_FONT_FAMILY
