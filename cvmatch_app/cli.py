"""Admin commands for people who run CVMatch: users, API keys, credits, plans and migrations.

    python -m cvmatch_app.cli create-user EMAIL --password PW [--plan free|starter|api] [--credits N]
    python -m cvmatch_app.cli create-key EMAIL [--name NAME] [--scopes match:execute]
    python -m cvmatch_app.cli grant-credits EMAIL N
    python -m cvmatch_app.cli list-keys EMAIL | revoke-key EMAIL KEY_ID | set-plan EMAIL PLAN
    python -m cvmatch_app.cli list-users | migrate

Every command applies pending migrations first. Errors go to stderr with exit code 1.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Sequence

from cvmatch_app.db.migrate import upgrade_to_head
from cvmatch_app.db.models import User, saved_id
from cvmatch_app.db.session import session_scope
from cvmatch_app.services import accounts, credits, keys
from cvmatch_app.services.errors import ServiceError


def _create_user(args: argparse.Namespace) -> None:
    with session_scope(write=True) as session:
        user = accounts.create_user(
            session, email=args.email, password=args.password, plan=args.plan, credits_grant=args.credits
        )
        print(f"Created {user.email} (plan {user.plan}, {user.credits} credits).")


def _create_key(args: argparse.Namespace) -> None:
    with session_scope(write=True) as session:
        user = accounts.get_user_by_email(session, args.email)
        key, secret = keys.create_key(session, user_id=saved_id(user), name=args.name, scopes=args.scopes)
    print(f"API key {key.id} '{key.name}' for {user.email} (scopes {key.scopes}). It is shown only once:")
    print(secret)


def _grant_credits(args: argparse.Namespace) -> None:
    if args.credits == 0:
        raise ServiceError("Grant a non-zero number of credits.")
    with session_scope(write=True) as session:
        user = accounts.get_user_by_email(session, args.email)
        credits.book(
            session,
            user_id=saved_id(user),
            delta=args.credits,
            reason="admin",
            reference=f"admin:{uuid.uuid4()}",
            note=args.note,
        )
        print(f"{user.email} now has {credits.balance(session, saved_id(user))} credits.")


def _list_keys(args: argparse.Namespace) -> None:
    with session_scope() as session:
        user = accounts.get_user_by_email(session, args.email)
        rows = keys.list_keys(session, user_id=saved_id(user), include_revoked=True)
    if not rows:
        print(f"{user.email} has no API keys.")
    for key in rows:
        state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
        used = f"{key.last_used_at:%Y-%m-%d %H:%M}" if key.last_used_at else "never"
        created = f"{key.created_at:%Y-%m-%d}"
        shown = f"{key.prefix}…{key.last4}"
        print(f"{key.id}\t{key.name}\t{shown}\t{key.scopes}\tcreated {created}\tlast used {used}\t{state}")


def _revoke_key(args: argparse.Namespace) -> None:
    with session_scope(write=True) as session:
        user = accounts.get_user_by_email(session, args.email)
        key = keys.revoke_key(session, user_id=saved_id(user), key_id=args.key_id)
    print(f"Revoked key {key.id} '{key.name}' ({key.prefix}…{key.last4}).")


def _set_plan(args: argparse.Namespace) -> None:
    with session_scope(write=True) as session:
        user = accounts.get_user_by_email(session, args.email)
        accounts.set_plan(session, user_id=saved_id(user), plan=args.plan)
    print(f"{user.email} is now on the {args.plan} plan.")


def _list_users(_: argparse.Namespace) -> None:
    from sqlmodel import col, select

    with session_scope() as session:
        for user in session.exec(select(User).order_by(col(User.id))):
            print(f"{user.id}\t{user.email}\t{user.plan}\t{user.credits} credits")


def _migrate(_: argparse.Namespace) -> None:
    """Run by scripts/start.sh before the app starts, so a wrong setting stops it with a clear message."""
    from cvmatch_app.config import get_settings
    from cvmatch_app.services.engines import scoring_engine

    try:
        get_settings().effective_secret_key()
        engine = scoring_engine()
    except ValueError as exc:
        raise ServiceError(f"configuration: {exc}") from exc
    print(f"Database is up to date. Scoring engine: {engine.name}{f' ({engine.model})' if engine.model else ''}.")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cvmatch_app.cli", description="CVMatch administration")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("create-user", help="create an account")
    p.add_argument("email")
    p.add_argument("--password", required=True)
    p.add_argument("--plan", default="free", choices=accounts.PLANS)
    p.add_argument("--credits", type=int, default=None, help="signup credits (default: CVMATCH_SIGNUP_CREDITS)")
    p.set_defaults(func=_create_user)

    p = sub.add_parser("create-key", help="create an API key; the key is printed alone on the last line")
    p.add_argument("email")
    p.add_argument("--name", default="CLI key")
    p.add_argument("--scopes", default=keys.SCOPE_EXECUTE, help="match:execute (default) or match:read")
    p.set_defaults(func=_create_key)

    p = sub.add_parser("grant-credits", help="add (or with a negative N remove) credits")
    p.add_argument("email")
    p.add_argument("credits", type=int)
    p.add_argument("--note", default="granted by an administrator")
    p.set_defaults(func=_grant_credits)

    p = sub.add_parser("list-keys", help="list an account's API keys")
    p.add_argument("email")
    p.set_defaults(func=_list_keys)

    p = sub.add_parser("revoke-key", help="revoke an API key at once")
    p.add_argument("email")
    p.add_argument("key_id", type=int)
    p.set_defaults(func=_revoke_key)

    p = sub.add_parser("set-plan", help="move an account to another plan")
    p.add_argument("email")
    p.add_argument("plan", choices=accounts.PLANS)
    p.set_defaults(func=_set_plan)

    sub.add_parser("list-users", help="list accounts").set_defaults(func=_list_users)
    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=_migrate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        upgrade_to_head()
        args.func(args)
    except ServiceError as exc:
        print(f"error: {exc.detail}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
