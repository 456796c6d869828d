"""A deterministic synthetic corpus for benchmarking `briefing build`.

    python -m benchmarks.corpus --out DIR --briefings N [--seed 1]

writes DIR/content/ (briefings, actors, places.yml, topics.yml) and copies
the repository's templates/ and mkdocs.yml into DIR, so that DIR is a project
`briefing -C DIR build` can build.  The same seed gives a byte-identical tree.

What it models (see project issue 7):

- N briefings, about 70% Arabic originals, of ~600 words each, ~90% with a
  translation into the other language (some of them drafts); most bodies have
  paragraphs separated by blank lines, some have one paragraph per line;
- one actor per five briefings: countries and organisations from real lists,
  people with names in both scripts and aliases; office titles held in turn
  by two people (the second from the day the first left);
- 52 places, 30 topics; events (meetings, calls, visits, conferences,
  statements), a share of them reported by several briefings, either under
  the same `id` or with the same type, date and participants;
- names, aliases (with Arabic proclitics such as وباتروشيف and للمجلس, hamza
  spelled or dropped, occasional diacritics) and office titles in the text,
  so that mention linking has real work to do.

The corpus passes `briefing check` without errors or warnings: aliases are
unique across actors (checked with the generator's own pattern_key), shared
events agree in every report, and every office has exactly one holder on any
briefing date.  Nothing is written outside --out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator.text.mentions import pattern_key

from . import vocab

REPO = Path(__file__).resolve().parent.parent
MARKER = ".briefing-benchmark-corpus"
FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
HARAKAT = ("\u064e", "\u0650", "\u064f", "\u0651", "\u0652")  # fatha, kasra, damma, shadda, sukun
_HAMZA_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def q(text: str) -> str:
    """A YAML scalar: JSON strings are valid YAML and need no other quoting rules."""
    return json.dumps(text, ensure_ascii=False)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Office:
    key: str  # an id-like name, for our bookkeeping only
    country: str
    org: Optional[str]  # actor id of the organisation, if generated
    title: tuple[str, str]  # (en, ar)
    aliases: tuple[list[str], list[str]]
    holders: list[tuple[str, dt.date, Optional[dt.date]]] = field(default_factory=list)


@dataclass
class Actor:
    id: str
    kind: str
    en: str
    ar: str
    aliases_en: list[str]
    aliases_ar: list[str]
    country: Optional[str] = None
    roles: list[tuple[Office, dt.date, Optional[dt.date]]] = field(default_factory=list)
    bio: Optional[tuple[str, str]] = None
    wikidata: Optional[str] = None
    website: Optional[str] = None

    def forms(self, lang: str) -> list[str]:
        return [self.en, *self.aliases_en] if lang == "en" else [self.ar, *self.aliases_ar]


@dataclass
class EventSpec:
    type: str
    date: dt.date
    participants: list[str]
    location: Optional[str]
    title: Optional[tuple[str, str]]
    id: Optional[str]
    end: Optional[dt.date] = None


class Names:
    """Keeps every actor name and alias unique after the linker's normalisation."""

    def __init__(self) -> None:
        self.used: set[tuple[str, str]] = set()

    def free(self, lang: str, text: str) -> bool:
        key = pattern_key(text)
        return key is not None and (lang, key) not in self.used

    def take(self, lang: str, text: str) -> None:
        key = pattern_key(text)
        if key is not None:
            self.used.add((lang, key))

    def claim(self, actor: Actor) -> bool:
        """Register the actor's names; drops colliding aliases; False if a name collides."""
        if not (self.free("en", actor.en) and self.free("ar", actor.ar)):
            return False
        self.take("en", actor.en)
        self.take("ar", actor.ar)
        for lang, aliases in (("en", actor.aliases_en), ("ar", actor.aliases_ar)):
            kept = []
            for alias in aliases:
                if self.free(lang, alias):
                    self.take(lang, alias)
                    kept.append(alias)
            aliases[:] = kept
        return True


