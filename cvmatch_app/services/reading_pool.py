"""Read CV and JD files in a small pool of separate processes, each under hard limits.

A file is read by ``engine.extract_document`` in a child process that has an address-space limit
(RLIMIT_AS), a CPU-time limit for each file (RLIMIT_CPU: the kernel stops the child) and a
wall-clock limit (the parent kills it). A hostile file (a zip of 50,000 entries, megabytes of empty
XML, endless PDF operators) is therefore killed, not waited for, and the web process and the
scoring never feel it. Children are reused; a killed one is replaced. A child that dies for any
other reason (a crash in a PDF library, the OOM killer) is replaced and the file is read once more
in a fresh child, then refused.

Parent and child talk over pipes in length-prefixed frames: the request is a JSON header and the
file's bytes, the answer is JSON (never pickle: the child reads untrusted files).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("cvmatch.reading")

_LENGTH = struct.Struct(">I")
CHILD_START_SECONDS = 30.0  # importing the extractors takes about a second; a busy machine more
CRASH_RETRIES = 1  # a child that died unexpectedly: the file is read once more, then refused
MAX_ZIP_ENTRIES = 2_000  # a DOCX has 10-60 parts, a few hundred with many images; 50,000 is an attack
_ZIP_END_SEARCH = 65_557  # the end-of-central-directory record sits in the last 64 KB + 22 bytes
# The wall clock is for files that stall a reader. On a machine so busy that the reader got less
# than this share of a CPU, the file is given more time, up to this many times the wall clock
# (its CPU limit still applies): a real CV is not cut off because other work held the cores.
STARVED_CPU_SHARE = 0.5
STARVED_WALL_FACTOR = 4
STARVED_CHECK_SECONDS = 0.25
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
_PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@dataclass(frozen=True)
class ReadingLimits:
    processes: int = 2
    cpu_seconds: int = 2
    wall_seconds: float = 2.5
    memory_mb: int = 1024
    max_bytes: int = 5 * 1024 * 1024  # the largest file accepted (CVMATCH_MAX_CV_BYTES), passed to the engine


@dataclass
class ReadResult:
    """What a reader made of one file: its text, or the reason it could not be read."""

    text: str = ""
    kind: str = ""
    flags: list[str] = field(default_factory=list)
    pages: int = 0
    reason: str | None = None

    @property
    def readable(self) -> bool:
        return self.reason is None


def _unreadable(reason: str) -> ReadResult:
    return ReadResult(reason=reason)


# The child -----------------------------------------------------------------------------------------


def _read_exact(stream: Any, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _read_frame(stream: Any) -> bytes | None:
    head = _read_exact(stream, _LENGTH.size)
    if head is None:
        return None
    return _read_exact(stream, _LENGTH.unpack(head)[0])


def _write_frame(stream: Any, payload: bytes) -> None:
    stream.write(_LENGTH.pack(len(payload)) + payload)
    stream.flush()


def zip_entry_count(data: bytes) -> int | None:
    """Entries a ZIP's end record declares (read in place, without listing them), or None."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - _ZIP_END_SEARCH))
    if end < 0 or end + 12 > len(data):
        return None
    count = int.from_bytes(data[end + 10 : end + 12], "little")
    return MAX_ZIP_ENTRIES + 1 if count == 0xFFFF else count  # 0xFFFF: ZIP64, far more than a DOCX holds


def _refuse_crowded_zip(data: bytes) -> None:
    from cvmatch_app.engine.types import UnreadableDocument

    count = zip_entry_count(data)
    if count is not None and count > MAX_ZIP_ENTRIES:
        raise UnreadableDocument(
            f"The file holds {count:,} parts where a Word document has a few dozen: it is damaged or built "
            "to stall readers. Save it again as DOCX or PDF and resend it."
        )


