"""`briefing serve`: build, serve both editions on 127.0.0.1, rebuild on edits, reload the browser.

The preview is rendered into .build/preview (site/ is left to `briefing
build`). After the first build, rebuilds are dirty: pages whose view model
is unchanged are neither rendered again nor passed to MkDocs as changed. A
change to templates/ or mkdocs.yml renders everything. A broken edit prints
its problems and the last good preview stays served.

Two processes: this one serves HTTP (from threads); the rebuilds run in a
child forked before the first of those threads starts, which keeps the
caches in memory and forks its own workers with no other thread running
(forks.py). Each rebuild holds the project's lock on .build/ (lock.py): it
shares .build/<lang>/ with `briefing build`, which waits for it, as it waits
for a build.
"""

from __future__ import annotations

import errno
import functools
import http.server
import multiprocessing
import os
import sys
import threading
import time
from types import SimpleNamespace
from typing import Any, Callable, Optional

from .core import lock
from .build import build
from .buildstate import Caches
from .core.project import Project
from .core.timings import Timings
from .core.diagnostics import BuildFailed, Report, os_error_line
from .engine.choice import Engine
from .core.forks import can_fork, fork_process
from .output.render import PageCache

POLL_SECONDS = 0.25
# Injected into HTML responses only (never into the built files).
RELOAD_SCRIPT = b"""<script>(function(){var v=null;function p(){fetch("/__briefing/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){}).finally(function(){setTimeout(p,1000)})}p()})();</script>"""


def snapshot(project: Project) -> dict[str, tuple[int, int]]:
    """What the preview depends on: path -> (mtime_ns, size)."""
    state: dict[str, tuple[int, int]] = {}
    for top in (project.content, project.templates):
        for dirpath, _dirs, files in os.walk(top):
            for name in files:
                path = os.path.join(dirpath, name)
                try:
                    info = os.stat(path)
                except FileNotFoundError:
                    continue
                state[path] = (info.st_mtime_ns, info.st_size)
    config = project.root / "mkdocs.yml"
    if config.exists():
        info = config.stat()
        state[str(config)] = (info.st_mtime_ns, info.st_size)
    return state


class Preview:
    def __init__(self, project: Project, log: Callable[[str], None], engine: Optional[Engine] = None) -> None:
        self.project = project
        self.engine = engine  # the command line's; else mkdocs.yml's
        self.out = project.build_dir / "preview"
        self.log = log
        # Counted up by the rebuilding child, read by this process's server: in shared memory.
        self._version: Any = multiprocessing.get_context("fork").Value("q", 0) if can_fork() else SimpleNamespace(value=0)
        self.caches = Caches()
        self.command_pid = os.getpid()  # named to a build that waits for a rebuild (run by a child)

    @property
    def version(self) -> int:
        return int(self._version.value)

    def rebuild(self, changed: Optional[set[str]] = None) -> bool:
        report = Report()
        timings = Timings()
        structural = changed is None or any(not p.startswith(str(self.project.content)) for p in changed)
        if structural:
            # A template or the site config changed: every page must be rendered again.
            self.caches.pages = PageCache()
        start = time.perf_counter()
        try:
            with lock.exclusive(self.project.build_dir, "briefing serve", self.log, self.command_pid):
                build(self.project, report, timings=timings, preview=self.out, dirty=not structural,
                      caches=self.caches, engine=self.engine)
        except BuildFailed:
            for item in report.items:
                self.log(item.format())
            self.log(f"build failed: still serving the last good preview ({len(report.errors)} errors)")
            return False
        except OSError as exc:
            self.log(f"{os_error_line(exc, self.project.root)}: still serving the last good preview")
            return False
        for item in report.warnings:
            self.log(item.format())
        self._version.value += 1
        rendered = sum(v for k, v in timings.counts.items() if k.startswith("rendered_"))
        stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in timings.stages.items())
        self.log(f"rebuilt in {time.perf_counter() - start:.2f}s ({rendered} pages rendered; {stages})")
        return True


def _handler(preview: Preview) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            clean = path.split("?", 1)[0].split("#", 1)[0]
            if clean == "/ar" or clean.startswith("/ar/"):
                root, rest = preview.out / "ar", clean[3:] or "/"
            else:
                root, rest = preview.out / "en", clean
            # The stock translation drops '..' segments and resolves under `directory`.
            self.directory = str(root)
            return super().translate_path(rest)

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if self.path == "/__briefing/version":
                self._send(str(preview.version).encode(), "text/plain")
                return
            path = self.translate_path(self.path)
            if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
                path = os.path.join(path, "index.html")
            if path.endswith(".html") and os.path.isfile(path):
                with open(path, "rb") as handle:
                    body = handle.read().replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
                self._send(body, "text/html; charset=utf-8")
                return
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from http.server
            pass

    return Handler


