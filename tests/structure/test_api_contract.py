"""The OpenAPI document is a contract a client can be generated from: valid, complete, and true to the answers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from tests.api.helpers import submit, wait_completed
from tests.support.factories import NURSE_CV, NURSE_JD, PASSWORD, make_account, txt

README_ERRORS = {"400", "401", "402", "403", "404", "409", "413", "429"}
RATE_LIMIT_HEADERS = {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"}


@pytest.fixture(scope="module")
def spec(api_server) -> dict[str, Any]:
    return httpx.get(f"{api_server.url}/api/openapi.json", timeout=30).json()


def _check(spec: dict[str, Any], schema_name: str, answer: Any) -> None:
    """Validate an answer against a component schema of the document ($refs resolved within it)."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    OAS31Validator(schema).validate(answer)


def test_the_document_is_valid_openapi(spec) -> None:
    validate(spec)
    assert spec["openapi"].startswith("3.")


def test_post_match_documents_every_field_status_and_header(spec) -> None:
    operation = spec["paths"]["/api/match"]["post"]
    form = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert set(form["properties"]) == {"cvs", "jd_text", "jd_file", "priority", "blind", "requirements"}
    assert form["properties"]["blind"]["type"] == "boolean" and form["properties"]["blind"]["default"] is False
    assert form["properties"]["cvs"]["items"]["format"] == "binary"
    assert set(operation["responses"]) == {"200"} | README_ERRORS - {"404"}
    assert RATE_LIMIT_HEADERS <= set(operation["responses"]["200"]["headers"])
    assert RATE_LIMIT_HEADERS <= set(operation["responses"]["429"]["headers"])
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/MatchSubmitted"}


def test_every_route_has_a_response_model_and_no_422(spec) -> None:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert "422" not in responses, f"{method.upper()} {path} lists 422; the API answers 400"
            if path == "/api/mcp/mcp_server.py":
                continue  # a file download
            schema = responses["200"]["content"]["application/json"]["schema"]
            assert schema.get("$ref", "").startswith("#/components/schemas/"), f"{method.upper()} {path}: {schema}"
            for code in set(responses) - {"200", "202"}:
                assert code in README_ERRORS, f"{method.upper()} {path} lists {code}"
                error = responses[code]["content"]["application/json"]["schema"]
                assert error == {"$ref": "#/components/schemas/ErrorResponse"}
    assert {"HTTPValidationError", "ValidationError"}.isdisjoint(spec["components"]["schemas"])


def test_the_rubric_routes_are_documented(spec) -> None:
    put = spec["paths"]["/api/match/{job_id}/requirements"]["put"]
    body = put["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/RequirementsUpdate"}
    update = spec["components"]["schemas"]["RequirementsUpdate"]
    assert set(update["properties"]) == {"requirements", "confirm_charge"}
    requirement = spec["components"]["schemas"]["Requirement"]
    assert set(requirement["properties"]) == {
        "id", "text", "kind", "group", "weight", "knockout", "years", "source", "added",
    }  # fmt: skip
    assert requirement["properties"]["weight"]["enum"] == ["low", "normal", "high"]
    assert put["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/MatchResults")
    assert put["responses"]["202"]["content"]["application/json"]["schema"]["$ref"].endswith("/RescoreQueued")
    assert {"400", "402", "404", "409"} <= set(put["responses"])
    preview = spec["paths"]["/api/requirements/preview"]["post"]
    assert preview["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/RubricPreview")
    results = spec["components"]["schemas"]["MatchResults"]
    assert "rubric" in results["properties"]


def test_real_answers_match_the_document(api_server, spec) -> None:
    account = make_account(credits=5)
    submitted = submit(api_server.url, account.headers, [txt("nurse.txt", NURSE_CV)], jd_text=NURSE_JD)
    assert submitted.status_code == 200, submitted.text
    _check(spec, "MatchSubmitted", submitted.json())
    assert {name.lower() for name in RATE_LIMIT_HEADERS} <= set(submitted.headers)
    job_id = submitted.json()["job_id"]
    _check(spec, "JobProgress", wait_completed(api_server.url, account.headers, job_id))
    results = httpx.get(f"{api_server.url}/api/match/{job_id}", headers=account.headers, timeout=30)
    _check(spec, "MatchResults", results.json())
    assert results.json()["results"][0]["verdict"]
    rubric = results.json()["rubric"]["requirements"]
    preview = httpx.post(
        f"{api_server.url}/api/requirements/preview", headers=account.headers, json={"jd_text": NURSE_JD}, timeout=30
    )
    _check(spec, "RubricPreview", preview.json())
    rubric[0]["kind"] = "nice"
    rescored = httpx.put(
        f"{api_server.url}/api/match/{job_id}/requirements",
        headers=account.headers,
        json={"requirements": rubric},
        timeout=30,
    )
    assert rescored.status_code == 200, rescored.text
    _check(spec, "MatchResults", rescored.json())
    versions = httpx.get(f"{api_server.url}/api/match/{job_id}/requirements", headers=account.headers, timeout=30)
    _check(spec, "JobRubric", versions.json())

    missing = httpx.get(f"{api_server.url}/api/match/not-a-job", headers=account.headers, timeout=30)
    assert missing.status_code in (400, 404)
    _check(spec, "ErrorResponse", missing.json())


def test_malformed_input_is_a_400_in_the_error_shape(api_server, spec) -> None:
    account = make_account(credits=1)
    token = httpx.post(
        f"{api_server.url}/api/auth/token", json={"email": account.email, "password": PASSWORD}, timeout=30
    )
    _check(spec, "TokenResponse", token.json())
    jwt = {"Authorization": f"Bearer {token.json()['access_token']}"}
    for response in (
        httpx.post(f"{api_server.url}/api/billing/checkout", headers=jwt, json={"pack": 1}, timeout=30),
        httpx.get(f"{api_server.url}/api/credits/history?limit=lots", headers=jwt, timeout=30),
    ):
        assert response.status_code == 400, response.text
        _check(spec, "ErrorResponse", response.json())
    _check(spec, "CreditHistoryResponse", httpx.get(f"{api_server.url}/api/credits/history", headers=jwt).json())
    _check(spec, "BalanceResponse", httpx.get(f"{api_server.url}/api/credits/balance", headers=jwt).json())
    _check(spec, "PacksResponse", httpx.get(f"{api_server.url}/api/credits/packs").json())
