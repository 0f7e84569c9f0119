"""The admin CLI, run as an operator would run it."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx

from tests.support.server import ROOT


def cli(data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CVMATCH_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "cvmatch_app.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_create_user_key_credits_and_revoke(tmp_path):
    created = cli(
        tmp_path,
        "create-user",
        "Ops@Example.test",
        "--password",
        "long enough pw",
        "--plan",
        "starter",
        "--credits",
        "5",
    )
    assert created.returncode == 0, created.stderr
    assert "ops@example.test" in created.stdout and "5 credits" in created.stdout

    key = cli(tmp_path, "create-key", "ops@example.test", "--name", "ATS", "--scopes", "match:read")
    assert key.returncode == 0, key.stderr
    secret = key.stdout.strip().splitlines()[-1]
    assert secret.startswith("cvm_") and len(secret) == 40 and " " not in secret

    granted = cli(tmp_path, "grant-credits", "ops@example.test", "20")
    assert granted.returncode == 0 and "25 credits" in granted.stdout

    listed = cli(tmp_path, "list-keys", "ops@example.test")
    assert "ATS" in listed.stdout and secret[-4:] in listed.stdout and secret not in listed.stdout
    key_id = listed.stdout.split("\t")[0]
    revoked = cli(tmp_path, "revoke-key", "ops@example.test", key_id)
    assert revoked.returncode == 0
    assert "revoked" in cli(tmp_path, "list-keys", "ops@example.test").stdout


def test_clear_errors(tmp_path):
    assert cli(tmp_path, "create-user", "a@example.test", "--password", "long enough pw").returncode == 0
    duplicate = cli(tmp_path, "create-user", "A@example.test", "--password", "long enough pw")
    assert duplicate.returncode == 1 and "already exists" in duplicate.stderr
    unknown = cli(tmp_path, "create-key", "nobody@example.test")
    assert unknown.returncode == 1 and "No account for nobody@example.test" in unknown.stderr
    bad_plan = cli(tmp_path, "create-user", "b@example.test", "--password", "long enough pw", "--plan", "gold")
    assert bad_plan.returncode == 2 and "invalid choice" in bad_plan.stderr
    bad_scope = cli(tmp_path, "create-key", "a@example.test", "--scopes", "admin")
    assert bad_scope.returncode == 1 and "Unknown scope admin" in bad_scope.stderr


def test_key_made_by_the_cli_works_against_the_api(api_server):
    from tests.conftest import DATA_DIR

    assert cli(DATA_DIR, "create-user", "cli-api@example.test", "--password", "long enough pw").returncode == 0
    secret = cli(DATA_DIR, "create-key", "cli-api@example.test").stdout.strip().splitlines()[-1]
    assert httpx.get(f"{api_server.url}/api/match", headers={"X-API-Key": secret}).status_code == 200


def test_start_refuses_a_wrong_configuration_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("CVMATCH_ENGINE", "claude")
    no_key = cli(tmp_path, "migrate")
    assert no_key.returncode == 1 and "ANTHROPIC_API_KEY" in no_key.stderr
    monkeypatch.setenv("CVMATCH_ENGINE", "local")
    monkeypatch.setenv("CVMATCH_ENV", "production")
    monkeypatch.setenv("CVMATCH_SECRET_KEY", "changeme")
    placeholder = cli(tmp_path, "migrate")
    assert placeholder.returncode == 1 and "placeholder" in placeholder.stderr
