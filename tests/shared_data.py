"""The shared folder beside the repository (`../shared`: real data sets and the platforms' export headers).

A test that needs a file from it calls `shared_path(...)`. When the file is missing, CI fails the test (.ci/run
sets CI, as it does for PostgreSQL): a quiet skip there would hide that the real-data checks never ran.
Elsewhere the test is skipped with a reason naming the folder that is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """`../shared/<parts>`, resolved from the repository root; fails in CI and skips elsewhere when missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = (
            f"{path} is missing: the shared folder (real data, export headers) belongs beside the repository"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must provide it")
        pytest.skip(reason)
    return path
