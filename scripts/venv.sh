# Sourced by start.sh and test.sh: make .venv (Python 3.11+) and install a lock file into it
# (requirements.lock for the app, requirements-dev.lock for the tests; regenerate both with
# scripts/lock.sh after editing requirements*.txt). Installs only when that lock changed.
VENV="${CVMATCH_VENV:-.venv}"
LOCK="${LOCK:-requirements.lock}"
if [ ! -x "$VENV/bin/python" ]; then
  python_bin="$(command -v python3.11 || command -v python3)"
  "$python_bin" -m venv "$VENV"
fi
PY="$VENV/bin/python"
stamp="$VENV/.installed-$(basename "$LOCK" .lock)-$(sha256sum "$LOCK" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$PY" -m pip install -q --disable-pip-version-check --require-hashes -r "$LOCK"
  touch "$stamp"
fi
export PATH="$(cd "$VENV/bin" && pwd):$PATH"
