"""`make run` names missing system libraries and a missing screen instead of a traceback."""

from __future__ import annotations

import ctypes

import pytest

from desktop import syscheck


def test_missing_libraries_name_their_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ctypes.CDLL

    def fake_cdll(name: str, *args: object, **kwargs: object) -> object:
        if name in ("libEGL.so.1", "libxkbcommon.so.0"):
            raise OSError(f"{name}: cannot open shared object file")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(syscheck.ctypes, "CDLL", fake_cdll)
    monkeypatch.setattr(syscheck.sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert syscheck.missing_packages() == ["libegl1", "libxkbcommon0"]
    message = syscheck.advice(["libegl1", "libxkbcommon0"])
    assert "sudo apt-get install libegl1 libxkbcommon0" in message


def test_main_reports_and_fails(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(syscheck, "missing_packages", lambda: ["libgl1"])
    assert syscheck.main() == 1
    assert "libgl1" in capsys.readouterr().err


def test_no_screen_is_explained(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(syscheck, "missing_packages", lambda: [])
    monkeypatch.setattr(syscheck.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert syscheck.main() == 1
    assert "xvfb-run" in capsys.readouterr().err
    monkeypatch.setenv("DISPLAY", ":0")
    assert syscheck.main() == 0
