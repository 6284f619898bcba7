"""Known problems, each with a code and words a person can act on.

Anything raised that is not a `CoachDeskError` is a bug: the GUI logs it with its traceback and apologises; the
CLI does the same. These, instead, are shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass


class CoachDeskError(Exception):
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(CoachDeskError):
    """Input that cannot be saved as it is; `field` names the form field to point at."""

    code = "invalid"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(CoachDeskError):
    code = "not_found"


class AmbiguousName(CoachDeskError):
    code = "ambiguous"


class NotebookRefused(CoachDeskError):
    """The file cannot be opened as this version's notebook; it has not been touched."""

    code = "refused"


class NotANotebook(NotebookRefused):
    code = "not_a_notebook"


class NewerNotebook(NotebookRefused):
    code = "newer_notebook"


class NotebookBusy(CoachDeskError):
    code = "busy"


@dataclass(frozen=True)
class RowProblem:
    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


class ImportRejected(CoachDeskError):
    """A file with bad rows: nothing was imported, and each problem says which row and why."""

    code = "import_rejected"

    def __init__(self, source: str, problems: list[RowProblem]) -> None:
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{source} was not imported: {count} {noun} found. Nothing was changed.")
        self.problems = problems
