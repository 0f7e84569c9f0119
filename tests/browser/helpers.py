"""What a recruiter does in the browser, as small steps the tests share."""

from __future__ import annotations

import uuid
from pathlib import Path

from playwright.sync_api import Page, expect
from sqlalchemy import Engine

from cvmatch_app.db.session import make_engine
from tests.support.factories import PASSWORD

MATCH_HEADING = "Match CVs to a job"
WAIT_MS = 30_000


def web_db(data_dir: Path) -> Engine:
    """The web server's own SQLite file, for setting up accounts and jobs the way an admin would."""
    return make_engine(f"sqlite:///{Path(data_dir) / 'cvmatch.db'}")


def new_email() -> str:
    return f"recruiter-{uuid.uuid4().hex[:10]}@example.test"


def sign_up(page: Page, base: str, email: str | None = None, password: str = PASSWORD) -> str:
    email = email or new_email()
    page.goto(base + "/signup")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password (at least 8 characters)").fill(password)
    page.get_by_label("Repeat the password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name=MATCH_HEADING)).to_be_visible(timeout=WAIT_MS)
    return email


def log_in(page: Page, base: str, email: str, password: str = PASSWORD) -> None:
    page.goto(base + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=MATCH_HEADING)).to_be_visible(timeout=WAIT_MS)


def cv_input(page: Page):  # type: ignore[no-untyped-def]
    """The hidden file input of the CV drop zone (what a drop or a click on it fills)."""
    return page.locator("#cvs input[type=file]")


def drop_jd(page: Page, file: dict) -> None:
    page.locator("#jd input[type=file]").set_input_files([file])


def drop_cvs(page: Page, files: list[dict]) -> None:
    cv_input(page).set_input_files(files)


def as_file(name: str, data: bytes | str, mime: str = "text/plain") -> dict:
    return {"name": name, "mimeType": mime, "buffer": data.encode() if isinstance(data, str) else data}


def nav_balance(page: Page) -> int:
    return int(page.locator("#nav-balance").inner_text().split()[0])


def select_option(page: Page, trigger_id: str, option: str) -> None:
    page.locator(f"#{trigger_id}").click()
    page.get_by_role("option", name=option, exact=True).click()


def card_names(page: Page) -> list[str]:
    return [name.strip() for name in page.locator(".cv-card .cv-name").all_inner_texts()]


def card_scores(page: Page) -> list[int]:
    return [int(score) for score in page.locator(".cv-card .cv-score").all_inner_texts()]
