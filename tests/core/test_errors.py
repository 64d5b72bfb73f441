"""Errors cross process boundaries (import and annotation workers) pickled."""

from __future__ import annotations

import pickle

import desktop.core.library.errors  # noqa: F401  (registers the library's errors)
from desktop.core.errors import LoadError, PalimpsestError


def _subclasses(cls: type[PalimpsestError]) -> list[type[PalimpsestError]]:
    return [cls] + [sub for child in cls.__subclasses__() for sub in _subclasses(child)]


def test_every_error_survives_pickling() -> None:
    for cls in _subclasses(PalimpsestError):
        error = cls("a.txt", "the file is empty") if issubclass(cls, LoadError) else cls("the library is busy")
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is cls and str(back) == str(error), cls
        if isinstance(error, LoadError):
            assert isinstance(back, LoadError) and (back.path, back.reason) == (error.path, error.reason)
