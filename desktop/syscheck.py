"""Which system libraries Qt needs are missing, and the Debian packages that bring them.

Kept free of Qt imports: it must run where importing Qt would fail.
"""

from __future__ import annotations

import ctypes
import os
import sys

# (shared object, Debian/Ubuntu package) that the Qt wheels load at start-up.
QT_LIBRARIES = (
    ("libGL.so.1", "libgl1"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
# Needed only by the X11 platform plugin (a desktop session without Wayland).
XCB_LIBRARIES = (
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
)


def _uses_xcb() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def missing_packages() -> list[str]:
    """Debian packages to install before Qt can start here (empty when all is well)."""
    if not sys.platform.startswith("linux"):
        return []
    wanted = QT_LIBRARIES + (XCB_LIBRARIES if _uses_xcb() else ())
    missing = []
    for soname, package in wanted:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def advice(packages: list[str]) -> str:
    """The message telling a user how to install `packages`."""
    return (
        "Palimpsest needs system libraries that are not installed: "
        + ", ".join(packages)
        + ".\nOn Debian or Ubuntu, install them with:\n\n    sudo apt-get install "
        + " ".join(packages)
        + "\n"
    )


def no_display() -> bool:
    """True on Linux when no screen is reachable and no Qt platform is chosen."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


NO_DISPLAY_ADVICE = (
    "Palimpsest needs a screen, and this session has none (neither DISPLAY nor\n"
    "WAYLAND_DISPLAY is set). Run it from a desktop session, or on a headless machine\n"
    "under a virtual screen: xvfb-run make run\n"
)


def main() -> int:
    """Print advice and return 1 when Qt cannot start here (used by `make run`)."""
    packages = missing_packages()
    if packages:
        print(advice(packages), file=sys.stderr)
        return 1
    if no_display():
        print(NO_DISPLAY_ADVICE, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
