"""Accounts, keys and CV texts of this project's own making (no personal data)."""

from __future__ import annotations

import itertools
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from cvmatch_app.db.session import session_scope
from cvmatch_app.services import accounts, keys

PASSWORD = "correct horse battery"
_counter = itertools.count(1)


@dataclass
class Account:
    user_id: int
    email: str
    password: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"X-API-Key": self.key}


@contextmanager
def _session(bind: Engine | None):
    if bind is None:
        with session_scope(write=True) as session:
            yield session
        return
    with Session(bind, expire_on_commit=False) as session:
        yield session
        session.commit()


def make_account(
    *, plan: str = "free", credits: int = 10, scopes: str = "match:execute", bind: Engine | None = None
) -> Account:
    """A user with credits and one API key, in the tests' database (or in ``bind``)."""
    email = f"user{next(_counter)}-{uuid.uuid4().hex[:8]}@example.test"
    with _session(bind) as session:
        user = accounts.create_user(session, email=email, password=PASSWORD, plan=plan, credits_grant=credits)
        _, secret = keys.create_key(session, user_id=user.id, name="tests", scopes=scopes)
    return Account(user_id=user.id, email=email, password=PASSWORD, key=secret)


def make_key(user_id: int, *, scopes: str = "match:execute", bind: Engine | None = None) -> str:
    with _session(bind) as session:
        _, secret = keys.create_key(session, user_id=user_id, name="extra", scopes=scopes)
    return secret


NURSE_JD = """Registered Nurse - ICU Department
We are hiring a Registered Nurse for our intensive care unit.
Requirements:
- Current RN licence (required)
- BLS and ACLS certification (required)
- Minimum 3 years of ICU or critical care nursing experience
- Experience with ventilator management and patient assessment
Preferred:
- CCRN certification is a plus
- Bachelor of Science in Nursing (BSN)
"""

NURSE_CV = """Maria Example
Registered Nurse (RN), licensed in California. BLS, ACLS and CCRN certified.

Experience
ICU Staff Nurse, City General Hospital - Jan 2018 to Present
- Critical care nursing for 12-bed intensive care unit; ventilator management and patient assessment
- Titrate vasoactive drips, coordinate with intensivists, precept new graduate nurses
Staff Nurse, Medical-Surgical Unit, Valley Hospital - 2015 to 2017

Education
Bachelor of Science in Nursing (BSN), State University, 2015
"""

# The nurse above with the identity a CV header carries (blind review's tests).
NAMED_NURSE_CV = """Maria Example
Registered Nurse (RN), licensed in California. BLS, ACLS and CCRN certified.
maria.example@mail.test | +1 415 555 0134 | linkedin.com/in/maria-example
12 Harbor Street, San Francisco, CA 94110
Date of birth: 14 March 1990 | Nationality: American

Experience
ICU Staff Nurse, City General Hospital - Jan 2018 to Present
- Critical care nursing for 12-bed intensive care unit; ventilator management and patient assessment
- Titrate vasoactive drips, coordinate with intensivists, precept new graduate nurses
Staff Nurse, Medical-Surgical Unit, Valley Hospital - 2015 to 2017

Education
Bachelor of Science in Nursing (BSN), State University, 2012
"""
NAMED_NURSE_IDENTITY = (
    "Maria",
    "Example",
    "maria.example@mail.test",
    "415 555 0134",
    "linkedin",
    "Harbor Street",
    "1990",
    "2012",
)

DEVELOPER_CV = """Sam Coder
Backend software engineer.

Experience
Senior Software Engineer, Acme Corp - 2018 to Present
- Built REST APIs in Python with FastAPI and Django; PostgreSQL, Docker, AWS
Software Engineer, Startup Ltd - 2015 to 2018
- JavaScript and React front ends

Education
BSc Computer Science, 2015
"""

WAREHOUSE_CV = """Alex Loader
Warehouse associate with forklift certification.

Experience
Warehouse Associate, Big Logistics - 2019 to Present
- Picking, packing and shipping; operated forklifts and pallet jacks; inventory cycle counts
Education
High school diploma
"""


def txt(name: str, text: str) -> tuple[str, bytes, str]:
    return (name, text.encode(), "text/plain")


CORRUPT_PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nthis is not a finished pdf"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
