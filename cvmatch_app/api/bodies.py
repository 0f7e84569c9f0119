"""Declared request bodies: a body of the wrong shape is a 400 with what to send, never a 500."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cvmatch_app.services.errors import BadRequest

MAX_EMAIL_CHARS = 320
MAX_PASSWORD_CHARS = 1024  # argon2 hashes any length; a bound keeps a megabyte "password" out


class TokenRequest(BaseModel):
    """`POST /api/auth/token`: JSON, or a form with `username` (OAuth2's name for it) and `password`."""

    model_config = ConfigDict(populate_by_name=True, str_strip_whitespace=False)

    email: str = Field(min_length=1, max_length=MAX_EMAIL_CHARS, validation_alias="email")
    password: str = Field(min_length=1, max_length=MAX_PASSWORD_CHARS)


class CheckoutRequest(BaseModel):
    """`POST /api/billing/checkout`."""

    pack_id: str = Field(min_length=1, max_length=40, description="A pack id from GET /api/credits/packs")


class PasswordChangeRequest(BaseModel):
    """`POST /api/auth/password`."""

    current_password: str = Field(min_length=1, max_length=MAX_PASSWORD_CHARS)
    new_password: str = Field(min_length=1, max_length=MAX_PASSWORD_CHARS)


def _problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors())


async def read_token_request(request: Request) -> TokenRequest:
    """The log-in body from JSON or a form; anything else (a list, a string, null) is a 400."""
    content_type = request.headers.get("content-type", "")
    body: Any
    if content_type.startswith("application/json"):
        try:
            body = await request.json()
        except ValueError as exc:
            raise BadRequest('The body is not valid JSON: send {"email": ..., "password": ...}.') from exc
    else:
        body = dict(await request.form())
        if "email" not in body and "username" in body:
            body["email"] = body.pop("username")
    if not isinstance(body, dict):
        raise BadRequest('Send a JSON object: {"email": "you@company.com", "password": "..."}.')
    if isinstance(body.get("username"), str) and "email" not in body:
        body["email"] = body["username"]
    if not body.get("email") or not body.get("password"):
        raise BadRequest("Send your email and password to get a token.")
    try:
        return TokenRequest.model_validate({"email": body.get("email"), "password": body.get("password")})
    except ValidationError as exc:
        raise BadRequest(f'Send {{"email": "...", "password": "..."}} as strings ({_problems(exc)}).') from exc
