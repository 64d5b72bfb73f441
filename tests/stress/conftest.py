"""Slow tests, run by `make stress` only: `make test` (plain `pytest`) collects nothing here.

`make stress` sets PALIMPSEST_STRESS=1. Each test prints its figures (run with -s to see them).
"""

from __future__ import annotations

import os

collect_ignore_glob = [] if os.environ.get("PALIMPSEST_STRESS") == "1" else ["test_*.py"]