def child_main(cpu_seconds: int, memory_mb: int) -> None:
    """The reading process: one file at a time, from stdin, answers on stdout."""
    from cvmatch_app.engine.extract import extract_document
    from cvmatch_app.engine.types import UnreadableDocument

    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print in a library must not break the frames
    _write_frame(stdout, b'{"ready": true}')  # the parent's wall clock starts after the imports
    while True:
        header = _read_frame(stdin)
        data = _read_frame(stdin) if header is not None else None
        if header is None or data is None:
            return
        request = json.loads(header)
        filename = request["filename"]
        # RLIMIT_CPU counts the process's whole life: allow this file ``cpu_seconds`` more than so far.
        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = int(used.ru_utime + used.ru_stime) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (spent + cpu_seconds, resource.RLIM_INFINITY))
        try:
            _refuse_crowded_zip(data)
            document = extract_document(filename, data, max_bytes=request["max_bytes"])
            answer: dict[str, Any] = {
                "text": document.text,
                "kind": document.kind,
                "flags": list(document.flags),
                "pages": document.pages,
            }
        except UnreadableDocument as exc:
            answer = {"reason": exc.reason}
        except MemoryError:
            answer = {"reason": "memory", "restart": True}
        except RecursionError:
            answer = {"reason": "The file is nested too deeply to read: it is damaged or built to stall readers."}
        except Exception as exc:  # noqa: BLE001 - any library error on a broken file means "unreadable"
            answer = {"reason": f"The file is damaged and cannot be read ({type(exc).__name__})."}
        del data
        _write_frame(stdout, json.dumps(answer).encode())
        if answer.get("restart"):
            return


# The parent ----------------------------------------------------------------------------------------


class _ChildDied(Exception):
    def __init__(self, returncode: int | None) -> None:
        super().__init__(returncode)
        self.returncode = returncode


