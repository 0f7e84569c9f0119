"""axe-core (from the npm registry) run inside the page: the serious and critical findings."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from functools import cache
from pathlib import Path

from playwright.sync_api import Page

AXE_PACKAGE = "axe-core@4.14.1"
CACHE = Path.home() / ".cache" / "cvmatch-tests" / AXE_PACKAGE.replace("@", "-")
BLOCKING = ("serious", "critical")


@cache
def axe_source() -> str:
    """axe.min.js, fetched once with the virtualenv's npm (`npm pack`) and cached."""
    target = CACHE / "axe.min.js"
    if not target.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        npm = str(Path(sys.executable).parent / "npm")
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([npm, "pack", AXE_PACKAGE, "--silent"], cwd=folder, check=True, capture_output=True)
            archive = next(Path(folder).glob("axe-core-*.tgz"))
            with tarfile.open(archive) as tar:
                member = tar.extractfile("package/axe.min.js")
                assert member is not None
                target.write_bytes(member.read())
    return target.read_text()


def blocking_findings(page: Page) -> list[str]:
    """'rule: help (n nodes: first selector)' for each serious or critical axe-core violation."""
    # Not an inline <script>: the pages' Content-Security-Policy blocks those; it allows eval.
    page.evaluate("source => { (0, eval)(source); }", axe_source())
    violations = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']} [{v['impact']}]: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']}: "
        f"{v['nodes'][0].get('failureSummary', '')})"
        for v in violations
        if v.get("impact") in BLOCKING
    ]
