"""`briefing` command line: check, build, serve, new, suggest and status."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from contextlib import nullcontext
from typing import Callable, ContextManager, Optional, Sequence, TextIO

from . import buildstate
from .build import build, check, check_content
from .buildstate import Caches
from .core import dates, lock
from .core.diagnostics import BuildFailed, Report, counted, os_error_line
from .engine.choice import ENGINES, Engine, engine_named
from .core.forks import INTERRUPTED
from .core.project import Project
from .core.timings import Timings
from .scaffold import ScaffoldError, new_actor, new_briefing
from .serve import serve
from .status import status_lines
from .suggesting import suggestions
from .suggestwrite import WriteError, apply_suggestions


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description="Bilingual briefing sites from content/.")
    parser.add_argument("-C", "--project", type=Path, default=Path("."), help="project folder (default: here)")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate content/ and report every problem")
    p_check.add_argument("--strict", action="store_true", help="fail on warnings too")
    p_check.add_argument("--format", choices=("text", "github"), default="text", help="output format")
    p_build = sub.add_parser("build", help="check, generate and render the site into site/")
    p_build.add_argument("--strict", action="store_true", help="fail on warnings too")
    p_build.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    _engine_option(p_build)
    p_build.add_argument("--pages-as-files", action="store_true",
                         help="write each page as a file into .build/<lang>/docs, which any engine reading mkdocs.yml can build")
    p_new = sub.add_parser("new", help="scaffold a new briefing or actor")
    new_sub = p_new.add_subparsers(dest="what", required=True)
    p_nb = new_sub.add_parser("briefing", help="an original and an empty translation stub")
    p_nb.add_argument("slug")
    p_nb.add_argument("--lang", choices=("en", "ar"), required=True, help="language of the original article")
    p_nb.add_argument("--from-file", type=Path, metavar="FILE|-",
                      help="the article text, as the body (- reads standard input); what it shows is proposed in the front matter")
    p_nb.add_argument("--url", help="the article's address")
    p_na = new_sub.add_parser("actor", help="an actor profile skeleton")
    p_na.add_argument("id")
    p_na.add_argument("--kind", choices=("person", "organization", "country"), required=True)
    p_suggest = sub.add_parser("suggest", help="what a briefing's text shows but its front matter lacks")
    p_suggest.add_argument("slug")
    p_suggest.add_argument("--write", action="store_true",
                           help="apply the suggestions to the original's front matter (comments and key order kept)")
    sub.add_parser("status", help="untranslated and draft work, unmentioned actors, possible new profiles")
    p_serve = sub.add_parser("serve", help="live preview of both editions, rebuilt on every edit")
    p_serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p_serve.add_argument("-p", "--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    _engine_option(p_serve)
    return parser


def _engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=tuple(ENGINES), default=None,
                        help="the site engine (default: extra.briefing.engine in mkdocs.yml, else mkdocs)")


def _chosen_engine(args: argparse.Namespace) -> Optional[Engine]:
    return engine_named(args.engine) if args.engine else None


def _print_report(report: Report, fmt: str, stream: TextIO) -> None:
    for item in report.items:
        print(item.format_github() if fmt == "github" else item.format(), file=stream)


def _summary(report: Report) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    return f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    report = Report()
    timings = Timings()
    start = time.perf_counter()
    check(project, report, timings, caches=_stored_work(project))
    _print_report(report, args.format, sys.stdout)
    c = timings.counts
    print(
        f"checked {counted(c['briefings'], 'briefing')}, {counted(c['actors'], 'actor')}, {counted(c['places'], 'place')},"
        f" {counted(c['topics'], 'topic')}"
        f" in {time.perf_counter() - start:.2f}s: {_summary(report)}",
        file=sys.stderr,
    )
    failed = bool(report.errors) or (args.strict and bool(report.warnings))
    return 1 if failed else 0


MAX_WARNINGS_SHOWN = 20


def _progress(start: float) -> Callable[[str], None]:
    def show(stage: str) -> None:
        print(f"[{time.perf_counter() - start:6.1f}s] {stage}…", file=sys.stderr, flush=True)

    return show


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    report = Report()
    timings = Timings(progress=None if args.quiet else _progress(time.perf_counter()))
    try:
        build(project, report, strict=args.strict, timings=timings, engine=_chosen_engine(args),
              pages_as_files=args.pages_as_files)
    except BuildFailed:
        _print_report(report, "text", sys.stderr)
        print(f"build failed ({_summary(report)}); site/ was left as it was", file=sys.stderr)
        return 1
    warnings = report.warnings
    for item in warnings[:MAX_WARNINGS_SHOWN]:
        print(item.format(), file=sys.stderr)
    if len(warnings) > MAX_WARNINGS_SHOWN:
        print(f"… and {len(warnings) - MAX_WARNINGS_SHOWN} more warnings (briefing check lists them all)", file=sys.stderr)
    if not args.quiet:
        c = timings.counts
        stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in timings.stages.items())
        print(
            f"built {counted(c.get('pages', 0), 'page')} from {counted(c['briefings'], 'briefing')},"
            f" {counted(c['actors'], 'actor')}"
            f" into site/ ({stages}); {_summary(report)}",
            file=sys.stderr,
        )
    return 0


def cmd_new(project: Project, args: argparse.Namespace) -> int:
    try:
        if args.what == "briefing":
            today, problem = dates.today()
            if problem:
                raise ScaffoldError(f"{dates.TODAY_VARIABLE} {problem}")
            # The last build's parsed files spare reading every file again (a
            # third of the command's time at 2,000 briefings).
            stored_work = _stored_work(project) if args.from_file is not None else None
            written = new_briefing(project.root, args.slug, args.lang, args.from_file, args.url, today,
                                   files=stored_work.files if stored_work else None)
        else:
            written = new_actor(project.root, args.id, args.kind)
    except ScaffoldError as exc:
        print(f"briefing new: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(project.root).as_posix()}")
    print("fill in the TODO placeholders, then run: briefing check", file=sys.stderr)
    return 0


def _stored_work(project: Project) -> Optional[Caches]:
    """The last build's parsed and linked briefings, read only: check and status write nothing."""
    return buildstate.restore(project.build_dir, buildstate.code_key(project.root))


