"""Log-in tokens and the credit balance (a JWT endpoint, as the API contract says)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from cvmatch_app.api.bodies import PasswordChangeRequest, TokenRequest, read_token_request
from cvmatch_app.api.deps import JwtUser, in_session
from cvmatch_app.api.schemas import BalanceResponse, LogoutResponse, TokenResponse, errors
from cvmatch_app.db.models import saved_id
from cvmatch_app.services import accounts, credits, login_guard

router = APIRouter(prefix="/api", tags=["account"])


@router.post(
    "/auth/token",
    summary="Exchange email and password for a JWT",
    response_model=TokenResponse,
    response_model_exclude_unset=True,
    responses=errors(400, 401, 429),
    openapi_extra={"requestBody": {"content": {"application/json": {"schema": TokenRequest.model_json_schema()}}}},
)
async def issue_token(request: Request) -> dict[str, Any]:
    """Takes JSON `{"email", "password"}` or a form with `email`/`username` and `password`."""
    body = await read_token_request(request)
    address = login_guard.client_address(
        request.client.host if request.client else "", request.headers.get("x-forwarded-for", "")
    )
    user = await in_session(
        lambda s: accounts.authenticate(s, email=body.email, password=body.password, address=address)
    )
    request.state.account_id = user.id  # for the access log
    return {"access_token": accounts.issue_token(user), "token_type": "bearer"}


@router.post(
    "/auth/logout",
    summary="End every session of this account (JWT)",
    response_model=LogoutResponse,
    response_model_exclude_unset=True,
    responses=errors(401),
)
async def log_out(user: JwtUser) -> dict[str, str]:
    """Every JWT issued to this account so far stops working; API keys keep working."""
    await in_session(lambda s: accounts.end_sessions(s, user_id=saved_id(user)), write=True)
    return {"status": "logged_out"}


@router.post(
    "/auth/password",
    summary="Change your password; ends every earlier session (JWT)",
    response_model=TokenResponse,
    response_model_exclude_unset=True,
    responses=errors(400, 401),
)
async def change_password(body: PasswordChangeRequest, user: JwtUser) -> dict[str, str]:
    """Earlier JWTs stop working; the answer carries a new token for the caller."""
    changed = await in_session(
        lambda s: accounts.change_password(
            s, user_id=saved_id(user), current=body.current_password, new=body.new_password
        ),
        write=True,
    )
    return {"access_token": accounts.issue_token(changed), "token_type": "bearer"}


@router.get(
    "/credits/balance",
    summary="Your credit balance and plan (JWT)",
    response_model=BalanceResponse,
    response_model_exclude_unset=True,
    responses=errors(401),
)
async def credit_balance(user: JwtUser) -> dict[str, Any]:
    balance = await in_session(lambda s: credits.balance(s, saved_id(user)))
    return {"balance": balance, "credits": balance, "plan": user.plan}
