"""The built wheel is a whole LiveDesk: installed into a fresh virtual environment outside the checkout, it
lints a script with the shipped lexicon, loads the shipped samples and draws Chinese in a screenshot."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("livedesk", "resources", "sample_sessions", "pyproject.toml", "setup.py", "README.md")


def _run(
    args: list, cwd: Path, env: dict | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=600
    )


def test_wheel_installed_outside_the_checkout_has_its_resources(tmp_path):
    # Build from a copy of the shipped sources, so the wheel cannot pick up anything the tree happens to hold.
    source = tmp_path / "source"
    for name in COPIED:
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(item, source / name)
    dist = tmp_path / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, source], cwd=tmp_path
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("livedesk-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    installed = _run([bin_dir / "python", "-m", "pip", "install", "--quiet", wheel], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LIVEDESK_RESOURCES")}
    env.update(LIVEDESK_DATA_DIR=str(tmp_path / "data"), LIVEDESK_CONFIG_DIR=str(tmp_path / "config"))
    env["QT_QPA_PLATFORM"] = "offscreen"

    where = _run(
        [bin_dir / "python", "-c", "import livedesk; print(livedesk.__file__)"], cwd=elsewhere, env=env
    )
    assert str(env_dir) in where.stdout, "the installed package must be the one imported"

    lint = _run([bin_dir / "livedesk", "lint", "-"], cwd=elsewhere, env=env, stdin="这是全网最低价\n")
    assert lint.returncode == 1, lint.stderr  # the shipped lexicon flags the absolute claim as an error
    assert "全网最低价" in lint.stdout

    loaded = _run([bin_dir / "livedesk", "samples", "load"], cwd=elsewhere, env=env)
    assert loaded.returncode == 0, loaded.stderr
    session_id = loaded.stdout.split()[-1]

    shot = tmp_path / "plan.png"
    screenshot = _run(
        [bin_dir / "livedesk", "screenshot", "--workspace", "plan", "--session", session_id, "--out", shot],
        cwd=elsewhere,
        env=env,
    )
    assert screenshot.returncode == 0, screenshot.stderr
    assert shot.stat().st_size > 50_000  # a drawn window, not an empty canvas
    assert "missing" not in screenshot.stderr.lower()  # no missing font or resource
