"""Problems found in content, reported as `path:line: severity: message`."""

from __future__ import annotations

import difflib
import errno
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

ERROR = "error"
WARNING = "warning"


def counted(number: int, noun: str) -> str:
    """"1 briefing", "2 briefings", "2,000 briefings": for the command line's summaries."""
    return f"{number:,} {noun}{'s' * (number != 1)}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    severity: str
    message: str

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"

    def format_github(self) -> str:
        # GitHub workflow commands need %, CR and LF escaped in the message.
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        kind = "error" if self.severity == ERROR else "warning"
        line = f",line={self.line}" if self.line else ""
        return f"::{kind} file={self.path}{line}::{msg}"


class Report:
    """Collects every problem of one run, so that analysts see all of them at once."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def error(self, path: str, line: int, message: str) -> None:
        self._items.append(Diagnostic(path, line, ERROR, message))

    def warning(self, path: str, line: int, message: str) -> None:
        self._items.append(Diagnostic(path, line, WARNING, message))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self._items.extend(items)

    @property
    def items(self) -> list[Diagnostic]:
        # Sorted (by path, line, severity, message: the dataclass order) so
        # that output is stable whatever order files were read in.
        return sorted(set(self._items))

    @property
    def errors(self) -> list[Diagnostic]:
        return sorted({d for d in self._items if d.severity == ERROR})

    @property
    def warnings(self) -> list[Diagnostic]:
        return sorted({d for d in self._items if d.severity == WARNING})


class BuildFailed(Exception):
    """Raised to stop a build; the report already holds the reasons."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{len(report.errors)} error(s)")
        self.report = report


def os_error_line(exc: OSError, root: Path) -> str:
    """A full disk, a read-only folder, a refused permission: one line naming the folder and the cause.

    An error that names no file (a write cut short) is placed in .build/, the only folder besides site/
    a build writes (and site/ is written only by renames inside .build/'s file system)."""
    where = Path(exc.filename) if isinstance(exc.filename, str) and exc.filename else root / ".build"
    # .build/ itself when it could not be made; otherwise the folder of the file (or the folder) at fault.
    folder = where if where.is_dir() or where == root / ".build" else where.parent
    shown = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)
    cause = exc.strerror or str(exc)
    name = f" ({errno.errorcode[exc.errno]})" if exc.errno is not None and exc.errno in errno.errorcode else ""
    return f"{shown}: error: {cause}{name}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
