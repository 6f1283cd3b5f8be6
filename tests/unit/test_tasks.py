from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reader.core.errors import NotFound
from reader.tasks import Priority, TaskRunner


class FakeLibrary:
    def __init__(self) -> None:
        self.thread = threading.current_thread()
        self.closed = False

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def runner(qapp: Any) -> Iterator[TaskRunner]:
    made: list[FakeLibrary] = []

    def factory() -> FakeLibrary:
        made.append(FakeLibrary())
        return made[-1]

    runner = TaskRunner(factory)
    runner.made = made  # type: ignore[attr-defined]
    yield runner
    runner.shutdown()


def test_work_runs_on_the_store_thread_and_results_arrive_on_the_gui_thread(
    runner: TaskRunner, qtbot: QtBot
) -> None:
    seen: list[tuple[str, str]] = []
    main = threading.current_thread().name
    runner.submit(
        lambda lib: lib.thread.name, lambda name: seen.append((name, threading.current_thread().name))
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0] != main and seen[0][1] == main
    assert len(runner.made) == 1  # type: ignore[attr-defined]


def test_library_is_created_lazily_and_closed_on_shutdown(qapp: Any, qtbot: QtBot) -> None:
    made: list[FakeLibrary] = []

    def factory() -> FakeLibrary:
        made.append(FakeLibrary())
        return made[-1]

    runner = TaskRunner(factory)
    assert made == []
    done: list[int] = []
    runner.submit(lambda lib: 1, done.append)
    qtbot.waitUntil(lambda: done == [1])
    assert runner.shutdown()
    assert made[0].closed


def test_stale_results_of_a_key_are_dropped(runner: TaskRunner, qtbot: QtBot) -> None:
    gate = threading.Event()
    got: list[str] = []

    def old(lib: Any) -> str:
        gate.wait(5)
        return "old"

    runner.submit(old, got.append, key="view")
    runner.submit(lambda lib: "new", got.append, key="view")
    gate.set()
    qtbot.waitUntil(lambda: got == ["new"])
    runner.run_sync(lambda lib: None)
    qtbot.wait(20)
    assert got == ["new"]


def test_interactive_work_jumps_ahead_of_background_work(runner: TaskRunner, qtbot: QtBot) -> None:
    gate = threading.Event()
    order: list[str] = []
    runner.submit(lambda lib: gate.wait(5), None)
    runner.submit(lambda lib: "background", order.append, priority=Priority.BACKGROUND)
    runner.submit(lambda lib: "interactive", order.append)
    gate.set()
    qtbot.waitUntil(lambda: len(order) == 2)
    assert order == ["interactive", "background"]


def test_reader_errors_go_to_the_caller_or_to_failed(runner: TaskRunner, qtbot: QtBot) -> None:
    def boom(lib: Any) -> None:
        raise NotFound("no such article")

    errors: list[str] = []
    runner.submit(boom, None, lambda e: errors.append(f"handled: {e}"))
    with qtbot.waitSignal(runner.failed) as blocker:
        runner.submit(boom)
    assert blocker.args == ["no such article"]
    assert errors == ["handled: no such article"]


def test_bugs_are_logged_and_reported_as_crashes(runner: TaskRunner, qtbot: QtBot, caplog: Any) -> None:
    with qtbot.waitSignal(runner.crashed) as blocker:
        runner.submit(lambda lib: 1 / 0)
    assert "ZeroDivisionError" in blocker.args[0]
    assert any("failed" in r.message and r.exc_info for r in caplog.records)
    # the thread survives
    assert runner.run_sync(lambda lib: 42) == 42


def test_post_delivers_progress_on_the_gui_thread(runner: TaskRunner, qtbot: QtBot) -> None:
    seen: list[tuple[int, str]] = []

    def work(lib: Any) -> None:
        for i in range(3):
            runner.post(lambda n: seen.append((n, threading.current_thread().name)), i)

    runner.submit(work)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert [n for n, _ in seen] == [0, 1, 2]
    assert {name for _, name in seen} == {threading.current_thread().name}
