#!/usr/bin/env bash
# Install what the tests need (Python packages, Debian's Chromium, PostgreSQL and Redis running)
# and run ruff, mypy and the whole test suite. Idempotent. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCK=requirements-dev.lock source scripts/venv.sh

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# PostgreSQL and Redis: the integration tests need them and fail (not skip) without them.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ! command -v pg_ctlcluster >/dev/null; then
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  if ! command -v redis-server >/dev/null; then
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
fi

"$PY" -m ruff check .
"$PY" -m mypy  # cvmatch_app/, strict on engine/ and services/ (pyproject.toml)
exec "$PY" -m pytest "$@"
