"""The layers import downwards only: a reverse import (the loop that nine function-local imports once hid) fails here.

    pages, components, state, api, cvmatch_app.py, cli   (the app and its surfaces)
        -> jobs            (the runners: embedded runner, worker processes, Claude batch poller)
        -> services        (business rules shared by the web app, the REST API and MCP)
        -> db, config, plans
    engine, claude_engine  (pure scoring: no database, no settings, no web framework, no services or jobs)

Two checks per layer: every import statement in its modules (function-local ones too, read from the
source), and a fresh interpreter that imports the whole layer and then looks at ``sys.modules``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "cvmatch_app"
SURFACES = ["api", "state", "pages", "components", "cvmatch_app.cvmatch_app", "cli", "mcp_server"]
ENGINE_FORBIDDEN = ["services", "jobs", "db", "config", "plans", *SURFACES]
FORBIDDEN: dict[str, list[str]] = {
    "engine": [*ENGINE_FORBIDDEN, "claude_engine"],
    "claude_engine": ENGINE_FORBIDDEN,
    "services": ["jobs", *SURFACES],
    "jobs": SURFACES,
    "db": ["services", "jobs", *SURFACES],
    "config": ["services", "jobs", "db", *SURFACES],
    "plans": ["config", "db", "services", "jobs", "engine", "claude_engine", *SURFACES],
}
WEB_FRAMEWORKS = ["fastapi", "starlette", "reflex"]
NO_WEB_FRAMEWORK = {"engine", "claude_engine", "services", "jobs", "db", "config", "plans"}


def _modules(layer: str) -> list[Path]:
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{layer}.py"]


def _dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, package: str | None = None) -> set[str]:
    """Every module named by an import in the file (function-local ones too), relative imports resolved."""
    if package is None:
        package = _dotted(path) if path.name == "__init__.py" else _dotted(path).rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _is_under(module: str, names: list[str], prefix: str = "cvmatch_app.") -> bool:
    return any(module == f"{prefix}{n}" or module.startswith(f"{prefix}{n}.") for n in names)


def _reverse_imports(layer: str) -> list[str]:
    problems = []
    for path in _modules(layer):
        for module in sorted(_imports(path)):
            if _is_under(module, FORBIDDEN[layer]) or (
                layer in NO_WEB_FRAMEWORK and _is_under(module, WEB_FRAMEWORKS, prefix="")
            ):
                problems.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    return problems


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_module_of_a_layer_names_a_layer_above_it(layer: str) -> None:
    assert _modules(layer), f"layer {layer} has no modules"
    assert _reverse_imports(layer) == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imported_alone_loads_nothing_above_it(layer: str) -> None:
    modules = [_dotted(path) for path in _modules(layer)]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PACKAGE.parent, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    above = [m for m in loaded if _is_under(m, FORBIDDEN[layer])]
    if layer in NO_WEB_FRAMEWORK:
        above += [m for m in loaded if _is_under(m, WEB_FRAMEWORKS, prefix="")]
    assert above == [], f"importing {layer} alone loaded {above}"


def test_the_check_sees_a_function_local_reverse_import(tmp_path: Path) -> None:
    """The AST walk must find the kind of import that hid the old loop (inside a function, relative too)."""
    hidden = tmp_path / "matching.py"
    hidden.write_text(
        "def submit():\n    from cvmatch_app.jobs.dispatch import dispatch\n    from ..jobs import runner\n"
    )
    found = _imports(hidden, package="cvmatch_app.services")
    assert {"cvmatch_app.jobs.dispatch", "cvmatch_app.jobs.runner"} <= found
    assert _is_under("cvmatch_app.jobs.runner", FORBIDDEN["services"])
