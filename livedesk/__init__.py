"""LiveDesk: plan, rehearse, run and review live-stream commerce sessions."""

__version__ = "0.1.0"
