"""A message as data: a code and its parameter values, raised or returned by the core and worded at the edge.

The domain, import and analysis layers say *what* happened (`Message("import.empty", {"file": "订单.csv"})`);
the UI, the reports and the CLI turn it into a sentence in the user's language (livedesk.words.messages).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """`code` names the sentence; `params` fill it. A parameter may itself be a Message (a phrase worded in
    the same language, such as "sheet 订单" inside a refusal), a list (joined as the language joins lists),
    or a number; parameters named `*_bytes` read as sizes ("2.1 MB") and `*_fen` as money ("¥233,308.53")."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """{"code", "params"} for what is stored as JSON (a finding in a dataset's meta)."""
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Message | None:
        """The Message stored by to_json (None for None: something stored before it spoke in codes)."""
        return cls(data["code"], dict(data.get("params") or {})) if data else None

    def __str__(self) -> str:
        # For logs and developers; people read the worded sentence.
        return f"{self.code} {dict(self.params)}" if self.params else self.code


class CodedError(Exception):
    """An exception whose reason is a Message: the screens word `reason`, the log keeps `details`."""

    def __init__(self, reason: Message, details: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details  # what a library said about it: for the log and a details disclosure
