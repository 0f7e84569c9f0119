"""Settings: working defaults, a generated secret kept in the data dir, placeholders refused in production."""

from __future__ import annotations

import pytest

from cvmatch_app.config import Settings


def test_defaults_work_with_no_variables(tmp_path, monkeypatch):
    for name in ("CVMATCH_PORT", "CVMATCH_DATABASE_URL", "CVMATCH_SECRET_KEY", "CVMATCH_ENGINE"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(data_dir=tmp_path)
    assert settings.port == 3000
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'cvmatch.db'}"
    assert settings.engine == "local"
    assert [settings.batch_limit(plan) for plan in ("free", "starter", "api")] == [10, 20, 25]


def test_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("CVMATCH_SECRET_KEY", raising=False)
    first = Settings(data_dir=tmp_path).effective_secret_key()
    again = Settings(data_dir=tmp_path).effective_secret_key()
    assert first == again and len(first) >= 32
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_placeholder_secret_refused_in_production(tmp_path):
    with pytest.raises(ValueError, match="placeholder"):
        Settings(data_dir=tmp_path, env="production", secret_key="changeme").effective_secret_key()
    assert Settings(data_dir=tmp_path, env="development", secret_key="changeme").effective_secret_key() == "changeme"


def test_postgres_url_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CVMATCH_DATABASE_URL", "postgresql://u@db/cv")
    assert Settings(data_dir=tmp_path).effective_database_url == "postgresql://u@db/cv"


def test_claude_servers_score_as_many_cvs_at_once_as_claude_calls_allowed(tmp_path, monkeypatch):
    monkeypatch.delenv("CVMATCH_RUNNER_CONCURRENCY", raising=False)
    assert Settings(data_dir=tmp_path).effective_runner_concurrency == 4
    claude = Settings(data_dir=tmp_path, engine="claude", claude_concurrency=8)
    assert claude.effective_runner_concurrency == 8
    monkeypatch.setenv("CVMATCH_RUNNER_CONCURRENCY", "2")
    assert Settings(data_dir=tmp_path, engine="claude").effective_runner_concurrency == 2
