"""The candidate's identity read from a CV's header and latest role, and blind review's redaction."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine.candidate import REDACTED, Candidate, anonymise, read_candidate, redact_personal
from tests.support.factories import DEVELOPER_CV, NURSE_CV

TODAY = dt.date(2026, 11, 30)

CHEF_CV = """JANE Q. DOE
Senior Chef | Leeds, UK | jane.doe@mail.example | +44 7700 900123
linkedin.com/in/janedoe
Date of birth: 02/03/1990

Experience
Head Chef at The Olive Tree - March 2020 to Present
- Ran a kitchen of 8; menus costed weekly
Sous Chef, Riverside Bistro (2016 - 2020)

Education
NVQ Level 3 Professional Cookery, Leeds City College, 2014
"""

PICKER_CV = """Tom Cook
Warehouse Operative
12 High Street, Manchester M1 2AB
Phone: 0161 496 0000
Email: tom@example.org

Experience
Warehouse Operative, Northern Freight Ltd - 2019 to Present
- Picking and packing, 2019 - 2021 peak seasons
"""


def test_name_title_employer_from_the_header_and_latest_role():
    nurse = read_candidate(NURSE_CV, today=TODAY)
    assert (nurse.name, nurse.title, nurse.employer) == ("Maria Example", "ICU Staff Nurse", "City General Hospital")
    developer = read_candidate(DEVELOPER_CV, today=TODAY)
    assert (developer.title, developer.employer) == ("Senior Software Engineer", "Acme Corp")


def test_contact_and_location_in_the_forms_people_write_them():
    chef = read_candidate(CHEF_CV, today=TODAY)
    assert chef.name == "JANE Q. DOE"
    assert (chef.title, chef.employer) == ("Head Chef", "The Olive Tree")
    assert (chef.location, chef.email, chef.phone) == ("Leeds, UK", "jane.doe@mail.example", "+44 7700 900123")
    picker = read_candidate(PICKER_CV, today=TODAY)
    assert picker.name == "Tom Cook"  # a surname that is also a trade is still a name
    assert (picker.location, picker.phone, picker.email) == ("Manchester M1 2AB", "0161 496 0000", "tom@example.org")


def test_no_header_means_empty_fields_not_guesses():
    candidate = read_candidate("Experience\nForklift driver 2019 - 2021\n", today=TODAY)
    assert candidate.name == "" and candidate.email == "" and candidate.phone == ""
    assert Candidate.from_dict(candidate.as_dict()) == candidate
    assert Candidate.from_dict({"name": "A B", "unknown": 1}).name == "A B"


def test_blind_review_removes_personal_details_and_keeps_the_work():
    chef = read_candidate(CHEF_CV, today=TODAY)
    blind = redact_personal(CHEF_CV, chef)
    for personal in ("JANE", "DOE", "jane.doe@mail.example", "7700 900123", "linkedin", "1990", "Leeds, UK", "2014"):
        assert personal not in blind, personal
    assert "Head Chef at The Olive Tree - March 2020 to Present" in blind  # work dates stay
    assert "Sous Chef, Riverside Bistro (2016 - 2020)" in blind
    picker = read_candidate(PICKER_CV, today=TODAY)
    blind = redact_personal(PICKER_CV, picker)
    for personal in ("Tom", "Cook", "12 High Street", "0161", "tom@example.org", "M1 2AB"):
        assert personal not in blind, personal
    assert "2019 - 2021 peak seasons" in blind and REDACTED in blind


def test_anonymise_gives_the_scorer_the_cv_blind_review_shows():
    """What a blind job's engine reads: the CV's identity gone, its work and every line kept in place."""
    nurse = (
        "Maria Example\n"
        "Registered Nurse (RN). BLS and ACLS certified.\n"
        "maria.example@mail.test | +1 415 555 0134 | github.com/mexample\n"
        "Address: 12 Harbor Street, San Francisco\n"
        "Nationality: Irish | Marital status: married | Gender: female | Age: 34\n\n"
        "Experience\n"
        "ICU Staff Nurse, City General Hospital - Jan 2018 to Present\n\n"
        "Education\n"
        "BSN, State University, 2012\n"
    )
    for cv in (nurse, CHEF_CV, PICKER_CV):
        text = anonymise(cv, today=TODAY)
        assert text == redact_personal(cv, read_candidate(cv, today=TODAY)), "one set of rules, not two"
        assert len(text.split("\n")) == len(cv.split("\n")), "evidence lines stay where they were"
    text = anonymise(nurse, today=TODAY)
    for personal in (
        "Maria",
        "Example",
        "maria.example",
        "555 0134",
        "github",
        "Harbor",
        "Irish",
        "married",
        "female",
        "34",
        "2012",
    ):
        assert personal not in text, personal
    assert "ICU Staff Nurse, City General Hospital - Jan 2018 to Present" in text
    assert "Registered Nurse (RN). BLS and ACLS certified." in text
    assert "BSN, State University" in text
    assert anonymise(DEVELOPER_CV, today=TODAY).startswith(REDACTED)  # the name line
