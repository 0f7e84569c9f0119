"""The rubric on a job's page: the requirements the ranking was scored with, their versions, and
the recruiter's corrections.

Re-scoring follows the engine that scored the job:

- **Local engine: every edit re-scores at once.** The stored CV texts are scored again in place
  (no upload, no credit, a few hundred milliseconds for 25 CVs) and the ranking moves while the
  recruiter watches; that immediacy is the point of the editor, so there is no separate button.
  Each edit becomes a new rubric version (the version select lists them), and a years number is
  one edit when the recruiter leaves the box, not one per keystroke.
- **Claude: edits are a draft** until the recruiter presses "Re-score with Claude…", which states
  the cost in credits and asks to confirm; the paid re-run is a new job, opened once created.

An older version can be viewed (its requirements and the ranking it gave, read-only) and made the
current one again with "Re-score with this rubric".
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import reflex as rx

from cvmatch_app.services import rubric
from cvmatch_app.services.errors import Conflict, ServiceError
from cvmatch_app.state import rubric_rows
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.db import in_db
from cvmatch_app.state.job import JobState
from cvmatch_app.state.job_cards import VERDICT_COLOURS, VERDICT_LABELS, ResultCard
from cvmatch_app.state.rubric_rows import RubricEditError, RubricGroup

LOCAL_ENGINE = "local"
ADD_REQUIREMENT_INPUT = "job-add-requirement"
STILL_SCORING = "The job is still being scored: edit the rubric once every CV is done."
VIEWING_OLD = "This is an older rubric: go back to the current one to edit it, or re-score with this one."


@dataclasses.dataclass
class RankedCandidate:
    rank: int
    name: str
    score: int
    verdict_label: str
    colour: str


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d %b, %H:%M")
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value).strftime("%d %b, %H:%M")
        except ValueError:
            return value
    return ""


def ranked(ranking: list[dict[str, Any]], cards: list[ResultCard], *, blind: bool) -> list[RankedCandidate]:
    """An older version's ranking, named as the cards name the candidates (blind review respected)."""
    rows = sorted(ranking, key=lambda row: -int(row.get("score") or 0))
    by_position = {card.position: card.name for card in cards}
    by_file = {} if blind else {card.filename: card.name for card in cards}  # a blind card's file is "CV n"

    def name(row: dict[str, Any]) -> str:
        if isinstance(row.get("position"), int) and row["position"] in by_position:
            return by_position[row["position"]]
        if str(row.get("filename")) in by_file:
            return by_file[str(row["filename"])]
        return "A candidate (blind review)" if blind else str(row.get("filename") or "A candidate")

    return [
        RankedCandidate(
            rank=index,
            name=name(row),
            score=int(row.get("score") or 0),
            verdict_label=VERDICT_LABELS.get(str(row.get("verdict")), str(row.get("verdict") or "")),
            colour=VERDICT_COLOURS.get(str(row.get("verdict")), "gray"),
        )
        for index, row in enumerate(rows, start=1)
    ]


