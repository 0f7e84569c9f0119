"""The page shell: one navigation bar on every private page, and a centred card for log-in and sign-up."""

from __future__ import annotations

from typing import Any

import reflex as rx

from cvmatch_app.state.auth import AuthState

NAV_LINKS = [("Match", "/"), ("History", "/history"), ("Account", "/account"), ("Credits", "/credits")]
CONTENT_WIDTH = "1100px"
# Links inside text are underlined (colour alone is 2.69:1 against the text); the skip link shows on focus.
PAGE_CSS = """
a.rt-underline-auto { text-decoration-line: underline; text-underline-offset: 2px; }
.skip-link { position: absolute; left: 8px; top: -48px; z-index: 100; padding: 8px 12px; border-radius: 6px;
  background: var(--accent-9); color: white; }
.skip-link:focus { top: 8px; }
@media (max-width: 640px) {
  .stack-on-phone thead { display: none; }
  .stack-on-phone tr { display: block; padding: 8px 4px; border-bottom: 1px solid var(--gray-5); }
  .stack-on-phone td, .stack-on-phone th { display: flex; gap: 8px; align-items: flex-start; box-shadow: none;
    padding: 3px 4px; height: auto !important; white-space: normal !important; }
  .stack-on-phone td[data-label]::before, .stack-on-phone th[data-label]::before { content: attr(data-label);
    font-weight: 600; min-width: 112px; flex-shrink: 0; color: var(--gray-11); font-size: var(--font-size-1); }
}
"""


def page_css() -> rx.Component:
    return rx.el.style(PAGE_CSS)


def skip_link() -> rx.Component:
    return rx.el.a("Skip to content", href="#main", class_name="skip-link")


def _nav_link(label: str, href: str, active: bool) -> rx.Component:
    return rx.link(
        label,
        href=href,
        underline="none",
        weight="medium",
        padding="6px 10px",
        border_radius="var(--radius-2)",
        color=rx.color("accent", 11) if active else rx.color("gray", 11),
        background=rx.color("accent", 3) if active else "transparent",
        aria_current="page" if active else None,
        _hover={"background": rx.color("accent", 3)},
    )


def brand() -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.icon("scan-search", size=22, color=rx.color("accent", 10)),
            rx.text("CVMatch", weight="bold", size="5", color=rx.color("gray", 12)),
            align="center",
            spacing="2",
        ),
        href="/",
        underline="none",
    )


def _phone_menu(active: str) -> rx.Component:
    """On a phone the header is one line: the pages and log-out fold into a menu."""
    return rx.box(
        rx.menu.root(
            rx.menu.trigger(
                rx.icon_button(rx.icon("menu", size=18), variant="soft", color_scheme="gray", aria_label="Menu")
            ),
            rx.menu.content(
                *[
                    rx.menu.item(
                        label,
                        on_click=rx.redirect(href),
                        color=rx.color("accent", 11) if href == active else None,
                        aria_current="page" if href == active else None,
                    )
                    for label, href in NAV_LINKS
                ],
                rx.menu.separator(),
                rx.menu.item("Log out", on_click=AuthState.log_out),
            ),
        ),
        display=["block", "none"],
        id="phone-menu",
    )


def nav_bar(active: str) -> rx.Component:
    return rx.el.nav(
        rx.flex(
            brand(),
            rx.flex(
                *[_nav_link(label, href, href == active) for label, href in NAV_LINKS],
                spacing="1",
                wrap="wrap",
                display=["none", "flex"],
            ),
            rx.spacer(),
            rx.flex(
                rx.link(
                    rx.badge(
                        rx.icon("coins", size=14),
                        rx.text(AuthState.balance, " credits", id="nav-balance"),
                        size="2",
                        variant="soft",
                        color_scheme="grass",
                    ),
                    href="/credits",
                    underline="none",
                ),
                rx.text(AuthState.email, size="2", color=rx.color("gray", 11), display=["none", "none", "block"]),
                rx.button(
                    "Log out",
                    variant="soft",
                    color_scheme="gray",
                    size="2",
                    on_click=AuthState.log_out,
                    display=["none", "inline-flex"],
                ),
                _phone_menu(active),
                align="center",
                spacing="3",
            ),
            align="center",
            spacing="4",
            wrap="wrap",
            max_width=CONTENT_WIDTH,
            margin="0 auto",
            padding="10px 16px",
        ),
        aria_label="Main",
        border_bottom=f"1px solid {rx.color('gray', 5)}",
        background=rx.color("gray", 1),
        position="sticky",
        top="0",
        z_index="10",
    )


def checking_session() -> rx.Component:
    return rx.center(
        rx.hstack(rx.spinner(), rx.text("Checking your session…", color=rx.color("gray", 11))), padding="4em"
    )


def app_page(title: str, *children: rx.Component, active: str = "", subtitle: str | rx.Var = "") -> rx.Component:
    """A private page: the navigation, a heading, and the content once the session is confirmed."""
    return rx.box(
        page_css(),
        rx.cond(
            AuthState.logged_in,
            rx.fragment(
                skip_link(),
                nav_bar(active),
                rx.el.main(
                    rx.vstack(
                        rx.heading(title, size="7", as_="h1"),
                        rx.cond(subtitle != "", rx.text(subtitle, color=rx.color("gray", 11)), rx.fragment()),
                        *children,
                        spacing="5",
                        width="100%",
                        align="stretch",
                    ),
                    max_width=CONTENT_WIDTH,
                    margin="0 auto",
                    padding=["16px 12px 48px", "24px 16px 64px"],
                    id="main",
                    tab_index=-1,
                ),
            ),
            checking_session(),
        ),
        min_height="100vh",
        background=rx.color("gray", 2),
    )


def auth_card(title: str, *children: rx.Component) -> rx.Component:
    """Log-in and sign-up: a small centred card, the page's main landmark."""
    return rx.el.main(
        page_css(),
        rx.vstack(
            brand(),
            rx.card(
                rx.vstack(rx.heading(title, size="6", as_="h1"), *children, spacing="4", width="100%"),
                width="100%",
                size="3",
            ),
            spacing="5",
            align="center",
            width="100%",
            max_width="420px",
        ),
        display="flex",
        align_items="center",
        justify_content="center",
        min_height="100vh",
        padding="16px",
        background=rx.color("gray", 2),
    )


def section(title: str, *children: rx.Component, **props: Any) -> rx.Component:
    return rx.card(
        rx.vstack(rx.heading(title, size="4", as_="h2"), *children, spacing="3", width="100%", align="stretch"),
        width="100%",
        size="2",
        **props,
    )


def inline_error(message: rx.Var) -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle-alert", color_scheme="red", role="alert", width="100%"),
        rx.fragment(),
    )


def empty_state(icon: str, title: str, text: str, *actions: rx.Component) -> rx.Component:
    return rx.center(
        rx.vstack(
            rx.icon(icon, size=36, color=rx.color("gray", 9)),
            rx.text(title, weight="bold", size="4"),
            rx.text(text, color=rx.color("gray", 11), text_align="center", max_width="440px"),
            *actions,
            align="center",
            spacing="2",
        ),
        padding="2.5em 1em",
        width="100%",
        border=f"1px dashed {rx.color('gray', 6)}",
        border_radius="var(--radius-4)",
        background=rx.color("gray", 1),
    )
