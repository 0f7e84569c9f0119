# Sourced by start.sh and test.sh: make .venv (Python 3.11+) and install requirements into it.
VENV="${CVMATCH_VENV:-.venv}"
REQUIREMENTS="${REQUIREMENTS:-requirements.txt}"
if [ ! -x "$VENV/bin/python" ]; then
  python_bin="$(command -v python3.11 || command -v python3)"
  "$python_bin" -m venv "$VENV"
fi
PY="$VENV/bin/python"
stamp="$VENV/.installed-$(cat requirements*.txt | sha256sum | cut -c1-16)-$(basename "$REQUIREMENTS")"
if [ ! -f "$stamp" ]; then
  "$PY" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS"
  touch "$stamp"
fi
export PATH="$(cd "$VENV/bin" && pwd):$PATH"
