"""Why an import stops: the file cannot be read (refused) or the user cancelled it."""

from __future__ import annotations

from livedesk.domain.message import CodedError, Message


class ImportRefused(CodedError):
    """A file LiveDesk cannot read: `reason` is a Message (a code naming the problem, with the file among its
    values) that the UI, the reports and the CLI word in the user's language.

    The sentence says what is wrong in the user's terms; what a library said about it (a codec, a byte
    offset, zip or XML text) goes to `details`, which the log and a "details" disclosure show.
    """

    def __init__(self, code: str, details: str | None = None, **params) -> None:
        super().__init__(Message(code, params), details)
        if details:
            import logging

            # INFO, not WARNING: with no logging set up, Python would print a warning to the terminal.
            logging.getLogger("livedesk.import").info(
                "refused %s (%s):\n%s", params.get("file"), code, details
            )

    def sentence(self, lang: str = "zh_CN") -> str:
        from livedesk.words.messages import say

        return say(self.reason, lang)

    @property
    def message(self) -> str:
        """The English sentence (logs, developers and `str()`); people read `sentence(lang)`."""
        return self.sentence("en")

    def __str__(self) -> str:
        return self.message


class ImportCancelled(Exception):
    """The user cancelled a running import; nothing of the file was stored."""


def in_sheet(file: str, sheet: str) -> Message:
    """ "订单.xlsx 的工作表“Sheet1”" as the `file` value of a refusal about one sheet."""
    return Message("place.sheet", {"file": file, "sheet": sheet})


def library_text(exc: BaseException) -> str:
    """What a library said, for `details` (never for the sentence)."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}"[:2000] if text else type(exc).__name__


def unexpected(name: str, exc: BaseException) -> ImportRefused:
    """An error no reader foresaw, as a refusal: the user reads one sentence, the log and `details` the rest."""
    import traceback

    details = "".join(traceback.format_exception(exc))[-4000:]
    if isinstance(exc, MemoryError):
        return ImportRefused("import.out_of_memory", details, file=name)
    return ImportRefused("import.unreadable", details, file=name)
