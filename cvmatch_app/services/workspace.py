"""The recruiter's workspace on one job: who each candidate is, the decisions taken, blind review,
and a CV's own text with the lines that prove each requirement.

Built on ``job_views.job_view`` (states and results from the database); the same view serves the
owner's page and a share link, so a hiring manager sees exactly what the recruiter sees.
"""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import Session, select

from cvmatch_app.db.models import MatchCV, MatchJob, saved_id
from cvmatch_app.engine.candidate import Candidate, read_candidate, redact_personal
from cvmatch_app.services import decisions, job_views, matching, share_links
from cvmatch_app.services.errors import NotFound

_WORD_RE = re.compile(r"[a-z0-9]+")
_DATES_IN_BRACKETS_RE = re.compile(r"\s*\([^)]*\)\s*$")
MIN_PARTIAL_MATCH = 12  # shorter evidence must equal the whole line to light it up


def candidate_of(cv: MatchCV) -> Candidate:
    """What was read when the CV was scored (CVs scored before that was stored are read now)."""
    return Candidate.from_dict(cv.candidate) if cv.candidate is not None else read_candidate(cv.text)


def blind_label(position: int) -> str:
    return f"Candidate {position + 1}"


def _people(candidate: Candidate, position: int, filename: str, blind: bool) -> dict[str, str]:
    if blind:
        return {
            "name": blind_label(position),
            "title": candidate.title,
            "employer": candidate.employer,
            "location": "",
            "email": "",
            "phone": "",
            "filename": f"CV {position + 1}",
        }
    data = candidate.as_dict()
    data["name"] = candidate.name or filename
    data["filename"] = filename
    return data


def _blind_result(result: dict[str, Any], candidate: Candidate) -> dict[str, Any]:
    """A result whose words cannot give the candidate away (a model's summary may use the name)."""

    def hide(text: str) -> str:
        return redact_personal(text, candidate) if text else text

    blind = dict(result)
    blind["cv_filename"] = ""
    blind["executive_summary"] = hide(str(result.get("executive_summary") or ""))
    blind["strengths"] = [hide(str(item)) for item in result.get("strengths") or []]
    blind["gaps"] = [hide(str(item)) for item in result.get("gaps") or []]
    blind["evidence"] = [
        {**row, "cv_line": hide(str(row.get("cv_line") or ""))} for row in result.get("evidence") or []
    ]
    return blind


def requirements_of(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The job's rubric as the results show it: every requirement once, required ones first."""
    seen: dict[str, str] = {}
    for row in rows:
        for evidence in (row.get("result") or {}).get("evidence") or []:
            name = str(evidence.get("requirement") or "")
            if name and name not in seen:
                seen[name] = "required" if evidence.get("kind") == "must" else "preferred"
    ordered = sorted(seen.items(), key=lambda item: item[1] != "required")
    return [{"requirement": name, "wanted": wanted} for name, wanted in ordered]


def _enrich(session: Session, job: MatchJob, view: dict[str, Any]) -> dict[str, Any]:
    cvs = {cv.position: cv for cv in session.exec(select(MatchCV).where(MatchCV.job_id == job.id))}
    decided = decisions.decisions_for_job(session, job.id)
    for row in view["rows"]:
        cv = cvs.get(row["position"]) if row["state"] != "skipped" else None
        # Only scored CVs show who they are (a queued CV's text may not even be read yet).
        candidate = candidate_of(cv) if cv is not None and row["result"] else Candidate()
        row["candidate"] = _people(candidate, row["position"], row["filename"], job.blind_review)
        undecided = decisions.empty_decision()
        row["decision"] = decided.get(saved_id(cv), undecided) if cv is not None else undecided
        if job.blind_review:
            row["filename"] = row["candidate"]["filename"] if cv is not None else f"File {row['position'] + 1}"
            if row["result"]:
                row["result"] = _blind_result(row["result"], candidate)
    view["blind"] = job.blind_review
    view["requirements"] = requirements_of(view["rows"])
    view["jd_text"] = job.jd_text
    return view


def job_workspace(session: Session, *, user_id: int, job_id: str) -> dict[str, Any]:
    """The owner's view of the job."""
    view = job_views.job_view(session, user_id=user_id, job_id=job_id)
    job = matching.get_job(session, user_id=user_id, job_id=job_id)
    return _enrich(session, job, view)


def shared_workspace(session: Session, *, token: str) -> dict[str, Any]:
    """The same view through a share link (nothing of the account: no e-mail, balance or charges)."""
    job = share_links.job_for_token(session, token)
    view = job_views.job_view(session, user_id=job.user_id, job_id=job.id)
    view["charged"] = 0
    return _enrich(session, job, view)


def set_blind_review(session: Session, *, user_id: int, job_id: str, blind: bool) -> None:
    job = matching.get_job(session, user_id=user_id, job_id=job_id)
    job.blind_review = blind
    session.add(job)


def _words(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))


def _proves(line: str, fragment: str) -> bool:
    line_words, fragment_words = _words(line), _words(_DATES_IN_BRACKETS_RE.sub("", fragment))
    if not line_words or not fragment_words:
        return False
    if line_words == fragment_words:
        return True
    return len(fragment_words) >= MIN_PARTIAL_MATCH and (fragment_words in line_words or line_words in fragment_words)


def cv_text_lines(job: MatchJob, cv: MatchCV) -> list[dict[str, Any]]:
    """The CV's text line by line; a line that proves a requirement names it (blind review applied)."""
    evidence = cv.evidence or []
    candidate = candidate_of(cv)
    text = redact_personal(cv.text, candidate) if job.blind_review else cv.text
    lines: list[dict[str, Any]] = []
    for raw, shown in zip(cv.text.split("\n"), text.split("\n"), strict=True):
        proves = []
        for row in evidence:
            fragments = str(row.get("cv_line") or "").split("; ")
            # A blind job's evidence quotes the anonymised text the scorer read.
            if any(_proves(raw, fragment) or _proves(shown, fragment) for fragment in fragments):
                label = str(row.get("requirement") or "")
                if label and label not in proves:
                    proves.append(label)
        lines.append({"text": shown, "proves": ", ".join(proves), "evidence": bool(proves)})
    return lines


def _cv_at(session: Session, job: MatchJob, position: int) -> MatchCV:
    cv = session.exec(select(MatchCV).where(MatchCV.job_id == job.id, MatchCV.position == position)).first()
    if cv is None or cv.status != "completed":
        raise NotFound("This candidate is not in the job's ranking: reload the page.")
    return cv


def owner_cv_text(session: Session, *, user_id: int, job_id: str, position: int) -> list[dict[str, Any]]:
    job = matching.get_job(session, user_id=user_id, job_id=job_id)
    return cv_text_lines(job, _cv_at(session, job, position))


def shared_cv_text(session: Session, *, token: str, position: int) -> list[dict[str, Any]]:
    job = share_links.job_for_token(session, token)
    return cv_text_lines(job, _cv_at(session, job, position))
