#!/usr/bin/env bash
# Regenerate the lock files that start.sh and test.sh install from:
#   requirements.txt      (runtime, edited by hand)  -> requirements.lock
#   requirements-dev.txt  (tests and lint, by hand)  -> requirements-dev.lock (the same runtime pins + the tools)
# Run it after editing either input and commit the inputs and the locks together. pip-compile keeps every
# pin already in a lock unless its input asks otherwise; extra arguments go to both pip-compile runs:
#   bash scripts/lock.sh                          # only what the edited inputs require changes
#   bash scripts/lock.sh --upgrade-package ruff   # move one package to its newest allowed release
#   bash scripts/lock.sh --upgrade                # move every pin (then run the whole suite)
# Every pin carries its sha256 hashes, so pip installs in hash-checking mode: a file that differs from
# the one locked (on PyPI or a mirror) is refused instead of installed. The locks are resolved for the
# Python that venv.sh picks (3.11 here); pip-tools runs in its own venv and never touches .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${CVMATCH_LOCK_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/cvmatch-pip-tools}"
if [ ! -x "$tools/bin/pip-compile" ]; then
  python_bin="$(command -v python3.11 || command -v python3)"
  "$python_bin" -m venv "$tools"
  "$tools/bin/python" -m pip install -q --disable-pip-version-check "pip-tools>=7.4,<8"
fi
export CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh"
common=(--quiet --allow-unsafe --strip-extras --generate-hashes
        --no-emit-index-url --no-emit-find-links --no-emit-trusted-host)
"$tools/bin/pip-compile" "${common[@]}" "$@" --output-file requirements.lock requirements.txt
# The dev lock is held to the runtime pins, so tests run against exactly what start.sh installs.
[ -f requirements-dev.lock ] || cp requirements.lock requirements-dev.lock  # reuses its hashes
"$tools/bin/pip-compile" "${common[@]}" "$@" --constraint requirements.lock \
  --output-file requirements-dev.lock requirements-dev.txt
echo "Wrote requirements.lock and requirements-dev.lock; commit them with the requirements files."
