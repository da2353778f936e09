"""UI settings declared once with types and defaults (window geometry, language, last session …).

User data (sessions, presets, lexicon additions) lives in the database; only per-workstation UI state is here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

CONFIG_DIR_ENV = "LIVEDESK_CONFIG_DIR"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


LANGUAGE = Setting("ui/language", str, "zh_CN")
WINDOW_GEOMETRY = Setting("ui/window_geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("ui/window_state", QByteArray, QByteArray())
LAST_SESSION = Setting("ui/last_session", int, 0)
LAST_WORKSPACE = Setting("ui/last_workspace", int, 0)
PROMPTER_FONT_SIZE = Setting("prompter/font_size", int, 64)
PROMPTER_SCREEN = Setting("prompter/screen", int, 1)
HOST_NAME = Setting("rehearsal/host", str, "")
STAGE_WEB_ADDRESS = Setting("stageweb/address", str, "")  # empty: the first LAN address
STAGE_WEB_PORT = Setting("stageweb/port", int, 8765)


class Settings:
    """Typed access to QSettings; an INI file under LIVEDESK_CONFIG_DIR when set (tests, portable installs)."""

    def __init__(self, path: str | None = None) -> None:
        folder = path or os.environ.get(CONFIG_DIR_ENV)
        if folder:
            self._qsettings = QSettings(os.path.join(folder, "livedesk.ini"), QSettings.Format.IniFormat)
        else:
            self._qsettings = QSettings("LiveDesk", "LiveDesk")

    def get(self, setting: Setting) -> Any:
        value = self._qsettings.value(setting.key, setting.default)
        if value is None:
            return setting.default
        if setting.type is int:
            try:
                return int(value) if isinstance(value, int | float | str) else setting.default
            except ValueError:  # a hand-edited ini file
                return setting.default
        if setting.type is QByteArray and not isinstance(value, QByteArray):
            return setting.default
        return value

    def set(self, setting: Setting, value: Any) -> None:
        self._qsettings.setValue(setting.key, value)

    def sync(self) -> None:
        self._qsettings.sync()
