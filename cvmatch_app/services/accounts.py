"""Accounts: sign-up, passwords (argon2id), plans and JWTs for the browser and /api/credits."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from cvmatch_app.config import get_settings
from cvmatch_app.db.models import User, saved_id
from cvmatch_app.plans import DEFAULT_PLAN, PLAN_NAMES
from cvmatch_app.services import credits, login_guard, security_log
from cvmatch_app.services.errors import BadRequest, Conflict, NotFound, Unauthorized

PLANS = PLAN_NAMES
MIN_PASSWORD_LENGTH = 8
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()  # argon2id with the library's recommended parameters


def normalise_email(email: str) -> str:
    return email.strip().lower()


def validate_plan(plan: str) -> str:
    if plan not in PLANS:
        raise BadRequest(f"Unknown plan '{plan}': choose one of {', '.join(PLANS)}.")
    return plan


def create_user(
    session: Session, *, email: str, password: str, plan: str = DEFAULT_PLAN, credits_grant: int | None = None
) -> User:
    """Create an account with its signup credits (the configured free credits unless given)."""
    email = normalise_email(email)
    if not _EMAIL.match(email):
        raise BadRequest(f"'{email}' is not an email address.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BadRequest(f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters.")
    validate_plan(plan)
    if session.exec(select(User).where(User.email == email)).first():
        raise Conflict(f"An account for {email} already exists: log in instead.")
    user = User(email=email, password_hash=_hasher.hash(password), plan=plan, credits=0)
    session.add(user)
    session.flush()
    grant = get_settings().signup_credits if credits_grant is None else credits_grant
    if grant:
        credits.book(session, user_id=saved_id(user), delta=grant, reason="signup", reference=f"user:{user.id}")
    return user


def get_user_by_email(session: Session, email: str) -> User:
    user = session.exec(select(User).where(User.email == normalise_email(email))).first()
    if user is None:
        raise NotFound(f"No account for {normalise_email(email)}.")
    return user


def authenticate(session: Session, *, email: str, password: str, address: str = "") -> User:
    """The account for these credentials; 401 if wrong. Failed attempts are limited per client
    address and per account (see ``login_guard``), and an unknown email costs the same work."""
    email = normalise_email(email)
    login_guard.check(email, address)
    user = session.exec(select(User).where(User.email == email)).first()
    # One argon2 verification either way, so that an unknown email answers in the same time.
    matches = _verify(user.password_hash if user else login_guard.dummy_hash(_hasher), password)
    if user is None or not matches:
        login_guard.record_failure(email, address)
        security_log.event(
            "login_failed", account_id=user.id if user else None, email=security_log.pseudonym(email), address=address
        )
        raise Unauthorized("Wrong email or password.")
    login_guard.record_success(email, address)
    return user


def change_password(session: Session, *, user_id: int, current: str, new: str) -> User:
    """Set a new password and end every earlier session (issue a new token to the one that asked)."""
    user = session.get(User, user_id)
    if user is None or not _verify(user.password_hash, current):
        raise Unauthorized("Your current password is not right.")
    if len(new) < MIN_PASSWORD_LENGTH:
        raise BadRequest(f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters.")
    user.password_hash = _hasher.hash(new)
    user.token_version += 1
    session.add(user)
    session.flush()
    return user


def end_sessions(session: Session, *, user_id: int) -> None:
    """Log out everywhere: every JWT issued so far stops working (API keys are not touched)."""
    user = session.get(User, user_id)
    if user is not None:
        user.token_version += 1
        session.add(user)


def set_plan(session: Session, *, user_id: int, plan: str) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("No such account.")
    user.plan = validate_plan(plan)
    session.add(user)
    return user


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def issue_token(user: User) -> str:
    """A JWT for the browser session and for GET /api/credits/balance."""
    settings = get_settings()
    now = datetime.now(UTC)
    claims = {
        "sub": str(user.id),
        "email": user.email,
        "ver": user.token_version,
        "iat": now,
        "exp": now + timedelta(minutes=settings.jwt_ttl_minutes),
    }
    return jwt.encode(claims, settings.effective_secret_key(), algorithm="HS256")


INVALID_TOKEN = "Invalid or missing token: log in to get a new one."


def user_from_token(session: Session, token: str) -> User:
    """The token's account; 401 if the token is forged, expired, has no expiry, or was ended by a
    log-out or a password change (its version is older than the account's)."""
    try:
        claims = jwt.decode(
            token,
            get_settings().effective_secret_key(),
            algorithms=["HS256"],
            options={"require": ["exp", "sub", "ver"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthorized("Your session has expired: log in again.") from exc
    except jwt.PyJWTError as exc:
        raise Unauthorized(INVALID_TOKEN) from exc
    subject = claims["sub"]
    if not isinstance(subject, str) or not (subject.isascii() and subject.isdigit()) or len(subject) > 18:
        raise Unauthorized(INVALID_TOKEN)
    user = session.get(User, int(subject))
    if user is None:
        raise Unauthorized("This account no longer exists.")
    if claims["ver"] != user.token_version:
        raise Unauthorized("This session was ended by a log-out or a password change: log in again.")
    return user
