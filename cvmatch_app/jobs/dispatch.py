"""Hand new CVs to whichever runner this server uses."""

from __future__ import annotations

from collections.abc import Iterable

from cvmatch_app.jobs.runner import runner


def dispatch(cv_ids: Iterable[int]) -> None:
    runner.submit(cv_ids)
