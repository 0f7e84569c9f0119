"""The browser session: a JWT kept in localStorage (survives reloads, shared by tabs), checked on every page."""

from __future__ import annotations

from urllib.parse import quote

import reflex as rx
from sqlmodel import Session

from cvmatch_app.db.models import User, saved_id
from cvmatch_app.services import accounts, credits
from cvmatch_app.services.errors import ServiceError
from cvmatch_app.state.db import in_db

LOGIN_ROUTE = "/login"
HOME_ROUTE = "/"


class AuthState(rx.State):
    """Who is logged in, as the navigation shows it. The token is the only credential the browser holds."""

    token: str = rx.LocalStorage("", name="cvmatch_session", sync=True)
    email: str = ""
    plan: str = ""
    balance: int = 0
    form_error: str = ""
    busy: bool = False

    @rx.var
    def logged_in(self) -> bool:
        return bool(self.email)

    async def current_user_id(self) -> int | None:
        """The user behind the token, checked against the signature and the database; None if not valid."""
        token = self.token
        if not token:
            return None
        try:
            user = await in_db(lambda s: accounts.user_from_token(s, token))
        except ServiceError:
            return None
        return user.id

    async def _load_user(self) -> bool:
        token = self.token
        if not token:
            self._forget()
            return False
        try:
            user, balance = await in_db(lambda s: _user_and_balance(s, token))
        except ServiceError:
            self._forget()
            return False
        self.email, self.plan, self.balance = user.email, user.plan, balance
        return True

    def _forget(self) -> None:
        self.token = ""
        self.email = ""
        self.plan = ""
        self.balance = 0

    @rx.event
    async def require_login(self):
        """on_load of every private page: send a visitor without a valid session to the log-in page."""
        if not await self._load_user():
            path = self.router.url.path or HOME_ROUTE
            target = LOGIN_ROUTE if path.rstrip("/") in ("", HOME_ROUTE) else f"{LOGIN_ROUTE}?next={quote(path)}"
            return rx.redirect(target, replace=True)

    @rx.event
    async def skip_if_logged_in(self):
        """on_load of the log-in and sign-up pages."""
        self.form_error = ""
        if await self._load_user():
            return rx.redirect(self._next_page(), replace=True)

    def _next_page(self) -> str:
        """Where the visitor was going before the log-in page (a local path only, never another site)."""
        wanted = self.router.url.query_parameters.get("next", "")
        return wanted if wanted.startswith("/") and not wanted.startswith("//") and "\\" not in wanted else HOME_ROUTE

    @rx.event
    async def log_in(self, form: dict):
        email, password = str(form.get("email", "")), str(form.get("password", ""))
        if not email.strip() or not password:
            self.form_error = "Enter your email and your password."
            return
        self.busy = True
        yield
        try:
            address = self.router.session.client_ip  # Reflex applies CVMATCH_TRUSTED_PROXY_HOPS itself
            user = await in_db(lambda s: accounts.authenticate(s, email=email, password=password, address=address))
        except ServiceError as exc:
            self.form_error = exc.detail
            self.busy = False
            return
        self.busy = False
        self._start_session(user)
        yield rx.redirect(self._next_page())

    @rx.event
    async def sign_up(self, form: dict):
        email, password = str(form.get("email", "")), str(form.get("password", ""))
        if password != str(form.get("confirm", "")):
            self.form_error = "The two passwords are not the same."
            return
        self.busy = True
        yield
        try:
            user = await in_db(lambda s: accounts.create_user(s, email=email, password=password), write=True)
        except ServiceError as exc:
            self.form_error = exc.detail
            self.busy = False
            return
        self.busy = False
        self._start_session(user)
        yield rx.redirect(HOME_ROUTE)
        yield rx.toast.success(f"Welcome! Your account has {user.credits} free credits.")

    def _start_session(self, user: User) -> None:
        self.token = accounts.issue_token(user)
        self.email, self.plan, self.balance = user.email, user.plan, user.credits
        self.form_error = ""

    @rx.event
    async def log_out(self):
        """End the session on the server too: every token issued to the account stops working."""
        user_id = await self.current_user_id()
        if user_id is not None:
            await in_db(lambda s: accounts.end_sessions(s, user_id=user_id), write=True)
        self._forget()
        return rx.redirect(LOGIN_ROUTE)

    def renew_session(self, user: User) -> None:
        """After a password change ended the earlier tokens: this tab carries on with a new one."""
        self._start_session(user)


def _user_and_balance(session: Session, token: str) -> tuple[User, int]:
    user = accounts.user_from_token(session, token)
    return user, credits.balance(session, saved_id(user))
