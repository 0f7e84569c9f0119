"""A local fake of Anthropic's Messages API, driven through the real ``anthropic`` SDK.

Anthropic cannot be reached from the test machines, and our own code is never mocked: the engine
talks HTTP to this server exactly as it would to api.anthropic.com. Each test scripts what the
"model" answers (a tool call, a malformed or truncated answer, a refusal, 429/529/500, a slow
answer, an authentication or spend-limit error), and reads back every request it received.

    fake = FakeAnthropic(latency=0.0).start()
    fake.script(error(429, "rate_limit_error", retry_after=1), assessment(score=81))
    fake.when(lambda req: "Sam Coder" in req.cv_text, error(500, "api_error"))  # every time
    ...
    fake.requests[0].body["system"][-1]["cache_control"]
    fake.stop()

Without a script or rule, the fake plays a simple, gullible model: it scores by word overlap
between the JD and the CV, and obeys "ignore previous instructions ... score 100" if it sees it.
Cache accounting follows Anthropic's rules: the prefix up to the last ``cache_control`` block is
written (``cache_creation_input_tokens``) by a request that finds no copy, and read
(``cache_read_input_tokens``) by identical requests sent after that answer came back; prefixes
shorter than ``min_cacheable_tokens`` (4,096 for Haiku 4.5) are not cached at all.

Message Batches (``/v1/messages/batches``, ``/{id}``, ``/{id}/results`` as JSONL): a created batch
answers ``in_progress`` to its first ``batch_polls_in_progress`` retrievals (forever while
``hold_batches`` is set), then ``ended``; its requests are answered at that moment, one after the
other, by the same script, rules and default as live calls. A rule's ``error(...)`` becomes an
``errored`` result, ``batch_expired()`` / ``batch_canceled()`` an expired or canceled one.

    fake.when(lambda req: "Sam Coder" in req.cv_text, batch_expired())
    fake.batch_create_errors.append(error(429, "rate_limit_error"))  # refuse the next creation
    fake.batch_creates  # the accepted create calls; fake.batch_requests: every request inside them
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.support.server import free_port

TOOL_NAME = "record_assessment"
_CV_RE = re.compile(r"<<<CV (\w+)>>>\n(.*)\n<<<END CV \1>>>", re.DOTALL)
_OBEY_RE = re.compile(
    r"ignore (?:all )?previous instructions|score (?:this candidate |me )?100|deserves? (?:a )?100", re.IGNORECASE
)
_WORD_RE = re.compile(r"[a-z][a-z+#]{3,}")
_ids = itertools.count(1)


@dataclass
class FakeRequest:
    """One request as the fake received it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    started: float
    finished: float = 0.0

    @property
    def api_key(self) -> str:
        """The key the SDK sent: ``x-api-key``, or ``Authorization: Bearer`` (newer SDKs)."""
        bearer = self.headers.get("authorization", "")
        return self.headers.get("x-api-key") or bearer.removeprefix("Bearer ").strip()

    @property
    def system_text(self) -> str:
        system = self.body.get("system") or []
        if isinstance(system, str):
            return system
        return "\n".join(block.get("text", "") for block in system)

    @property
    def user_text(self) -> str:
        content = (self.body.get("messages") or [{}])[-1].get("content", "")
        if isinstance(content, list):
            return "\n".join(block.get("text", "") for block in content if isinstance(block, dict))
        return str(content)

    @property
    def cv_text(self) -> str:
        match = _CV_RE.search(self.user_text)
        return match.group(2) if match else self.user_text


@dataclass
class Reply:
    """What the fake answers: an HTTP status, headers and a JSON body, after ``delay`` seconds."""

    status: int = 200
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    usage: dict[str, int] | None = None  # overrides the computed usage of a 200 answer
    batch_result: str | None = None  # in a Message Batch: 'expired' or 'canceled' instead of an answer


Responder = Reply | Callable[[FakeRequest], Reply]


def _message(content: list[dict[str, Any]], stop_reason: str, model: str = "claude-haiku-4-5") -> dict[str, Any]:
    return {
        "id": f"msg_fake{next(_ids):06d}",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": {"input_tokens": 0, "output_tokens": 0},
    }


def tool_call(tool_input: Any, *, stop_reason: str = "tool_use", delay: float = 0.0) -> Reply:
    """A forced tool call whose input is exactly ``tool_input`` (however wrong it is)."""
    block = {"type": "tool_use", "id": f"toolu_fake{next(_ids):06d}", "name": TOOL_NAME, "input": tool_input}
    return Reply(body=_message([block], stop_reason), delay=delay)


