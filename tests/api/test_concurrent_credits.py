"""Two submissions can never spend the same credits: on SQLite and on PostgreSQL, over HTTP."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlmodel import Session

from cvmatch_app.services import credits
from tests.api.helpers import submit
from tests.conftest import DATA_DIR, POSTGRES_URL
from tests.support.factories import NURSE_CV, NURSE_JD, make_account, make_key, txt
from tests.support.postgres import create_database, drop_database, migrated_engine
from tests.support.server import AppServer


@pytest.fixture(scope="module")
def postgres_server():
    database_url = create_database(POSTGRES_URL)
    engine = migrated_engine(database_url)
    server = AppServer(Path(DATA_DIR) / "pg-server", env={"CVMATCH_DATABASE_URL": database_url}).start()
    yield server, engine
    server.stop()
    engine.dispose()
    drop_database(POSTGRES_URL, database_url)


def _two_ten_cv_jobs_at_once(url: str, headers: list[dict[str, str]]) -> Counter[int]:
    cvs = [txt(f"cv{i}.txt", NURSE_CV + f"\nref {i}") for i in range(10)]
    with ThreadPoolExecutor(2) as pool:
        responses = list(pool.map(lambda h: submit(url, h, cvs, jd_text=NURSE_JD), headers))
    return Counter(r.status_code for r in responses)


def _fifty_one_cv_jobs_at_once(url: str, headers: list[dict[str, str]]) -> Counter[int]:
    with ThreadPoolExecutor(25) as pool:
        responses = list(
            pool.map(
                lambda i: submit(url, headers[i % len(headers)], [txt("cv.txt", NURSE_CV)], jd_text=NURSE_JD), range(50)
            )
        )
    return Counter(r.status_code for r in responses)


def _keys(account, bind=None) -> list[dict[str, str]]:
    extra = [make_key(account.user_id, bind=bind) for _ in range(3)]
    return [account.headers] + [{"X-API-Key": key} for key in extra]


def test_sqlite_balance_10_two_10_cv_jobs_one_succeeds(api_server):
    account = make_account(plan="starter", credits=10)
    outcome = _two_ten_cv_jobs_at_once(api_server.url, [account.headers, account.headers])
    assert outcome == Counter({200: 1, 402: 1})


def test_sqlite_balance_25_fifty_1_cv_jobs_exactly_25_succeed(api_server):
    from cvmatch_app.db.session import session_scope

    account = make_account(credits=25)
    outcome = _fifty_one_cv_jobs_at_once(api_server.url, _keys(account))
    assert outcome == Counter({200: 25, 402: 25})
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 0 == credits.ledger_sum(session, account.user_id)


@pytest.mark.postgres
def test_postgres_balance_10_two_10_cv_jobs_one_succeeds(postgres_server):
    server, engine = postgres_server
    account = make_account(plan="starter", credits=10, bind=engine)
    assert _two_ten_cv_jobs_at_once(server.url, [account.headers, account.headers]) == Counter({200: 1, 402: 1})


@pytest.mark.postgres
def test_postgres_balance_25_fifty_1_cv_jobs_exactly_25_succeed(postgres_server):
    server, engine = postgres_server
    account = make_account(credits=25, bind=engine)
    outcome = _fifty_one_cv_jobs_at_once(server.url, _keys(account, bind=engine))
    assert outcome == Counter({200: 25, 402: 25})
    with Session(engine) as session:
        assert credits.balance(session, account.user_id) == 0 == credits.ledger_sum(session, account.user_id)
