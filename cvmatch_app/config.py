"""One settings object for the whole app: every value has a working default (CVMATCH_* variables)."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from cvmatch_app.plans import DEFAULT_PLAN, batch_limit, is_plan

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev", "placeholder", "CHANGE_ME"}


class CreditPack(BaseModel):
    """A credit pack sold through Stripe Checkout; `plan` is the plan it grants (at least Starter)."""

    id: str = Field(pattern=r"^[a-z0-9_\-]{1,40}$")
    credits: int = Field(gt=0)
    amount_cents: int = Field(gt=0, description="Price in the currency's smallest unit")
    currency: str = Field("usd", pattern=r"^[a-z]{3}$")
    plan: str = Field("starter", description="Plan a purchase moves the buyer up to (never down)")

    @field_validator("plan")
    @classmethod
    def _known_plan(cls, plan: str) -> str:
        if not is_plan(plan) or plan == DEFAULT_PLAN:
            raise ValueError(f"a pack grants 'starter' or 'api', not {plan!r}")
        return plan


DEFAULT_CREDIT_PACKS = [
    CreditPack(id="pack_100", credits=100, amount_cents=100),
    CreditPack(id="pack_500", credits=500, amount_cents=400),
    CreditPack(id="pack_1000", credits=1000, amount_cents=700),
]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CVMATCH_", extra="ignore")

    env: str = Field("development", description="'production' refuses a placeholder secret key")
    port: int = 3000
    public_url: str = Field("", description="Where users reach this server; default http://localhost:PORT")
    data_dir: Path = PROJECT_ROOT / "data"
    database_url: str = Field("", description="PostgreSQL URL; empty means the SQLite file in data_dir")
    redis_url: str = Field("", description="Redis URL; empty keeps rate limits and jobs in process")
    secret_key: str = Field("", description="Signs JWTs and keys the API-key hashes")

    engine: str = Field("local", description="'local' (embedded, default) or 'claude'")
    claude_model: str = Field("claude-haiku-4-5", description="Anthropic model id (Haiku: a CV costs under a credit)")
    anthropic_api_key: str = Field("", validation_alias=AliasChoices("ANTHROPIC_API_KEY", "CVMATCH_ANTHROPIC_API_KEY"))
    anthropic_base_url: str = Field("", validation_alias=AliasChoices("CVMATCH_ANTHROPIC_BASE_URL"))
    claude_concurrency: int = Field(8, ge=1, description="Claude calls in flight at once in one process")
    claude_account_concurrency: int = Field(
        16, ge=1, description="Claude calls in flight at once for one API key across processes (needs Redis)"
    )
    claude_deadline_seconds: float = Field(90.0, gt=0, description="All of one CV's Claude calls and waits")
    claude_timeout_seconds: float = Field(30.0, gt=0, description="One Claude call")
    claude_max_tokens: int = Field(1500, ge=256, description="Output tokens allowed for one assessment")
    claude_fallback: Literal["local", "fail"] = Field(
        "local", description="When Claude fails for a CV: score it with the local engine, or fail it and refund"
    )
    claude_disagreement_points: int = Field(30, ge=1, description="Claude vs local gap that flags engines_disagree")
    claude_injection_margin: int = Field(
        10, ge=0, description="Points Claude may score above the local engine on a CV with an injection attempt"
    )
    claude_batch_poll_seconds: float = Field(
        60.0, gt=0, description="How often the batch poller asks Anthropic about batch jobs (priority=batch)"
    )

    signup_credits: int = Field(10, description="Credits granted to a new account")
    rate_limit_per_minute: int = Field(60, ge=1, description="Requests a minute per API key")
    account_rate_limit_per_minute: int = Field(
        120, ge=1, description="Requests a minute per account, all its API keys together"
    )
    max_cv_bytes: int = 5 * 1024 * 1024
    max_jd_chars: int = 50_000
    staged_mb_per_session: int = Field(
        130, ge=1, description="Files one web page may hold before submitting (a full API batch: 25 x 5 MB + a JD)"
    )
    staged_mb_total: int = Field(512, ge=1, description="Files all web pages of one process may hold at once")
    staged_files_total: int = Field(2000, ge=1, description="Files all web pages of one process may hold at once")
    staged_files_ttl_minutes: int = Field(60, ge=1, description="A dropped file not submitted by then is forgotten")
    runner_concurrency: int = 4
    runner: str = Field(
        "auto",
        description="'embedded' (in-process pool), 'distributed' (Redis queue + worker processes) "
        "or 'auto': distributed when redis_url is set",
    )
    queue_name: str = Field("cvmatch", description="Name (Redis key prefix) of the saq queue of CVs to score")
    worker_grace_seconds: int = Field(30, description="A stopping worker's time to finish its CVs, then hands back")
    cv_max_attempts: int = 3
    reader_processes: int = Field(2, ge=1, description="Files read at once, each in its own process (per process)")
    reader_cpu_seconds: int = Field(2, ge=1, description="CPU time one file may take to read; then it is stopped")
    reader_wall_seconds: float = Field(2.5, gt=0, description="Wall-clock time one file may take to read")
    reader_memory_mb: int = Field(1024, ge=256, description="Address space of a file-reading process")
    lease_seconds: int = 120
    jwt_ttl_minutes: int = 60 * 24 * 7
    trusted_proxy_hops: int = Field(
        0,
        ge=0,
        description="Reverse proxies in front of the app that append X-Forwarded-For; 0 trusts no such header "
        "(the log-in limits then count the proxy's address)",
    )

    cors_allowed_origins: list[str] = Field(
        default_factory=list,
        description="Browser origins allowed to call the API from their pages "
        '(JSON list, e.g. ["https://ats.example.com"]); empty: no cross-origin calls',
    )
    log_format: Literal["text", "json"] = Field(
        "text", description="'json': one JSON object per log line (access log, security events) for a log collector"
    )
    access_log: bool = Field(True, description="One log line per HTTP request (method, route, status, time, account)")

    stripe_secret_key: str = Field("", validation_alias=AliasChoices("STRIPE_SECRET_KEY", "CVMATCH_STRIPE_SECRET_KEY"))
    stripe_webhook_secret: str = Field(
        "", validation_alias=AliasChoices("STRIPE_WEBHOOK_SECRET", "CVMATCH_STRIPE_WEBHOOK_SECRET")
    )
    stripe_api_base: str = Field("", description="Override Stripe's API address (tests use a local fake)")
    credit_packs: list[CreditPack] = Field(
        default_factory=lambda: list(DEFAULT_CREDIT_PACKS),
        description='JSON list, e.g. [{"id": "pack_100", "credits": 100, "amount_cents": 100}]',
    )

    @field_validator("credit_packs")
    @classmethod
    def _unique_pack_ids(cls, packs: list[CreditPack]) -> list[CreditPack]:
        ids = [pack.id for pack in packs]
        if len(set(ids)) != len(ids):
            raise ValueError(f"CVMATCH_CREDIT_PACKS repeats a pack id: {ids}")
        return packs

    @property
    def effective_runner_concurrency(self) -> int:
        """CVs scored at once per process. With Claude, unless set, as many as Claude calls may run:
        the local engine is CPU-bound (a few workers suffice), Claude calls mostly wait on the network."""
        if self.engine == "claude" and "runner_concurrency" not in self.model_fields_set:
            return self.claude_concurrency
        return self.runner_concurrency

    @property
    def effective_runner(self) -> str:
        """'embedded' or 'distributed', from CVMATCH_RUNNER (and CVMATCH_REDIS_URL when it is 'auto')."""
        runner = self.runner.strip().lower() or "auto"
        if runner == "auto":
            return "distributed" if self.redis_url else "embedded"
        if runner not in {"embedded", "distributed"}:
            raise ValueError(
                f"CVMATCH_RUNNER={self.runner!r} is not a runner: use 'embedded', 'distributed' or 'auto'."
            )
        if runner == "distributed" and not self.redis_url:
            raise ValueError("CVMATCH_RUNNER=distributed needs CVMATCH_REDIS_URL (the queue lives in Redis).")
        return runner

    @property
    def effective_cors_origins(self) -> list[str]:
        """For Reflex: none, or the allowed origins plus this server's own (its websocket checks them)."""
        if not self.cors_allowed_origins:
            return []
        return sorted({*self.cors_allowed_origins, self.effective_public_url})

    @property
    def is_production(self) -> bool:
        return self.env.lower() in {"prod", "production"}

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'cvmatch.db'}"

    @property
    def effective_public_url(self) -> str:
        return (self.public_url or f"http://localhost:{self.port}").rstrip("/")

    def batch_limit(self, plan: str) -> int:
        return batch_limit(plan)

    def effective_secret_key(self) -> str:
        """The configured key, else one generated once and kept in the data directory."""
        if self.secret_key:
            if self.is_production and (self.secret_key in PLACEHOLDER_SECRETS or len(self.secret_key) < 16):
                raise ValueError(
                    "CVMATCH_SECRET_KEY is a placeholder or shorter than 16 characters: "
                    "set a long random value (python -c 'import secrets; print(secrets.token_urlsafe(48))')."
                )
            return self.secret_key
        path = self.data_dir / "secret_key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()


@lru_cache
def get_settings() -> Settings:
    return Settings()
