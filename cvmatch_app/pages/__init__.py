"""One module per page; ``register_pages`` adds them all to the app."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.pages import account, credits, history, job, login, match, share, signup
from cvmatch_app.state.account import AccountState
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.credits import CreditsState
from cvmatch_app.state.history import HistoryState
from cvmatch_app.state.job import JobState
from cvmatch_app.state.job_rubric import JobRubricState
from cvmatch_app.state.match import MatchState
from cvmatch_app.state.share import ShareState


def register_pages(app: rx.App) -> None:
    # Private pages check the session first; each page's own loader checks it again before reading data.
    app.add_page(match.page, route="/", title="Match · CVMatch", on_load=[AuthState.require_login, MatchState.load])
    app.add_page(
        job.page,
        route="/jobs/[job_id]",
        title="Results · CVMatch",
        on_load=[AuthState.require_login, JobState.load, JobRubricState.load],
    )
    app.add_page(
        history.page, route="/history", title="History · CVMatch", on_load=[AuthState.require_login, HistoryState.load]
    )
    app.add_page(
        account.page, route="/account", title="Account · CVMatch", on_load=[AuthState.require_login, AccountState.load]
    )
    app.add_page(
        credits.page, route="/credits", title="Credits · CVMatch", on_load=[AuthState.require_login, CreditsState.load]
    )
    # A share link needs no account: its signed token is the only key.
    app.add_page(share.page, route="/share/[token]", title="Shared ranking · CVMatch", on_load=ShareState.load)
    app.add_page(login.page, route="/login", title="Log in · CVMatch", on_load=AuthState.skip_if_logged_in)
    app.add_page(signup.page, route="/signup", title="Sign up · CVMatch", on_load=AuthState.skip_if_logged_in)
