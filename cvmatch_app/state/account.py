"""The account page: API keys (the secret shown once), password change, and how to use the API and MCP."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime

import reflex as rx

from cvmatch_app.config import get_settings
from cvmatch_app.services import accounts, mcp_setup
from cvmatch_app.services import keys as api_keys
from cvmatch_app.services.errors import ServiceError
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.db import in_db


@dataclasses.dataclass
class KeyRow:
    id: int
    name: str
    masked: str
    scopes: str
    created: str
    last_used: str


def _when(moment: datetime | None) -> str:
    return moment.strftime("%d %b %Y, %H:%M") if moment else "Never"


def server_url(browser_origin: str) -> str:
    """This server's address for the examples: the configured public URL, else what the browser used."""
    settings = get_settings()
    if settings.public_url:
        return settings.effective_public_url
    origin = (browser_origin or "").rstrip("/")
    return origin if origin.startswith("http") else settings.effective_public_url


class AccountState(rx.State):
    keys: list[KeyRow] = []
    new_key_name: str = ""
    new_key_scope: str = api_keys.SCOPE_EXECUTE
    new_secret: str = ""
    key_error: str = ""
    password_error: str = ""
    password_saved: bool = False
    api_url: str = ""

    @rx.var
    def curl_example(self) -> str:
        return (
            f'curl {self.api_url}/api/match \\\n  -H "X-API-Key: $CVMATCH_KEY" \\\n'
            '  -F "cvs=@resume1.pdf" -F "cvs=@resume2.docx" \\\n'
            '  -F "jd_text=Registered Nurse — ICU Department..."\n\n'
            f'curl {self.api_url}/api/match/$JOB_ID -H "X-API-Key: $CVMATCH_KEY"'
        )

    @rx.var
    def mcp_snippet(self) -> str:
        return json.dumps(mcp_setup.mcp_config_snippet(self.api_url or "http://localhost:3000"), indent=2)

    async def _user_id(self) -> int | None:
        return await (await self.get_state(AuthState)).current_user_id()

    async def _reload_keys(self, user_id: int) -> None:
        rows = await in_db(lambda s: api_keys.list_keys(s, user_id=user_id))
        self.keys = [
            KeyRow(
                id=row.id or 0,
                name=row.name,
                masked=f"{row.prefix}…{row.last4}",
                scopes=row.scopes.replace(",", ", "),
                created=_when(row.created_at),
                last_used=_when(row.last_used_at),
            )
            for row in rows
        ]

    @rx.event
    async def load(self):
        self.new_secret = ""  # a secret is shown once, never again after leaving the page
        self.key_error = self.password_error = ""
        self.password_saved = False
        self.api_url = server_url(self.router.url.origin)
        user_id = await self._user_id()
        if user_id is not None:
            await self._reload_keys(user_id)

    @rx.event
    def set_new_key_name(self, value: str):
        self.new_key_name = value

    @rx.event
    def set_new_key_scope(self, value: str):
        self.new_key_scope = value if value in api_keys.SCOPES else api_keys.SCOPE_EXECUTE

    @rx.event
    async def create_key(self):
        user_id = await self._user_id()
        if user_id is None:
            return rx.redirect("/login")
        name, scope = self.new_key_name, self.new_key_scope
        try:
            _, secret = await in_db(
                lambda s: api_keys.create_key(s, user_id=user_id, name=name, scopes=scope), write=True
            )
        except ServiceError as exc:
            self.key_error = exc.detail
            return
        self.new_secret = secret
        self.new_key_name = ""
        self.key_error = ""
        await self._reload_keys(user_id)

    @rx.event
    def hide_secret(self):
        self.new_secret = ""

    @rx.event
    def copy_secret(self):
        return [rx.set_clipboard(self.new_secret), rx.toast.success("Key copied to the clipboard.")]

    @rx.event
    async def revoke_key(self, key_id: int):
        user_id = await self._user_id()
        if user_id is None:
            return rx.redirect("/login")
        try:
            key = await in_db(lambda s: api_keys.revoke_key(s, user_id=user_id, key_id=key_id), write=True)
        except ServiceError as exc:
            return rx.toast.error(exc.detail)
        await self._reload_keys(user_id)
        return rx.toast.success(f"Key '{key.name}' revoked: it no longer works.")

    @rx.event
    async def change_password(self, form: dict):
        self.password_saved = False
        current, new, confirm = (str(form.get(field, "")) for field in ("current", "new", "confirm"))
        if new != confirm:
            self.password_error = "The two new passwords are not the same."
            return
        user_id = await self._user_id()
        if user_id is None:
            return rx.redirect("/login")
        try:
            user = await in_db(
                lambda s: accounts.change_password(s, user_id=user_id, current=current, new=new), write=True
            )
        except ServiceError as exc:
            self.password_error = exc.detail
            return
        (await self.get_state(AuthState)).renew_session(user)  # other browsers are logged out
        self.password_error = ""
        self.password_saved = True
        return [
            rx.toast.success("Password changed."),
            rx.set_value("current", ""),
            rx.set_value("new", ""),
            rx.set_value("confirm", ""),
        ]
