"""Stored work (.build/) is data, never code, and damage to it only costs time.

Planted files whose loading would run code (a pickle, a marshal payload, in
Jinja's compiled-template format too) sit in every path where a build keeps,
or once kept, its work: `check`, `build` and `serve` run correctly, the site
equals a build from nothing, and the planted code never runs. Then each
kind of damage to each stored file: the build still gives, byte for byte,
the site a build from nothing gives, and so does the next one once site/ is
removed. A worker process killed during a build is reported as a problem of
that build.

The default run is the short form (every file damaged at once, a few kinds);
BRIEFING_FAULTS=full runs every kind on every file on its own.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import jinja2
import pytest
from jinja2.bccache import bc_magic

from benchmarks.corpus import write_corpus
from generator.core import stored
from generator.build import WORKER_DIED, Project, check
from generator.buildstate import STATE_FILE, code_key, restore
from generator.core.diagnostics import Report
from generator.engine.adapter import PAGES_ARCHIVE
from generator.core.forks import can_fork
from generator.linking.link import PARALLEL_FROM
from tests.conftest import REPO, copy_project, files_of, run_cli
from tests.test_serve import SEED, Server

FULL = os.environ.get("BRIEFING_FAULTS") == "full"

# Where a build keeps its work now, and where earlier versions kept it.
ARCHIVES = (f"en/{PAGES_ARCHIVE}", f"ar/{PAGES_ARCHIVE}")
STORED = (STATE_FILE, *ARCHIVES)
JSON_FILES = ("cache/site.json", "en/changed.json", "ar/changed.json")
OLD_FILES = ("cache/state.pickle", "en/pages.pickle", "ar/pages.pickle")


class _Touch:
    """Unpickling it creates `path`, as a hostile pickle would run any command."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str, str]]:
        return (open, (self.path, "w"))


def _pickle_payload(marker: Path) -> bytes:
    return pickle.dumps(_Touch(marker))


def _marshal_payload(marker: Path) -> bytes:
    return marshal.dumps(compile(f"open({str(marker)!r}, 'w').close()", "<planted>", "exec"))


def _in_stored_format(payload: bytes, kind: str, key: str) -> bytes:
    # A header that passes every check (magic, version, kind, key, length,
    # digest): only the typed decoding stands between the payload and the build.
    return stored.HEADER.pack(stored.MAGIC, stored.FORMAT, kind.encode().ljust(6, b"\0"), bytes.fromhex(key),
                              len(payload), hashlib.sha256(payload).digest()) + payload


def _compiled_templates(project: Path, key: str, payload: str, marker: Path) -> dict[Path, bytes]:
    """Entries of Jinja's bytecode cache, in the folder and under the names earlier versions used, for the
    generator's templates: valid for their sources, with a pickle (in the header) or code (marshal) that
    would create `marker`."""
    folder = project.resolve() / "templates" / "pages"
    cache = jinja2.FileSystemBytecodeCache(str(project / ".build" / "cache" / "templates" / key))
    entries = {}
    for template in sorted(folder.glob("*.j2")):
        name = template.name
        bucket_key = cache.get_cache_key(name, os.path.normpath(str(folder / name)))
        checksum = cache.get_source_checksum(template.read_text(encoding="utf-8"))
        if payload == "pickle":
            data = bc_magic + _pickle_payload(marker)
        else:
            data = bc_magic + pickle.dumps(checksum, 2) + _marshal_payload(marker)
        entries[Path(cache.directory) / (cache.pattern % bucket_key)] = data
    return entries


def _plant(project: Path, payload: str, marker: Path) -> None:
    build = project / ".build"
    key = code_key(project.resolve())
    raw = _pickle_payload(marker) if payload == "pickle" else _marshal_payload(marker)
    files = {build / rel: raw for rel in (*STORED, *JSON_FILES, *OLD_FILES)}
    # And the same payloads wrapped in a header that is right in every respect.
    files[build / STATE_FILE] = _in_stored_format(raw, stored.STATE, key)
    for rel in ARCHIVES:
        files[build / rel] = _in_stored_format(raw, stored.PAGES, key)
    files.update(_compiled_templates(project, key, payload, marker))
    # The editions' engine configs and search indexes are written anew before
    # MkDocs reads them (its YAML loader builds Python objects).
    for lang in ("en", "ar"):
        files[build / lang / "mkdocs.yml"] = f"!!python/object/apply:builtins.open [{str(marker)!r}, w]\n".encode()
        files[build / lang / "docs" / "search" / "index.json"] = raw
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _build_ok(project: Path) -> None:
    result = run_cli("build", project=project)
    assert result.code == 0, result.stderr
    assert "internal error" not in result.stderr


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The sample's site built from nothing."""
    project = copy_project(tmp_path_factory.mktemp("reference"))
    _build_ok(project)
    return files_of(project / "site")


