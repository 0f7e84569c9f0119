"""Start the real app (`reflex run --env prod`) in its own process group, as a user would."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """One app process. ``backend_only`` skips the web build (API-only replicas run like this)."""

    def __init__(self, data_dir: Path, *, backend_only: bool = True, env: dict[str, str] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.backend_only = backend_only
        self.port = free_port()
        self.extra_env = env or {}
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir / f"server-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({"CVMATCH_DATA_DIR": str(self.data_dir), "CVMATCH_PORT": str(self.port), "PYTHONUNBUFFERED": "1"})
        env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
        if os.environ.get("CVMATCH_TEST_WEB_DIR"):
            # Lets several checkouts or engineers build the web app side by side without clashing.
            env["REFLEX_WEB_WORKDIR"] = os.environ["CVMATCH_TEST_WEB_DIR"]
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = 300) -> AppServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "cvmatch_app.cli", "migrate"], cwd=ROOT, env=self.env(), check=True)
        command = [str(VENV_BIN / "reflex"), "run", "--env", "prod", "--loglevel", "warning"]
        if self.backend_only:  # reflex 0.10 refuses --frontend-port without a frontend
            command += ["--backend-only", "--backend-port", str(self.port)]
        else:
            command += ["--frontend-port", str(self.port), "--backend-port", str(self.port)]
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = "/api/health" if self.backend_only else "/"
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"the app exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(self.url + probe, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the app did not answer within {timeout}s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def kill(self) -> None:
        """SIGKILL the whole process group: a crash, as far as the app can tell."""
        self._signal(signal.SIGKILL)

    def stop(self) -> None:
        self._signal(signal.SIGTERM)

    def _signal(self, sig: signal.Signals) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None
