"""`python -m desktop.cli` runs `palimpsest-cli`."""

import sys

from desktop.cli import main

sys.exit(main())
