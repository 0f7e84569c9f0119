"""Log-in tokens and the credit balance (a JWT endpoint, as the seed says)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from cvmatch_app.api.deps import JwtUser, in_session
from cvmatch_app.services import accounts, credits
from cvmatch_app.services.errors import BadRequest

router = APIRouter(prefix="/api", tags=["account"])


@router.post("/auth/token", summary="Exchange email and password for a JWT")
async def issue_token(request: Request) -> dict[str, Any]:
    """Takes JSON `{"email", "password"}` or a form with `email`/`username` and `password`."""
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            body = await request.json()
        except ValueError as exc:
            raise BadRequest('The body is not valid JSON: send {"email": ..., "password": ...}.') from exc
    else:
        body = dict(await request.form())
    email = str(body.get("email") or body.get("username") or "")
    password = str(body.get("password") or "")
    if not email or not password:
        raise BadRequest("Send your email and password to get a token.")
    user = await in_session(lambda s: accounts.authenticate(s, email=email, password=password))
    return {"access_token": accounts.issue_token(user), "token_type": "bearer"}


@router.get("/credits/balance", summary="Your credit balance and plan (JWT)")
async def credit_balance(user: JwtUser) -> dict[str, Any]:
    balance = await in_session(lambda s: credits.balance(s, user.id))
    return {"balance": balance, "credits": balance, "plan": user.plan}
