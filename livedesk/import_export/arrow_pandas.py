"""pyarrow without pandas, for the commands that never need it (`livedesk import`).

pyarrow loads pandas (~0.3 s of start-up and ~60 MB) the first time it converts any Python value —
`pa.array([...])`, `pa.scalar(0)`, a compute call given a plain number — only to ask whether the value is
a pandas object. An import builds its arrays from files, numpy and Python lists, never from pandas, so
`skip_pandas_probe` lets that first question find no pandas, and pyarrow keeps the answer.

Should anything import pandas later in the same process, pyarrow is asked again as soon as pandas has
loaded (a watch on the import system), so `pa.array(series)` and `to_pandas()` behave as usual from then
on: tests/import_export/test_import_modules.py holds pyarrow to that.
"""

from __future__ import annotations

import sys
from importlib.abc import Loader
from typing import cast


class _NoPandas:
    """An import finder under which `import pandas` fails (for the moment of the probe only)."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not needed here")
        return None


class _PandasWatch:
    """Stays on the import system after the probe; when pandas is imported for real, wraps its loader so
    pyarrow asks again once pandas has loaded, and steps aside."""

    def find_spec(self, name, path=None, target=None):
        if name != "pandas":
            return None
        import importlib.util

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            # a loader by its methods (create_module, exec_module, the rest passed on), not by its class
            spec.loader = cast(Loader, _AskPyarrowAgain(spec.loader))
        return spec


class _AskPyarrowAgain:
    def __init__(self, loader) -> None:
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        self._loader.exec_module(module)
        import pyarrow.lib

        shim = getattr(pyarrow.lib, "_pandas_api", None)
        if shim is not None:
            shim.pd  # noqa: B018 - reading it makes pyarrow import pandas (now loaded) and use it again

    def __getattr__(self, name: str):
        return getattr(self._loader, name)  # resource readers and the like: the real loader's


def skip_pandas_probe() -> None:
    """Let pyarrow's pandas probe find no pandas (a no-op when pandas is loaded or the probe has run)."""
    if "pandas" in sys.modules or any(isinstance(f, _PandasWatch) for f in sys.meta_path):
        return
    import pyarrow as pa

    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([0])  # the first conversion asks, and pyarrow keeps the answer
    finally:
        sys.meta_path.remove(finder)
    sys.meta_path.insert(0, _PandasWatch())
