"""Why an import stops: the file cannot be read (refused) or the user cancelled it."""

from __future__ import annotations


class ImportRefused(Exception):
    """A file LiveDesk cannot read; the message is one sentence naming the file and the problem."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ImportCancelled(Exception):
    """The user cancelled a running import; nothing of the file was stored."""