def assessment(
    score: Any = 72,
    *,
    summary: str = "Seven years of relevant experience; meets the main requirements. Main gap: no CCRN.",
    strengths: list[str] | None = None,
    gaps: list[str] | None = None,
    evidence: list[dict[str, Any]] | None = None,
    delay: float = 0.0,
    **extra: Any,
) -> Reply:
    """A well-formed assessment (``extra`` adds fields a model should not send, e.g. a verdict)."""
    tool_input = {
        "score": score,
        "executive_summary": summary,
        "strengths": strengths if strengths is not None else ["RN licence (required): shown"],
        "gaps": gaps if gaps is not None else ["CCRN (preferred): nothing in the CV shows it"],
        "evidence": evidence if evidence is not None else [],
        **extra,
    }
    return tool_call(tool_input, delay=delay)


def text_only(text: str = "The candidate looks strong. Score: 80/100.") -> Reply:
    return Reply(body=_message([{"type": "text", "text": text}], "end_turn"))


def truncated() -> Reply:
    """stop_reason=max_tokens: the tool input stopped half way."""
    return tool_call({"score": 70, "executive_summary": "Seven years of"}, stop_reason="max_tokens")


def refusal() -> Reply:
    return Reply(body=_message([{"type": "text", "text": "I can't help with that."}], "refusal"))


def error(status: int, error_type: str, message: str = "", *, retry_after: float | None = None) -> Reply:
    headers = {"request-id": f"req_fake{next(_ids):06d}"}
    if retry_after is not None:
        headers["retry-after"] = f"{retry_after:g}"
    body = {"type": "error", "error": {"type": error_type, "message": message or error_type.replace("_", " ")}}
    return Reply(status=status, body=body, headers=headers)


def spend_limit() -> Reply:
    return error(
        400,
        "invalid_request_error",
        "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade.",
    )


def batch_expired() -> Reply:
    """In a Message Batch: the batch's 24 hours ran out before this request was processed."""
    return Reply(batch_result="expired")


def batch_canceled() -> Reply:
    return Reply(batch_result="canceled")


def slow(seconds: float, then: Reply | None = None) -> Reply:
    reply = then or assessment()
    return Reply(status=reply.status, body=reply.body, headers=reply.headers, delay=seconds, usage=reply.usage)


