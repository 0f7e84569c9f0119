"""One module per page; ``register_pages`` adds them all to the app."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.pages import home


def register_pages(app: rx.App) -> None:
    app.add_page(home.page, route="/", title="CVMatch")
