"""The live console's key map: one key per director action, so the show runs without the mouse.
F-keys because the director types notes and messages in the same window (letters must stay letters)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from livedesk.domain.live_log import Marker

MARKER_KEYS = {
    Qt.Key.Key_F1: Marker.LINK_UP,
    Qt.Key.Key_F2: Marker.LUCKY_BAG,
    Qt.Key.Key_F3: Marker.ENCORE,
    Qt.Key.Key_F4: Marker.INCIDENT,
    Qt.Key.Key_F9: Marker.NOTE,
}
MARKER_KEY_NAMES = {marker: key.name.removeprefix("Key_") for key, marker in MARKER_KEYS.items()}

# key → name of the LiveConsole method it runs (with no arguments)
ACTION_KEYS = {
    Qt.Key.Key_F5: "go",
    Qt.Key.Key_F6: "skip",
    Qt.Key.Key_F7: "extend_30",
    Qt.Key.Key_F8: "insert_encore",
    Qt.Key.Key_PageDown: "step_next",
    Qt.Key.Key_PageUp: "step_previous",
}


def action_for(key: int, modifiers: Qt.KeyboardModifier) -> str | tuple[str, Marker] | None:
    """What a key press asks for: a method name, ("mark", marker), or None (not a console key)."""
    qt_key = Qt.Key(key)  # QKeyEvent.key() is an int; Qt.Key takes any value (a key it does not name too)
    if qt_key == Qt.Key.Key_F2 and modifiers & Qt.KeyboardModifier.ShiftModifier:
        return "stop_lucky_bag"
    if qt_key in MARKER_KEYS:
        return ("mark", MARKER_KEYS[qt_key])
    return ACTION_KEYS.get(qt_key)