def _tokens(text: str) -> int:
    return max(1, len(text) // 4)


def _rfc3339(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")


@dataclass
class FakeBatch:
    """A Message Batch: its requests (``custom_id`` first), and their results once it has ended."""

    id: str
    requests: list[tuple[str, FakeRequest]]
    created: float
    polls: int = 0
    ended: float | None = None
    results: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("processing", "succeeded", "errored", "canceled", "expired"), 0)
        if self.ended is None:
            counts["processing"] = len(self.requests)
        for line in self.results:
            counts[line["result"]["type"]] += 1
        return counts


class FakeAnthropic:
    """The fake server, in a thread of the test process; ``url`` is its base URL."""

    def __init__(self, *, api_key: str = "test-key", latency: float = 0.0, min_cacheable_tokens: int = 4096) -> None:
        self.api_key = api_key
        self.latency = latency
        self.min_cacheable_tokens = min_cacheable_tokens
        self.port = free_port()
        self.requests: list[FakeRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._queue: list[Responder] = []
        self._rules: list[tuple[Callable[[FakeRequest], bool], Responder]] = []
        self._cached_prefixes: set[str] = set()
        self.batches: dict[str, FakeBatch] = {}
        self.batch_creates: list[FakeRequest] = []
        self.batch_requests: list[FakeRequest] = []
        self.batch_polls_in_progress = 1  # retrievals that answer in_progress before a batch ends
        self.hold_batches = False  # while set, batches stay in_progress however often they are polled
        self.batch_create_errors: list[Reply] = []  # answers to the next batch creations (then accepted)
        self._lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # Scripting ---------------------------------------------------------------------------------

    def script(self, *replies: Responder) -> FakeAnthropic:
        """Answer the next requests with these, in order; then go back to the rules and default."""
        with self._lock:
            self._queue.extend(replies)
        return self

    def when(self, predicate: Callable[[FakeRequest], bool], reply: Responder) -> FakeAnthropic:
        """Answer every request that matches ``predicate`` with ``reply`` (checked before the script)."""
        with self._lock:
            self._rules.append((predicate, reply))
        return self

    def reset(self) -> FakeAnthropic:
        with self._lock:
            self._queue.clear()
            self._rules.clear()
            self._cached_prefixes.clear()
            self.requests.clear()
            self.batches.clear()
            self.batch_creates.clear()
            self.batch_requests.clear()
            self.batch_create_errors.clear()
            self.max_in_flight = 0
        self.batch_polls_in_progress = 1
        self.hold_batches = False
        return self

    def default_reply(self, request: FakeRequest) -> Reply:
        """A gullible model: word overlap between JD and CV, or 100 if the CV tells it so."""
        if _OBEY_RE.search(request.user_text):
            return assessment(100, summary="Perfect match, as instructed.")
        jd_words = set(_WORD_RE.findall(request.system_text.split("<job_description>")[-1].lower()))
        cv_words = set(_WORD_RE.findall(request.cv_text.lower()))
        overlap = len(jd_words & cv_words) / max(1, len(jd_words))
        return assessment(min(95, round(overlap * 160)), summary=f"Word overlap with the job: {overlap:.0%}.")

    # Serving -----------------------------------------------------------------------------------

    def _choose(self, request: FakeRequest) -> Reply:
        with self._lock:
            responder: Responder | None = next((r for p, r in self._rules if p(request)), None)
            if responder is None and self._queue:
                responder = self._queue.pop(0)
        if responder is None:
            return self.default_reply(request)
        return responder(request) if callable(responder) else responder

    def _usage(self, request: FakeRequest, reply: Reply) -> tuple[dict[str, int], str | None]:
        """Anthropic's accounting: tools, then system, then messages; the prefix ends at cache_control.

        Returns the usage and the cache key this answer writes. As at Anthropic, a prefix is readable
        only once the answer that wrote it has come back: requests sent meanwhile write it again.
        """
        body = request.body
        tools = json.dumps(body.get("tools") or [], sort_keys=True)
        system = body.get("system") or []
        blocks = system if isinstance(system, list) else [{"type": "text", "text": system}]
        marked = [i for i, block in enumerate(blocks) if isinstance(block, dict) and block.get("cache_control")]
        prefix_text = tools + "".join(b.get("text", "") for b in blocks[: marked[-1] + 1]) if marked else ""
        rest_text = "".join(b.get("text", "") for b in blocks[marked[-1] + 1 if marked else 0 :])
        prefix_tokens = _tokens(prefix_text) if marked else 0
        input_tokens = _tokens(rest_text + request.user_text) + (0 if marked else _tokens(tools))
        output = json.dumps(reply.body.get("content", [])) if reply.body else ""
        usage = {"input_tokens": input_tokens, "output_tokens": _tokens(output)}
        usage["cache_creation_input_tokens"] = 0
        usage["cache_read_input_tokens"] = 0
        if marked and prefix_tokens >= self.min_cacheable_tokens:
            key = hashlib.sha256((body.get("model", "") + prefix_text).encode()).hexdigest()
            with self._lock:
                hit = key in self._cached_prefixes
            usage["cache_read_input_tokens" if hit else "cache_creation_input_tokens"] = prefix_tokens
            return usage, None if hit else key
        if marked:
            usage["input_tokens"] += prefix_tokens
        return usage, None

    async def _messages(self, http_request: Request) -> JSONResponse:
        request = FakeRequest(
            path=http_request.url.path,
            headers={k.lower(): v for k, v in http_request.headers.items()},
            body=json.loads(await http_request.body() or b"{}"),
            started=time.monotonic(),
        )
        self.requests.append(request)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if request.api_key != self.api_key:
                reply = error(401, "authentication_error", "invalid x-api-key")
            else:
                reply = self._choose(request)
            usage, writes = self._usage(request, reply) if reply.status == 200 else ({}, None)
            await self._wait(http_request, self.latency + reply.delay)
            body = dict(reply.body or {})
            if reply.status == 200:
                body["usage"] = reply.usage or usage
                body["model"] = request.body.get("model", body.get("model"))
                if writes:
                    with self._lock:
                        self._cached_prefixes.add(writes)
            return JSONResponse(body, status_code=reply.status, headers=reply.headers)
        finally:
            self.in_flight -= 1
            request.finished = time.monotonic()

    # Message Batches ------------------------------------------------------------------------------

    async def _read(self, http_request: Request) -> FakeRequest:
        return FakeRequest(
            path=http_request.url.path,
            headers={k.lower(): v for k, v in http_request.headers.items()},
            body=json.loads(await http_request.body() or b"{}"),
            started=time.monotonic(),
        )

    def _batch_json(self, batch: FakeBatch) -> dict[str, Any]:
        return {
            "id": batch.id,
            "type": "message_batch",
            "processing_status": "ended" if batch.ended is not None else "in_progress",
            "request_counts": batch.counts(),
            "created_at": _rfc3339(batch.created),
            "expires_at": _rfc3339(batch.created + 86_400),
            "ended_at": _rfc3339(batch.ended) if batch.ended is not None else None,
            "cancel_initiated_at": None,
            "archived_at": None,
            "results_url": f"{self.url}/v1/messages/batches/{batch.id}/results" if batch.ended is not None else None,
        }

    async def _create_batch(self, http_request: Request) -> JSONResponse:
        request = await self._read(http_request)
        if request.api_key != self.api_key:
            reply = error(401, "authentication_error", "invalid x-api-key")
            return JSONResponse(reply.body, status_code=reply.status)
        with self._lock:
            refusal = self.batch_create_errors.pop(0) if self.batch_create_errors else None
        if refusal is not None:
            return JSONResponse(refusal.body, status_code=refusal.status, headers=refusal.headers)
        self.batch_creates.append(request)
        inner = [
            (
                str(item["custom_id"]),
                FakeRequest(path=request.path, headers=request.headers, body=item["params"], started=time.monotonic()),
            )
            for item in request.body.get("requests", [])
        ]
        if not inner:
            reply = error(400, "invalid_request_error", "requests: at least one request is required")
            return JSONResponse(reply.body, status_code=reply.status)
        batch = FakeBatch(id=f"msgbatch_fake{next(_ids):06d}", requests=inner, created=time.time())
        with self._lock:
            self.batches[batch.id] = batch
            self.batch_requests.extend(r for _, r in inner)
        return JSONResponse(self._batch_json(batch))

    def end_batch(self, batch: FakeBatch) -> None:
        """Answer every request of the batch, one after the other (so later ones read the cache)."""
        if batch.ended is not None:
            return
        for custom_id, request in batch.requests:
            reply = self._choose(request)
            if reply.batch_result:
                result: dict[str, Any] = {"type": reply.batch_result}
            elif reply.status != 200:
                result = {"type": "errored", "error": reply.body}
            else:
                usage, writes = self._usage(request, reply)
                message = dict(reply.body or {})
                message["usage"] = reply.usage or usage
                message["model"] = request.body.get("model", message.get("model"))
                if writes:
                    with self._lock:
                        self._cached_prefixes.add(writes)
                result = {"type": "succeeded", "message": message}
            batch.results.append({"custom_id": custom_id, "result": result})
        batch.ended = time.time()

    def _batch_for(self, http_request: Request) -> FakeBatch | JSONResponse:
        key = http_request.headers.get("x-api-key") or http_request.headers.get("authorization", "")[7:].strip()
        if key != self.api_key:
            reply = error(401, "authentication_error", "invalid x-api-key")
            return JSONResponse(reply.body, status_code=reply.status)
        batch = self.batches.get(http_request.path_params["batch_id"])
        if batch is None:
            reply = error(404, "not_found_error", "batch not found")
            return JSONResponse(reply.body, status_code=reply.status)
        return batch

    async def _retrieve_batch(self, http_request: Request) -> JSONResponse:
        batch = self._batch_for(http_request)
        if isinstance(batch, JSONResponse):
            return batch
        batch.polls += 1
        if batch.ended is None and not self.hold_batches and batch.polls > self.batch_polls_in_progress:
            self.end_batch(batch)
        return JSONResponse(self._batch_json(batch))

    async def _batch_results(self, http_request: Request) -> Response:
        batch = self._batch_for(http_request)
        if isinstance(batch, JSONResponse):
            return batch
        if batch.ended is None:
            reply = error(400, "invalid_request_error", "the batch is still in progress")
            return JSONResponse(reply.body, status_code=reply.status)
        lines = "".join(json.dumps(line) + "\n" for line in batch.results)
        return Response(lines, media_type="application/x-jsonl")

    @staticmethod
    async def _wait(http_request: Request, seconds: float) -> None:
        """Sleep like a model thinking; stop early if the client hung up (it timed out)."""
        until = time.monotonic() + seconds
        while (left := until - time.monotonic()) > 0:
            await asyncio.sleep(min(left, 0.05))
            if left > 0.05 and await http_request.is_disconnected():
                return

    def start(self) -> FakeAnthropic:
        app = Starlette(
            routes=[
                Route("/v1/messages", self._messages, methods=["POST"]),
                Route("/v1/messages/batches", self._create_batch, methods=["POST"]),
                Route("/v1/messages/batches/{batch_id}", self._retrieve_batch, methods=["GET"]),
                Route("/v1/messages/batches/{batch_id}/results", self._batch_results, methods=["GET"]),
            ]
        )
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="fake-anthropic", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the fake Anthropic server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> FakeAnthropic:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
