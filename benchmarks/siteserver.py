"""A built site served from 127.0.0.1 under a sub-path, compressed like GitHub Pages does it.

- .html, .js, .css, .json, .xml (and .svg, .txt, .map) are sent with
  `Content-Encoding: gzip` when the request accepts gzip; each file is
  compressed once and kept, as a host's cache would, so that compressing
  is not charged to the page that first asks for it;
- every other file, `.gz` files among them, is sent as it is on disk;
- a path outside the mount is a 404, a missing file under it gets the
  site's own 404.html, a folder without its trailing slash a redirect.

Every response body is counted (bytes as sent, headers excluded), so a
benchmark sees what a page and its workers fetched, whichever thread or
worker fetched it: `mark()` before an action, `since(mark)` after it.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional
from urllib.parse import unquote, urlsplit

COMPRESSED_SUFFIXES = frozenset({".html", ".js", ".css", ".json", ".xml", ".svg", ".txt", ".map"})
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".wasm": "application/wasm",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pagefind": "application/octet-stream",
}


@dataclass(frozen=True)
class Sent:
    """One response: the path asked for (under the mount), its status and the body's bytes as sent."""

    path: str
    status: int
    body_bytes: int


class SiteServer:
    """Serve `root` at http://127.0.0.1:<port><prefix> in a thread: `with SiteServer(root) as server:`."""

    def __init__(self, root: Path, prefix: str = "/briefing-site/") -> None:
        self.root = root.resolve()
        self.prefix = prefix
        self._sent: list[Sent] = []
        self._lock = threading.Lock()
        self._compressed: dict[tuple[str, int, int], bytes] = {}
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}{path}"

    def __enter__(self) -> "SiteServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def mark(self) -> int:
        with self._lock:
            return len(self._sent)

    def since(self, mark: int) -> list[Sent]:
        with self._lock:
            return list(self._sent[mark:])

    def record(self, sent: Sent) -> None:
        with self._lock:
            self._sent.append(sent)

    def compressed(self, file: Path) -> bytes:
        stat = file.stat()
        key = (str(file), stat.st_mtime_ns, stat.st_size)
        with self._lock:
            body = self._compressed.get(key)
        if body is None:
            # Level 6 and no name or time in the header, as the usual servers send.
            body = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._compressed[key] = body
        return body

    def warm(self, files: Iterator[Path]) -> None:
        """Compress these files now, as a host's cache would hold them already."""
        for file in files:
            if file.suffix in COMPRESSED_SUFFIXES:
                self.compressed(file)


def _handler_for(server: SiteServer) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(_Handler):
        site = server

    return Handler


class _Handler(http.server.BaseHTTPRequestHandler):
    site: SiteServer
    protocol_version = "HTTP/1.1"  # keep-alive, as a browser meets a real host

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(with_body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._respond(with_body=True)

    def _respond(self, with_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.site.prefix):
            self._send(404, b"not found", "text/plain", path, with_body)
            return
        relative = path[len(self.site.prefix):]
        file = self._file(relative)
        if file is not None and file.is_dir():
            if not path.endswith("/"):
                self._redirect(path + "/", path, with_body)
                return
            file = file / "index.html"
        if file is None or not file.is_file():
            missing = self.site.root / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"not found"
            self._send(404, body, CONTENT_TYPES[".html"], relative, with_body)
            return
        encoding = None
        if file.suffix in COMPRESSED_SUFFIXES and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = self.site.compressed(file), "gzip"
        else:
            body = file.read_bytes()
        content_type = CONTENT_TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self._send(200, body, content_type, relative, with_body, encoding)

    def _file(self, relative: str) -> Optional[Path]:
        candidate = (self.site.root / relative).resolve()
        if candidate != self.site.root and self.site.root not in candidate.parents:
            return None
        return candidate

    def _redirect(self, location: str, path: str, with_body: bool) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.site.record(Sent(path, 301, 0))

    def _send(self, status: int, body: bytes, content_type: str, path: str, with_body: bool,
              encoding: Optional[str] = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if Path(path).suffix in COMPRESSED_SUFFIXES:
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if with_body:
            self.wfile.write(body)
        self.site.record(Sent(path, status, len(body) if with_body else 0))
