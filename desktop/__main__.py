"""`python -m desktop` opens the window, like `palimpsest`."""

import multiprocessing
import sys

from desktop.app import main

# The importer's worker processes start by importing this module again (the
# "spawn" method): only the real main process may open a window.
if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
