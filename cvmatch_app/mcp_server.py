#!/usr/bin/env python3
"""CVMatch MCP server: lets an AI assistant (Claude Desktop and others) match CV files on this computer.

One standalone file: it imports nothing from the CVMatch app and talks to its REST API over HTTP.

    pip install "mcp<2" httpx
    CV_MATCH_API_URL=https://your-cvmatch-server CV_MATCH_API_KEY=cvm_... python mcp_server.py --check
    python mcp_server.py            # speaks MCP over stdio; an MCP client starts it for you

Tools: match_cvs(cv_paths, jd_text, requirements=None), get_match_progress(job_id), get_match_results(job_id).

A CV path is read only when it is a regular file named .pdf, .docx or .txt of at most 5 MB. A
symbolic link is followed only when its final target is such a file (also named .pdf, .docx or
.txt); a link to a folder, a device, a missing file or any other kind of file is refused, so the
assistant cannot be steered into uploading something that is not a CV. URLs are refused: this
server reads local files only.
"""

import json
import os
import re
import stat
import sys
import uuid
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

try:
    import anyio
    import httpx
    from mcp.server.fastmcp import FastMCP
    from pydantic import Field
except ImportError as problem:  # the one thing a new user is likely to hit: say what to install
    fix = "Install" if isinstance(problem, ModuleNotFoundError) else "Install or upgrade"
    sys.stderr.write(f'CVMatch MCP server: {problem}. {fix} its two packages: pip install -U "mcp<2" httpx\n')
    sys.exit(1)

VERSION = "1.0"
DEFAULT_API_URL = "http://localhost:3000"
ACCEPTED_EXTENSIONS = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain",
}
MAX_CV_BYTES = 5 * 1024 * 1024
MAX_CVS_PER_CALL = 100  # the API's own per-request cap; each plan's smaller limit comes back as its 400
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_TIMEOUT = httpx.Timeout(120.0, connect=10.0)  # extraction of a full batch can take a while
_ATTEMPTS = 3
_UUID_LENGTH = 36  # the canonical 8-4-4-4-12 form the API hands out
_DROPPED = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)


class CVMatchError(Exception):
    """A problem the assistant should show the user as it is: the message says what to do."""


# ---------------------------------------------------------------------------------------------
# Configuration


def api_url() -> str:
    return (os.environ.get("CV_MATCH_API_URL") or DEFAULT_API_URL).strip().rstrip("/")


def api_key() -> str:
    return (os.environ.get("CV_MATCH_API_KEY") or "").strip()


def config_problem() -> str | None:
    """What is wrong with the configuration, or None."""
    if not api_key():
        return (
            "CV_MATCH_API_KEY is not set. Create an API key on the Account page of your CVMatch server and put it "
            'in the "env" section of this server in claude_desktop_config.json, then restart Claude Desktop.'
        )
    url = api_url()
    if not url.startswith(("http://", "https://")):
        return f"CV_MATCH_API_URL is {url!r}: it must start with http:// or https:// (e.g. {DEFAULT_API_URL})."
    return None


# ---------------------------------------------------------------------------------------------
# Local files


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _accepted_list() -> str:
    return ", ".join(ACCEPTED_EXTENSIONS)


