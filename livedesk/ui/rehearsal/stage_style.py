"""Shared look of the stage tools: dark palette, the phase colour of a countdown (from livedesk.words, as
every countdown's) and time formatting."""

from __future__ import annotations

import math
from datetime import datetime

from livedesk.domain.live_status import Level
from livedesk.words import LEVEL_COLOURS

BACKGROUND = "#14171C"
PANEL = "#1E232B"
PANEL_LIGHT = "#2A313B"
TEXT = "#E8ECF1"
MUTED = "#8C96A3"
ACCENT = LEVEL_COLOURS[Level.WARNING]  # prices, running 福袋 countdowns, hints: the amber of "soon"
ALERT = LEVEL_COLOURS[Level.OVERTIME]  # a 福袋 to draw now, an action refused
MESSAGE_INK, MESSAGE_BACKGROUND = "#14171C", "#FFE600"  # the director's message band


def phase_colour(level: Level | None) -> str:
    """The colour of a countdown in this phase; muted when nothing is on air."""
    return MUTED if level is None else LEVEL_COLOURS[level]


DARK_STYLE = f"""
QWidget {{ background: {BACKGROUND}; color: {TEXT}; }}
QLabel, QCheckBox {{ background: transparent; }}
QFrame#card {{ background: {PANEL}; border-radius: 10px; }}
QLabel#muted {{ color: {MUTED}; }}
QPushButton {{ background: {PANEL_LIGHT}; border: 1px solid #3A4350; border-radius: 6px; padding: 8px 12px; font-size: 15px; }}
QPushButton:hover {{ background: #364050; }}
QPushButton:pressed {{ background: #46536A; }}
QPushButton#primary {{ background: #2F6FEB; border-color: #2F6FEB; font-weight: 600; }}
QPushButton#marker {{ background: #3B2F4F; border-color: #5B4A7A; }}
QPushButton#danger {{ background: #5A2330; border-color: #8A3346; }}
QLineEdit, QComboBox, QSpinBox {{ background: {PANEL_LIGHT}; border: 1px solid #3A4350; border-radius: 4px; padding: 4px; }}
QTableWidget, QListWidget {{ background: {PANEL}; border: none; gridline-color: #2F3640; }}
QListWidget {{ font-size: 15px; }}
QListWidget::item {{ padding: 5px; }}
QHeaderView::section {{ background: {PANEL_LIGHT}; color: {MUTED}; border: none; padding: 4px; }}
QCheckBox {{ spacing: 6px; color: {TEXT}; font-size: 15px; }}
QCheckBox::indicator {{ width: 16px; height: 16px; border: 1px solid #5A6575; border-radius: 3px; background: {PANEL_LIGHT}; }}
QCheckBox::indicator:checked {{ background: #2F6FEB; border-color: #2F6FEB; }}
"""


def clock_text(seconds: float | None, *, signed: bool = False) -> str:
    """`mm:ss` (`h:mm:ss` past an hour); negative as `-mm:ss`; `signed` puts `+` on positives; None → —."""
    if seconds is None:
        return "—"
    sign = "-" if seconds < 0 else ("+" if signed and seconds > 0 else "")
    whole = int(round(abs(seconds)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes:02d}:{secs:02d}"


def countdown_text(remaining: float) -> str:
    """A countdown shows whole seconds still left (rounded up), and time over as -mm:ss."""
    if remaining >= 0:
        return clock_text(math.ceil(remaining))
    return clock_text(-math.floor(-remaining))


def wall_time(moment: datetime | None) -> str:
    return "—" if moment is None else moment.strftime("%H:%M:%S")
