"""The rubric service shared by the pages, the API and the MCP server."""

from __future__ import annotations

import pytest

from cvmatch_app.services.errors import BadRequest
from cvmatch_app.services.rubric import check_requirements, preview_rubric

NURSE_JD = """ICU Registered Nurse
Requirements:
- Active RN license
- BLS certification required
- Minimum 2 years of ICU experience
Preferred:
- CCRN certification"""


def test_preview_shows_the_title_and_what_the_engine_read_without_a_database() -> None:
    preview = preview_rubric(NURSE_JD)
    assert preview["title"] == "ICU Registered Nurse"
    texts = {item["text"]: item for item in preview["requirements"]}
    assert texts["Active RN"]["kind"] == "must" and texts["Active RN"]["group"] == "licence"
    assert texts["Active RN"]["source"] == "Active RN license"
    assert any(item["group"] == "years" and item["years"] == 2 for item in preview["requirements"])
    assert texts["CCRN certification"]["kind"] == "nice"
    assert check_requirements(preview["requirements"]) == preview["requirements"]


@pytest.mark.parametrize("jd", ["", "   ", None, "x" * 50_001])
def test_preview_refuses_an_empty_or_oversized_jd(jd: str) -> None:
    with pytest.raises(BadRequest):
        preview_rubric(jd)


def test_a_bad_rubric_is_a_400_with_the_engines_message() -> None:
    with pytest.raises(BadRequest) as refused:
        check_requirements([{"text": "Python", "kind": "nice"}])
    assert refused.value.status_code == 400
    assert "only nice-to-haves" in refused.value.detail
