"""The MCP tools with a rubric: match_cvs sends the recruiter's requirements, get_match_results shows them."""

from __future__ import annotations

from typing import Any

from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits
from tests.mcp.client import Tools, server_params, wait_until_done, with_tools
from tests.support.factories import NURSE_CV, NURSE_JD, make_account
from tests.test_rubric_services import NINA_CV

RUBRIC: list[dict[str, Any]] = [
    {"text": "RN licence", "kind": "must", "group": "licence"},
    {"text": "ICU or critical care", "kind": "must"},
    {"text": "PALS certification", "kind": "must", "knockout": True, "weight": "high"},
    {"text": "3+ years of ICU experience", "kind": "must", "group": "years", "years": 3},
    {"text": "ACLS", "kind": "nice", "weight": "low"},
]


def test_match_cvs_with_requirements_and_results_show_the_rubric(api_server, tmp_path) -> None:
    account = make_account(credits=10)
    maria, nina = tmp_path / "maria.txt", tmp_path / "nina.txt"
    maria.write_text(NURSE_CV)
    nina.write_text(NINA_CV)

    async def work(tools: Tools) -> Any:
        schema = (await tools.list())["match_cvs"].inputSchema
        submitted = await tools.call(
            "match_cvs", cv_paths=[str(maria), str(nina)], jd_text=NURSE_JD, requirements=RUBRIC
        )
        assert not submitted.is_error, submitted.text
        await wait_until_done(tools, submitted.data["job_id"])
        results = await tools.call("get_match_results", job_id=submitted.data["job_id"])
        refused = await tools.call(
            "match_cvs",
            cv_paths=[str(maria)],
            jd_text=NURSE_JD,
            requirements=[{"text": "Native English speaker", "kind": "must"}],
        )
        only_nice = await tools.call(
            "match_cvs", cv_paths=[str(maria)], jd_text=NURSE_JD, requirements=[{"text": "ICU", "kind": "nice"}]
        )
        return schema, results, refused, only_nice

    schema, results, refused, only_nice = with_tools(server_params(url=api_server.url, key=account.key), work)
    assert set(schema["required"]) == {"cv_paths", "jd_text"} and "requirements" in schema["properties"]
    assert "knockout" in schema["properties"]["requirements"]["description"]

    body = results.data
    assert [r["cv_filename"] for r in body["results"]] == ["nina.txt", "maria.txt"]
    assert body["results"][1]["gaps"][0] == "Knockout: PALS certification not shown"
    rubric = body["rubric"]
    assert rubric["version"] == 1 and rubric["edited_by_recruiter"] is True
    assert [item["text"] for item in rubric["requirements"]] == [item["text"] for item in RUBRIC]
    assert rubric["requirements"][2] == {
        "text": "PALS certification", "kind": "must", "group": "skill", "weight": "high", "knockout": True,
    }  # fmt: skip
    assert rubric["requirements"][3]["years"] == 3

    assert refused.is_error and "protected characteristic" in refused.text and "fluency" in refused.text
    assert only_nice.is_error and "only nice-to-haves" in only_nice.text
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 8  # the refused calls cost nothing


def test_results_without_a_rubric_show_the_engines_reading(api_server, tmp_path) -> None:
    account = make_account(credits=5)
    maria = tmp_path / "maria.txt"
    maria.write_text(NURSE_CV)

    async def work(tools: Tools) -> Any:
        submitted = await tools.call("match_cvs", cv_paths=[str(maria)], jd_text=NURSE_JD)
        await wait_until_done(tools, submitted.data["job_id"])
        return await tools.call("get_match_results", job_id=submitted.data["job_id"])

    results = with_tools(server_params(url=api_server.url, key=account.key), work)
    rubric = results.data["rubric"]
    assert rubric["edited_by_recruiter"] is False
    assert {"RN licence", "ACLS"} <= {item["text"] for item in rubric["requirements"]}
