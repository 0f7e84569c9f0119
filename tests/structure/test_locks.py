"""The lock files that start.sh and test.sh install from follow the hand-edited requirements files.

requirements.txt -> requirements.lock (runtime) and requirements-dev.txt -> requirements-dev.lock (tests and
lint), both written by ``bash scripts/lock.sh``. Editing an input without regenerating its lock fails here,
and so does importing a package from the app that only the dev lock installs (it would be missing after
``bash scripts/start.sh``).
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
# Standalone: run by Claude Desktop on the user's machine with `pip install "mcp<2" httpx` (README).
NOT_THE_APP = {ROOT / "cvmatch_app" / "mcp_server.py"}
# Scripts that benchmarks and tests import by putting their folder on sys.path.
OWN_SCRIPTS = {path.stem for folder in ("benchmarks", "scripts") for path in (ROOT / folder).glob("*.py")}


def _pins(lock: str) -> dict[str, str]:
    """Name -> version of every `name==version` line; each must carry a hash (pip installs in hash mode)."""
    lines = (ROOT / lock).read_text(encoding="utf-8").splitlines()
    pins: dict[str, str] = {}
    for number, line in enumerate(lines):
        match = PIN.match(line)
        if match:
            assert line.endswith("\\") and "--hash=sha256:" in lines[number + 1], f"{lock}: {line} has no hash"
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def _requirements(path: str) -> list[Requirement]:
    """The requirements a hand-edited file lists, following its `-r` includes."""
    found: list[Requirement] = []
    for raw in (ROOT / path).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-r "):
            found += _requirements(line[3:].strip())
        else:
            found.append(Requirement(line))
    return found


@pytest.mark.parametrize(
    ("source", "lock"), [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")]
)
def test_every_requirement_is_locked_within_its_bounds(source: str, lock: str) -> None:
    pins = _pins(lock)
    for requirement in _requirements(source):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is in {source} but not in {lock}: run bash scripts/lock.sh"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{lock} pins {name}=={pins[name]} outside {source}'s {requirement.specifier}: run bash scripts/lock.sh"
        )


def test_tests_run_against_the_runtime_pins() -> None:
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert runtime, "requirements.lock pins nothing"
    differing = {name: (version, dev.get(name)) for name, version in runtime.items() if dev.get(name) != version}
    assert not differing, f"requirements-dev.lock differs from requirements.lock (runtime, dev): {differing}"


def _third_party_imports(where: Path) -> dict[str, Path]:
    """Top-level module name -> one file importing it, for every absolute non-stdlib import in a file or folder."""
    found: dict[str, Path] = {}
    for path in sorted(where.rglob("*.py")) if where.is_dir() else [where]:
        if path in NOT_THE_APP or ".web" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names | OWN_SCRIPTS | {"cvmatch_app", "tests", "benchmarks"}:
                    found.setdefault(top, path)
    return found


@pytest.mark.parametrize(
    ("folders", "lock"),
    [
        (["cvmatch_app", "alembic", "rxconfig.py"], "requirements.lock"),
        (["tests", "benchmarks", "scripts"], "requirements-dev.lock"),
    ],
)
def test_what_the_code_imports_its_lock_installs(folders: list[str], lock: str) -> None:
    pins = _pins(lock)
    distributions = importlib.metadata.packages_distributions()
    missing = []
    for folder in folders:
        for module, where in _third_party_imports(ROOT / folder).items():
            names = {canonicalize_name(d) for d in distributions.get(module, [])}
            if not names & pins.keys():
                missing.append(f"{module} (imported in {where.relative_to(ROOT)}; distributions {sorted(names)})")
    assert not missing, f"not installed by {lock}: {missing}"


def test_mcp_is_a_dev_dependency_only() -> None:
    """Only the standalone MCP script imports mcp; the app's runtime lock does not install it."""
    assert "mcp" not in _pins("requirements.lock")
    assert "mcp" in _pins("requirements-dev.lock")
    importers = [
        path.relative_to(ROOT)
        for path in (ROOT / "cvmatch_app").rglob("*.py")
        if re.search(r"^\s*(import mcp|from mcp[ .])", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert importers == [Path("cvmatch_app/mcp_server.py")]
