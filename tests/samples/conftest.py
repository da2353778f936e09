"""Shared sample folders: the committed sample_sessions/ and one freshly generated copy per test run."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    from livedesk.samples.generator import generate_samples

    return generate_samples(tmp_path_factory.mktemp("samples"))


@pytest.fixture(scope="session")
def committed():
    from livedesk.samples import samples_dir

    folder = samples_dir()
    assert folder.is_dir(), f"{folder} is missing; run `livedesk samples generate --out sample_sessions`"
    return folder


@pytest.fixture(scope="session", params=["committed", "generated"])
def sample_folder(request):
    """Every agreement check runs on the committed files and on a fresh generation."""
    if request.param == "committed":
        return request.getfixturevalue("committed")
    return request.getfixturevalue("generated").folder


@pytest.fixture
def shared_header():
    """Header row of a real export format from ../shared/formats (fails in CI, skips elsewhere when missing)."""
    from shared_data import shared_path

    def read(name: str) -> list[str]:
        return shared_path("formats", name).read_text(encoding="utf-8-sig").strip().split(",")

    return read
