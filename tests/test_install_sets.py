"""The install sets: pyproject.toml names the direct dependencies, three locks
pin everything with hashes, and the Makefile installs each set where it is
needed (the runtime for `make build`, the test tools for `make test`, the
benchmark's baseline for `make bench`).

The locks are read as text and the Makefile is run with `make -n` in a copy,
so these tests need no network; `.ci/run` installs the sets for real on a
fresh machine and checks that `make build` installed nothing but the runtime.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import REPO

RUNTIME_LOCK = "requirements.lock"
TEST_LOCK = "requirements-test.lock"
BENCH_LOCK = "requirements-bench.lock"
LOCK_TOOL_LOCK = "requirements-lock-tool.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")


@dataclass(frozen=True)
class Pin:
    version: str
    hashes: tuple[str, ...]


def _lock(name: str) -> dict[str, Pin]:
    """Package (canonical name) -> its pinned version and hashes, from a pip-compile lock."""
    pins: dict[str, Pin] = {}
    current: str | None = None
    for line in (REPO / name).read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            current = canonicalize_name(match[1])
            pins[current] = Pin(match[2], ())
        elif current and (hashes := HASH.findall(line)):
            pins[current] = Pin(pins[current].version, pins[current].hashes + tuple(hashes))
        elif not line.startswith(" "):
            current = None
    return pins


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _direct(requirements: list[str]) -> dict[str, str]:
    pinned: dict[str, str] = {}
    for text in requirements:
        requirement = Requirement(text)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", f"{text}: pin it with =="
        pinned[canonicalize_name(requirement.name)] = specifiers[0].version
    return pinned


@pytest.mark.parametrize("name", [RUNTIME_LOCK, TEST_LOCK, BENCH_LOCK, LOCK_TOOL_LOCK])
def test_every_pin_carries_hashes(name: str) -> None:
    pins = _lock(name)
    assert pins, f"{name} pins nothing"
    unhashed = sorted(package for package, pin in pins.items() if not pin.hashes)
    assert unhashed == [], f"{name}: no --hash for {unhashed}"
    text = (REPO / name).read_text(encoding="utf-8")
    # The locks name no index or wheel folder of the machine that made them.
    assert not re.search(r"^\s*--(index-url|extra-index-url|find-links|trusted-host)", text, re.M)
    assert "#    make locks" in text, f"{name} was not written by `make locks`"


def test_locks_follow_pyproject() -> None:
    project = _pyproject()
    runtime = _direct(project["project"]["dependencies"]) | _direct(project["build-system"]["requires"])
    extras = project["project"]["optional-dependencies"]
    test_only, bench_only = _direct(extras["test"]), _direct(extras["bench"])
    expected = {RUNTIME_LOCK: runtime, TEST_LOCK: runtime | test_only, BENCH_LOCK: runtime | bench_only}
    for name, direct in expected.items():
        pins = _lock(name)
        for package, version in direct.items():
            assert package in pins, f"{name} lacks {package}: run `make locks`"
            assert pins[package].version == version, f"{name} pins {package}=={pins[package].version}, pyproject.toml {version}: run `make locks`"
    runtime_pins = _lock(RUNTIME_LOCK)
    assert not set(test_only) & set(runtime_pins), "a test tool in the runtime lock"
    assert not set(bench_only) & set(runtime_pins), "a benchmark package in the runtime lock"
    assert not set(bench_only) & set(_lock(TEST_LOCK)), "the benchmark's baseline in the test lock"


def test_sets_agree_on_every_shared_package() -> None:
    """The sets are installed into one .venv in turn: a shared package must be the same file in each."""
    locks = {name: _lock(name) for name in (RUNTIME_LOCK, TEST_LOCK, BENCH_LOCK)}
    runtime = locks[RUNTIME_LOCK]
    for name in (TEST_LOCK, BENCH_LOCK):
        assert set(runtime) <= set(locks[name]), f"{name} misses runtime packages {sorted(set(runtime) - set(locks[name]))}"
    for package in set(locks[TEST_LOCK]) | set(locks[BENCH_LOCK]):
        seen = {name: locks[name][package] for name in locks if package in locks[name]}
        assert len(set(seen.values())) == 1, f"{package} differs between {sorted(seen)}"


@pytest.fixture()
def make_copy(tmp_path: Path) -> Path:
    """The files the Makefile reads, copied so that `make -n` sees no stamp of the real .venv."""
    for name in ("Makefile", "pyproject.toml", RUNTIME_LOCK, TEST_LOCK, BENCH_LOCK):
        shutil.copy2(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "tests" / "browser", tmp_path / "tests" / "browser",
                    ignore=shutil.ignore_patterns("node_modules"))
    return tmp_path


def _planned_installs(project: Path, target: str) -> list[str]:
    """The pip install commands `make TARGET` would run in a fresh checkout."""
    planned = subprocess.run(["make", "-n", target], cwd=project, capture_output=True, text=True, check=True)
    return [line for line in planned.stdout.splitlines() if " -m pip " in line and " install " in line]


def _locks_installed(commands: list[str]) -> list[str]:
    return [re.search(r" -r (\S+)", command)[1] for command in commands if " -r " in command]


def test_make_build_installs_the_runtime_set_only(make_copy: Path) -> None:
    commands = _planned_installs(make_copy, "build")
    assert _locks_installed(commands) == [RUNTIME_LOCK]
    for command in commands:
        assert "--no-deps" in command
        assert "--require-hashes" in command or command.endswith(" -e ."), command


@pytest.mark.parametrize(("target", "lock"), [("test", TEST_LOCK), ("bench", BENCH_LOCK)])
def test_test_and_bench_add_their_own_set(make_copy: Path, target: str, lock: str) -> None:
    commands = _planned_installs(make_copy, target)
    assert _locks_installed(commands) == [RUNTIME_LOCK, lock]
    for command in commands:
        assert "--require-hashes" in command or command.endswith(" -e ."), command


def test_make_build_after_make_test_installs_nothing_again(make_copy: Path) -> None:
    # Explicit modification times: files touched in one instant can share one.
    venv = make_copy / ".venv"
    venv.mkdir()
    for stamp in (".build-set", ".project", ".test-set"):
        (venv / stamp).touch()
        os.utime(venv / stamp, (2_000_000_000, 2_000_000_000))
    assert _planned_installs(make_copy, "build") == []
    os.utime(make_copy / TEST_LOCK, (2_000_000_100, 2_000_000_100))
    assert _locks_installed(_planned_installs(make_copy, "test")) == [TEST_LOCK]
