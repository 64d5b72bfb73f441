"""PyInstaller runtime hook: programs the app starts see the user's library path, not ours.

The bootloader puts the bundle's _internal/ first on LD_LIBRARY_PATH so Python finds its
libraries. Every child inherits it: xdg-open, and through it the browser a clicked link
opens, would load our bundled libreadline, libssl or libglib instead of the system's and
can fail with "undefined symbol". The dynamic linker reads LD_LIBRARY_PATH only when a
process starts, so restoring it here changes nothing for the running app; the importer's
worker processes are the frozen program again, and its bootloader sets the path anew.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping


def restore_library_path(environ: MutableMapping[str, str]) -> None:
    """Put back the LD_LIBRARY_PATH the bootloader found (LD_LIBRARY_PATH_ORIG), or none."""
    original = environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        environ["LD_LIBRARY_PATH"] = original
    else:
        environ.pop("LD_LIBRARY_PATH", None)


if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
    restore_library_path(os.environ)
