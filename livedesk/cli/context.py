"""What a command handler receives: parsed arguments, the store opened on first use, and output helpers."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2. It holds a coded Message
    (livedesk.domain.message), which main words in the language of `--lang`, or a sentence already worded."""

    def __init__(self, text) -> None:
        super().__init__(text)
        self.text = text

    @classmethod
    def of(cls, error: BaseException) -> UserError:
        """The user's sentence for an error of the core: its code when it carries one (a session id the
        store does not have also says how to list them), else its text."""
        from livedesk.domain.message import Message
        from livedesk.persistence.session_repository import SessionNotFound

        if isinstance(error, SessionNotFound):
            return cls(Message("cli.no_session", {"session": str(error.session_id)}))
        reason = getattr(error, "reason", None)
        return cls(reason if isinstance(reason, Message) else str(error))

    def words(self, lang: str) -> str:
        from livedesk.domain.message import Message

        if isinstance(self.text, Message):
            from livedesk.words.messages import say

            return say(self.text, lang)
        return str(self.text)


def fail(code: str, **params) -> UserError:
    """`raise fail("cli.positive", option="--limit")`: a UserError with the Message `code` and its values."""
    from livedesk.domain.message import Message

    return UserError(Message(code, params))


@dataclass
class CliContext:
    db_url: str | None
    lang: str | None = None
    _store: Any = field(default=None, repr=False)

    @property
    def language(self) -> str:
        """What the CLI speaks: `--lang`, Chinese by default."""
        from livedesk.words.language import DEFAULT_LANGUAGE

        return self.lang or DEFAULT_LANGUAGE

    def say(self, message) -> str:
        """A coded Message in the CLI's language."""
        from livedesk.words.messages import say

        return say(message, self.language)

    def words(self, code: str, **params) -> str:
        """The Message `code` with `params` in the CLI's language."""
        from livedesk.domain.message import Message

        return self.say(Message(code, params))

    @property
    def store(self):
        if self._store is None:
            from livedesk.persistence.store import Store, StoreError

            try:
                self._store = Store(self.db_url)
            except StoreError as exc:
                raise UserError.of(exc) from exc
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()


def print_json(payload: Any, out: str | Path | None = None) -> None:
    """Write JSON to a file (`out`), or to standard output when `out` is None or '-'."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
    if out is None or str(out) == "-":
        sys.stdout.write(text + "\n")
    else:
        Path(out).write_text(text + "\n", encoding="utf-8")


def existing_file(path: str) -> Path:
    candidate = Path(path)
    if not candidate.is_file():
        raise fail("cli.file_not_found", file=path)
    return candidate


def session_id_argument(text: str) -> int:
    try:
        return int(text)
    except ValueError as exc:
        raise fail("cli.not_a_session_id", text=text) from exc
