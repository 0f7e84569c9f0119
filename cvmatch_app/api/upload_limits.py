"""Guards for Reflex's ``/_upload`` endpoint, which has no size cap and calls any handler named.

The drop zone refuses large files in the browser, but anyone can POST to ``/_upload`` directly:
this ASGI wrapper answers 400 when the ``Reflex-Event-Handler`` header names anything but the two
upload handlers of the match page (Reflex itself answers 500 for a handler that takes no files),
413 before reading a body whose Content-Length is over the cap, and stops a body that streams past
it without a Content-Length. Whether the page is logged in is checked by the handlers themselves.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from cvmatch_app.api.body_limit import BodySizeLimit

UPLOAD_PATH = "/_upload"


@lru_cache
def upload_handler_names() -> frozenset[str]:
    """The full names Reflex gives the match page's upload handlers (as the browser sends them)."""
    from cvmatch_app.state.match import UPLOAD_HANDLERS, MatchState  # the page's state, loaded with the app

    return frozenset(f"{MatchState.get_full_name()}.{handler}" for handler in UPLOAD_HANDLERS)


def _refuse_other_handlers(scope: Any) -> str | None:
    handler = dict(scope.get("headers") or []).get(b"reflex-event-handler", b"").decode("latin-1")
    if handler not in upload_handler_names():
        return "Uploads go to the match page's drop zones only: this handler takes no files."
    return None


def limit_uploads(asgi_app: Any) -> BodySizeLimit:
    """For ``rx.App(api_transformer=[...])``."""
    return BodySizeLimit(asgi_app, guards=lambda path: path.startswith(UPLOAD_PATH), refuse=_refuse_other_handlers)
