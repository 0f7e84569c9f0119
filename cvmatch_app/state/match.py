"""The match page: CVs and a JD staged in memory (never written under the public upload directory), then submitted."""

from __future__ import annotations

import asyncio
import dataclasses
import secrets
import time
from typing import Any

import reflex as rx
from reflex.event import EventSpec
from reflex.vars import ArrayVar, ObjectVar

from cvmatch_app.config import get_settings
from cvmatch_app.plans import DEFAULT_PLAN, credits_for
from cvmatch_app.plans import batch_limit as batch_limit_of
from cvmatch_app.services import matching, rubric
from cvmatch_app.services.errors import ServiceError
from cvmatch_app.services.filenames import clean_filename
from cvmatch_app.state import rubric_rows, staged_files
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.db import in_db
from cvmatch_app.state.rubric_rows import RubricEditError, RubricGroup
from cvmatch_app.state.staged_files import StagedFile

CV_UPLOAD_ID = "cvs"
JD_UPLOAD_ID = "jd"
ACCEPTED_SUFFIXES = (".pdf", ".docx", ".txt")
LOG_IN_TO_ADD = "Log in to add files: your session has ended."
UPLOAD_HANDLERS = ("add_cvs", "set_jd_file")  # the only handlers /_upload may call (see api/upload_limits.py)
MATCH_PAGE_PATH = "/"
# A submission still "in flight" after this long died with its process: the button comes back.
SUBMIT_STALE_SECONDS = 60.0
JD_TYPING_PAUSE_MS = 600  # the rubric is read again once the recruiter stops typing this long
ADD_REQUIREMENT_INPUT = "match-add-requirement"


@dataclasses.dataclass
class StagedCV:
    name: str
    size: str


def size_label(n_bytes: int) -> str:
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):.1f} MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.0f} KB"
    return f"{n_bytes} bytes"


def jd_key(jd_text: str) -> str:
    """A JD's words line by line: re-spacing it or adding blank lines does not change its reading."""
    return "\n".join(" ".join(line.split()) for line in jd_text.splitlines() if line.strip())


def max_file_mb() -> int:
    return get_settings().max_cv_bytes // (1024 * 1024)