def check_cv_path(raw: str) -> Path:
    """The file to read for ``raw``, or CVMatchError saying why it cannot be a CV. Reads nothing."""
    text = raw.strip() if isinstance(raw, str) else ""
    if not text:
        raise CVMatchError("an empty path: give the absolute path of a CV file")
    if _URL.match(text):
        raise CVMatchError(
            "is a URL; match_cvs reads files on this computer only: download the CV and pass its local path"
        )
    given = Path(text).expanduser()
    path = given if given.is_absolute() else Path.cwd() / given
    where = "" if given.is_absolute() else f" (relative paths are read from {Path.cwd()}: give an absolute path)"
    if not os.path.lexists(path):
        raise CVMatchError(f"does not exist{where}")
    target = path
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        try:
            target_mode = os.stat(target).st_mode
        except OSError:
            raise CVMatchError(f"is a symbolic link to {str(target)!r}, which does not exist") from None
        if not stat.S_ISREG(target_mode):
            raise CVMatchError(f"is a symbolic link to {_kind_of(target_mode)} ({str(target)!r}); it is refused")
        if target.suffix.lower() not in ACCEPTED_EXTENSIONS:
            raise CVMatchError(
                f"is a symbolic link to {str(target)!r}, which is not a {_accepted_list()} file; it is refused"
            )
    try:
        mode = os.stat(target).st_mode
    except OSError as exc:
        raise CVMatchError(f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise CVMatchError("is a folder, not a file: pass the CV files in it one by one")
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED_EXTENSIONS:
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        raise CVMatchError(f"is {kind}; CVMatch reads PDF, DOCX and TXT files ({_accepted_list()})")
    if not stat.S_ISREG(mode):
        raise CVMatchError(f"is {_kind_of(mode)}, not a regular file")
    return target


def read_cv(raw: str) -> bytes:
    """The bytes of the CV at ``raw``, checked as ``check_cv_path`` says; CVMatchError otherwise."""
    target = check_cv_path(raw)
    # Open what was checked, without following a link swapped in since and without blocking on a
    # pipe; then check the open file itself, so a file that changed in between is still refused.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise CVMatchError(f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CVMatchError(f"is {_kind_of(info.st_mode)}, not a regular file")
        data = handle.read(MAX_CV_BYTES + 1) if info.st_size <= MAX_CV_BYTES else b""
    size = max(info.st_size, len(data))
    if size > MAX_CV_BYTES:
        raise CVMatchError(
            f"is {size / (1024 * 1024):.1f} MB; each CV can be at most {MAX_CV_BYTES // (1024 * 1024)} MB: "
            "compress it or save it as a smaller PDF, DOCX or TXT"
        )
    return data


def _unique_names(paths: list[Path]) -> list[str]:
    """File names to send: the base name, prefixed with its folder when two CVs share a name (CV.pdf)."""
    counts: dict[str, int] = {}
    for path in paths:
        counts[path.name] = counts.get(path.name, 0) + 1
    names: list[str] = []
    taken: set[str] = set()
    for path in paths:
        name = path.name if counts[path.name] == 1 else f"{path.parent.name or 'root'} - {path.name}"
        candidate, n = name, 2
        while candidate in taken:
            candidate = f"{Path(name).stem} ({n}){Path(name).suffix}"
            n += 1
        taken.add(candidate)
        names.append(candidate)
    return names


def load_cvs(cv_paths: list[str]) -> list[tuple[str, str, bytes]]:
    """(path as given, name to send, bytes) for every path; one CVMatchError listing every bad path."""
    if not cv_paths:
        raise CVMatchError("cv_paths is empty: give the absolute paths of one or more CV files (.pdf, .docx, .txt).")
    if len(cv_paths) > MAX_CVS_PER_CALL:
        raise CVMatchError(
            f"{len(cv_paths)} CVs in one call is too many (at most {MAX_CVS_PER_CALL}, and your plan's batch limit "
            "may be lower): split them into several match_cvs calls."
        )
    loaded: list[tuple[str, bytes]] = []
    problems: list[str] = []
    for raw in cv_paths:
        try:
            loaded.append((raw, read_cv(raw)))
        except CVMatchError as exc:
            problems.append(f"- {raw!r} {exc}")
    if problems:
        raise CVMatchError(
            "Nothing was submitted and no credits were spent: "
            + ("this path cannot" if len(problems) == 1 else "these paths cannot")
            + " be matched as a CV:\n"
            + "\n".join(problems)
        )
    names = _unique_names([Path(raw.strip()).expanduser() for raw, _ in loaded])
    return [(raw, name, data) for (raw, data), name in zip(loaded, names, strict=True)]


# ---------------------------------------------------------------------------------------------
# The REST API


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text.strip()[:300] or response.reason_phrase
    if isinstance(body, dict) and "detail" in body:
        detail = body["detail"]
        return detail if isinstance(detail, str) else str(detail)[:300]
    return str(body)[:300]


def api_error(response: httpx.Response) -> CVMatchError:
    """A readable message for an error answer of the API, with what to do about it."""
    code = response.status_code
    detail = _detail(response).rstrip(". ")
    if code == 401:
        return CVMatchError(
            f"CVMatch refused the API key (401): {detail}. Check CV_MATCH_API_KEY in claude_desktop_config.json "
            "(create a new key on the Account page if this one was revoked) and restart Claude Desktop."
        )
    if code == 402:
        return CVMatchError(
            f"Not enough credits (402): {detail}. Each CV costs one credit: buy credits on the Pricing page of "
            "CVMatch or match fewer CVs. Nothing was charged."
        )
    if code == 403:
        return CVMatchError(f"This API key may not do that (403): {detail}.")
    if code == 404:
        return CVMatchError(f"Job not found (404): {detail}. Use the job_id that match_cvs returned.")
    if code == 429:
        retry_after = response.headers.get("Retry-After", "").strip()
        wait = f"Retry after {retry_after} seconds" if retry_after.isdigit() else "Wait a minute and retry"
        return CVMatchError(f"Rate limit reached (429): {detail}. {wait}.")
    if code in (400, 409, 413, 415, 422):
        return CVMatchError(f"CVMatch refused the request ({code}): {detail}.")
    if code >= 500:
        return CVMatchError(f"The CVMatch server had an error ({code}): {detail}. Try again in a moment.")
    return CVMatchError(f"Unexpected answer from CVMatch ({code}): {detail}.")


async def _send(client: httpx.AsyncClient, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """The response, retrying a dropped connection (safe: GETs, and the POST carries an Idempotency-Key)."""
    for attempt in range(1, _ATTEMPTS):
        try:
            return await client.request(method, path, **kwargs)
        except _DROPPED:
            if method != "GET":
                # A server may refuse an upload (bad key, rate limit) before reading it and then drop the
                # connection with the answer unread; a request without a body gets that answer.
                try:
                    probe = await client.get("/api/match")
                except httpx.HTTPError:
                    probe = None
                if probe is not None and probe.status_code in (401, 403, 429):
                    return probe
            await anyio.sleep(0.5 * attempt)
    return await client.request(method, path, **kwargs)


async def call_api(method: str, path: str, **kwargs: Any) -> dict[str, Any]:
    """One request to the API with the key; the JSON body, or CVMatchError with a readable message."""
    problem = config_problem()
    if problem:
        raise CVMatchError(problem)
    url = api_url()
    headers = {"X-API-Key": api_key(), "User-Agent": f"cvmatch-mcp/{VERSION}"}
    try:
        async with httpx.AsyncClient(base_url=url, headers=headers, timeout=_TIMEOUT) as client:
            response = await _send(client, method, path, **kwargs)
    except httpx.TimeoutException:
        raise CVMatchError(f"CVMatch at {url} did not answer in time. Try again in a moment.") from None
    except httpx.HTTPError as exc:
        raise CVMatchError(
            f"Could not reach CVMatch at {url} ({type(exc).__name__}: {exc or 'connection lost'}). "
            "Check CV_MATCH_API_URL and that the server is running."
        ) from None
    if response.status_code >= 400:
        raise api_error(response)
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise CVMatchError(
            f"{url}{path} did not answer like a CVMatch server (HTTP {response.status_code}, not JSON). "
            "Check CV_MATCH_API_URL."
        )
    return body


def _job_path(job_id: str, suffix: str = "") -> str:
    """The API path of a job; the id must be a UUID, so that no other path can be built from it."""
    job_id = (job_id or "").strip() if isinstance(job_id, str) else ""
    if not job_id:
        raise CVMatchError("job_id is empty: use the job_id that match_cvs returned.")
    try:
        canonical = str(uuid.UUID(job_id)) if len(job_id) == _UUID_LENGTH else ""
    except ValueError:
        canonical = ""
    if not canonical:
        shown = job_id if len(job_id) <= 60 else job_id[:60] + "..."
        raise CVMatchError(
            f"{shown!r} is not a CVMatch job_id (a UUID like 1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b): "
            "use the job_id that match_cvs returned."
        )
    return f"/api/match/{quote(canonical, safe='')}{suffix}"


# ---------------------------------------------------------------------------------------------
# The MCP tools

mcp = FastMCP(
    "cv-matching",
    log_level="WARNING",
    instructions=(
        "CVMatch scores CV files (PDF, DOCX, TXT) on this computer against a job description, 0-100, with a "
        "verdict, a summary, strengths and gaps. Workflow: call match_cvs with the CVs' absolute paths and the "
        "job description text; then call get_match_progress with the job_id every 1-2 seconds until its status "
        "is 'completed'; then call get_match_results and present the ranked candidates (and the skipped_cvs the "
        "server could not read, with their reasons). Each CV costs one credit; an unreadable one is refunded."
    ),
)

PathsArg = Annotated[
    list[str],
    Field(description="Absolute paths of the CV files on this computer: .pdf, .docx or .txt, at most 5 MB each."),
]
JobDescriptionArg = Annotated[str, Field(description="The job description text (up to 50,000 characters).")]
JobIdArg = Annotated[str, Field(description="The job_id returned by match_cvs.")]
RequirementsArg = Annotated[
    list[dict[str, Any]] | None,
    Field(
        description="Optional: the recruiter's own requirements (rubric) to score against instead of what the "
        'engine reads from the job description. A list of objects: {"text": "RN licence", "kind": "must" or '
        '"nice", "knockout": true/false (not met: the score stays below the Interview band), "weight": "low", '
        '"normal" or "high", "years": number (for a years requirement, with "group": "years")}. At least one '
        "must-have, at most 60 requirements of up to 300 characters. Protected characteristics (age, gender, "
        "family, origin, religion, health, nationality...) are refused. Leave it out to use the engine's reading.",
    ),
]


@mcp.tool()
async def match_cvs(
    cv_paths: PathsArg, jd_text: JobDescriptionArg, requirements: RequirementsArg = None
) -> dict[str, Any]:
    """Submit CV files for matching against a job description. Returns job_id, status and cv_count.

    Each CV costs one credit when submitted. The server reads the files after answering: a CV it cannot read
    (damaged, image-only, password-protected...) is listed in the results' skipped_cvs with the reason and its
    credit is given back. Matching runs in the background: after this call, call get_match_progress with the
    job_id every 1-2 seconds until its status is "completed", then call get_match_results for the ranked
    candidates.

    Optional requirements: the recruiter's rubric (what must and may be shown, knockouts and weights); the
    server checks it before any credit is spent and get_match_results shows the rubric the CVs were scored with.
    """
    if not isinstance(jd_text, str) or not jd_text.strip():
        raise CVMatchError("jd_text is empty: pass the text of the job description.")
    form = {"jd_text": jd_text}
    if requirements is not None:
        if not isinstance(requirements, list):
            raise CVMatchError('requirements must be a list of objects like {"text": "RN licence", "kind": "must"}.')
        form["requirements"] = json.dumps(requirements)
    cvs = await anyio.to_thread.run_sync(load_cvs, list(cv_paths))
    files = [("cvs", (name, data, ACCEPTED_EXTENSIONS[Path(name).suffix.lower()])) for _, name, data in cvs]
    # The same key on a retried upload returns the job already created: never charged twice.
    idempotency = {"Idempotency-Key": f"mcp-{uuid.uuid4()}"}
    job = await call_api("POST", "/api/match", files=files, data=form, headers=idempotency)
    return {
        "job_id": job.get("job_id"),
        "status": job.get("status"),
        "cv_count": job.get("cv_count"),
        "skipped_cvs": job.get("skipped_cvs") or [],
        "files": [{"path": raw, "cv_filename": name} for raw, name, _ in cvs],
        "next_step": "Call get_match_progress with this job_id every 1-2 seconds until status is 'completed', "
        "then call get_match_results. CVs the server cannot read are listed there in skipped_cvs (refunded).",
    }


@mcp.tool()
async def get_match_progress(job_id: JobIdArg) -> dict[str, Any]:
    """Check a match job's CVs: total, completed, pending (queued), reading, processing (scoring), skipped
    (unreadable, refunded), failed, and the job's status.

    Call it every 1-2 seconds after match_cvs until status is "completed" (or "failed"), then call
    get_match_results with the same job_id.
    """
    progress = await call_api("GET", _job_path(job_id, "/progress"))
    status = progress.get("status")
    if status == "completed":
        next_step = "Done: call get_match_results with this job_id."
    elif status == "failed":
        next_step = "No CV could be scored: call get_match_results to see why (failed CVs are refunded)."
    elif progress.get("reading"):
        next_step = "Still reading the files: call get_match_progress again in 1-2 seconds."
    else:
        next_step = "Still scoring: call get_match_progress again in 1-2 seconds."
    return {
        "job_id": progress.get("job_id", job_id),
        "status": status,
        "total": progress.get("total"),
        "completed": progress.get("completed"),
        "pending": progress.get("pending"),
        "reading": progress.get("reading", 0),
        "processing": progress.get("processing", 0),
        "skipped": progress.get("skipped", 0),
        "failed": progress.get("failed", 0),
        "next_step": next_step,
    }


_RESULT_FIELDS = (
    "cv_filename",
    "match_score",
    "verdict",
    "recommendation",
    "executive_summary",
    "strengths",
    "gaps",
    "flags",
)


_RUBRIC_FIELDS = ("text", "kind", "group", "weight", "knockout", "years")


@mcp.tool()
async def get_match_results(job_id: JobIdArg) -> dict[str, Any]:
    """Get the ranked results of a completed match job: for each CV its score (0-100), verdict, recommendation,
    executive summary, strengths and gaps, best match first, and the rubric (requirements) they were scored with.

    Call it once get_match_progress says status is "completed". Verdicts: STRONG_MATCH 75-100 and GOOD_MATCH
    60-74 (Interview), MODERATE_MATCH 40-59 (Consider), WEAK_MATCH 20-39 and NOT_SUITABLE 0-19 (Not recommended).
    """
    body = await call_api("GET", _job_path(job_id))
    results = [
        {"rank": rank, **{key: result.get(key) for key in _RESULT_FIELDS if key in result}}
        for rank, result in enumerate(body.get("results") or [], start=1)
    ]
    answer: dict[str, Any] = {
        "job_id": body.get("job_id", job_id),
        "status": body.get("status"),
        "results": results,
        "skipped_cvs": body.get("skipped_cvs") or [],
        "failed_cvs": body.get("failed_cvs") or [],
    }
    rubric = body.get("rubric")
    if isinstance(rubric, dict):
        answer["rubric"] = {
            "version": rubric.get("version"),
            "edited_by_recruiter": bool(rubric.get("edited")),
            "requirements": [
                {key: item.get(key) for key in _RUBRIC_FIELDS if key in item and (key != "years" or item.get(key))}
                for item in rubric.get("requirements") or []
                if isinstance(item, dict)
            ],
        }
    if body.get("status") not in ("completed", "failed"):
        answer["note"] = (
            "The job is still being scored, so these results are partial: poll get_match_progress until status "
            "is 'completed', then call get_match_results again."
        )
    return answer


# ---------------------------------------------------------------------------------------------
# Running it


def check() -> int:
    """--check: try the configuration against the server, for a person setting it up."""
    problem = config_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        body = anyio.run(call_api, "GET", "/api/match")
    except CVMatchError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"OK: CVMatch at {api_url()} accepted the API key ({len(body.get('jobs') or [])} recent jobs).")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if args and args[0] == "--version":
        print(f"cvmatch-mcp {VERSION}")
        return 0
    if args and args[0] == "--check":
        return check()
    if args:
        print(f"Unknown argument {args[0]!r}: try --help.", file=sys.stderr)
        return 2
    # stdout is the MCP channel: everything for people goes to stderr.
    problem = config_problem()
    if problem:
        print(f"CVMatch MCP server: {problem}", file=sys.stderr)
    if sys.stdin.isatty():
        print(
            f"CVMatch MCP server for {api_url()}, speaking MCP on stdin/stdout. An MCP client such as Claude "
            "Desktop starts it for you; run it with --check to test your settings. Ctrl-C stops it.",
            file=sys.stderr,
        )
    try:
        mcp.run("stdio")
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
