"""Entry script of the frozen `palimpsest-cli`, as `desktop/cli/__main__.py` does it."""

import multiprocessing
import sys

if __name__ == "__main__":
    # `palimpsest-cli import` spawns workers by re-running this executable (see entry_palimpsest.py).
    multiprocessing.freeze_support()
    from desktop.cli import main

    sys.exit(main())
