"""Finding the folders shipped with the app (resources/, seeds/), wherever it runs from."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def bundled(name: str) -> Traversable:
    """The shipped folder `name` ("resources" or "seeds").

    A wheel or a frozen build holds it inside the package (`desktop/<name>`);
    a source checkout, editable installs included, keeps it beside `desktop/`.
    """
    inside = resources.files("desktop").joinpath(name)
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / name


def sample_articles() -> list[Path]:
    """The sample articles shown on first run (the seeds), as real file paths."""
    folder = bundled("seeds")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".txt"))
