"""`briefing serve` driven for real: start it, edit a file, see the page change; break a file, keep the last good page."""

from __future__ import annotations

import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import copy_project, run_cli

SEED = "shamkhani-patrushev-moscow-2023"


class Server:
    def __init__(self, project: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "-C", str(project), "serve", "-p", "0"],
            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.lines: "queue.Queue[str]" = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        line = self.wait_for(r"serving on http://127\.0\.0\.1:(\d+)/")
        port = re.search(r":(\d+)/", line).group(1)
        self.base = f"http://127.0.0.1:{port}"

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.proc.poll() is None, "\n".join(self.log)
                continue
            self.log.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.log))

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def test_serve_rebuilds_on_edit_and_keeps_last_good_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    server = Server(project)
    try:
        page = f"/briefings/{SEED}/"
        assert "Shamkhani" in server.get(page)
        assert "__briefing/version" in server.get(page)  # live reload script, injected when served
        assert 'lang="ar" dir="rtl"' in server.get(f"/ar{page}")
        translation = project / "content" / "briefings" / f"{SEED}.en.md"
        text = translation.read_text(encoding="utf-8")
        title = re.search(r"^title: (.*)$", text, re.M).group(1)
        translation.write_text(text.replace(f"title: {title}", "title: Edited while serving"), encoding="utf-8")
        server.wait_for(r"rebuilt in")
        assert "<h1>Edited while serving</h1>" in server.get(page)
        assert "Edited while serving" in server.get("/briefings/")
        assert "Edited while serving" not in (project / "content" / "briefings" / f"{SEED}.ar.md").read_text(encoding="utf-8")

        template = project / "templates" / "pages" / "briefing.md.j2"
        template.write_text(template.read_text(encoding="utf-8").replace('<section class="bf-text"', '<section class="bf-text bf-edited-template"'), encoding="utf-8")
        server.wait_for(r"rebuilt in")
        assert "bf-edited-template" in server.get(page)

        translation.write_text("---\ntitle: Broken\n", encoding="utf-8")
        error = server.wait_for(r": error: ")
        assert error == f"content/briefings/{SEED}.en.md:1: error: front matter is not closed: add a line '---' after it"
        server.wait_for("still serving the last good preview")
        assert "<h1>Edited while serving</h1>" in server.get(page)
        assert not (project / "site").exists()
    finally:
        server.stop()


def test_serve_on_a_port_in_use_says_so_before_building(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port), project=project, timeout=60)
    assert result.code == 1
    assert result.stderr.splitlines() == [
        f"briefing serve: port {port} on 127.0.0.1 is in use (another server, perhaps another briefing serve):"
        " stop it, or choose another port (--port 0 picks a free one)"
    ]
    assert not (project / ".build").exists()  # nothing was built
