"""Request dependencies: API-key and JWT authentication, rate limits, database sessions."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from cvmatch_app.db.models import User, saved_id
from cvmatch_app.db.session import in_session
from cvmatch_app.services import accounts, keys, limits
from cvmatch_app.services.errors import Unauthorized
from cvmatch_app.services.keys import KeyPrincipal


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


async def api_key_principal(request: Request, response: Response) -> KeyPrincipal:
    """The API key from X-API-Key (preferred) or Authorization: Bearer, rate-limited per key."""
    secret = request.headers.get("x-api-key") or _bearer(request)
    principal = await in_session(lambda session: keys.authenticate_key(session, secret))
    if keys.needs_use_recorded(principal.key):
        await in_session(lambda session: keys.record_use(session, saved_id(principal.key)), write=True)
    request.state.account_id = principal.user.id  # for the access log
    status = limits.hit_key_and_account(key_id=saved_id(principal.key), user_id=saved_id(principal.user))
    request.state.rate_limit_headers = status.headers()
    response.headers.update(status.headers())
    return principal


async def jwt_user(request: Request) -> User:
    token = _bearer(request)
    if not token:
        raise Unauthorized(
            "This endpoint needs a login token (JWT), not an API key: get one from POST /api/auth/token "
            "and send it as 'Authorization: Bearer <token>'."
        )
    if token.startswith(keys.KEY_PREFIX):
        raise Unauthorized(
            "API keys are not accepted here: this endpoint needs a login token from POST /api/auth/token."
        )
    user = await in_session(lambda session: accounts.user_from_token(session, token))
    request.state.account_id = user.id  # for the access log
    return user


ApiPrincipal = Annotated[KeyPrincipal, Depends(api_key_principal)]
JwtUser = Annotated[User, Depends(jwt_user)]
