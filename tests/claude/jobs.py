"""Job descriptions for the Claude tests: a short one, and one long enough for Haiku to cache."""

from __future__ import annotations

from tests.support.factories import NURSE_JD

_ABOUT = """
About us
City General Hospital is a 600-bed teaching hospital serving a diverse urban community. Our {n}-bed
intensive care unit treats adult medical, surgical and trauma patients around the clock, with
intensivists on site and a nurse-to-patient ratio of one to two. We invest in our people: paid
certification courses, tuition support for the BSN and MSN, a structured preceptorship for every new
starter, shared governance councils and a clinical ladder with four levels.

Duties, part {n}
- Assess, plan, deliver and evaluate care for critically ill patients, documenting in the EHR.
- Manage ventilated patients with respiratory therapists; titrate sedation and vasoactive infusions.
- Respond to rapid response and code blue calls; take part in family meetings and rounds.
- Precept students and new graduates; contribute to audits, quality and safety initiatives.
"""

# About 17,000 characters: with the instructions, a prefix above Haiku 4.5's 4,096-token minimum.
LONG_NURSE_JD = NURSE_JD + "".join(_ABOUT.format(n=n) for n in range(1, 17))
