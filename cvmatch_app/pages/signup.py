"""Create an account: email and password; the configured free credits come with it."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.forms import labelled_input
from cvmatch_app.components.layout import auth_card, inline_error
from cvmatch_app.state.auth import AuthState


def page() -> rx.Component:
    return auth_card(
        "Create your account",
        rx.text("Rank CVs against a job description, with the evidence behind every score.", size="2"),
        rx.form(
            rx.vstack(
                labelled_input("Email", "email", "email", required=True, auto_complete="email", auto_focus=True),
                labelled_input(
                    "Password (at least 8 characters)",
                    "password",
                    "password",
                    required=True,
                    auto_complete="new-password",
                ),
                labelled_input(
                    "Repeat the password", "confirm", "password", required=True, auto_complete="new-password"
                ),
                inline_error(AuthState.form_error),
                rx.button("Create account", type="submit", size="3", width="100%", loading=AuthState.busy),
                spacing="4",
                width="100%",
            ),
            on_submit=AuthState.sign_up,
            width="100%",
        ),
        rx.text("Already have an account? ", rx.link("Log in", href="/login"), size="2"),
    )