class JobRubricState(rx.State):
    job_id: str = ""
    engine: str = LOCAL_ENGINE
    current_version: int = 0
    viewing_version: int = 0
    versions: list[dict[str, str]] = []
    rubric_groups: list[RubricGroup] = []
    old_ranking: list[RankedCandidate] = []
    error: str = ""
    rubric_revision: int = 0  # changes when an edit is refused: the years boxes show the kept number again
    rescoring: bool = False
    draft: bool = False  # Claude: the recruiter's edits, not scored yet
    confirm_text: str = ""  # the cost of a paid re-run, while the confirm dialog is open
    paying: bool = False

    _rubric: list[dict[str, Any]] = []
    _stored: list[dict[str, Any]] = []  # the viewed version as stored

    @rx.var
    def viewing_old(self) -> bool:
        return self.viewing_version != self.current_version

    @rx.var
    def is_local(self) -> bool:
        return self.engine == LOCAL_ENGINE

    async def _user_id(self) -> int | None:
        return await (await self.get_state(AuthState)).current_user_id()

    def _refuse(self, message: str) -> None:
        self.error, self.rubric_revision = message, self.rubric_revision + 1

    def _set(self, name: str, value: Any) -> None:
        """Only a changed value is sent: re-sending the same rows re-renders every control of the panel."""
        if getattr(self, name) != value:
            setattr(self, name, value)

    def _show(self, requirements: list[dict[str, Any]]) -> None:
        self._rubric = requirements
        self._set("rubric_groups", rubric_rows.rows_of(requirements))

    async def _fetch(self, user_id: int, version: int | None) -> None:
        job_id = self.job_id
        view = await in_db(lambda s: rubric.job_rubric(s, user_id=user_id, job_id=job_id, version=version))
        self._set("current_version", int(view["version"]))
        self._set("viewing_version", int(view.get("viewing") or view["version"]))
        versions = [
            {
                "value": str(v["version"]),
                "label": " · ".join(filter(None, [f"v{v['version']}", _when(v.get("created_at"))])),
            }
            for v in view.get("versions") or []
        ]
        self._set("versions", versions)
        self._stored = list(view.get("requirements") or [])
        self._show(self._stored)
        self._set("draft", False)
        old_ranking: list[RankedCandidate] = []
        if self.viewing_old:
            job = await self.get_state(JobState)
            old_ranking = ranked(list(view.get("ranking") or []), list(job._cards), blind=job.blind)
        self._set("old_ranking", old_ranking)

    @rx.event
    async def load(self):
        """on_load of /jobs/[job_id], after JobState.load: the rubric the ranking was scored with."""
        job_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        user_id = await self._user_id()
        if user_id is None:
            return
        if job_id != self.job_id:
            self.reset()
            self.job_id = job_id
        job = await self.get_state(JobState)
        self.engine = job.engine or LOCAL_ENGINE
        self.error, self.confirm_text = "", ""
        try:
            await self._fetch(user_id, None)
        except ServiceError:
            self.versions, self.rubric_groups = [], []

    @rx.event
    async def view_version(self, version: str):
        user_id = await self._user_id()
        if user_id is None or not str(version).isdigit():
            return
        self.error = ""
        try:
            await self._fetch(user_id, int(version))
        except ServiceError as exc:
            self.error = exc.detail

    @rx.event
    async def view_current(self):
        return await self.view_version(str(self.current_version))

    # Edits.

    async def _change(self, edit: rubric_rows.Edit) -> AsyncIterator[None]:
        """Apply ``edit`` (rubric → rubric): re-score at once (local engine) or keep it as a draft."""
        job = await self.get_state(JobState)
        if self.viewing_old:
            self._refuse(VIEWING_OLD)
            return
        if not job.done:
            self._refuse(STILL_SCORING)
            return
        try:
            changed = edit(self._rubric)
            if job.engine != LOCAL_ENGINE:
                rubric.check_requirements(changed)
        except RubricEditError as exc:
            self._refuse(str(exc))
            return
        except ServiceError as exc:
            self._refuse(exc.detail)
            return
        self.error = ""
        if job.engine != LOCAL_ENGINE:
            self._show(changed)
            self.draft = True
            return
        async for update in self._rescore(changed):
            yield update

    async def _rescore(self, changed: list[dict[str, Any]]) -> AsyncIterator[None]:
        user_id = await self._user_id()
        if user_id is None:
            return
        job_id, before = self.job_id, self._rubric
        self._show(changed)  # the switch moves at once; the ranking follows when scored
        self.rescoring = True
        yield
        try:
            await in_db(
                lambda s: rubric.rescore_job(s, user_id=user_id, job_id=job_id, requirements=changed), write=True
            )
        except ServiceError as exc:
            self._show(before)
            self._refuse(exc.detail)
            self.rescoring = False
            return
        job = await self.get_state(JobState)
        await job._reload(user_id)
        await self._fetch(user_id, None)
        self.rescoring = False
        async for update in job._then_cards():  # the table (on screen) re-ranks first, the print-only cards after
            yield update

    @rx.event
    async def remove_requirement(self, requirement_id: str):
        async for update in self._change(lambda r: rubric_rows.remove(r, requirement_id)):
            yield update

    @rx.event
    async def set_requirement_kind(self, requirement_id: str, must: bool):
        async for update in self._change(lambda r: rubric_rows.set_kind(r, requirement_id, bool(must))):
            yield update

    @rx.event
    async def set_requirement_knockout(self, requirement_id: str, knockout: bool):
        async for update in self._change(lambda r: rubric_rows.set_knockout(r, requirement_id, bool(knockout))):
            yield update

    @rx.event
    async def set_requirement_weight(self, requirement_id: str, weight: str):
        async for update in self._change(lambda r: rubric_rows.set_weight(r, requirement_id, str(weight))):
            yield update

    @rx.event
    async def set_requirement_years(self, requirement_id: str, years: str):
        current = next((item for item in self._rubric if item.get("id") == requirement_id), None)
        if current is not None and str(years).strip() == rubric_rows.years_text(current.get("years")):
            return  # left the box without changing it
        async for update in self._change(lambda r: rubric_rows.set_years(r, requirement_id, years)):
            yield update

    @rx.event
    async def add_requirement(self, form: dict):
        text, kind = str(form.get("text") or ""), str(form.get("kind") or "must")
        async for update in self._change(lambda r: [*r, rubric_rows.new_requirement(r, text, kind)]):
            yield update
        if not self.error:
            yield rx.set_value(ADD_REQUIREMENT_INPUT, "")

    @rx.event
    async def rescore_with_viewed(self):
        """Make the older version being viewed the current rubric again (a new version)."""
        job = await self.get_state(JobState)
        if not job.done:
            self.error = STILL_SCORING
            return
        stored = list(self._stored)
        self.viewing_version = self.current_version  # edits apply to the current rubric
        if job.engine != LOCAL_ENGINE:
            self._show(stored)
            self.draft, self.old_ranking = True, []
            return
        async for update in self._rescore(stored):
            yield update
        if self.error and (user_id := await self._user_id()) is not None:
            await self._fetch(user_id, None)  # refused: show the current rubric again, the error beside it

    @rx.event
    async def discard_draft(self):
        self._show(self._stored)
        self.draft, self.error = False, ""

    # A paid re-run (Claude).

    @rx.event
    async def ask_paid_rescore(self):
        """The service answers 409 with the cost; the dialog shows it and asks to confirm."""
        user_id = await self._user_id()
        if user_id is None:
            return
        job_id, changed = self.job_id, list(self._rubric)
        try:
            await in_db(
                lambda s: rubric.rescore_job(s, user_id=user_id, job_id=job_id, requirements=changed), write=True
            )
        except Conflict as exc:
            self.confirm_text = exc.detail
            return
        except ServiceError as exc:
            self.error = exc.detail
            return
        job = await self.get_state(JobState)  # scored in place after all (the job's engine is local)
        await job._reload(user_id)
        await self._fetch(user_id, None)
        await job._sync_cards()

    @rx.event
    def cancel_paid_rescore(self):
        self.confirm_text = ""

    @rx.event
    def confirm_dialog_changed(self, is_open: bool):
        if not is_open:
            self.confirm_text = ""

    @rx.event
    async def confirm_paid_rescore(self):
        user_id = await self._user_id()
        if user_id is None:
            return
        job_id, changed = self.job_id, list(self._rubric)
        self.confirm_text, self.paying = "", True
        yield
        try:
            answer = await in_db(
                lambda s: rubric.rescore_job(
                    s, user_id=user_id, job_id=job_id, requirements=changed, confirm_charge=True
                ),
                write=True,
            )
        except ServiceError as exc:
            self.error, self.paying = exc.detail, False
            return
        self.paying, self.draft = False, False
        await (await self.get_state(AuthState))._load_user()  # the charge shows in the balance
        yield rx.redirect(f"/jobs/{answer['job_id']}")