@pytest.mark.parametrize("built_before", [True, False], ids=["site-kept", "from-nothing"])
@pytest.mark.parametrize("payload", ["pickle", "marshal"])
def test_planted_code_never_runs(tmp_path: Path, reference: dict[str, bytes], payload: str,
                                 built_before: bool) -> None:
    if not FULL and built_before and payload == "marshal":
        pytest.skip("short form: BRIEFING_FAULTS=full runs it")
    project = copy_project(tmp_path / "p")
    cold = run_cli("check", project=project)
    if built_before:
        _build_ok(project)
    marker = tmp_path / "code-ran"

    _plant(project, payload, marker)
    result = run_cli("check", project=project)
    assert (result.code, result.stdout) == (cold.code, cold.stdout)
    assert "internal error" not in result.stderr

    _plant(project, payload, marker)
    server = Server(project)
    try:
        assert "Shamkhani" in server.get(f"/briefings/{SEED}/")
        assert 'lang="ar" dir="rtl"' in server.get(f"/ar/briefings/{SEED}/")
    finally:
        server.stop()

    _plant(project, payload, marker)
    _build_ok(project)
    assert files_of(project / "site") == reference
    assert not marker.exists()
    # What earlier versions stored is never read, and is gone after a build.
    build = project / ".build"
    assert not any((build / rel).exists() for rel in OLD_FILES)
    assert not (build / "cache" / "templates").exists()


def _damage(path: Path, kind: str, key: str) -> None:
    data = path.read_bytes() if path.is_file() else b""
    if kind == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif kind == "zeroed":
        path.write_bytes(bytes(len(data) or 4096))
    elif kind == "garbled":
        # A few bytes changed in place, the length kept: what a bad sector or a bad copy does.
        garbled = bytearray(data or b"{}")
        for at in range(len(garbled) // 7, len(garbled), max(1, len(garbled) // 5)):
            garbled[at] ^= 0x5A
        path.write_bytes(bytes(garbled))
    elif kind == "other-version":
        path.write_bytes(_from_other_version(path, data, key))
    elif kind == "directory":
        path.unlink(missing_ok=True)
        (path / "inside").mkdir(parents=True)
        (path / "inside" / "file").write_bytes(b"x")
    elif kind == "removed":
        path.unlink(missing_ok=True)
    else:
        raise AssertionError(kind)


def _from_other_version(path: Path, data: bytes, key: str) -> bytes:
    if path.suffix != ".msgpack":
        # Right shape, values another build would have written.
        return b'{"engine_key": "0", "digests": {"en": {"index.md": "00"}}, "folder": [0, 0]}' \
            if path.name == "site.json" else b'["index.md"]'
    header = stored.HEADER.unpack(data[: stored.HEADER.size])
    payload = data[stored.HEADER.size:]
    if path.name == PAGES_ARCHIVE:
        # A later format with the same key, and the same payload: refused by its version.
        return stored.HEADER.pack(header[0], stored.FORMAT + 1, *header[2:]) + payload
    # Written by other code (another key), whose payload this code could decode.
    return stored.HEADER.pack(header[0], header[1], header[2], bytes.fromhex("f" * 32), *header[4:]) + payload


KINDS = ["truncated", "zeroed", "garbled", "other-version", "directory", "removed"]
SHORT_KINDS = ["garbled", "other-version", "directory"]
FILES = [*STORED, *JSON_FILES]
# What each build writes anew for the engine (only when its bytes changed).
WRITTEN = ("en/docs/search/index.json", "ar/mkdocs.yml", "en/docs/feed.xml")


def _cases() -> list[tuple[str, tuple[str, ...]]]:
    if FULL:
        return ([(kind, (rel,)) for kind in KINDS for rel in (*FILES, *WRITTEN)]
                + [(kind, (*FILES, *WRITTEN)) for kind in KINDS])
    return [(kind, tuple(FILES)) for kind in SHORT_KINDS]


@pytest.mark.parametrize("kind, damaged", _cases(), ids=lambda v: v if isinstance(v, str) else "+".join(v))
def test_damage_only_costs_time(tmp_path: Path, reference: dict[str, bytes], kind: str, damaged: tuple[str, ...]) -> None:
    project = copy_project(tmp_path / "p")
    _build_ok(project)
    key = code_key(project.resolve())
    for rel in damaged:
        _damage(project / ".build" / rel, kind, key)
    _build_ok(project)  # site/ kept: an update of it
    assert files_of(project / "site") == reference
    for rel in damaged:
        _damage(project / ".build" / rel, kind, key)
    shutil.rmtree(project / "site")
    _build_ok(project)  # the engine from the stored pages alone
    assert files_of(project / "site") == reference


def test_site_removed_while_stored_work_is_kept(tmp_path: Path, reference: dict[str, bytes]) -> None:
    project = copy_project(tmp_path / "p")
    _build_ok(project)
    shutil.rmtree(project / "site")
    _build_ok(project)
    assert files_of(project / "site") == reference
    check = run_cli("check", project=project)
    assert check.code == 0 and "internal error" not in check.stderr


def test_stored_files_are_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "pages"
    pages = {"index.md": (b"d" * 16, b"# Home\n")}
    key = "ab" * 16
    stored.write(path, stored.PAGES, key, pages)
    good = path.read_bytes()
    assert stored.read(path, stored.PAGES, key, stored.Pages) == pages
    assert stored.read(path, stored.PAGES, None, stored.Pages) == pages
    assert stored.read(path, stored.PAGES, "cd" * 16, stored.Pages) is None  # other code
    assert stored.read(path, stored.STATE, key, stored.Pages) is None  # another kind of file
    path.write_bytes(good + b"\0")  # longer than its header says
    assert stored.read(path, stored.PAGES, key, stored.Pages) is None
    # A payload of another shape with a valid header: refused by the typed decoding.
    stored.write(path, stored.PAGES, key, {"index.md": "text, not bytes"})
    assert stored.read(path, stored.PAGES, key, stored.Pages) is None
    # A named pipe where the file was: refused without waiting for a writer, then replaced.
    path.unlink()
    os.mkfifo(path)
    assert stored.read(path, stored.PAGES, key, stored.Pages) is None
    stored.write(path, stored.PAGES, key, pages)
    assert stored.read(path, stored.PAGES, key, stored.Pages) == pages
    # Written over a folder where the file was.
    path.unlink()
    (path / "x").mkdir(parents=True)
    assert stored.read(path, stored.PAGES, key, stored.Pages) is None
    stored.write(path, stored.PAGES, key, pages)
    assert stored.read(path, stored.PAGES, key, stored.Pages) == pages


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.mark.skipif(not can_fork() or not Path("/proc/self/task").is_dir(), reason="needs fork and /proc")
def test_a_killed_worker_is_a_build_error(tmp_path: Path, reference: dict[str, bytes]) -> None:
    project = copy_project(tmp_path / "p")
    build = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(project), "build"], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # An edition's worker (a fork of the build) while it runs that edition's
    # MkDocs: the one fork with a child of its own.
    victim = engine = None
    deadline = time.monotonic() + 60
    while victim is None and time.monotonic() < deadline and build.poll() is None:
        for worker in _children(build.pid):
            for child in _children(worker):
                if "mkdocs" in _cmdline(child):
                    victim, engine = worker, child
        time.sleep(0.01)
    assert victim is not None and engine is not None, "no edition worker seen"
    os.kill(victim, signal.SIGKILL)
    _stdout, stderr = build.communicate(timeout=120)
    assert build.returncode == 1, stderr
    assert f".build: error: {WORKER_DIED}" in stderr.splitlines()
    assert "internal error" not in stderr
    assert not (project / "site").exists()
    while _running(engine) and time.monotonic() < deadline:
        time.sleep(0.05)  # the orphaned MkDocs run ends on its own
    _build_ok(project)
    assert files_of(project / "site") == reference