def cmd_status(project: Project, args: argparse.Namespace) -> int:
    report = Report()
    checked = check_content(project, report, caches=_stored_work(project))
    for line in status_lines(checked.corpus, checked.site, report.errors):
        print(line)
    return 1 if report.errors else 0


def cmd_suggest(project: Project, args: argparse.Namespace) -> int:
    report = Report()
    checked = check_content(project, report, caches=_stored_work(project))
    briefing = next((b for b in checked.corpus.briefings if b.slug == args.slug), None)
    if briefing is None and not report.errors:
        print(f"briefing suggest: no briefing '{args.slug}' in content/briefings/", file=sys.stderr)
        return 1
    if report.errors:
        for item in report.errors:
            print(item.format())
        print(f"briefing suggest: {_summary(report)}: fix the errors first", file=sys.stderr)
        return 1
    found = suggestions(checked.corpus, briefing)
    for suggestion in found:
        print(suggestion.format())
    if args.write and found:
        try:
            apply_suggestions(project.root / briefing.original.path, found)
        except WriteError as exc:
            print(f"briefing suggest: {exc}", file=sys.stderr)
            return 1
        print(f"wrote {briefing.original.path} ({counted(len(found), 'suggestion')} applied): run briefing check",
              file=sys.stderr)
    elif not found:
        print(f"no suggestion: the front matter of {briefing.original.path} records what the text shows", file=sys.stderr)
    return 0


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    return serve(project, args.host, args.port, engine=_chosen_engine(args))


def _hold_build_dir(args: argparse.Namespace, project: Project) -> ContextManager[None]:
    """One build at a time (lock.py); serve takes the lock around each of its rebuilds instead."""
    def tell(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    command = args.command
    if command == "build":
        return lock.exclusive(project.build_dir, "briefing build", tell)
    # new briefing --from-file reads the stored work, to propose from the content.
    # suggest reads it too (--write edits content/ only, never .build/).
    if command in ("check", "status", "suggest") or (command == "new" and getattr(args, "from_file", None) is not None):
        return lock.shared(project.build_dir, tell)
    return nullcontext()


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(args.project.resolve())
    commands = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve, "new": cmd_new, "status": cmd_status,
                "suggest": cmd_suggest}
    try:
        with _hold_build_dir(args, project):
            return commands[args.command](project, args)
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return INTERRUPTED
    except OSError as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        after = "the build stopped and site/ was left as it was" if args.command == "build" else f"briefing {args.command} stopped"
        print(f"{os_error_line(exc, project.root)}: {after}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(f"briefing: internal error: {type(exc).__name__}: {exc} (set BRIEFING_DEBUG=1 for details)", file=sys.stderr)
        return 2
