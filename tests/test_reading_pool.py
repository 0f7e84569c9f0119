"""The reading pool: each file in a separate process, killed at its limits, a crashed reader replaced."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from cvmatch_app.services.reading_pool import (
    MAX_ZIP_ENTRIES,
    STARVED_WALL_FACTOR,
    ReadingLimits,
    ReadingPool,
    zip_entry_count,
)
from tests.support.factories import NURSE_CV
from tests.support.hostile import empty_paragraph_docx, endless_operators_pdf, many_entries_docx


@pytest.fixture
def pool():
    pools: list[ReadingPool] = []

    def make(**limits) -> ReadingPool:
        made = ReadingPool(ReadingLimits(**{"processes": 1, **limits}))
        made.warm_up()
        assert made.read("warm.txt", NURSE_CV.encode()).readable  # the child has imported the extractors
        pools.append(made)
        return made

    yield make
    for made in pools:
        made.close()


def test_a_readable_cv_comes_back_as_text(pool):
    result = pool().read("nurse.txt", NURSE_CV.encode())
    assert result.readable and "Registered Nurse" in result.text and result.kind == "txt"


def test_megabytes_of_empty_paragraphs_are_stopped_at_the_time_limit(pool):
    reader = pool(cpu_seconds=1, wall_seconds=1.5)
    data = empty_paragraph_docx()
    assert len(data) < 150 * 1024  # small on the wire, 3 x 5 MB of XML inside
    started = time.monotonic()
    result = reader.read("cv.docx", data)
    elapsed = time.monotonic() - started
    # A slow or busy machine stops the reader at its limit; a fast one gets through the 15 MB of XML
    # within it and finds no text. Either way the file is refused with a reason, within the limit.
    assert not result.readable, result
    assert "stall readers" in (result.reason or "") or result.reason == "The DOCX contains no text.", result
    # 1.5 s, or up to 4 x that on a machine so busy that the reader is starved (the engine alone: ~8 s).
    assert elapsed < 1.5 * STARVED_WALL_FACTOR + 1, elapsed
    assert reader.read("nurse.txt", NURSE_CV.encode()).readable, "the killed reader was replaced"


def test_the_cpu_limit_stops_a_reader_that_burns_cpu(pool):
    reader = pool(cpu_seconds=1, wall_seconds=30)
    result = reader.read("cv.pdf", endless_operators_pdf())
    assert not result.readable and "1 s of processing" in (result.reason or "")


def test_the_wall_clock_stops_a_reader_that_is_running_not_starved(pool):
    reader = pool(cpu_seconds=30, wall_seconds=1)
    started = time.monotonic()
    result = reader.read("cv.pdf", endless_operators_pdf())
    assert not result.readable and "longer than 1 s" in (result.reason or "")
    assert time.monotonic() - started < STARVED_WALL_FACTOR + 1


def test_a_zip_of_50000_entries_is_refused_without_listing_it(pool):
    data = many_entries_docx()
    assert zip_entry_count(data) > MAX_ZIP_ENTRIES
    started = time.monotonic()
    result = pool().read("cv.docx", data)
    assert not result.readable and "50,002 parts" in (result.reason or "")
    assert time.monotonic() - started < 2.0


def test_the_address_space_limit_is_set_in_the_reader(pool):
    reader = pool(memory_mb=700)
    (pid,) = reader.pids()
    limits = open(f"/proc/{pid}/limits").read()
    line = next(line for line in limits.splitlines() if line.startswith("Max address space"))
    assert str(700 * 1024 * 1024) in line


def _kill_reader_while_reading(reader: ReadingPool, times: int) -> list[int]:
    killed: list[int] = []

    def killer() -> None:
        deadline = time.monotonic() + 30
        while len(killed) < times and time.monotonic() < deadline:
            for pid in reader.pids():
                if pid not in killed:
                    time.sleep(0.3)  # let it start on the file
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        continue  # it ended on its own meanwhile; the next one is killed
                    killed.append(pid)
            time.sleep(0.05)

    thread = threading.Thread(target=killer)
    thread.start()
    return killed


def test_a_reader_killed_mid_file_is_replaced_and_the_file_read_once_more(pool):
    reader = pool(cpu_seconds=1, wall_seconds=30)
    killed = _kill_reader_while_reading(reader, times=1)
    result = reader.read("cv.pdf", endless_operators_pdf())
    assert len(killed) == 1
    # The second reader got the file and stopped it at the CPU limit, the file's own fault.
    assert not result.readable and "of processing" in (result.reason or "")


def test_a_reader_killed_twice_on_one_file_skips_it(pool):
    reader = pool(cpu_seconds=30, wall_seconds=30)
    killed = _kill_reader_while_reading(reader, times=2)
    result = reader.read("cv.pdf", endless_operators_pdf())
    assert len(killed) == 2
    assert not result.readable and "stopped on this file twice" in (result.reason or "")
    assert reader.read("nurse.txt", NURSE_CV.encode()).readable
