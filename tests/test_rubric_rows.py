"""The rubric editor's edits (state/rubric_rows.py): each returns a new rubric or refuses with a
message, and a re-read JD keeps what the recruiter changed."""

from __future__ import annotations

import pytest

from cvmatch_app.services import rubric
from cvmatch_app.state import rubric_rows
from cvmatch_app.state.match import jd_key
from cvmatch_app.state.rubric_rows import RubricEditError
from tests.support.factories import NURSE_JD


def _reading(jd: str = NURSE_JD) -> list[dict]:
    return rubric.preview_rubric(jd)["requirements"]


def _by_text(items: list[dict], words: str) -> dict:
    return next(item for item in items if words.lower() in item["text"].lower())


def test_grouped_as_a_recruiter_reads_a_job():
    groups = rubric_rows.rows_of(_reading())
    labels = [group.label for group in groups]
    order = [label for _, label in rubric_rows.GROUPS]
    assert labels == sorted(labels, key=order.index)
    licences = next(group for group in groups if group.key == "licence")
    assert {"RN licence", "BLS"} <= {row.text for row in licences.rows}
    years = next(group for group in groups if group.key == "years")
    assert years.rows[0].has_years and years.rows[0].years == "3"


def test_edits_return_a_new_rubric_and_leave_the_old_one_alone():
    reading = _reading()
    ccrn = _by_text(reading, "CCRN")
    assert ccrn["kind"] == "nice"
    knocked = rubric_rows.set_knockout(reading, ccrn["id"], True)
    assert _by_text(knocked, "CCRN")["kind"] == "must" and _by_text(knocked, "CCRN")["knockout"]
    assert _by_text(reading, "CCRN") == ccrn  # untouched
    nice_again = rubric_rows.set_kind(knocked, ccrn["id"], False)
    assert _by_text(nice_again, "CCRN")["knockout"] is False  # a nice-to-have cannot knock anyone out
    assert len(rubric_rows.remove(reading, ccrn["id"])) == len(reading) - 1
    rubric.check_requirements(knocked)


def test_years_follow_into_the_words_and_bad_numbers_are_refused():
    reading = _reading()
    years = _by_text(reading, "years")
    changed = rubric_rows.set_years(reading, years["id"], "5")
    assert _by_text(changed, "years")["years"] == 5 and _by_text(changed, "years")["text"].startswith("5")
    for bad in ("80", "-1", "lots", "nan"):
        with pytest.raises(RubricEditError, match="from 0 to 50"):
            rubric_rows.set_years(reading, years["id"], bad)


def test_a_requirement_in_the_recruiters_words():
    reading = _reading()
    added = rubric_rows.new_requirement(reading, "  Right to work   in the UK ", "must")
    assert added["text"] == "Right to work in the UK" and added["added"] and added["source"] == ""
    assert added["id"] not in {item["id"] for item in reading}
    rubric.check_requirements([*reading, added])
    years = rubric_rows.new_requirement(reading, "5+ years of ward nursing", "nice")
    assert years["group"] == "years" and years["years"] == 5
    with pytest.raises(RubricEditError):
        rubric_rows.new_requirement(reading, "   ", "must")
    with pytest.raises(RubricEditError, match="at most 300"):
        rubric_rows.new_requirement(reading, "x" * 10_000, "must")
    protected = rubric_rows.new_requirement(reading, "Female candidates under 30", "must")
    with pytest.raises(Exception, match="protected characteristic"):
        rubric.check_requirements([*reading, protected])


def test_a_changed_jd_keeps_the_recruiters_edits():
    old = _reading()
    ccrn, bsn = _by_text(old, "CCRN"), _by_text(old, "Bachelor")
    current = rubric_rows.set_kind(old, ccrn["id"], True)
    current = rubric_rows.remove(current, bsn["id"])
    current = [*current, rubric_rows.new_requirement(current, "Right to work in the UK", "must")]
    new_jd = NURSE_JD.replace("Minimum 3 years", "Minimum 4 years") + "- Epic charting experience is a plus\n"
    merged = rubric_rows.carry_edits(old, current, _reading(new_jd))
    assert _by_text(merged, "CCRN")["kind"] == "must"
    assert not any("bachelor" in item["text"].lower() for item in merged)
    assert _by_text(merged, "Right to work")["added"]
    assert any("epic" in item["text"].lower() for item in merged)
    assert len({item["id"] for item in merged}) == len(merged)
    assert not rubric_rows.is_edited(old, [dict(item) for item in old])


def test_respacing_a_jd_does_not_change_its_reading_key():
    assert jd_key(NURSE_JD) == jd_key("\n\n" + NURSE_JD.replace("\n", "  \n\n") + "   ")
    assert jd_key(NURSE_JD) != jd_key(NURSE_JD.replace("3 years", "4 years"))
