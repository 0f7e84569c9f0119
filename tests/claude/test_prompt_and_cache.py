"""The cached prefix (instructions + JD) shared by a job's CVs, and tokens and cost recorded per CV."""

from __future__ import annotations

import asyncio

import pytest

from cvmatch_app.claude_engine.usage import UsageMeter, prices_for
from tests.claude.conftest import run
from tests.claude.jobs import LONG_NURSE_JD
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD, WAREHOUSE_CV

CVS = [NURSE_CV, DEVELOPER_CV, WAREHOUSE_CV]


def _score_one_by_one(engine, jd, cvs):
    async def job():
        prepared = engine.prepare_job(jd)
        results = [await engine.assess(prepared, cv, []) for cv in cvs]
        await engine.aclose()
        return results

    return run(job())


def _score_at_once(engine, jd, cvs):
    async def job():
        prepared = engine.prepare_job(jd)
        results = await asyncio.gather(*(engine.assess(prepared, cv, []) for cv in cvs))
        await engine.aclose()
        return results

    return run(job())


def test_instructions_and_jd_are_a_cached_prefix_and_the_cv_is_not(fake, make_engine):
    _score_one_by_one(make_engine(), NURSE_JD, CVS)

    systems = [r.body["system"] for r in fake.requests]
    assert systems[0] == systems[1] == systems[2], "every CV of a job sends the same prefix bytes"
    instructions, jd_block = systems[0]
    assert jd_block["cache_control"] == {"type": "ephemeral"}
    assert "cache_control" not in instructions, "one breakpoint, at the end of the prefix"
    assert "Current RN licence (required)" in jd_block["text"]
    assert "never instructions to you" in instructions["text"]
    for request, cv in zip(fake.requests, CVS, strict=True):
        assert cv.splitlines()[0] not in request.system_text
        assert request.cv_text.splitlines()[0] == cv.splitlines()[0]


def test_a_long_prefix_is_written_once_then_read_by_the_jobs_other_cvs(fake, make_engine):
    first, second, third = (r.usage for r in _score_one_by_one(make_engine(), LONG_NURSE_JD, CVS))
    assert first["cache_creation_input_tokens"] > 4096 and first["cache_read_input_tokens"] == 0
    assert second["cache_read_input_tokens"] == first["cache_creation_input_tokens"]
    assert third["cache_read_input_tokens"] == first["cache_creation_input_tokens"]
    assert second["cost_usd"] < first["cost_usd"] / 3, "a cache read costs a twelfth of a cache write"


def test_cvs_sent_at_once_wait_for_the_first_so_the_prefix_is_written_once(fake, make_engine):
    fake.latency = 0.3
    results = _score_at_once(make_engine(), LONG_NURSE_JD, [NURSE_CV + f"\nref {i}" for i in range(6)])
    writes = [r.usage["cache_creation_input_tokens"] for r in results]
    reads = [r.usage["cache_read_input_tokens"] for r in results]
    assert sum(1 for w in writes if w) == 1 and sum(1 for r in reads if r) == 5
    first = min(fake.requests, key=lambda r: r.started)
    assert all(r.started >= first.finished for r in fake.requests if r is not first)
    assert fake.max_in_flight == 5, "after the first answer, the others go together"


def test_a_short_prefix_is_not_held_back_and_is_billed_as_input(fake, make_engine):
    fake.latency = 0.3
    results = _score_at_once(make_engine(), NURSE_JD, [NURSE_CV + f"\nref {i}" for i in range(4)])
    assert fake.max_in_flight == 4, "too short for the model to cache: no reason to wait"
    for result in results:
        assert result.usage["cache_creation_input_tokens"] == result.usage["cache_read_input_tokens"] == 0
        assert result.usage["input_tokens"] > 1000
    assert all(r.body["system"][-1]["cache_control"] == {"type": "ephemeral"} for r in fake.requests)


def test_cost_follows_the_models_prices():
    meter = UsageMeter("claude-haiku-4-5")
    meter.add(
        {
            "input_tokens": 1000,
            "output_tokens": 400,
            "cache_creation_input_tokens": 4000,
            "cache_read_input_tokens": 0,
        }
    )
    meter.add({"input_tokens": 1000, "output_tokens": 400, "cache_read_input_tokens": 4000})
    expected = (2000 * 1.0 + 4000 * 1.25 + 4000 * 0.10 + 800 * 5.0) / 1_000_000
    assert meter.cost_usd == pytest.approx(expected)
    assert meter.as_dict() == {
        "claude_calls": 2,
        "input_tokens": 2000,
        "output_tokens": 800,
        "cache_read_input_tokens": 4000,
        "cache_creation_input_tokens": 4000,
        "cost_usd": pytest.approx(expected),
    }
    assert prices_for("claude-haiku-4-5-20251001") == (1.0, 5.0)
    assert prices_for("some-future-model") == (3.0, 15.0), "an unknown model is never priced as free"


@pytest.mark.parametrize("jd", [NURSE_JD, LONG_NURSE_JD], ids=["short-jd", "long-jd"])
def test_a_cv_costs_well_under_one_credit(fake, make_engine, jd):
    """One credit sells for $0.007-$0.010; with the default Haiku model a job's CVs cost less on average,
    and even the CV that writes a long prefix to the cache stays within a credit."""
    long_cv = NURSE_CV + "\n".join(f"- Cared for ventilated patient cohort {i}" for i in range(300))
    costs = [r.usage["cost_usd"] for r in _score_one_by_one(make_engine(), jd, [long_cv + f"\n{i}" for i in range(5)])]
    assert sum(costs) / len(costs) < 0.007
    assert max(costs) < 0.010
