"""Where new CVs go once stored: the runner that the app registers where it is wired.

``services`` never imports ``jobs`` (jobs import services). So the service layer does not pick a
runner: ``api.app.create_api`` (the web app and the REST API) registers ``jobs.dispatch.dispatch``
here. With nothing registered the CVs simply wait, ``pending``, in the database: every runner's
sweep (``jobs.runner``, ``jobs.worker``) finds them there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

log = logging.getLogger("cvmatch.dispatch")

Dispatcher = Callable[[Iterable[int]], None]
_dispatcher: Dispatcher | None = None


def register(dispatcher: Dispatcher | None) -> None:
    """Set the function that hands new CV ids to a runner (None: leave them for a runner's sweep)."""
    global _dispatcher
    _dispatcher = dispatcher


def dispatch(cv_ids: Iterable[int]) -> None:
    ids = list(cv_ids)
    if _dispatcher is None:
        log.debug("no runner registered in this process: %s CVs wait for a runner's sweep", len(ids))
        return
    _dispatcher(ids)
