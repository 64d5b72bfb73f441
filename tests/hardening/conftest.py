"""Fixtures of the hardening tests: the hostile corpus, a seeded library, a network guard."""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import os
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core import library as lib
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED
from tests.hardening import corpus


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, corpus.Case]:
    """The fast hostile corpus, generated once per session (tests must not change it)."""
    return corpus.build(tmp_path_factory.mktemp("corpus"))


@dataclass(frozen=True)
class Snapshot:
    """What must not change in a library when something else is imported into it."""

    integrity: str
    rows: tuple[tuple[int, str, str, str, int | None], ...]  # id, sha256, sha of blocks, sha of original
    doc: int
    fts: int


def snapshot(library: lib.Library) -> Snapshot:
    """The library's articles (ids, hashes of what is stored) and the health of its file."""
    with library.reading() as conn:
        rows = tuple(
            (aid, sha, hashlib.sha256(blocks).hexdigest(), hashlib.sha256(original).hexdigest(), story)
            for aid, sha, blocks, original, story in conn.execute(
                "SELECT id, sha256, blocks, original, story_id FROM articles ORDER BY id")
        )
        return Snapshot(
            conn.execute("PRAGMA integrity_check").fetchone()[0],
            rows,
            conn.execute("SELECT COUNT(*) FROM doc").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM fts").fetchone()[0],
        )


def assert_untouched(before: Snapshot, after: Snapshot, *, added: int = 0) -> None:
    """The articles of `before` are all in `after` exactly as they were; `added` more at most."""
    assert after.integrity == "ok"
    assert after.rows[: len(before.rows)] == before.rows
    assert len(after.rows) == len(before.rows) + added
    assert after.doc == after.fts == len(after.rows)


@pytest.fixture
def seeded(library_dir: Path) -> Iterator[lib.Library]:
    """A library holding the two seed articles."""
    with lib.open_library(library_dir) as library:
        assert len(lib.import_paths(library, [PLAIN_SEED, MARKDOWN_SEED]).added) == 2
        yield library


@pytest.fixture
def misbehaving_files(hostile: dict[str, corpus.Case], monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus's unreadable file refuses to open; its vanishing file is gone once listed.

    As root, chmod 000 does not stop a read, and deleting a session file would
    spoil it for the next test: `open` is wrapped instead.
    """
    real_open = builtins.open
    refused = os.fspath(hostile["unreadable"].path)
    gone = os.fspath(hostile["vanishing"].path)

    def flaky_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, os.PathLike)):
            if os.fspath(file) == refused:
                raise PermissionError(13, "Permission denied", refused)
            if os.fspath(file) == gone:
                raise FileNotFoundError(2, "No such file or directory", gone)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    real_stat = os.stat

    def flaky_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if isinstance(path, (str, os.PathLike)) and os.fspath(path) == gone:
            raise FileNotFoundError(2, "No such file or directory", gone)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "open", flaky_open)
    # Listing (os.walk, os.scandir) still sees the vanishing file; reading it fails.
    monkeypatch.setattr(os, "stat", flaky_stat)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any attempt to open a connection or resolve a name fails, and fails the test.

    Qt may swallow the exception of a refused connection, so attempts are also
    recorded and checked when the test ends.
    """
    attempts: list[str] = []

    def refuse(what: str) -> Callable[..., object]:
        def refused(*args: object, **kwargs: object) -> object:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"network access in a test: {what}")
        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"


@pytest.fixture(autouse=True)
def _fifo_watchdog(request: pytest.FixtureRequest) -> Iterator[None]:
    """Should reading the corpus's named pipe ever block again, open its other end after a
    while: the reader gets end-of-file, and the test fails on its time bound, not hangs."""
    if "hostile" not in request.fixturenames:
        yield
        return
    fifo = os.fspath(request.getfixturevalue("hostile")["fifo"].path)
    stop = threading.Event()

    def release() -> None:
        while not stop.wait(30.0):
            with contextlib.suppress(OSError):  # ENXIO: nobody is waiting to read
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    watchdog = threading.Thread(target=release, daemon=True)
    watchdog.start()
    yield
    stop.set()
    watchdog.join()
