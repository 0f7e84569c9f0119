"""Log in with email and password."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.forms import labelled_input
from cvmatch_app.components.layout import auth_card, inline_error
from cvmatch_app.state.auth import AuthState


def page() -> rx.Component:
    return auth_card(
        "Log in",
        rx.form(
            rx.vstack(
                labelled_input("Email", "email", "email", required=True, auto_complete="email", auto_focus=True),
                labelled_input("Password", "password", "password", required=True, auto_complete="current-password"),
                inline_error(AuthState.form_error),
                rx.button("Log in", type="submit", size="3", width="100%", loading=AuthState.busy),
                spacing="4",
                width="100%",
            ),
            on_submit=AuthState.log_in,
            width="100%",
        ),
        rx.text("New to CVMatch? ", rx.link("Create an account", href="/signup"), size="2"),
    )
