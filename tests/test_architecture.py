"""The package's shape: folders that are the pipeline, no import cycles, no borrowed private names.

The graph counts every ``import`` and ``from … import`` of the package, also those inside
functions, read from the source with ``ast`` (nothing is imported to build it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "policytext"
STAGES = ("read", "structure", "quantities", "words", "targets", "plots")
MAX_LINES = 600


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, modules: dict[str, Path]) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import of the package in `path`."""
    own = _module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names
                      if a.name.split(".")[0] == "policytext"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] != "policytext":
                continue
            names = [a.name for a in node.names]
            # `from policytext.words import tokenizer` imports a module, not a name
            subs = [n for n in names if f"{base}.{n}" in modules]
            for sub in subs:
                found.append((f"{base}.{sub}", [], node.lineno))
            rest = [n for n in names if n not in subs]
            if rest:
                found.append((base, rest, node.lineno))
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {name: set() for name in modules}
    for name, path in modules.items():
        for target, _, _ in _imports(path, modules):
            if target in modules and target != name:
                graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_the_package():
    assert _cycles(_graph()) == []


def test_no_private_name_imported_from_another_module():
    modules = _modules()
    borrowed = []
    for name, path in modules.items():
        for target, names, line in _imports(path, modules):
            if target != name:
                borrowed += [f"{name}:{line} takes {n} from {target}"
                             for n in names if n.startswith("_") and n != "__version__"]
    assert borrowed == []


def test_the_folders_are_the_pipeline():
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= {"__init__", "__main__", "cli", "corpus", "errors", "pipeline", "report",
                   "session"}


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_never_imports_the_stages_after_it(stage):
    later = STAGES[STAGES.index(stage) + 1:]
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        if not name.startswith(f"policytext.{stage}"):
            continue
        for target, _, line in _imports(path, modules):
            if any(target.startswith(f"policytext.{s}") for s in later):
                wrong.append(f"{name}:{line} imports {target}")
    assert wrong == []


def test_no_module_is_longer_than_the_limit():
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_stage_packages_export_what_their_modules_export():
    import importlib

    for stage in STAGES:
        package = importlib.import_module(f"policytext.{stage}")
        for path in sorted((PACKAGE / stage).glob("[!_]*.py")):
            module = importlib.import_module(f"policytext.{stage}.{path.stem}")
            missing = set(getattr(module, "__all__", ())) - set(package.__all__)
            assert not missing, f"policytext.{stage} does not export {sorted(missing)}"
