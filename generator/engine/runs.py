"""Stage 6's engine runs (MkDocs or ProperDocs): one process per edition (generator.engine.mkdocs_run), its warnings and errors read back into the report."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Optional

from ..core.diagnostics import Report
from .choice import DEFAULT, ENGINES, Engine
from .configfile import key_line
from ..content.model import LANGS

# The module each edition's MkDocs process runs (the benchmark finds the processes by it).
RUNNER = "generator.engine.mkdocs_run"
# How the runner reports an operating-system error: a line of this level, and this exit code.
OS_ERROR = "OSERROR"
OS_ERROR_EXIT = 3

@dataclass(frozen=True)
class EngineMessage:
    level: str  # WARNING, ERROR, CRITICAL, or OS_ERROR
    message: str
    errno: Optional[int] = None  # OS_ERROR only
    filename: Optional[str] = None  # OS_ERROR only, when the error names a file


@dataclass(frozen=True)
class EngineRun:
    """One edition's engine run, as it ended."""

    lang: str
    returncode: int
    logged: tuple[EngineMessage, ...]  # MkDocs' warnings and errors, in order
    output: str  # anything else it printed (tracebacks, a plugin's prints)
    seconds: float
    output_dir: Path  # where it wrote: named when an operating-system error names no file
    engine: Engine = DEFAULT


def configured_engine(config_file: Path) -> Engine:
    """The engine an edition's generated config names (engine.edition_config writes it; JSON)."""
    config = json.loads(config_file.read_bytes())
    return ENGINES[config["extra"]["briefing"]["engine"]]


def run_edition(build: Path, lang: str, output: Path, strict: bool, epoch: int, dirty: bool) -> EngineRun:
    """The engine its generated config names, on one edition (in its own process: a fresh interpreter, with a fixed hash seed).

    `dirty` lets MkDocs skip pages the hooks say are unchanged (see
    mkdocs_hooks.on_files) and keeps what the output folder holds. `strict`
    is MkDocs' own: it stops at the end of a run that logged a warning.
    """
    started = time.perf_counter()
    config_file = build / lang / "mkdocs.yml"
    engine = configured_engine(config_file)
    # NO_MKDOCS_2_WARNING: the theme prints a notice about MkDocs' successor when run by MkDocs' command line;
    # DISABLE_MKDOCS_2_WARNING: ProperDocs' own notice, the same way.
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true")
    # -P: the working folder is not searched for modules (a generator/ or mkdocs/ there is not imported).
    cmd = [sys.executable, "-P", "-m", RUNNER, str(os.getpid()), engine.name, str(config_file), str(output.resolve())]
    if strict:
        cmd.append("--strict")
    if dirty:
        cmd.append("--dirty")
        # MkDocs writes the gzipped sitemap in place (every other write goes
        # through the hooks' atomic replacements): the file may be shared.
        (output / "sitemap.xml.gz").unlink(missing_ok=True)
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    logged, other = _logged(proc.stdout)
    return EngineRun(lang, proc.returncode, logged, "\n".join([*other, proc.stderr]).strip(),
                     time.perf_counter() - started, output, engine)


def _logged(stdout: str) -> tuple[tuple[EngineMessage, ...], list[str]]:
    """The runner's JSON lines (generator.engine.mkdocs_run), and the lines that are not."""
    logged: list[EngineMessage] = []
    other: list[str] = []
    for line in stdout.splitlines():
        try:
            entry = json.loads(line)
            message = " ".join(str(entry["message"]).split())
            if entry["level"] == OS_ERROR:
                logged.append(EngineMessage(OS_ERROR, message, int(entry["errno"] or 0), entry.get("filename")))
            else:
                logged.append(EngineMessage(str(entry["level"]), message))
        except (ValueError, TypeError, KeyError):
            other.append(line)
    return tuple(logged), other


def report_engines(runs: Iterable[EngineRun], report: Report, config: Path) -> bool:
    """The engine's failures and warnings as problems of the build; True when every run succeeded.

    A warning both editions logged (most come from the shared mkdocs.yml) is
    reported once; a setting MkDocs names is reported at its line in
    `config` when it is one of the file's own keys. A failure is reported
    per edition, with the errors MkDocs logged (else the last line it printed)."""
    runs = list(runs)
    raise_os_error(runs)
    warned: dict[str, set[str]] = {}
    for run in runs:
        for entry in run.logged:
            # An error MkDocs logs and builds on anyway is, like its warnings, for --strict to fail on.
            if entry.level == "WARNING" or run.returncode == 0:
                warned.setdefault(entry.message, set()).add(run.lang)
    label = runs[0].engine.label if runs else DEFAULT.label
    for message, langs in warned.items():
        where = label if len(langs) == len(runs) > 1 else f"{label} ({', '.join(sorted(langs))} edition)"
        report.warning(config.name, _config_line(config, message), f"{where}: {message}")
    for run in runs:
        if run.returncode != 0:
            errors = [entry.message for entry in run.logged if entry.level != "WARNING"]
            detail = "; ".join(errors) or (run.output.splitlines()[-1] if run.output else f"exit code {run.returncode}")
            report.error(config.name, 0, f"the site engine ({run.engine.label}) failed on the {run.lang} edition: {detail[-800:]}")
    return all(run.returncode == 0 for run in runs)


def raise_os_error(runs: Iterable[EngineRun]) -> None:
    """A run's operating-system error, raised as the OSError it was: the command
    line reports it in one line naming the folder, as it does this process's own."""
    for run in runs:
        if run.returncode == OS_ERROR_EXIT:
            for entry in run.logged:
                if entry.level == OS_ERROR:
                    raise OSError(entry.errno, entry.message, entry.filename or str(run.output_dir))


_CONFIG_VALUE = re.compile(r"Config value '([^']+)'")


def _config_line(config: Path, message: str) -> int:
    """The line of the top-level key MkDocs names ("Config value 'x': ..."), 0 if it is not in `config`."""
    named = _CONFIG_VALUE.match(message)
    return key_line(config, (named.group(1).split(".")[0],)) if named else 0


def run_editions(build: Path, outputs: Mapping[str, Path], strict: bool, epoch: int, report: Report, config: Path,
                 dirty: bool = False) -> bool:
    """Both editions at once, one MkDocs process each (two cores, two editions); True when both succeeded."""
    with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
        runs = list(pool.map(lambda lang: run_edition(build, lang, outputs[lang], strict, epoch, dirty), LANGS))
    return report_engines(runs, report, config)
