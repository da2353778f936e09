"""The compliance lexicon as the app uses it: the shipped files in resources/lexicon plus the team's own
banned and allowed words (preferences namespace "lexicon")."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from livedesk.domain.lexicon import Lexicon, LexiconError, LintHit, read_entries
from livedesk.resources import resources_dir

NAMESPACE = "lexicon"
BANNED, ALLOWED = "banned", "allowed"


def read_lexicon_folder(folder: Path) -> list[dict]:
    """Every entry of every `*.json` in `folder`; LexiconError names the file that is unreadable."""
    entries: list[dict] = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LexiconError(
                "file_unreadable",
                f"lexicon file {path.name} cannot be read: {exc}",
                str(exc),
                file=path.name,
            ) from exc
        entries.extend(read_entries(document, source=path.name))
    return entries


@lru_cache(maxsize=4)
def _shipped(folder: str) -> Lexicon:
    return Lexicon.from_dicts(read_lexicon_folder(Path(folder)))


def shipped_lexicon() -> Lexicon:
    """The lexicon shipped with LiveDesk (parsed once per process)."""
    return _shipped(str(resources_dir() / "lexicon"))


def user_words(store) -> tuple[list[dict], list[str]]:
    """The team's banned entries (dicts with at least `term`) and allowed phrases."""
    from livedesk.persistence import preference_repository

    with store.reading() as db:
        banned = preference_repository.get_preference(db, NAMESPACE, BANNED) or {}
        allowed = preference_repository.get_preference(db, NAMESPACE, ALLOWED) or {}
    return list(banned.get("entries", [])), list(allowed.get("words", []))


def save_user_words(store, banned: Sequence[str | Mapping[str, object]], allowed: Sequence[str]) -> None:
    """Replace the team's word lists in one transaction; blank words are dropped, duplicates kept once."""
    from livedesk.persistence import preference_repository

    entries, seen = [], set()
    for word in banned:
        data = {"term": word} if isinstance(word, str) else dict(word)
        term = str(data.get("term", "")).strip()
        if term and term not in seen:
            seen.add(term)
            data["term"] = term
            entries.append(data)
    words = list(dict.fromkeys(w.strip() for w in allowed if w and w.strip()))
    # Fail before writing anything if an entry is unusable.
    Lexicon([]).with_user_words(entries, words)
    with store.transaction() as db:
        preference_repository.put_preference(db, NAMESPACE, BANNED, {"entries": entries})
        preference_repository.put_preference(db, NAMESPACE, ALLOWED, {"words": words})


def team_lexicon(store=None) -> Lexicon:
    """Shipped entries plus the team's words when a store is given."""
    lexicon = shipped_lexicon()
    if store is None:
        return lexicon
    banned, allowed = user_words(store)
    return lexicon.with_user_words(banned, allowed)


def lint_text(text: str, store=None, *, platform: str | None = None) -> list[LintHit]:
    return team_lexicon(store).scan(text, platform=platform)
