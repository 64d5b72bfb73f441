"""`python -m desktop.cli` runs `palimpsest-cli`."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":  # worker processes re-import this module
    multiprocessing.freeze_support()
    sys.exit(main())
