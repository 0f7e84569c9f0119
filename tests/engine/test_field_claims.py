"""Field-of-work claims a recruiter can trust: a role shows a field of work only when its work belongs to
it. A heading that joins occupations of two unrelated fields ("Lab Technician Technical Support",
"Receptionist Cashier / CSR") is one job whose lines say which field it is in; its title alone places it
in neither."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))

SERVICE_JOB = "Marketing Coordinator\nRequirements:\n- Experience in retail\n- Experience in healthcare"


def _service_row(cv: str, requirement: str) -> dict:
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(SERVICE_JOB), cv, []).evidence
    return [e for e in evidence if e["requirement"].lower() == requirement][0]


def test_a_heading_joining_two_fields_shows_neither_by_itself() -> None:
    """A lab technician in technical support configures networks: no healthcare by the title alone."""
    cv = (
        "Experience\nLab Technician Technical Support, Northgate Systems, 2015 - 2018\n"
        "- Configured routers and switches for the office network\n"
    )
    assert not _service_row(cv, "healthcare")["met"]


def test_a_store_cashier_still_shows_retail() -> None:
    cv = "Experience\nCashier, Maple Grocery, 2015 - 2018\n- Handled the till and stocked shelves\n"
    assert _service_row(cv, "retail")["met"]


def test_a_receptionist_cashier_in_an_office_is_no_retail() -> None:
    cv = (
        "Experience\nReceptionist Cashier / CSR, Harbor Claims Services, 2015 - 2018\n"
        "- Answered customer calls, did data entry and filing\n"
    )
    assert not _service_row(cv, "retail")["met"]
