"""A contract type import-linter lacks: forbid one submodule of an external package.

import-linter sees an external package only as its top-level name (`matplotlib`), so its forbidden contract
cannot tell `matplotlib.pyplot` from `matplotlib.figure`. This contract asks the graph which of the source
modules import the package and then reads their import statements to find the submodule. Registered in
pyproject.toml under [tool.importlinter] contract_types; `lint-imports` runs it with the others."""

from __future__ import annotations

import ast
import importlib.util

from importlinter import Contract, ContractCheck, fields, output


class ForbiddenSubmoduleContract(Contract):
    """Options: source_modules (packages whose modules are checked), forbidden_modules (dotted names of
    external submodules, e.g. matplotlib.pyplot)."""

    type_name = "forbidden_submodule"

    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose: bool) -> ContractCheck:
        sources: set[str] = set()
        for source in self.source_modules:
            sources |= {source, *graph.find_descendants(source)}
        found = []
        for forbidden in self.forbidden_modules:
            package = forbidden.split(".")[0]
            importers = graph.find_modules_that_directly_import(package) & sources
            for importer in sorted(importers):
                for line in _lines_importing(importer, forbidden):
                    found.append((importer, forbidden, line))
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, forbidden, line in check.metadata["found"]:
            output.print_error(f"{importer} imports {forbidden} (l.{line})", bold=False)
            output.new_line()


def _lines_importing(module: str, forbidden: str) -> list[int]:
    """Lines of `module` whose import statement brings in `forbidden` or something inside it."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return []
    with open(spec.origin, encoding="utf-8") as file:
        tree = ast.parse(file.read(), spec.origin)
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        if any(name == forbidden or name.startswith(forbidden + ".") for name in names):
            lines.append(node.lineno)
    return lines
