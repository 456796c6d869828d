"""Preview latency: `briefing serve` on a corpus, one briefing edited, time until the page is served updated.

    python -m benchmarks.preview --sizes 200,2000
"""

from __future__ import annotations

import argparse
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from benchmarks.corpus import write_corpus

REPO = Path(__file__).resolve().parent.parent


def measure(project: Path, edits: int = 3) -> list[float]:
    proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(project), "serve", "-p", "0"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: "queue.Queue[str]" = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stderr], daemon=True).start()  # type: ignore[union-attr]

    def wait(pattern: str) -> str:
        while True:
            line = lines.get(timeout=600)
            if re.search(pattern, line):
                return line

    try:
        port = re.search(r":(\d+)/", wait("serving on")).group(1)  # type: ignore[union-attr]
        source = sorted((project / "content" / "briefings").glob("*.md"))[len(list((project / "content" / "briefings").glob("*.md"))) // 2]
        slug = source.name.split(".")[0]
        url = f"http://127.0.0.1:{port}/briefings/{slug}/" if source.name.endswith(".en.md") else f"http://127.0.0.1:{port}/ar/briefings/{slug}/"
        seconds = []
        for number in range(edits):
            marker = f"Preview edit number {number} {time.time_ns()}"
            text = source.read_text(encoding="utf-8")
            head, sep, body = text.partition("\n---\n")
            source.write_text(head + sep + marker + "\n\n" + body, encoding="utf-8")
            started = time.perf_counter()
            while True:
                with urllib.request.urlopen(url, timeout=30) as response:
                    if marker in response.read().decode("utf-8"):
                        break
                time.sleep(0.05)
            seconds.append(time.perf_counter() - started)
            source.write_text(text, encoding="utf-8")
            wait("rebuilt in")  # the restore, so the next edit starts from a settled preview
        return seconds
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="200,2000")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    args = parser.parse_args(argv)
    for size in [int(s) for s in args.sizes.split(",")]:
        project = args.out / f"preview-{size}"
        write_corpus(project, size, seed=1)
        times = measure(project)
        print(f"{size} briefings: edit to updated page served in " + ", ".join(f"{t:.2f}s" for t in times), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
