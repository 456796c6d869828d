"""`briefing new`: pre-filled files for a new briefing or actor, never overwriting."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import BinaryIO, Optional

from .content.model import other
from .content.pairs import DATE_NOTE
from .content.schema import SLUG_RE
from .content.loader import FileCache, load
from .content.sourcefile import DEFAULT_MAX_BYTES, SourceProblem, decode_text, read_text
from .core.diagnostics import Report
from .drafting import Proposal, propose

PLACEHOLDER = "TODO"
PROPOSED = "# proposed from the text: check it"


class ScaffoldError(Exception):
    pass


def _check_id(value: str, what: str) -> None:
    if not SLUG_RE.fullmatch(value):
        raise ScaffoldError(f"'{value}' is not a valid {what}: use lower-case letters, digits and single hyphens")


def _write_new(path: Path, text: str) -> None:
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path.name} already exists: not overwritten") from None


def new_briefing(root: Path, slug: str, lang: str, from_file: Optional[Path], url: Optional[str], today: dt.date,
                 stdin: Optional[BinaryIO] = None, files: Optional[FileCache] = None) -> list[Path]:
    """The original and its translation stub; with --from-file, the front matter the text shows proposed."""
    _check_id(slug, "slug")
    folder = root / "content" / "briefings"
    existing = sorted(p.name for p in folder.glob(f"{slug}.*.md")) if folder.is_dir() else []
    if existing:
        raise ScaffoldError(f"a briefing '{slug}' already exists ({', '.join(existing)}): not overwritten")
    if url is not None and not url.startswith(("http://", "https://")):
        raise ScaffoldError(f"--url must start with http:// or https://, not '{url}'")
    if from_file is None:
        original = _blank_original(today, url)
        translation = _translation(f"{PLACEHOLDER}: the translation, paragraph by paragraph in the same order as the original.\n")
    else:
        body = _article(from_file, stdin).strip("\n") + "\n"
        # What fails to load is left out of the proposal; `check` reports it.
        proposal = propose(load(root, Report(), cache=files), body, lang, url, today)
        original = _proposed_original(proposal, url) + body
        translation = _translation("\n".join(
            f"{PLACEHOLDER}: translate paragraph {n} of {proposal.paragraphs}.\n" for n in range(1, proposal.paragraphs + 1)))
    folder.mkdir(parents=True, exist_ok=True)
    first = folder / f"{slug}.{lang}.md"
    second = folder / f"{slug}.{other(lang)}.md"
    _write_new(first, original)
    _write_new(second, translation)
    return [first, second]


def _article(from_file: Path, stdin: Optional[BinaryIO]) -> str:
    """The pasted text: a file, or standard input for `-`."""
    name = "standard input" if str(from_file) == "-" else str(from_file)
    try:
        if str(from_file) == "-":
            data = (stdin or sys.stdin.buffer).read(DEFAULT_MAX_BYTES + 1)
            if len(data) > DEFAULT_MAX_BYTES:
                raise SourceProblem(0, f"over the limit of {DEFAULT_MAX_BYTES:,} bytes")
            text = decode_text(data)
        else:
            text = read_text(from_file)
    except SourceProblem as problem:
        raise ScaffoldError(f"{name}: {problem.message}") from None
    except OSError as exc:
        raise ScaffoldError(f"{name}: {exc.strerror}") from None
    if not text.strip():
        raise ScaffoldError(f"{name}: no text: paste the article")
    return text


def _blank_original(today: dt.date, url: Optional[str]) -> str:
    source = f"  url: {url}\n" if url else ""
    return (
        "---\n"
        f'title: "{PLACEHOLDER}: the headline, in the language of the article"\n'
        f"date: {today.isoformat()}  # {DATE_NOTE}\n"
        "source:\n"
        f'  name: "{PLACEHOLDER}: the outlet"\n'
        f"{source}"
        "# location: moscow          # a place id from content/places.yml\n"
        "# actors: [ali-shamkhani]   # actor ids from content/actors/\n"
        "# topics: [regional-security]\n"
        "# summary:\n"
        "#   - a key point\n"
        "---\n"
        f"{PLACEHOLDER}: paste the article text here, one paragraph per line or paragraphs separated by blank lines.\n"
    )


def _translation(body: str) -> str:
    return (
        "---\n"
        f'title: "{PLACEHOLDER}: the translated headline"\n'
        "status: draft\n"
        "# translator: your name\n"
        "# summary:\n"
        "#   - a key point, translated\n"
        "---\n"
        f"{body}"
    )


def _proposed_original(proposal: Proposal, url: Optional[str]) -> str:
    """Front matter with what the text shows, each proposed block under a note saying so."""
    lines = ["---", f'title: "{PLACEHOLDER}: the headline, in the language of the article"']
    if proposal.date.from_text:
        lines += [f"{PROPOSED} (the dateline names {proposal.date.named})", f"date: {proposal.date.day.isoformat()}"]
    else:
        lines.append(f"date: {proposal.date.day.isoformat()}  # {DATE_NOTE}")
    lines.append("source:")
    if proposal.source_name is None:
        lines.append(f'  name: "{PLACEHOLDER}: the outlet"')
    else:
        lines += [f"  {PROPOSED} (an outlet already used in content/)", f"  name: {_quoted(proposal.source_name)}"]
    if url:
        lines.append(f"  url: {url}")
    if proposal.location:
        lines += [f"{PROPOSED} (the place the first paragraph names)", f"location: {proposal.location}"]
    if proposal.actors:
        lines += [f"{PROPOSED} (names and office titles found, people first)", "actors:"]
        lines += [f"  - {actor_id}" for actor_id in proposal.actors]
    if proposal.topics:
        lines += [f"{PROPOSED} (topic names found)", "topics:"]
        lines += [f"  - {topic_id}" for topic_id in proposal.topics]
    lines += ["summary:", f'  - "{PLACEHOLDER}: a key point"']
    event = proposal.event
    if event:
        why = (f"it is the event {', '.join(event.reused_from)} reports: its id is reused" if event.reused_from
               else "a sentence with a meeting, call or visit and two actors or more")
        lines += [f"{PROPOSED} ({why})", "events:", f"  - type: {event.type}", f"    date: {event.date.isoformat()}"]
        if event.location:
            lines.append(f"    location: {event.location}")
        lines.append("    participants:")
        lines += [f"      - {actor_id}" for actor_id in event.participants]
        lines.append(f"    id: {event.id}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: any outlet name stays a string.
    return json.dumps(text, ensure_ascii=False)


def new_actor(root: Path, actor_id: str, kind: str) -> list[Path]:
    _check_id(actor_id, "actor id")
    folder = root / "content" / "actors"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{actor_id}.yml"
    text = (
        f"kind: {kind}\n"
        "name:\n"
        f'  en: "{PLACEHOLDER}: name in English"\n'
        f'  ar: "{PLACEHOLDER}: الاسم بالعربية"\n'
        "# aliases:                  # other ways the name is written (3 letters or more)\n"
        "#   en: [Surname]\n"
        "#   ar: [اللقب]\n"
        + ("# country: iran            # an actor of kind country\n" if kind != "country" else "")
        + "# roles:\n"
        "#   - title: {en: Secretary of ..., ar: أمين ...}\n"
        "#     organization: some-organization\n"
        "#     from: 2020-01-31       # held from this day\n"
        "#     to: 2024-05-12         # up to the day before this one (leave out while current)\n"
        "#     aliases: {en: [...], ar: [...]}\n"
        "# bio: {en: ..., ar: ...}\n"
        "# links: {wikidata: Q123, website: https://...}\n"
    )
    _write_new(path, text)
    return [path]
