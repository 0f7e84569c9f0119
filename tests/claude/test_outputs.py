"""Claude's answers, good and bad, through the real SDK against the fake server."""

from __future__ import annotations

import pytest

from cvmatch_app.claude_engine.engine import FLAG_LOCAL_FALLBACK
from cvmatch_app.claude_engine.errors import ClaudeOutputError
from cvmatch_app.engine.bands import verdict_for
from tests.claude.conftest import assess_with, run
from tests.support.factories import NURSE_CV, NURSE_JD
from tests.support.fake_anthropic import assessment, refusal, text_only, tool_call, truncated


def test_a_forced_tool_call_becomes_the_assessment(fake, make_engine):
    fake.script(
        assessment(
            81,
            summary="Seven years of ICU nursing; RN, BLS and ACLS current.",
            strengths=["RN licence (required): Registered Nurse (RN), licensed in California"],
            gaps=["CCRN is preferred and shown"],
            evidence=[
                {"requirement": "RN licence", "must_have": True, "met": "yes", "cv_line": "licensed in California."},
                {"requirement": "PhD", "must_have": False, "met": "no", "cv_line": "PhD, Harvard, 2010"},
            ],
            verdict="NOT_SUITABLE",  # a model's verdict is never read
        )
    )
    engine = make_engine()
    result = run(assess_with(engine, NURSE_JD, NURSE_CV))

    assert result.score == 81
    assert verdict_for(result.score) == ("STRONG_MATCH", "Interview")
    assert result.executive_summary.startswith("Seven years of ICU nursing")
    assert result.strengths == ["RN licence (required): Registered Nurse (RN), licensed in California"]
    assert result.engine_version == "claude-1:claude-haiku-4-5"
    assert [row["quote_verified"] for row in result.evidence] == [True, False], "a quote not in the CV is marked"
    assert result.usage["claude_calls"] == 1 and result.usage["cost_usd"] > 0

    (request,) = fake.requests
    body = request.body
    assert body["model"] == "claude-haiku-4-5"
    assert body["tool_choice"] == {"type": "tool", "name": "record_assessment"}
    assert body["tools"][0]["name"] == "record_assessment"
    assert "verdict" not in body["tools"][0]["input_schema"]["properties"]
    assert request.api_key == "test-key"
    assert request.headers["x-stainless-retry-count"] == "0", "the SDK's own retries are off: ours decide"


def test_a_slightly_out_of_range_score_is_clamped_without_asking_again(fake, make_engine):
    fake.script(assessment(103))
    result = run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert result.score == 100
    assert len(fake.requests) == 1


@pytest.mark.parametrize("bad", [250, -40, "high", "eighty", None, True, 0.85])
def test_an_unusable_score_is_asked_once_more_and_the_second_answer_used(fake, make_engine, bad):
    fake.script(assessment(bad), assessment(64))
    result = run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert result.score == 64
    assert len(fake.requests) == 2
    assert result.usage["claude_calls"] == 2, "the failed answer was billed too, so it is counted"


def test_a_numeric_string_is_a_number(fake, make_engine):
    fake.script(assessment("85"))
    assert run(assess_with(make_engine(), NURSE_JD, NURSE_CV)).score == 85
    fake.reset().script(assessment("70/100"))
    assert run(assess_with(make_engine(), NURSE_JD, NURSE_CV)).score == 70


def test_twice_unusable_fails_the_cv_when_the_fallback_is_fail(fake, make_engine):
    fake.script(assessment("high"), assessment(None))
    with pytest.raises(ClaudeOutputError, match="not a number"):
        run(assess_with(make_engine(fallback="fail"), NURSE_JD, NURSE_CV))
    assert len(fake.requests) == 2


def test_missing_summary_is_asked_again_but_missing_lists_are_empty(fake, make_engine):
    fake.script(tool_call({"score": 70}), tool_call({"score": 66, "executive_summary": "Solid ICU nurse."}))
    result = run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert len(fake.requests) == 2
    assert (result.score, result.strengths, result.gaps, result.evidence) == (66, [], [], [])


def test_an_answer_without_the_tool_call_is_asked_again(fake, make_engine):
    fake.script(text_only(), assessment(58))
    assert run(assess_with(make_engine(), NURSE_JD, NURSE_CV)).score == 58
    assert len(fake.requests) == 2


def test_a_truncated_answer_is_asked_again_with_more_room(fake, make_engine):
    fake.script(truncated(), assessment(77))
    result = run(assess_with(make_engine(max_tokens=800), NURSE_JD, NURSE_CV))
    assert result.score == 77
    assert [r.body["max_tokens"] for r in fake.requests] == [800, 1600]


def test_a_refusal_twice_falls_back_to_the_local_engine_and_says_so(fake, make_engine):
    fake.script(refusal(), refusal())
    result = run(assess_with(make_engine(fallback="local"), NURSE_JD, NURSE_CV))
    assert FLAG_LOCAL_FALLBACK in result.flags
    assert "Scored by the local engine because Claude could not score this CV" in result.executive_summary
    assert "declined" in result.executive_summary
    assert result.engine_version.startswith("local")
    assert result.usage["local_fallbacks"] == 1 and result.usage["claude_calls"] == 2


def test_a_refusal_twice_fails_the_cv_when_the_fallback_is_fail(fake, make_engine):
    fake.script(refusal(), refusal())
    with pytest.raises(ClaudeOutputError, match="declined"):
        run(assess_with(make_engine(fallback="fail"), NURSE_JD, NURSE_CV))
