"""The one exception type the library raises for input it cannot treat as a report."""

from __future__ import annotations

__all__ = ["ReportError"]


class ReportError(ValueError):
    """A file that cannot be read as a government work report.

    The message always names the file and the problem in one line, so the CLI can
    print it as it is.

    >>> str(ReportError("seeds/x.txt", "the file is empty"))
    'seeds/x.txt: the file is empty'
    """

    def __init__(self, source: object, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")
