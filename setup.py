"""Packaging hook: a built wheel carries resources/ and sample_sessions/ inside the package
(livedesk/_bundled/), so an installed LiveDesk has its fonts, translations, lexicon, templates and samples
without a source checkout. An editable install reads them from the checkout instead."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("resources", "sample_sessions")


class BuildWithBundledData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "livedesk" / "_bundled"
        for name in BUNDLED:
            shutil.copytree(Path(__file__).parent / name, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithBundledData})
