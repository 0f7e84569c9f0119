"""API keys (the secret shown once), password change, and how to call the API and set up MCP."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.forms import labelled_input
from cvmatch_app.components.layout import app_page, empty_state, inline_error, section
from cvmatch_app.services.keys import SCOPE_EXECUTE, SCOPE_READ
from cvmatch_app.state.account import AccountState
from cvmatch_app.state.auth import AuthState


def _revoke_button(key: rx.Var) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button("Revoke", color_scheme="red", variant="soft", size="1", aria_label="Revoke " + key.name)
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Revoke this key?"),
            rx.alert_dialog.description(
                "Programs using '",
                key.name,
                "' (",
                key.masked,
                ") will get 401 errors from now on. This cannot be undone.",
            ),
            rx.flex(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(
                    rx.button("Revoke key", color_scheme="red", on_click=AccountState.revoke_key(key.id))
                ),
                spacing="3",
                justify="end",
                margin_top="16px",
            ),
        ),
    )


def _key_row(key: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(key.name, weight="medium", data_label="Name"),
        rx.table.cell(rx.code(key.masked), white_space="nowrap", data_label="Key"),
        rx.table.cell(key.scopes, data_label="Scopes"),
        rx.table.cell(key.created, white_space="nowrap", data_label="Created"),
        rx.table.cell(key.last_used, white_space="nowrap", data_label="Last used"),
        rx.table.cell(_revoke_button(key)),
        class_name="key-row",
    )


def _new_secret() -> rx.Component:
    return rx.cond(
        AccountState.new_secret != "",
        rx.callout.root(
            rx.callout.icon(rx.icon("key-round")),
            rx.vstack(
                rx.text("Copy your new key now: it is shown only once.", weight="bold"),
                rx.flex(
                    rx.code(AccountState.new_secret, id="new-secret", size="3", word_break="break-all"),
                    rx.button(
                        rx.icon("copy", size=14), "Copy", size="1", on_click=AccountState.copy_secret, id="copy-secret"
                    ),
                    rx.button("Done", size="1", variant="soft", color_scheme="gray", on_click=AccountState.hide_secret),
                    spacing="2",
                    align="center",
                    wrap="wrap",
                ),
                spacing="2",
            ),
            color_scheme="green",
            width="100%",
        ),
        rx.fragment(),
    )


def _keys_section() -> rx.Component:
    return section(
        "API keys",
        rx.text(
            "Keys let programs call the REST API and the MCP server for this account.",
            size="2",
            color=rx.color("gray", 11),
        ),
        _new_secret(),
        rx.cond(
            AccountState.keys.length() > 0,
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            *[
                                rx.table.column_header_cell(t)
                                for t in ("Name", "Key", "Scopes", "Created", "Last used", "")
                            ]
                        )
                    ),
                    rx.table.body(rx.foreach(AccountState.keys, _key_row)),
                    variant="surface",
                    size="1",
                    width="100%",
                    class_name="stack-on-phone",
                ),
                overflow_x="auto",
                width="100%",
            ),
            empty_state("key-round", "No API keys yet", "Create one below to call the API from a script or an ATS."),
        ),
        rx.flex(
            rx.vstack(
                rx.el.label(rx.text("Key name", size="2", weight="medium"), html_for="key-name"),
                rx.input(
                    id="key-name",
                    placeholder="e.g. ATS integration",
                    value=AccountState.new_key_name,
                    on_change=AccountState.set_new_key_name,
                    width="100%",
                ),
                spacing="1",
                flex="1",
                min_width="200px",
            ),
            rx.vstack(
                rx.el.label(rx.text("Scopes", size="2", weight="medium"), html_for="key-scope"),
                rx.select.root(
                    rx.select.trigger(id="key-scope", aria_label="Scopes"),
                    rx.select.content(
                        rx.select.item("Submit and read matches (match:execute)", value=SCOPE_EXECUTE),
                        rx.select.item("Read results only (match:read)", value=SCOPE_READ),
                    ),
                    value=AccountState.new_key_scope,
                    on_change=AccountState.set_new_key_scope,
                ),
                spacing="1",
            ),
            rx.button(rx.icon("plus", size=16), "Create key", on_click=AccountState.create_key, id="create-key"),
            spacing="3",
            align="end",
            wrap="wrap",
            width="100%",
        ),
        inline_error(AccountState.key_error),
    )


def _password_section() -> rx.Component:
    return section(
        "Change password",
        rx.form(
            rx.vstack(
                labelled_input(
                    "Current password", "current", "password", required=True, auto_complete="current-password"
                ),
                labelled_input(
                    "New password (at least 8 characters)",
                    "new",
                    "password",
                    required=True,
                    auto_complete="new-password",
                ),
                labelled_input(
                    "Repeat the new password", "confirm", "password", required=True, auto_complete="new-password"
                ),
                inline_error(AccountState.password_error),
                rx.cond(
                    AccountState.password_saved,
                    rx.callout("Your password was changed.", icon="check", color_scheme="green", width="100%"),
                    rx.fragment(),
                ),
                rx.button("Change password", type="submit"),
                spacing="3",
                width="100%",
                max_width="420px",
            ),
            on_submit=AccountState.change_password,
        ),
    )


def _snippet(label: str, text: rx.Var, element_id: str) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(label, size="2", weight="medium"),
            rx.spacer(),
            rx.button(
                rx.icon("copy", size=14),
                "Copy",
                size="1",
                variant="soft",
                on_click=[rx.set_clipboard(text), rx.toast.success("Copied.")],
                aria_label="Copy: " + label,
            ),
            width="100%",
            align="center",
        ),
        rx.code_block(
            text,
            language="bash" if element_id == "curl-example" else "json",
            wrap_long_lines=True,
            width="100%",
            id=element_id,
        ),
        spacing="1",
        width="100%",
    )


def _api_section() -> rx.Component:
    return section(
        "Use the API",
        rx.text(
            "Create a key above, put it in CVMATCH_KEY, then submit CVs and read the ranked results. Reference: ",
            rx.link("API documentation", href=AccountState.api_url + "/api/docs", is_external=True),
            ".",
            size="2",
        ),
        _snippet("curl", AccountState.curl_example, "curl-example"),
        rx.text(
            "AI assistants (Claude Desktop): download ",
            rx.link("mcp_server.py", href=AccountState.api_url + "/api/mcp/mcp_server.py"),
            ' to your home directory, run pip install "mcp<2" httpx, and add this to claude_desktop_config.json '
            "with your key:",
            size="2",
        ),
        _snippet("MCP configuration", AccountState.mcp_snippet, "mcp-snippet"),
    )


def page() -> rx.Component:
    return app_page(
        "Account",
        rx.text(
            "Signed in as ", rx.text.strong(AuthState.email), " · plan: ", rx.text.strong(AuthState.plan), size="2"
        ),
        _keys_section(),
        _api_section(),
        _password_section(),
        active="/account",
    )