class MatchState(rx.State):
    cvs: list[StagedCV] = []
    jd_file_name: str = ""
    jd_file_size: str = ""
    batch_limit: int = batch_limit_of(DEFAULT_PLAN)
    submitting: bool = False
    blind: bool = False  # the new job starts with blind review on (the job page's switch)
    adding_percent: int = -1  # while dropped CVs travel to the server: 0-100; otherwise -1
    error: str = ""
    jd_text: str = ""  # the pasted job description (kept across reloads of the tab, like the files)

    # The rubric: what the engine read from the JD, as the recruiter corrected it (sent with the job).
    rubric_groups: list[RubricGroup] = []
    rubric_title: str = ""
    rubric_reading: bool = False
    rubric_note: str = ""  # why there is no reading (e.g. a JD with nothing to match on)
    rubric_error: str = ""  # an edit refused (a protected characteristic, a bad number…)
    rubric_revision: int = 0  # changes when an edit is refused: the years boxes show the kept number again
    rubric_edited: bool = False
    last_rubric_label: str = ""

    # The files themselves stay on the server side of the state, never sent to the browser.
    _cv_files: list[StagedFile] = []
    _jd_file: StagedFile | None = None
    _owner: int | None = None
    # The Idempotency-Key of what is staged now: a reload, a double click or a retry of the same
    # files never creates a second job or a second charge. A new one whenever the files change.
    _submission_key: str = ""
    _submit_started: float = 0.0
    _rubric: list[dict[str, Any]] = []
    _reading: list[dict[str, Any]] = []  # the engine's own reading, before the recruiter's edits
    _rubric_jd: str = ""  # the JD that reading is of (``jd_key``)
    _jd_file_text: str = ""
    _last_rubric: list[dict[str, Any]] = []
    _read_generation: int = 0

    @rx.var
    def cost(self) -> int:
        return credits_for(len(self.cvs))

    @rx.event
    async def load(self):
        auth = await self.get_state(AuthState)
        user_id = await auth.current_user_id()
        if user_id is None:
            return
        if self._owner != user_id:  # another account used this tab before: forget its files
            self._clear()
            self.blind = False
            self._owner = user_id
        self.batch_limit = get_settings().batch_limit(auth.plan or DEFAULT_PLAN)
        if self.submitting and time.time() - self._submit_started > SUBMIT_STALE_SECONDS:
            self.submitting = False  # a reload during a submission keeps the button busy until it ends
        self.error = ""

    def _clear(self) -> None:
        self.cvs, self._cv_files = [], []
        self.jd_file_name, self.jd_file_size, self._jd_file = "", "", None
        self.jd_text, self._jd_file_text = "", ""
        self._forget_rubric()
        self._staged_changed()

    def _staged_changed(self) -> None:
        self._submission_key = "web-" + secrets.token_urlsafe(18)

    def _refuse(self, message: str) -> EventSpec:
        self.error = message
        return rx.toast.error(message, close_button=True)

    async def _may_stage(self) -> bool:
        """Only a logged-in page holds files (checked against the JWT, as every page is); an upload
        from anyone else is refused before its bytes are read."""
        user_id = await (await self.get_state(AuthState)).current_user_id()
        if user_id is None:
            self._clear()
            return False
        if self._owner != user_id:
            self._clear()
            self.blind = False
            self._owner = user_id
        return True

    @rx.event
    async def add_cvs(self, files: list[rx.UploadFile]):
        """Keep dropped CVs in memory, refusing what the plan or the size limit would refuse."""
        self.adding_percent = -1
        if not await self._may_stage():
            return self._refuse(LOG_IN_TO_ADD)
        if not files or self.submitting:
            return  # the drop zone refused every file (``cvs_refused`` explains why), or a submission runs
        self.error = ""
        self._staged_changed()
        limit_bytes = get_settings().max_cv_bytes
        refused: list[str] = []
        for upload in files:
            name = clean_filename(upload.name, fallback="cv")
            data = await upload.read()
            if no_room := staged_files.refusal_for([*self._cv_files, self._jd_file], name, len(data)):
                refused.append(no_room)
                break
            if len(data) > limit_bytes:
                refused.append(
                    f"'{name}' is {size_label(len(data))}; each file can be at most {max_file_mb()} MB. "
                    "Compress it or save it as a smaller PDF, DOCX or TXT."
                )
                continue
            if len(self.cvs) >= self.batch_limit:
                refused.append(
                    f"Your plan allows {self.batch_limit} CVs per job: '{name}' was not added. "
                    "Submit these first, or split the CVs into several jobs."
                )
                break
            self.cvs.append(StagedCV(name=name, size=size_label(len(data))))
            self._cv_files.append(StagedFile(name, data))
        if refused:
            return self._refuse(" ".join(refused))

    @rx.event
    def cvs_refused(self, rejections: list[str]):
        """Files the drop zone refused in the browser: each is "name|error codes" (see ``describe_rejections``)."""
        messages = []
        for rejection in rejections:
            name, _, codes = str(rejection).rpartition("|")
            name = clean_filename(name, fallback="A file")
            if "file-too-large" in codes:
                messages.append(f"'{name}' is larger than {max_file_mb()} MB, the limit per file.")
            elif "file-invalid-type" in codes:
                messages.append(f"'{name}' is not a PDF, DOCX or TXT file.")
            elif "too-many-files" in codes:
                messages.append("Drop one file here.")
            else:
                messages.append(f"'{name}' was not accepted.")
        return self._refuse(" ".join(dict.fromkeys(messages)))

    @rx.event
    def cvs_progress(self, progress: dict):
        """The browser's upload progress, so that a large drop shows it is on its way."""
        share = float(progress.get("progress") or 0)
        self.adding_percent = -1 if share >= 1 else int(share * 100)

    @rx.event
    def remove_cv(self, index: int):
        if 0 <= index < len(self.cvs) and not self.submitting:
            self.cvs.pop(index)
            self._cv_files.pop(index)
            self._staged_changed()

    @rx.event
    def remove_all_cvs(self):
        if not self.submitting:
            self.cvs, self._cv_files = [], []
            self._staged_changed()

    @rx.event
    async def set_jd_file(self, files: list[rx.UploadFile]):
        if not await self._may_stage():
            return self._refuse(LOG_IN_TO_ADD)
        if not files or self.submitting:
            return
        self._staged_changed()
        upload = files[0]
        data = await upload.read()
        if len(data) > get_settings().max_cv_bytes:
            return self._refuse(f"The job description file is larger than {max_file_mb()} MB.")
        name = clean_filename(upload.name, fallback="job description")
        if no_room := staged_files.refusal_for(self._cv_files, name, len(data)):
            return self._refuse(no_room)
        self.jd_file_name, self.jd_file_size, self._jd_file = name, size_label(len(data)), StagedFile(name, data)
        self.error = ""
        try:
            self._jd_file_text = await asyncio.to_thread(matching.read_jd_file, matching.UploadedFile(name, data))
        except ServiceError as exc:
            self._jd_file_text = ""
            self._forget_rubric()
            self.rubric_note = exc.detail
            return
        return MatchState.read_rubric

    @rx.event
    def remove_jd_file(self):
        if not self.submitting:
            self.jd_file_name, self.jd_file_size, self._jd_file = "", "", None
            self._jd_file_text = ""
            self._staged_changed()
            return MatchState.set_jd_text(self.jd_text)

    @rx.event
    def set_blind_review(self, blind: bool):
        if not self.submitting:
            self.blind = bool(blind)

    # The rubric.

    def _jd_for_rubric(self) -> str:
        return self._jd_file_text if self.jd_file_name else self.jd_text

    def _forget_rubric(self) -> None:
        self._read_generation += 1
        self._rubric, self._reading, self._rubric_jd, self._last_rubric = [], [], "", []
        self.rubric_groups, self.rubric_title, self.last_rubric_label = [], "", ""
        self.rubric_reading, self.rubric_note, self.rubric_error, self.rubric_edited = False, "", "", False

    def _show_rubric(self, requirements: list[dict[str, Any]]) -> None:
        """Show ``requirements``. The submission key changes only when what a submission would send
        changes (the recruiter's edits, or their undoing), never while one is under way: the engine's
        own reading arriving after the click (a reload meanwhile) is the same request, so submitting
        the still-staged files again reuses the key and never makes a second job or charge."""
        was_edited = self.rubric_edited
        self._rubric = requirements
        self.rubric_groups = rubric_rows.rows_of(requirements)
        self.rubric_edited = rubric_rows.is_edited(self._reading, requirements)
        if (was_edited or self.rubric_edited) and not self.submitting:
            self._staged_changed()

    @rx.event
    def set_jd_text(self, text: str):
        """The pasted JD, sent once the recruiter pauses: a changed text is read again (their edits
        are carried over); the same text (or only its spacing changed) keeps the rubric as it is."""
        if self.submitting:
            return None
        self.jd_text = str(text)[: get_settings().max_jd_chars + 1]
        jd = jd_key(self._jd_for_rubric())
        if not jd:
            self._forget_rubric()
            return None
        if jd == self._rubric_jd:
            return None
        return MatchState.read_rubric

    @rx.event(background=True)
    async def read_rubric(self):
        """What the engine reads from the JD (no database, no credit), off the state lock."""
        async with self:
            jd_text = self._jd_for_rubric()
            jd = jd_key(jd_text)
            if not jd or jd == self._rubric_jd:
                return
            self._read_generation += 1
            generation = self._read_generation
            self.rubric_reading = True
            user_id = await (await self.get_state(AuthState)).current_user_id()
        try:
            reading = await asyncio.to_thread(rubric.preview_rubric, jd_text)
        except ServiceError as exc:
            async with self:
                if generation == self._read_generation:
                    self._reading, self._rubric_jd, self.rubric_reading = [], jd, False
                    self._show_rubric([])
                    self.rubric_title, self.rubric_note, self.last_rubric_label = "", exc.detail, ""
            return
        title = str(reading.get("title") or "")
        last = None
        if user_id is not None and title:
            last = await in_db(lambda s: rubric.last_rubric_for_title(s, user_id=user_id, title=title))
        async with self:
            if generation != self._read_generation:
                return  # the JD changed again meanwhile: a newer reading is under way
            new_reading = list(reading.get("requirements") or [])
            kept = rubric_rows.carry_edits(self._reading, self._rubric, new_reading) if self.rubric_edited else None
            self._reading, self._rubric_jd = new_reading, jd
            self._show_rubric(kept if kept else new_reading)
            self.rubric_title, self.rubric_note, self.rubric_error = title, "", ""
            self.rubric_reading = False
            self._last_rubric = list(last["requirements"]) if last and last.get("requirements") else []
            last_title = str(last.get("title") or title) if last else title
            self.last_rubric_label = f"Use the rubric of your last “{last_title}” job" if self._last_rubric else ""

    def _edit_rubric(self, edit: rubric_rows.Edit) -> None:
        """Apply ``edit`` (rubric → rubric) only if the result is a rubric the engine accepts."""
        if self.submitting:
            return
        try:
            changed = edit(self._rubric)
            rubric.check_requirements(changed)
        except RubricEditError as exc:
            self.rubric_error, self.rubric_revision = str(exc), self.rubric_revision + 1
            return
        except ServiceError as exc:
            self.rubric_error, self.rubric_revision = exc.detail, self.rubric_revision + 1
            return
        self.rubric_error = ""
        self._show_rubric(changed)

    @rx.event
    def remove_requirement(self, requirement_id: str):
        self._edit_rubric(lambda r: rubric_rows.remove(r, requirement_id))

    @rx.event
    def set_requirement_kind(self, requirement_id: str, must: bool):
        self._edit_rubric(lambda r: rubric_rows.set_kind(r, requirement_id, bool(must)))

    @rx.event
    def set_requirement_knockout(self, requirement_id: str, knockout: bool):
        self._edit_rubric(lambda r: rubric_rows.set_knockout(r, requirement_id, bool(knockout)))

    @rx.event
    def set_requirement_weight(self, requirement_id: str, weight: str):
        self._edit_rubric(lambda r: rubric_rows.set_weight(r, requirement_id, str(weight)))

    @rx.event
    def set_requirement_years(self, requirement_id: str, years: str):
        self._edit_rubric(lambda r: rubric_rows.set_years(r, requirement_id, years))

    @rx.event
    def add_requirement(self, form: dict):
        text, kind = str(form.get("text") or ""), str(form.get("kind") or "must")
        self._edit_rubric(lambda r: [*r, rubric_rows.new_requirement(r, text, kind)])
        if not self.rubric_error:
            return rx.set_value(ADD_REQUIREMENT_INPUT, "")
        return None

    @rx.event
    def use_last_rubric(self):
        last = list(self._last_rubric)
        self._edit_rubric(lambda _: last)

    @rx.event
    def undo_rubric_edits(self):
        reading = list(self._reading)
        self.rubric_error = ""
        self._show_rubric(reading)

    @rx.event
    def submit(self, form: dict):
        if self.submitting:
            return
        jd_text = str(form.get("jd_text", "")).strip()
        if not self.cvs:
            return self._refuse("Add at least one CV (PDF, DOCX or TXT) to match.")
        if not jd_text and not self.jd_file_name:
            return self._refuse("Add the job description: paste its text or drop its file.")
        if jd_text and self.jd_file_name:
            return self._refuse("Use either the pasted text or the file for the job description, not both.")
        staged = [*self._cv_files, *([self._jd_file] if self._jd_file else [])]
        missing = [f"'{file.name}'" for file in staged if file.missing]
        if missing:
            return self._refuse(
                f"The server restarted or too long passed since you added {', '.join(missing)}: "
                "remove and add them again."
            )
        if not self._submission_key:
            self._staged_changed()
        self.submitting = True
        self._submit_started = time.time()
        self.error = ""
        return MatchState.run_submission(jd_text)

    @rx.event(background=True)
    async def run_submission(self, jd_text: str):
        """Check, store and charge outside the state lock (the CVs are read by the runner), then open
        the job's live page, unless the recruiter has gone to another page meanwhile."""
        async with self:
            auth = await self.get_state(AuthState)
            user_id = await auth.current_user_id()
            cvs = [matching.UploadedFile(filename=file.name, data=file.data) for file in self._cv_files]
            jd_file = matching.UploadedFile(self._jd_file.name, self._jd_file.data) if self._jd_file else None
            key = self._submission_key
            blind = self.blind
            requirements = list(self._rubric) if self.rubric_edited else None
            reading, rubric_jd = list(self._reading), self._rubric_jd
            jd_now = jd_text or (self._jd_file_text if jd_file else "")
        if requirements and jd_key(jd_now) != rubric_jd:
            # The JD changed after the last reading (typed, then submitted at once): read it now.
            try:
                fresh = await asyncio.to_thread(rubric.preview_rubric, jd_now)
                requirements = rubric_rows.carry_edits(reading, requirements, list(fresh.get("requirements") or []))
            except ServiceError:
                requirements = None  # the submission itself says what is wrong with the JD
        if user_id is None:
            async with self:
                self.submitting = False
            yield rx.redirect("/login")
            return
        try:
            response = await asyncio.to_thread(
                matching.submit,
                user_id=user_id,
                cvs=cvs,
                jd_text=jd_text or None,
                jd_file=jd_file,
                idempotency_key=key,
                blind=blind,
                requirements=requirements,
            )
        except ServiceError as exc:
            async with self:
                self.submitting = False
                self.error = exc.detail
            yield rx.toast.error(exc.detail, close_button=True)
            return
        async with self:
            if self._submission_key == key:
                self._clear()
            self.submitting = False
            auth = await self.get_state(AuthState)
            await auth._load_user()
            still_here = self.router.url.path.rstrip("/") == MATCH_PAGE_PATH.rstrip("/")
        if still_here:
            yield rx.redirect(f"/jobs/{response['job_id']}")
        else:
            yield rx.toast.success("Your job was created: open it from History.", close_button=True)


def describe_rejections(rejected: ArrayVar) -> EventSpec:
    """Send only the names and error codes of refused files (the File objects cannot travel)."""

    def describe(rejection: ObjectVar) -> str:
        rejection = rejection.to(ObjectVar, dict[str, dict[str, Any]])
        file = rejection["file"].to(ObjectVar, dict[str, Any])
        errors = rejection["errors"].to(ArrayVar, list[dict[str, Any]])
        return f"{file['name']}|{errors.map(lambda error: error['code']).join(',')}"

    return MatchState.cvs_refused(rejected.to(ArrayVar).map(describe))