def _cannot_listen(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (f"briefing serve: port {port} on {host} is in use (another server, perhaps another briefing serve):"
                " stop it, or choose another port (--port 0 picks a free one)")
    if error.errno == errno.EADDRNOTAVAIL:
        return f"briefing serve: {host} is not an address of this machine: use --host 127.0.0.1"
    return f"briefing serve: cannot listen on {host}:{port}: {error.strerror or error}"


def serve(project: Project, host: str, port: int, log: Callable[[str], None] = lambda m: print(m, file=sys.stderr, flush=True),
          engine: Optional[Engine] = None) -> int:
    preview = Preview(project, log, engine)
    handler = functools.partial(_handler(preview), directory=str(preview.out / "en"))
    # The address is taken before the first build: a port in use is said at once, not after a build.
    try:
        server = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        log(_cannot_listen(host, port, exc))
        return 1
    server.daemon_threads = True
    try:
        # Taken before the first build, so that an edit saved during it is seen.
        state = snapshot(project)
        preview.rebuild()
        if not can_fork():
            return _serve_and_watch_in_turn(project, host, server, preview, state, log)
        return _serve_beside_rebuilder(project, host, server, preview, state, log)
    except KeyboardInterrupt:
        log("stopped")
        return 0
    finally:
        server.server_close()


def _serve_beside_rebuilder(project: Project, host: str, server: http.server.ThreadingHTTPServer, preview: Preview,
                            state: dict[str, tuple[int, int]], log: Callable[[str], None]) -> int:
    """This process serves; a child forked before the server's thread starts rebuilds on edits."""

    def rebuild_on_edits() -> None:
        server.server_close()  # the child's copy of the listening socket; this process serves
        _watch(project, preview, state, log)

    # Forked before the server's thread starts (fork_process checks it).
    rebuilder = fork_process(rebuild_on_edits, name="rebuilder", daemon=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _tell_serving(host, server, log)
    try:
        rebuilder.join()
        log(f"briefing serve: the rebuilding process ended (exit code {rebuilder.exitcode})")
        return 1
    except KeyboardInterrupt:
        log("stopped")
        return 0
    finally:
        server.shutdown()
        rebuilder.kill()  # ends on Ctrl-C by itself; on another way out, here
        rebuilder.join()


def _tell_serving(host: str, server: http.server.ThreadingHTTPServer, log: Callable[[str], None]) -> None:
    log(f"serving on http://{host}:{server.server_address[1]}/ (Arabic edition at /ar/); watching content/, templates/, mkdocs.yml")


def _serve_and_watch_in_turn(project: Project, host: str, server: http.server.ThreadingHTTPServer, preview: Preview,
                             state: dict[str, tuple[int, int]], log: Callable[[str], None]) -> int:
    """Without fork, one process: rebuilds fork nothing (editions.render_editions runs them in turn)."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _tell_serving(host, server, log)
    try:
        _watch(project, preview, state, log)
    except KeyboardInterrupt:
        log("stopped")
    finally:
        server.shutdown()
    return 0


def _watch(project: Project, preview: Preview, state: dict[str, tuple[int, int]], log: Callable[[str], None]) -> None:
    """Rebuild the preview after each edit, for ever."""
    while True:
        time.sleep(POLL_SECONDS)
        current = snapshot(project)
        if current != state:
            changed = {p for p in set(current) | set(state) if current.get(p) != state.get(p)}
            state = current
            # Editors save in several steps: wait for the files to settle.
            time.sleep(POLL_SECONDS)
            settled = snapshot(project)
            changed |= {p for p in set(settled) | set(state) if settled.get(p) != state.get(p)}
            state = settled
            names = ", ".join(sorted(os.path.relpath(p, project.root) for p in changed)[:3])
            log(f"changed: {names}{' …' if len(changed) > 3 else ''}")
            try:
                preview.rebuild(changed)
            except Exception as exc:  # noqa: BLE001 - as the command line's last line of defence; serving goes on
                log(f"briefing: internal error: {type(exc).__name__}: {exc}: still serving the last good preview")
