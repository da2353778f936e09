"""The bundled CJK font embedded in an HTML report: a WOFF subset of just the characters the page uses,
base64 in an @font-face rule, so the report reads in Chinese on a machine without any CJK font."""

from __future__ import annotations

import base64
import io

from livedesk.resources import CJK_FONT_FAMILY, CJK_FONT_FILE, resource_path

# The family name the page's CSS asks for first; distinct from an installed Noto Sans SC so the embedded
# subset is what renders, whatever the machine has.
EMBEDDED_FAMILY = "LiveDesk Report CJK"


def font_subset(text: str) -> bytes:
    """A WOFF font with the glyphs of `text` from the bundled Noto Sans SC (zlib, no brotli needed)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False  # browsers hint CFF themselves; hints only add bytes
    options.desubroutinize = True  # compresses better once the subset is small
    with TTFont(str(resource_path(CJK_FONT_FILE)), lazy=True) as font:  # closes the 8 MB file when done
        subsetter = subset.Subsetter(options)
        # Space and the digits are always there: a value typed into the page later still lines up.
        subsetter.populate(text="".join(sorted(set(text) | set(" 0123456789"))))
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.flavor = "woff"
        font.save(buffer)
    return buffer.getvalue()


def font_face_css(text: str) -> str:
    """An @font-face rule carrying the subset for `text` as a data: URL."""
    data = base64.b64encode(font_subset(text)).decode("ascii")
    return (
        f"@font-face{{font-family:'{EMBEDDED_FAMILY}';src:url(data:font/woff;base64,{data}) format('woff');"
        "font-weight:normal;font-style:normal}"
        f"/* {CJK_FONT_FAMILY}, SIL Open Font License 1.1 */"
    )
