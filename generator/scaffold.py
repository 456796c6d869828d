"""`briefing new`: pre-filled files for a new briefing or actor, never overwriting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from .content.model import other
from .content.pairs import DATE_NOTE
from .content.schema import SLUG_RE
from .content.sourcefile import SourceProblem, read_text

PLACEHOLDER = "TODO"


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


def new_briefing(root: Path, slug: str, lang: str, from_file: Optional[Path], url: Optional[str], today: dt.date) -> list[Path]:
    _check_id(slug, "slug")
    folder = root / "content" / "briefings"
    existing = sorted(p.name for p in folder.glob(f"{slug}.*.md")) if folder.is_dir() else []
    if existing:
        raise ScaffoldError(f"a briefing '{slug}' already exists ({', '.join(existing)}): not overwritten")
    if url is not None and not url.startswith(("http://", "https://")):
        raise ScaffoldError(f"--url must start with http:// or https://, not '{url}'")
    body = f"{PLACEHOLDER}: paste the article text here, one paragraph per line or paragraphs separated by blank lines.\n"
    if from_file is not None:
        try:
            body = read_text(from_file).strip("\n") + "\n"
        except SourceProblem as problem:
            raise ScaffoldError(f"{from_file}: {problem.message}") from None
        except OSError as exc:
            raise ScaffoldError(f"{from_file}: {exc.strerror}") from None
    source = f"  url: {url}\n" if url else ""
    original = (
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
        f"{body}"
    )
    translation = (
        "---\n"
        f'title: "{PLACEHOLDER}: the translated headline"\n'
        "status: draft\n"
        "# translator: your name\n"
        "# summary:\n"
        "#   - a key point, translated\n"
        "---\n"
        f"{PLACEHOLDER}: the translation, paragraph by paragraph in the same order as the original.\n"
    )
    folder.mkdir(parents=True, exist_ok=True)
    first = folder / f"{slug}.{lang}.md"
    second = folder / f"{slug}.{other(lang)}.md"
    _write_new(first, original)
    _write_new(second, translation)
    return [first, second]


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
