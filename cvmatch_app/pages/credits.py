"""Credits: the balance, packs with their per-match price, buying, and every credit movement."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.layout import app_page, empty_state, section
from cvmatch_app.components.local_time import local_time
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.credits import CreditsState


def _pack(pack: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(pack.name, weight="bold", size="5"),
            rx.text(pack.price, size="7", weight="bold"),
            rx.text(pack.per_match, " per match", size="2", color=rx.color("gray", 11)),
            rx.cond(
                CreditsState.billing_enabled,
                rx.button(
                    "Buy",
                    width="100%",
                    on_click=CreditsState.buy(pack.id),
                    loading=CreditsState.buying == pack.id,
                    aria_label="Buy " + pack.name,
                ),
                rx.fragment(),
            ),
            spacing="2",
            align="start",
        ),
        class_name="pack",
    )


def _movement(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(local_time(row.when_iso, row.when), white_space="nowrap"),
        rx.table.cell(
            row.what,
            rx.cond(
                row.job_id != "",
                rx.fragment(": ", rx.link(row.job_title, href="/jobs/" + row.job_id, class_name="ledger-job")),
                rx.fragment(),
            ),
        ),
        rx.table.cell(
            rx.text(row.delta, weight="bold", color=rx.cond(row.positive, rx.color("green", 11), rx.color("red", 11))),
            text_align="right",
        ),
    )


def page() -> rx.Component:
    return app_page(
        "Credits",
        rx.match(
            CreditsState.checkout,
            (
                "success",
                rx.callout(
                    "Thank you: your payment went through. The credits appear here as soon as Stripe confirms it.",
                    icon="check",
                    color_scheme="green",
                    width="100%",
                ),
            ),
            (
                "cancelled",
                rx.callout("The checkout was cancelled: nothing was charged.", icon="info", width="100%"),
            ),
            rx.fragment(),
        ),
        rx.card(
            rx.hstack(
                rx.icon("coins", size=28, color=rx.color("grass", 10)),
                rx.vstack(
                    rx.text("Balance", size="2", color=rx.color("gray", 11)),
                    rx.text(AuthState.balance, " credits", size="7", weight="bold", id="credits-balance"),
                    spacing="0",
                ),
                align="center",
                spacing="3",
            ),
        ),
        section(
            "Credit packs",
            rx.text("One credit matches one CV against a job. Files that cannot be read are not charged.", size="2"),
            rx.grid(
                rx.foreach(CreditsState.packs, _pack),
                columns=rx.breakpoints(initial="1", sm="3"),
                spacing="3",
                width="100%",
            ),
            rx.cond(
                CreditsState.billing_enabled,
                rx.text(
                    "Payment is handled by Stripe Checkout; the credits arrive as soon as it confirms.",
                    size="1",
                    color=rx.color("gray", 11),
                ),
                rx.callout(
                    rx.text(
                        "Buying credits online is not available here. To get more credits, ask your administrator: "
                        "they can add them to your account."
                    ),
                    icon="info",
                    width="100%",
                    id="billing-disabled",
                ),
            ),
        ),
        section(
            "History",
            rx.cond(
                CreditsState.movements.length() > 0,
                rx.box(
                    rx.table.root(
                        rx.table.header(
                            rx.table.row(
                                rx.table.column_header_cell("Date"),
                                rx.table.column_header_cell("What"),
                                rx.table.column_header_cell("Credits", text_align="right"),
                            )
                        ),
                        rx.table.body(rx.foreach(CreditsState.movements, _movement)),
                        variant="surface",
                        size="1",
                        width="100%",
                    ),
                    overflow_x="auto",
                    width="100%",
                ),
                empty_state(
                    "receipt", "No credit movements yet", "Sign-up credits, purchases and match jobs appear here."
                ),
            ),
        ),
        active="/credits",
    )