def test_restored_work_is_reused_as_it_was(tmp_path: Path) -> None:
    # The typed round trip gives back values equal to the parsed and linked
    # ones: a check after a build parses and links nothing again.
    project = copy_project(tmp_path / "p")
    _build_ok(project)
    caches = restore(project / ".build", code_key(project.resolve()))
    assert caches is not None
    files = dict(caches.files.entries())
    names, linked = caches.links.entries()
    assert files and linked and names is not None
    report = Report()
    site = check(Project(project.resolve()), report, caches=caches)
    assert site is not None
    assert all(caches.files.entries()[key][1] is value for key, (_stamp, value, _problems) in files.items())
    assert caches.links.entries()[0] is names
    assert all(a is b for a, b in zip(site.briefings, (entry[0] for entry in linked.values())))
    fresh = Report()
    check(Project(project.resolve()), fresh)
    assert report.items == fresh.items


@pytest.mark.skipif(not can_fork() or not Path("/proc/self/task").is_dir(), reason="needs fork and /proc")
def test_a_killed_linking_worker_is_a_check_error(tmp_path: Path) -> None:
    # Linking forks two workers from PARALLEL_FROM briefings on.
    project = tmp_path / "p"
    write_corpus(project, PARALLEL_FROM + 100, seed=3)
    check = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(project), "check"], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    victim = None
    deadline = time.monotonic() + 60
    while victim is None and time.monotonic() < deadline and check.poll() is None:
        workers = _children(check.pid)
        victim = workers[0] if workers else None
        time.sleep(0.005)
    assert victim is not None, "no linking worker seen"
    os.kill(victim, signal.SIGKILL)
    stdout, stderr = check.communicate(timeout=120)
    assert check.returncode == 1, stderr
    assert f".build: error: {WORKER_DIED}" in stdout.splitlines()
    assert "internal error" not in stderr
    again = run_cli("check", project=project)
    assert again.code == 0, again.stdout + again.stderr
