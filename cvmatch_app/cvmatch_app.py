"""Wires the app: the Reflex pages, the REST API mounted inside, and the embedded job runner."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable

import reflex as rx
from starlette.applications import Starlette
from starlette.types import ASGIApp

from cvmatch_app.api.access_log import log_requests
from cvmatch_app.api.app import create_api
from cvmatch_app.api.body_limit import BodySizeLimit
from cvmatch_app.api.browser_headers import secure_browsers
from cvmatch_app.api.upload_limits import limit_uploads
from cvmatch_app.config import get_settings
from cvmatch_app.jobs.runner import runner
from cvmatch_app.logs import configure_logging
from cvmatch_app.pages import register_pages
from cvmatch_app.state.staged_files import sweep_expired_files


def _limit_match_body(asgi_app: ASGIApp) -> BodySizeLimit:
    return BodySizeLimit(asgi_app, guards=lambda path: path == "/api/match")


@contextlib.asynccontextmanager
async def run_embedded_runner() -> AsyncIterator[None]:
    """Embedded mode: score CVs in this process. Distributed mode: workers do; this replica only queues."""
    if get_settings().effective_runner == "distributed":
        from cvmatch_app.jobs.queue import queue_client

        try:
            yield
        finally:
            queue_client.close()
        return
    await runner.start()
    try:
        yield
    finally:
        await runner.stop()


@contextlib.asynccontextmanager
async def run_claude_batch_poller() -> AsyncIterator[None]:
    """CVMATCH_ENGINE=claude only: score the jobs sent with priority=batch as Claude Message Batches."""
    if get_settings().engine != "claude":
        yield
        return
    from cvmatch_app.jobs.claude_batches import run_batch_poller  # the optional engine, only when chosen

    async with run_batch_poller():
        yield


configure_logging()
_transformers: list[Starlette | Callable[[ASGIApp], ASGIApp]] = [
    create_api(),
    _limit_match_body,
    limit_uploads,
    secure_browsers,
]
if get_settings().access_log:
    _transformers.append(log_requests)  # last: the outermost layer sees every request and its final status

app = rx.App(
    api_transformer=_transformers,
    theme=rx.theme(accent_color="indigo", radius="medium"),
)
app.register_lifespan_task(run_embedded_runner)
app.register_lifespan_task(run_claude_batch_poller)
app.register_lifespan_task(sweep_expired_files)
register_pages(app)
