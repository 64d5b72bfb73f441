"""Entry script of the frozen `palimpsest` (the window), as `desktop/__main__.py` does it."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The importer's workers are spawned by re-running this executable; freeze_support
    # turns such a run into a worker before anything opens a window.
    multiprocessing.freeze_support()
    from desktop.app import main

    sys.exit(main())
