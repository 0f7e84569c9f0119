"""Item 2: many keys on one account share one per-account rate limit; at most 20 active keys."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from cvmatch_app.config import get_settings
from cvmatch_app.db.session import session_scope
from cvmatch_app.services import keys
from cvmatch_app.services.errors import BadRequest
from tests.support.factories import make_account, make_key


def test_keys_of_one_account_share_the_account_limit(api_server):
    per_account = get_settings().account_rate_limit_per_minute
    per_key = get_settings().rate_limit_per_minute
    account = make_account()
    spare_keys = [make_key(account.user_id) for _ in range(per_account // per_key + 1)]
    every_key = [account.key, *spare_keys]
    assert len(every_key) * per_key > per_account  # without the account limit, all would pass

    def get(index: int) -> httpx.Response:
        key = every_key[index % len(every_key)]
        return httpx.get(f"{api_server.url}/api/match", headers={"X-API-Key": key}, timeout=30)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(get, range(per_account)))
    assert [a.status_code for a in answers].count(200) == per_account
    over = get(per_account)
    assert over.status_code == 429
    assert "per account" in over.json()["detail"]
    assert int(over.headers["Retry-After"]) >= 1
    assert over.headers["X-RateLimit-Limit"] == str(per_account)
    assert over.headers["X-RateLimit-Remaining"] == "0"
    other = make_account()
    assert httpx.get(f"{api_server.url}/api/match", headers=other.headers, timeout=30).status_code == 200


def test_an_account_has_at_most_twenty_active_keys():
    account = make_account()  # one key already
    for _ in range(keys.MAX_ACTIVE_KEYS_PER_ACCOUNT - 1):
        make_key(account.user_id)
    with pytest.raises(BadRequest) as refused:
        make_key(account.user_id)
    assert refused.value.status_code == 400 and "at most 20 active API keys" in refused.value.detail
    cli = subprocess.run(
        [sys.executable, "-m", "cvmatch_app.cli", "create-key", account.email], capture_output=True, text=True
    )
    assert cli.returncode != 0 and "at most 20 active API keys" in cli.stdout + cli.stderr
    with session_scope(write=True) as session:
        first = keys.list_keys(session, user_id=account.user_id)[-1]
        keys.revoke_key(session, user_id=account.user_id, key_id=first.id)
    assert make_key(account.user_id).startswith(keys.KEY_PREFIX)  # room again after a revocation
