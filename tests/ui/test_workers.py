"""Jobs off the GUI thread, and in the worker process for long work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.annotate import annotate
from desktop.core.loaders import load_bytes
from desktop.ui import workers
from desktop.ui.workers import Job


@pytest.fixture(autouse=True)
def _stop_the_process() -> Iterator[None]:
    yield
    workers.shutdown_process_pool()


def test_a_job_in_the_worker_process_reports_its_result(qtbot: QtBot) -> None:
    job = Job(7, "Finding quotations and dates", annotate, "“We agree,” Putin said on Thursday.", None,
              separate_process=True)
    with qtbot.waitSignal(job.succeeded, timeout=60_000) as result:
        job.start()
    generation, annotations = result.args
    assert generation == 7
    [quote] = annotations.quotes
    assert quote.speaker == "Putin"
    assert workers._pool is not None  # it did run there


def test_a_failure_in_the_worker_process_reaches_the_user(qtbot: QtBot) -> None:
    job = Job(1, "Reading", load_bytes, b"", separate_process=True)
    with qtbot.waitSignal(job.failed, timeout=60_000) as result:
        job.start()
    assert result.args[0] == 1 and "empty" in result.args[1]


def test_a_worker_process_that_dies_is_replaced(qtbot: QtBot) -> None:
    job = Job(1, "Counting", len, "abc", separate_process=True)
    with qtbot.waitSignal(job.succeeded, timeout=60_000):
        job.start()
    assert workers._pool is not None
    for process in workers._pool._processes.values():  # type: ignore[attr-defined]
        process.kill()
        process.join()
    dead = Job(2, "Counting", len, "abcd", separate_process=True)
    with qtbot.waitSignal(dead.failed, timeout=60_000) as failed:
        dead.start()
    assert "worker process stopped" in failed.args[1]
    again = Job(3, "Counting", len, "abcde", separate_process=True)
    with qtbot.waitSignal(again.succeeded, timeout=60_000) as result:
        again.start()
    assert result.args == [3, 5]


def test_the_window_gets_python_s_lock_back_quickly() -> None:
    import sys

    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default
        workers.share_the_interpreter()
        assert sys.getswitchinterval() == pytest.approx(workers.SWITCH_INTERVAL)
        assert workers.SWITCH_INTERVAL < 0.005
    finally:
        sys.setswitchinterval(before)
