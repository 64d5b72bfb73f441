"""`python -m desktop` opens the window, like `palimpsest`."""

import sys

from desktop.app import main

sys.exit(main())
