"""Hand new CVs to whichever runner this server uses (CVMATCH_RUNNER, see config.Settings.effective_runner)."""

from __future__ import annotations

from collections.abc import Iterable

from cvmatch_app.config import get_settings
from cvmatch_app.jobs.runner import runner


def dispatch(cv_ids: Iterable[int]) -> None:
    if get_settings().effective_runner == "distributed":
        from cvmatch_app.jobs.queue import queue_client  # saq and Redis only when scaled out

        queue_client.enqueue_new(cv_ids)
    else:
        runner.submit(cv_ids)
