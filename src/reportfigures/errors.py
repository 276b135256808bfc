"""Errors a user can act on: each renders as one line naming the file and what is wrong."""

from __future__ import annotations


class ReportError(Exception):
    """Base class: bad input or a failed build step, shown to the user as one line."""

    exit_code = 2

    def __init__(self, message: str, path: object | None = None):
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(ReportError):
    """The input file is missing, unreadable, not text, or empty."""


class IntegrityError(ReportError):
    """An archived file no longer matches its recorded hash, or a build invariant broke."""

    exit_code = 1


class CatalogError(ReportError):
    """The claim catalog or a relation file is malformed."""


class NotebookError(ReportError):
    """A notebook of the edition is malformed or failed: names the notebook and the cell."""

    exit_code = 1
