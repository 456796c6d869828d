"""Reading analysts' files: bytes -> text -> front matter + body, with lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 2_000_000


class SourceProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode a content file: UTF-8 (a BOM is accepted), CRLF/CR folded to LF."""
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceProblem(0, f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes")
    return decode_text(path.read_bytes())


def decode_text(data: bytes) -> str:
    """Text as `read_text` decodes it, from bytes read elsewhere (standard input)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceProblem(
            line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}): save the file as UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SourceProblem(line, "contains a NUL character: this is not a text file")
    return text


@dataclass(frozen=True)
class Split:
    front_matter: str
    front_matter_line: int  # line in the file of the first front-matter line
    body: str
    body_line: int  # line in the file where the body starts


def split_front_matter(text: str) -> Split:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise SourceProblem(1, "missing front matter: the file must start with a line '---'")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            body = "\n".join(lines[index + 1 :])
            return Split("\n".join(lines[1:index]), 2, body, index + 2)
    raise SourceProblem(1, "front matter is not closed: add a line '---' after it")
