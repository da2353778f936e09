"""Ids the store gives: a record read from it or just written has one; a new record has None until saved."""

from __future__ import annotations


class NotSaved(ValueError):
    """An action that needs a stored record was given one that has not been saved yet."""


def saved(record_id: int | None, what: str = "record") -> int:
    """The id of a saved record; a caller that passes a new one has a bug, said here rather than as a
    None deep inside a query."""
    if record_id is None:
        raise NotSaved(f"the {what} has not been saved yet")
    return record_id