class CorpusGenerator:
    def __init__(self, briefings: int, seed: int = 1) -> None:
        self.n = briefings
        self.rng = random.Random(seed)
        self.names = Names()
        self.actors: dict[str, Actor] = {}
        self.offices: list[Office] = []
        self.countries: list[str] = []
        self.people: list[str] = []
        self.orgs: list[str] = []
        self.places = [p for p in vocab.PLACES]
        self.place_names = {pid: (en, ar) for pid, en, ar, _c in vocab.PLACES}
        self.topics = [t[0] for t in vocab.TOPICS]
        self.event_keys: set[tuple[str, dt.date, frozenset[str]]] = set()
        self.event_ids: set[str] = set()
        self.shared: list[EventSpec] = []
        self._surnames = self._surname_pool()
        self._next_surname = 0

    # --- actors -------------------------------------------------------------

    def _surname_pool(self) -> list[tuple[str, str]]:
        rng = random.Random(self.rng.random())
        generated = []
        for s1 in vocab.SYLLABLES:
            for s2 in vocab.SYLLABLES:
                for end in vocab.ENDINGS:
                    en = (s1[0] + s2[0] + end[0]).capitalize()
                    generated.append((en, s1[1] + s2[1] + end[1]))
        rng.shuffle(generated)
        return list(vocab.SURNAMES) + generated

    def _bio(self, actor: Actor) -> tuple[str, str]:
        rng = self.rng
        en = f"{actor.en} is a {rng.choice(['senior', 'long-serving', 'prominent'])} figure in " + " ".join(rng.choices(vocab.EN_WORDS, k=14)) + "."
        ar = f"{actor.ar} " + " ".join(rng.choices(vocab.AR_WORDS, k=16)) + "."
        return en, ar

    def make_actors(self) -> None:
        rng = self.rng
        total = max(10, self.n // 5)
        n_countries = min(len(vocab.COUNTRIES), max(3, total // 8))
        n_orgs = max(2, total // 4)

        for cid, en, ar, aen, aar in vocab.COUNTRIES[:n_countries]:
            actor = Actor(cid, "country", en, ar, list(aen), list(aar), wikidata=f"Q{1000 + len(self.actors)}")
            actor.bio = (f"Country whose affairs these briefings follow: {en}.", f"دولة تتابع هذه الإحاطات شؤونها: {ar}.")
            if self.names.claim(actor):
                self.actors[cid] = actor
                self.countries.append(cid)

        # Organisations: international bodies first, then national ones per country.
        national = [(cid, body) for body in vocab.NATIONAL_BODIES for cid in self.countries]
        for oid, en, ar, aen, aar in vocab.INTERNATIONAL:
            if len(self.orgs) >= n_orgs // 3 + 1:
                break
            self._add_org(Actor(oid, "organization", en, ar, list(aen), list(aar)))
        for cid, body in national:
            if len(self.orgs) >= n_orgs:
                break
            country = self.actors[cid]
            self._add_org(Actor(f"{cid}-{body[0]}", "organization", body[1].format(c=country.en),
                                body[2].format(a=country.ar), [], [], country=cid))
        n_people = total - len(self.countries) - len(self.orgs)
        offices_wanted = max(2, n_people // 3)
        for cid, body in national[:offices_wanted]:
            country = self.actors[cid]
            fill = {"c": country.en, "a": country.ar}
            org_id = f"{cid}-{body[0]}"
            self.offices.append(Office(
                key=org_id, country=cid, org=org_id if org_id in self.actors else None,
                title=(body[3].format(**fill), body[4].format(a=country.ar)),
                aliases=([a.format(**fill) for a in body[5]], [a.format(a=country.ar) for a in body[6]]),
            ))
        # Reserve office titles and aliases so no person's alias collides with them.
        for office in self.offices:
            for lang, texts in (("en", [office.title[0], *office.aliases[0]]), ("ar", [office.title[1], *office.aliases[1]])):
                for text in texts:
                    self.names.take(lang, text)

        # People: the holders of each office first (some offices held in turn), then others.
        for index, office in enumerate(self.offices):
            if len(self.people) >= n_people:
                break
            in_turn = index == 0 or rng.random() < 0.35
            if in_turn and len(self.people) + 2 <= n_people:
                start = FIRST_DAY.replace(year=rng.randint(2006, 2012), month=rng.randint(1, 12))
                switch = dt.date(rng.randint(2018, 2023), rng.randint(1, 12), rng.randint(1, 28))
                first = self._person(office.country)
                second = self._person(office.country)
                self._hold(first, office, start, switch)
                self._hold(second, office, switch, None)
            else:
                start = dt.date(rng.randint(2008, 2015), rng.randint(1, 12), rng.randint(1, 28))
                self._hold(self._person(office.country), office, start, None)
        while len(self.people) < n_people:
            self._person(rng.choice(self.countries))

    def _add_org(self, org: Actor) -> bool:
        org.bio = self._bio(org) if self.rng.random() < 0.6 else None
        if self.rng.random() < 0.3:
            org.website = f"https://{org.id}.example.org/"
        if org.id in self.actors or not self.names.claim(org):
            return False
        self.actors[org.id] = org
        self.orgs.append(org.id)
        return True

    def _hold(self, person: Actor, office: Office, start: dt.date, end: Optional[dt.date]) -> None:
        person.roles.append((office, start, end))
        office.holders.append((person.id, start, end))

    def _person(self, country: str) -> Actor:
        rng = self.rng
        while True:
            first = rng.choice(vocab.FIRST_NAMES)
            if self._next_surname < len(self._surnames):
                surname = self._surnames[self._next_surname]
                self._next_surname += 1
            else:
                surname = (f"Person{len(self.actors)}", f"شخص{len(self.actors)}")
            en, ar = f"{first[0]} {surname[0]}", f"{first[1]} {surname[1]}"
            aliases_en, aliases_ar = [surname[0]], [surname[1]]
            if rng.random() < 0.3:
                rank = rng.choice([("General", "الجنرال"), ("Admiral", "الأدميرال"), ("Dr", "الدكتور")])
                aliases_en.append(f"{rank[0]} {surname[0]}")
                aliases_ar.append(f"{rank[1]} {surname[1]}")
            if "غ" in ar and rng.random() < 0.7:
                aliases_ar.append(ar.replace("غ", "ج"))  # سيرغي / سيرجي
            person = Actor(slugify(en), "person", en, ar, aliases_en, aliases_ar, country=country)
            if person.id in self.actors or not self.names.claim(person):
                continue
            if rng.random() < 0.5:
                person.bio = self._bio(person)
            if rng.random() < 0.4:
                person.wikidata = f"Q{rng.randint(10_000, 99_999_999)}"
            self.actors[person.id] = person
            self.people.append(person.id)
            return person

    # --- events -------------------------------------------------------------

    def _free_key(self, type_: str, day: dt.date, participants: list[str]) -> bool:
        key = (type_, day, frozenset(participants))
        if key in self.event_keys:
            return False
        self.event_keys.add(key)
        return True

    def _title(self, type_: str, participants: list[str], place: Optional[str]) -> tuple[str, str]:
        a = self.actors[participants[0]]
        b = self.actors[participants[1]] if len(participants) > 1 else None
        where_en = f" in {self.place_names[place][0]}" if place else ""
        where_ar = f" في {self.place_names[place][1]}" if place else ""
        last_en = lambda x: x.aliases_en[0] if x.aliases_en and x.kind == "person" else x.en  # noqa: E731
        last_ar = lambda x: x.aliases_ar[0] if x.aliases_ar and x.kind == "person" else x.ar  # noqa: E731
        if type_ == "meeting" and b:
            return f"{last_en(a)}–{last_en(b)} meeting{where_en}", f"لقاء {last_ar(a)} و{last_ar(b)}{where_ar}"
        if type_ == "call" and b:
            return f"{last_en(a)}–{last_en(b)} phone call", f"اتصال هاتفي بين {last_ar(a)} و{last_ar(b)}"
        if type_ == "conference":
            return f"Security conference{where_en}", f"مؤتمر أمني{where_ar}"
        if type_ == "visit":
            return f"{last_en(a)} visit{where_en}", f"زيارة {last_ar(a)}{where_ar}"
        return f"Statement by {last_en(a)}", f"بيان {last_ar(a)}"

    def _random_day(self) -> dt.date:
        return FIRST_DAY + dt.timedelta(days=self.rng.randrange((LAST_DAY - FIRST_DAY).days + 1))

    def make_shared_events(self) -> None:
        rng = self.rng
        wanted = max(2, self.n // 4)
        attempts = 0
        while len(self.shared) < wanted and attempts < wanted * 10:
            attempts += 1
            type_ = rng.choices(("meeting", "call", "conference"), (6, 2, 2))[0]
            if type_ == "conference":
                pool = self.people + self.orgs + self.countries
                participants = rng.sample(pool, min(len(pool), rng.randint(3, 5)))
            else:
                participants = rng.sample(self.people, 2 if rng.random() < 0.8 else min(3, len(self.people)))
            day = self._random_day()
            if not self._free_key(type_, day, participants):
                continue
            place = None if type_ == "call" else rng.choice(self.places)[0]
            event = EventSpec(type_, day, participants, place, self._title(type_, participants, place), None)
            if type_ == "conference" and rng.random() < 0.5:
                event.end = day + dt.timedelta(days=rng.randint(1, 2))
            if rng.random() < 0.6:
                event.id = f"{slugify(self.actors[participants[0]].aliases_en[0] if self.actors[participants[0]].aliases_en else participants[0])}-{type_}-{day.isoformat()}-{len(self.shared)}"
                self.event_ids.add(event.id)
            self.shared.append(event)

    def _own_event(self, day: dt.date, slug: str, k: int) -> Optional[EventSpec]:
        rng = self.rng
        type_ = rng.choices(("visit", "statement", "call", "meeting"), (3, 2, 2, 3))[0]
        count = 1 if type_ in ("visit", "statement") else 2
        for _ in range(5):
            participants = rng.sample(self.people, count)
            when = day - dt.timedelta(days=rng.randint(0, 2))
            if self._free_key(type_, when, participants):
                break
        else:
            return None
        place = None if type_ in ("call", "statement") else rng.choice(self.places)[0]
        title = self._title(type_, participants, place) if rng.random() < 0.8 else None
        event_id = f"{slug}-{k}" if rng.random() < 0.3 else None
        return EventSpec(type_, when, participants, place, title, event_id)

    # --- text ---------------------------------------------------------------

    def _mention(self, actor_id: str, lang: str, clitic: str = "") -> str:
        rng = self.rng
        actor = self.actors[actor_id]
        forms = actor.forms(lang)
        text = forms[0] if len(forms) == 1 or rng.random() < 0.45 else rng.choice(forms[1:])
        if lang == "ar":
            if clitic:
                # ل + ال is written لل: the article's alef drops.
                text = clitic + (text[1:] if clitic.endswith("ل") and text.startswith("ال") else text)
            roll = rng.random()
            if roll < 0.08:
                text = text.translate(_HAMZA_ALEFS)
            elif roll < 0.12 and len(text) > 3:
                text = text[:-1] + rng.choice(HARAKAT) + text[-1:]
        return text

    def _office_mention(self, office: Office, lang: str) -> str:
        titles = [office.title[0], *office.aliases[0]] if lang == "en" else [office.title[1], *office.aliases[1]]
        return titles[0] if self.rng.random() < 0.6 else self.rng.choice(titles)

    def _filler(self, lang: str, lo: int, hi: int) -> str:
        rng = self.rng
        words = rng.choices(vocab.AR_WORDS if lang == "ar" else vocab.EN_WORDS, k=rng.randint(lo, hi))
        if lang == "ar" and rng.random() < 0.15:
            i = rng.randrange(len(words))
            w = words[i]
            if len(w) > 2:
                words[i] = w[:-1] + rng.choice(HARAKAT) + w[-1:]
        return " ".join(words)

    def _sentence(self, kind: int, x: str, y: str, office: Optional[Office], place: str, lang: str) -> str:
        """One sentence of template `kind` in `lang` (the same kind in both languages)."""
        f = self._filler
        p = self.place_names[place][0 if lang == "en" else 1]
        if lang == "ar":
            m = self._mention
            if kind == 0:
                return f"التقى {m(x, 'ar')} مع {m(y, 'ar')} في {p}، وبحث معه {f('ar', 6, 12)}."
            if kind == 1:
                return f"وأكد {m(x, 'ar')} على ضرورة {f('ar', 8, 16)}."
            if kind == 2:
                return f"من جانبه، أعرب {m(x, 'ar')} عن {f('ar', 8, 14)}."
            if kind == 3:
                return f"وجرى الاتصال بين {m(x, 'ar')} {m(y, 'ar', 'و')} حول {f('ar', 6, 12)}."
            if kind == 4:
                return f"وفي رسالة {m(y, 'ar', 'ل')}، قال {m(x, 'ar')}: إن {f('ar', 8, 14)}."
            if kind == 5 and office is not None:
                return f"وأشار {self._office_mention(office, 'ar')} إلى {f('ar', 8, 14)}."
            if kind == 6:
                return f"ورحّب {m(x, 'ar')} {m(y, 'ar', 'ب')} في {p}، {f('ar', 6, 12)}."
            return f"{self.rng.choice(vocab.AR_OPENERS)} {f('ar', 10, 20)}."
        m = self._mention
        if kind == 0:
            return f"{m(x, 'en')} met {m(y, 'en')} in {p} and discussed {f('en', 6, 12)}."
        if kind == 1:
            return f"{m(x, 'en')} stressed the need for {f('en', 8, 16)}."
        if kind == 2:
            return f"For his part, {m(x, 'en')} expressed {f('en', 8, 14)}."
        if kind == 3:
            return f"The call between {m(x, 'en')} and {m(y, 'en')} covered {f('en', 6, 12)}."
        if kind == 4:
            return f"In a message to {m(y, 'en')}, {m(x, 'en')}'s office said {f('en', 8, 14)}."
        if kind == 5 and office is not None:
            return f"The {self._office_mention(office, 'en')} pointed to {f('en', 8, 14)}."
        if kind == 6:
            return f"{m(x, 'en')} welcomed {m(y, 'en')} to {p}, {f('en', 6, 12)}."
        return f"{self.rng.choice(vocab.EN_OPENERS)} {f('en', 10, 20)}."

    def _paragraph_plan(self, main: list[str], offices: list[Office], place: str) -> list[tuple]:
        rng = self.rng
        plan = []
        for _ in range(rng.randint(3, 6)):
            kind = rng.choices(range(8), (2, 2, 1, 1, 1, 1, 1, 5))[0]
            if kind == 5 and not offices:
                kind = 7
            x = rng.choice(main) if rng.random() < 0.75 else rng.choice(self.people + self.countries)
            y = rng.choice(main) if rng.random() < 0.6 else rng.choice(self.people + self.orgs + self.countries)
            if y == x:
                y = rng.choice(self.countries)
            office = rng.choice(offices) if kind == 5 else None
            plan.append((kind, x, y, office, place))
        return plan

    def _bodies(self, main: list[str], offices: list[Office], place: str, langs: tuple[str, ...]) -> dict[str, list[str]]:
        rng = self.rng
        target = rng.randint(520, 680)
        out: dict[str, list[str]] = {lang: [] for lang in langs}
        words = 0
        while words < target:
            plan = self._paragraph_plan(main, offices, place)
            for lang in langs:
                paragraph = " ".join(self._sentence(*item, lang) for item in plan)
                out[lang].append(paragraph)
            words += out[langs[0]][-1].count(" ") + 1
        return out

    def _summary(self, main: list[str], place: str, lang: str, count: int) -> list[str]:
        return [self._sentence(self.rng.choice((0, 1, 2)), main[0], main[-1] if len(main) > 1 else self.countries[0], None, place, lang)
                for _ in range(count)]

    # --- files --------------------------------------------------------------

    def _event_yaml(self, ev: EventSpec, full: bool) -> list[str]:
        lines = [f"  - type: {ev.type}", f"    date: {ev.date.isoformat()}"]
        if ev.end:
            lines.append(f"    end: {ev.end.isoformat()}")
        if ev.location and (full or self.rng.random() < 0.9):
            lines.append(f"    location: {ev.location}")
        lines.append(f"    participants: [{', '.join(ev.participants)}]")
        if ev.title and (full or self.rng.random() < 0.8):
            lines.append(f"    title: {{en: {q(ev.title[0])}, ar: {q(ev.title[1])}}}")
        if ev.id and (full or self.rng.random() < 0.9):
            lines.append(f"    id: {ev.id}")
        return lines

    def briefing_files(self, index: int) -> dict[str, str]:
        rng = self.rng
        events: list[tuple[EventSpec, bool]] = []
        if self.shared and rng.random() < 0.6:
            shared = rng.choice(self.shared)
            day = min(LAST_DAY, shared.date + dt.timedelta(days=rng.randint(0, 2)))
            events.append((shared, False))
        else:
            day = self._random_day()
        place = events[0][0].location if events and events[0][0].location else rng.choice(self.places)[0]
        main: list[str] = list(events[0][0].participants) if events else rng.sample(self.people, 2)
        first = self.actors[main[0]]
        slug = slugify(f"{first.aliases_en[0] if first.aliases_en else first.en}-{place}-{day.isoformat()}-{index}")
        for k in range(rng.choices((0, 1, 2), (3, 4, 2))[0]):
            own = self._own_event(day, slug, k)
            if own is not None:
                events.append((own, True))
                main.extend(own.participants)
        main = list(dict.fromkeys(main))
        tagged = list(main[:4])
        if rng.random() < 0.5:
            country = self.actors[main[0]].country or rng.choice(self.countries)
            tagged.append(country)
        tagged = list(dict.fromkeys(tagged))
        topics = rng.sample(self.topics, rng.randint(1, 3))
        offices = [role[0] for aid in main for role in self.actors[aid].roles]

        original = "ar" if rng.random() < 0.7 else "en"
        other = "en" if original == "ar" else "ar"
        translated = rng.random() < 0.9
        langs = (original, other) if translated else (original,)
        bodies = self._bodies(main, offices, place, langs)
        n_points = rng.randint(2, 4)
        titles = {lang: self._title_text(main, place, lang) for lang in langs}
        outlet = rng.choice(vocab.OUTLETS)

        front = [
            "---",
            f"title: {q(titles[original])}",
            f"date: {day.isoformat()}",
            "source:",
            f"  name: {q(outlet[0])}",
        ]
        if rng.random() < 0.7:
            front.append(f"  url: https://{outlet[1]}.example.org/{day.year}/{slug}")
        front.append(f"location: {place}")
        front.append(f"actors: [{', '.join(tagged)}]")
        front.append(f"topics: [{', '.join(topics)}]")
        front.append("summary:")
        front.extend(f"  - {q(point)}" for point in self._summary(main, place, original, n_points))
        if events:
            front.append("events:")
            for ev, own in events:
                front.extend(self._event_yaml(ev, own))
        front.append("---")
        one_per_line = rng.random() < 0.15
        files = {f"{slug}.{original}.md": "\n".join(front) + "\n" + ("\n" if one_per_line else "\n\n").join(bodies[original]) + "\n"}
        if translated:
            tfront = [
                "---",
                f"title: {q(titles[other])}",
                "summary:",
                *(f"  - {q(point)}" for point in self._summary(main, place, other, n_points)),
                f"translator: {q(rng.choice(vocab.TRANSLATORS))}",
                f"status: {'draft' if rng.random() < 0.15 else 'reviewed'}",
                "---",
            ]
            files[f"{slug}.{other}.md"] = "\n".join(tfront) + "\n" + "\n\n".join(bodies[other]) + "\n"
        return files

    def _title_text(self, main: list[str], place: str, lang: str) -> str:
        a = self._mention(main[0], lang)
        b = self._mention(main[1], lang) if len(main) > 1 else None
        p = self.place_names[place][0 if lang == "en" else 1]
        if lang == "en":
            return f"{a} meets {b} in {p}" if b else f"{a} visits {p}"
        return f"{a} يلتقي {b} في {p}" if b else f"{a} يزور {p}"

    def actor_yaml(self, actor: Actor) -> str:
        lines = [f"kind: {actor.kind}", f"name: {{en: {q(actor.en)}, ar: {q(actor.ar)}}}"]
        if actor.aliases_en or actor.aliases_ar:
            lines.append("aliases:")
            lines.append(f"  en: [{', '.join(q(a) for a in actor.aliases_en)}]")
            lines.append(f"  ar: [{', '.join(q(a) for a in actor.aliases_ar)}]")
        if actor.country:
            lines.append(f"country: {actor.country}")
        if actor.roles:
            lines.append("roles:")
            for office, start, end in actor.roles:
                lines.append(f"  - title: {{en: {q(office.title[0])}, ar: {q(office.title[1])}}}")
                if office.org:
                    lines.append(f"    organization: {office.org}")
                lines.append(f"    from: {start.isoformat()}")
                if end:
                    lines.append(f"    to: {end.isoformat()}")
                lines.append(
                    f"    aliases: {{en: [{', '.join(q(a) for a in office.aliases[0])}],"
                    f" ar: [{', '.join(q(a) for a in office.aliases[1])}]}}"
                )
        if actor.bio:
            lines.append("bio:")
            lines.append(f"  en: {q(actor.bio[0])}")
            lines.append(f"  ar: {q(actor.bio[1])}")
        links = []
        if actor.wikidata:
            links.append(f"wikidata: {actor.wikidata}")
        if actor.website:
            links.append(f"website: {actor.website}")
        if links:
            lines.append(f"links: {{{', '.join(links)}}}")
        return "\n".join(lines) + "\n"

    def places_yaml(self) -> str:
        lines = []
        for pid, en, ar, country in self.places:
            lines.append(f"{pid}:")
            lines.append(f"  name: {{en: {q(en)}, ar: {q(ar)}}}")
            if country and country in self.actors:
                lines.append(f"  country: {country}")
            latitude, longitude = vocab.COORDINATES[pid]
            lines.append(f"  coordinates: [{latitude}, {longitude}]")
        return "\n".join(lines) + "\n"

    @staticmethod
    def topics_yaml() -> str:
        return "".join(f"{tid}:\n  name: {{en: {q(en)}, ar: {q(ar)}}}\n" for tid, en, ar in vocab.TOPICS)

    def files(self) -> dict[str, str]:
        """Every content file, by path relative to content/."""
        self.make_actors()
        self.make_shared_events()
        out: dict[str, str] = {}
        for index in range(self.n):
            for name, text in self.briefing_files(index).items():
                out[f"briefings/{name}"] = text
        for actor in self.actors.values():
            out[f"actors/{actor.id}.yml"] = self.actor_yaml(actor)
        out["places.yml"] = self.places_yaml()
        out["topics.yml"] = self.topics_yaml()
        return out


def _safe_target(out: Path) -> Path:
    out = out.resolve()
    if out == REPO or REPO.is_relative_to(out) or (out / ".git").exists() or (out / "pyproject.toml").exists():
        raise SystemExit(f"refusing to write a corpus into {out}: it looks like a real project")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SystemExit(f"refusing to write into {out}: not empty and not made by benchmarks.corpus")
    return out


def write_corpus(out: Path, briefings: int, seed: int = 1) -> dict[str, float]:
    """Write a buildable project into `out` (replacing an earlier corpus there)."""
    out = _safe_target(out)
    started = time.perf_counter()
    files = CorpusGenerator(briefings, seed).files()
    generated = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(f"briefings={briefings} seed={seed}\n", encoding="utf-8")
    for name in ("content", "templates"):
        shutil.rmtree(out / name, ignore_errors=True)
    content = out / "content"
    for folder in ("briefings", "actors"):
        (content / folder).mkdir(parents=True)
    for rel, text in files.items():
        with open(content / rel, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    shutil.copytree(REPO / "templates", out / "templates")
    shutil.copy2(REPO / "mkdocs.yml", out / "mkdocs.yml")
    return {"generate": generated - started, "write": time.perf_counter() - generated, "files": len(files)}


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="project folder to write (content/, templates/, mkdocs.yml)")
    parser.add_argument("--briefings", type=int, required=True, help="number of briefings")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.briefings < 1:
        parser.error("--briefings must be at least 1")
    stats = write_corpus(args.out, args.briefings, args.seed)
    print(
        f"wrote {stats['files']} content files for {args.briefings} briefings into {args.out}"
        f" (generate {stats['generate']:.2f}s, write {stats['write']:.2f}s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
