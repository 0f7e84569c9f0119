#!/usr/bin/env bash
# Install everything into .venv (idempotent) and start CVMatch on its embedded defaults:
# SQLite in ./data, the in-process job runner and the local engine, on http://localhost:${CVMATCH_PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
port="${CVMATCH_PORT:-3000}"
"$PY" -m cvmatch_app.cli migrate
echo "CVMatch is starting on http://localhost:${port} (first start builds the web app: about a minute)."
exec "$VENV/bin/reflex" run --env prod --frontend-port "$port" --backend-port "$port" "$@"