class _Reader:
    """One child process and its pipes."""

    def __init__(self, limits: ReadingLimits) -> None:
        self.limits = limits
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_PROJECT_ROOT, env.get("PYTHONPATH", "")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(limits.cpu_seconds), str(limits.memory_mb)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._stdin = self.process.stdin
        self._fd = self.process.stdout.fileno()
        self._buffer = bytearray()
        self._ready = False

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive:
            try:
                self.process.kill()
            except ProcessLookupError:
                pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.warning("file reader %s did not stop after SIGKILL", self.pid)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass

    def read(self, filename: str, data: bytes, wall_seconds: float) -> dict[str, Any] | None:
        """The child's answer, or None when the wall clock ran out (the child is then killed)."""
        if not self._ready:
            if self._answer(CHILD_START_SECONDS) is None:
                raise _ChildDied(None)  # it could not even start: treated like a crash
            self._ready = True
        started, cpu_at_start = time.monotonic(), self._cpu_seconds()
        try:
            _write_frame(self._stdin, json.dumps({"filename": filename, "max_bytes": self.limits.max_bytes}).encode())
            _write_frame(self._stdin, data)
        except (BrokenPipeError, OSError) as exc:
            self.kill()
            raise _ChildDied(self.process.returncode) from exc

        def starved() -> bool:
            """Waited for the CPU rather than using it (a busy machine): a real CV deserves more time."""
            if cpu_at_start is None or time.monotonic() - started > wall_seconds * STARVED_WALL_FACTOR:
                return False
            cpu = self._cpu_seconds()
            return cpu is not None and cpu - cpu_at_start < (time.monotonic() - started) * STARVED_CPU_SHARE

        return self._answer(wall_seconds, extend=starved)

    def _cpu_seconds(self) -> float | None:
        """CPU time the child has used so far (Linux /proc), or None where it cannot be read."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS

    def _answer(self, seconds: float, extend: Any = None) -> dict[str, Any] | None:
        deadline = time.monotonic() + seconds
        buffer = self._buffer
        while True:
            if len(buffer) >= _LENGTH.size:
                needed = _LENGTH.size + _LENGTH.unpack(bytes(buffer[: _LENGTH.size]))[0]
                if len(buffer) >= needed:
                    frame = bytes(buffer[_LENGTH.size : needed])
                    del buffer[:needed]
                    answer: dict[str, Any] = json.loads(frame)
                    return answer
            remaining = deadline - time.monotonic()
            if remaining <= 0 and extend is not None and extend():
                deadline = time.monotonic() + STARVED_CHECK_SECONDS
                continue
            if remaining <= 0:
                self.kill()
                return None
            ready, _, _ = select.select([self._fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._fd, 1 << 20)
            if not chunk:
                self.kill()
                raise _ChildDied(self.process.returncode)
            buffer += chunk


class ReadingPool:
    """At most ``limits.processes`` files read at once, each in its own limited child process."""

    def __init__(self, limits: ReadingLimits) -> None:
        self.limits = limits
        self._idle: queue.LifoQueue[_Reader | None] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._closed = False
        self._started: weakref.WeakSet[_Reader] = weakref.WeakSet()
        for _ in range(limits.processes):
            self._idle.put(None)  # a slot; its child is started on first use

    def _start_reader(self) -> _Reader:
        reader = _Reader(self.limits)
        with self._lock:  # pids() may be iterating the set in another thread
            self._started.add(reader)
        return reader

    def pids(self) -> list[int]:
        """Process ids of this pool's live reading processes."""
        with self._lock:  # a WeakSet changed by another thread while listed raises RuntimeError
            started = list(self._started)
        return [reader.pid for reader in started if reader.alive]

    def warm_up(self) -> None:
        """Start the children now (each takes about a second to import the extractors)."""
        slots = [self._idle.get() for _ in range(self.limits.processes)]
        for reader in slots:
            if reader is None or not reader.alive:
                reader = self._start_reader()
            self._idle.put(reader)

    def read(self, filename: str, data: bytes) -> ReadResult:
        """Read one file within the limits; never raises for anything the file does."""
        crashes = 0
        while True:
            taken = self._take()
            reader: _Reader | None = taken  # None once it died: it is not given back
            try:
                answer = taken.read(filename, data, self.limits.wall_seconds)
            except _ChildDied as exc:
                reader = None
                if exc.returncode == -signal.SIGXCPU:
                    return _unreadable(self._cpu_reason())
                crashes += 1
                log.warning("file reader died on %r (exit %s), attempt %s", filename, exc.returncode, crashes)
                if crashes > CRASH_RETRIES:
                    return _unreadable(
                        "The file reader stopped on this file twice: it is damaged or built to crash readers."
                    )
                continue
            finally:
                self._give_back(reader)
            if answer is None:
                return _unreadable(
                    f"Reading the file took longer than {self.limits.wall_seconds:g} s: it is damaged or "
                    "built to stall readers. Save it again as PDF or DOCX and resend it."
                )
            if answer.get("reason") == "memory":
                return _unreadable(
                    f"Reading the file needed more than {self.limits.memory_mb} MB of memory: it is damaged "
                    "or built to exhaust readers."
                )
            if "reason" in answer:
                return _unreadable(str(answer["reason"]))
            return ReadResult(
                text=str(answer["text"]),
                kind=str(answer["kind"]),
                flags=[str(flag) for flag in answer.get("flags", [])],
                pages=int(answer.get("pages") or 0),
            )

    def _cpu_reason(self) -> str:
        return (
            f"Reading the file took more than {self.limits.cpu_seconds} s of processing: it is damaged or "
            "built to stall readers. Save it again as PDF or DOCX and resend it."
        )

    def _take(self) -> _Reader:
        reader = self._idle.get()
        if reader is None or not reader.alive:
            try:
                reader = self._start_reader()
            except Exception:
                self._idle.put(None)
                raise
        return reader

    def _give_back(self, reader: _Reader | None) -> None:
        if reader is not None and (self._closed or not reader.alive):
            reader.kill()
            reader = None
        if reader is None and not self._closed:
            try:
                reader = self._start_reader()  # replaced now: it imports while the slot waits
            except OSError:
                log.exception("could not start a file reader; the next file tries again")
        self._idle.put(reader)

    def close(self) -> None:
        self._closed = True
        for _ in range(self.limits.processes):
            try:
                reader = self._idle.get(timeout=self.limits.wall_seconds + 1)
            except queue.Empty:
                break
            if reader is not None:
                reader.kill()
            self._idle.put(None)


_pool: ReadingPool | None = None
_pool_lock = threading.Lock()


def limits_from_settings() -> ReadingLimits:
    from cvmatch_app.config import get_settings

    settings = get_settings()
    return ReadingLimits(
        processes=settings.reader_processes,
        cpu_seconds=settings.reader_cpu_seconds,
        wall_seconds=settings.reader_wall_seconds,
        memory_mb=settings.reader_memory_mb,
        max_bytes=settings.max_cv_bytes,
    )


def reading_pool() -> ReadingPool:
    """This process's pool (one per process: granian forks workers, so a forked copy starts its own)."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool._pid != os.getpid():
            _pool = ReadingPool(limits_from_settings())
        return _pool


def read_file(filename: str, data: bytes) -> ReadResult:
    """Read one CV or JD file in this process's pool (blocking: call it from a thread)."""
    return reading_pool().read(filename, data)


if __name__ == "__main__":
    child_main(int(sys.argv[1]), int(sys.argv[2]))
