"""Why an import stops: the file cannot be read (refused) or the user cancelled it."""

from __future__ import annotations


class ImportRefused(Exception):
    """A file LiveDesk cannot read; the message is one sentence naming the file and the problem.

    The sentence says what is wrong in the user's terms; what a library said about it (a codec, a byte
    offset, zip or XML text) goes to `details`, which the log and a "details" disclosure show.
    """

    def __init__(self, message: str, details: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ImportCancelled(Exception):
    """The user cancelled a running import; nothing of the file was stored."""


def library_text(exc: BaseException) -> str:
    """What a library said, for `details` (never for the sentence)."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}"[:2000] if text else type(exc).__name__


def unexpected(name: str, exc: BaseException) -> ImportRefused:
    """An error no reader foresaw, as a refusal: the user reads one sentence, the log and `details` the rest."""
    import logging
    import traceback

    details = "".join(traceback.format_exception(exc))[-4000:]
    # INFO, not WARNING: with no logging set up, Python would print a warning to the terminal.
    logging.getLogger("livedesk.import").info("refused %s after an unforeseen error:\n%s", name, details)
    if isinstance(exc, MemoryError):
        return ImportRefused(f"{name} is too big to read with the memory this computer has free.", details)
    return ImportRefused(
        f"{name} holds something LiveDesk cannot read, so nothing of it was imported.", details
    )
