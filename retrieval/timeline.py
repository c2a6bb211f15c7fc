"""The dated events in the articles, in date order, each with the articles that report it.

Pure: the caller hands in one ``SentenceRecord`` per indexed sentence (its facts computed at
index time by ``reader.facts``, its corroboration group by ``corroborate.group_sentences``)
and gets ``Event`` records back; the CLI (``berita timeline``) and Telegram format them.

An event's date is the date the sentence's own mention resolves to ("Kim meninggalkan
Beijing pada hari Kamis" in an article of Friday 5 Sep 2025 is 4 Sep 2025), not the
article's publication date. Only days, and spans inside one calendar month ("awal
September" → 2025-09), make events; years, wider spans and unresolved mentions do not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import corroborate
from . import dates as dates_mod
from .corroborate import Reporter, reporters
from .facts import Facts, words_of
from .lexicon import EN_TO_ID


@dataclass(frozen=True)
class SentenceRecord:
    """One indexed sentence with what the timeline needs about it and its article."""

    id: int  # the sentence's id in the index: consecutive within an article, in reading order
    text: str
    file: str
    title: str
    source: str | None  # the outlet, when known
    date: str | None  # the article's publication date (ISO), when known
    facts: Facts
    group: int  # corroboration group (corroborate.group_sentences)


@dataclass(frozen=True)
class Event:
    date: str  # ISO: "2025-09-04" (a day) or "2025-09" (a month)
    text: str  # the sentence that states it, whitespace-cleaned
    file: str  # the article that sentence comes from
    reported_by: tuple[Reporter, ...]  # every article that reports it, earliest first
    sentences: tuple[int, ...]  # ids of the sentences merged into this event
    granularity: str = "day"  # "day" | "month"
    # The article had no publication date: its relative dates ("hari Minggu", "10 Oktober")
    # were read against the date of the articles that report the same facts.
    inferred: bool = False

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        """One line of ``berita timeline --json``."""
        return json.dumps(self.to_dict(), ensure_ascii=False)


# A span counts as one event date only inside one calendar month: "awal September" (1–10
# Sep) is September; "akhir pekan lalu" across a month's end, or a year, is too vague.
def _event_date(m: dates_mod.TimeMention) -> tuple[str, str] | None:
    if m.unresolved or m.first is None or m.last is None:
        return None
    if m.first == m.last:
        return m.first.isoformat(), "day"
    if (m.first.year, m.first.month) == (m.last.year, m.last.month):
        return f"{m.first.year:04d}-{m.first.month:02d}", "month"
    return None


# "…sudah meninggalkan tempat pengungsian pada hari yang sama": the day of the sentence before.
_SAME_DAY = re.compile(r"\b(?:hari yang sama|hari itu juga|pada hari itu|the same day|that day)\b", re.I)


def infer_published(rows: Sequence[SentenceRecord]) -> dict[str, dt.date]:
    """A reference date for each undated article (``corroborate.infer_published``)."""
    return corroborate.infer_published((r.file, r.date, r.group) for r in rows)


def _parse(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def events(rows: Sequence[SentenceRecord]) -> list[Event]:
    """Every dated event, one per (corroboration group, date), by date then by how many
    articles report it (most first).

    An article of the group that states no date of its own still reports the event; one
    that states a different date reports a different event (that is a disagreement, and
    the timeline shows both). A month-only mention ("awal September") folds into the
    group's single day event inside that month, when there is exactly one.
    """
    rows = sorted(rows, key=lambda r: r.id)  # an article's sentences in reading order
    inferred = infer_published(rows)
    # (group, date) -> [(explicit?, row)]
    found: dict[tuple[int, str], list[tuple[bool, SentenceRecord]]] = {}
    guessed: set[int] = set()  # sentences whose dates were read against an inferred date
    grain: dict[tuple[int, str], str] = {}
    dated_files: dict[int, set[str]] = {}  # group -> articles that state some date
    by_group: dict[int, list[SentenceRecord]] = {}
    n_days: dict[int, int] = {}  # sentence -> how many day dates it names
    last_day: dict[int, dates_mod.TimeMention] = {}  # sentence -> its one day date, if one
    by_id = {r.id: r for r in rows}
    for r in rows:
        by_group.setdefault(r.group, []).append(r)
        mentions = r.facts.dates
        if not r.date and r.file in inferred:
            mentions = tuple(dates_mod.find_dates(r.text, inferred[r.file]))
        if not mentions and _SAME_DAY.search(r.text):
            prev = by_id.get(r.id - 1)
            if prev is not None and prev.file == r.file and prev.id in last_day:
                mentions = (last_day[prev.id],)
        days = [m for m in mentions if _event_date(m) and m.first == m.last]
        if len(days) == 1:
            last_day[r.id] = days[0]
        for m in mentions:
            d = _event_date(m)
            if d is None:
                continue
            if not r.date and m.relative:
                guessed.add(r.id)
            if d[1] == "day":
                n_days[r.id] = n_days.get(r.id, 0) + 1
            key = (r.group, d[0])
            # Explicit: absolute, or names the day's number ("Minggu (28/9)"), not "hari Minggu".
            explicit = not m.relative or any(c.isdigit() for c in m.text)
            found.setdefault(key, []).append((explicit, r))
            grain[key] = d[1]
            dated_files.setdefault(r.group, set()).add(r.file)
    # Fold a month into the group's one day event of that month.
    day_keys: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for k, g in grain.items():
        if g == "day":
            day_keys.setdefault((k[0], k[1][:7]), []).append(k)
    for key in [k for k, g in grain.items() if g == "month"]:
        inside = day_keys.get(key, [])
        if len(inside) == 1:
            found[inside[0]].extend(found.pop(key))
            del grain[key]
    out: list[Event] = []
    for (group, date), hits in found.items():
        silent = [r for r in by_group[group] if r.file not in dated_files.get(group, set())]
        # The sentence to show: one that names no other day (unambiguous), says the date
        # outright, from a dated article, earliest in the index.
        best = min(hits, key=lambda h: (n_days.get(h[1].id, 0) > 1, not h[0], h[1].date is None, h[1].id))[1]
        reps = reporters(
            [Reporter(file=r.file, title=r.title, source=r.source, date=r.date) for _, r in hits]
            + [Reporter(file=r.file, title=r.title, source=r.source, date=r.date) for r in silent]
        )
        ids = sorted({r.id for _, r in hits} | {r.id for r in silent})
        out.append(
            Event(
                date=date,
                text=" ".join(best.text.split()),
                file=best.file,
                reported_by=tuple(reps),
                sentences=tuple(ids),
                granularity=grain[(group, date)],
                inferred=best.id in guessed,
            )
        )
    out.sort(key=lambda e: (e.date, -len(e.reported_by), e.sentences[0]))
    return out


def matches(event: Event, terms: Iterable[str]) -> bool:
    """True when every query term occurs in the event's sentence (Indonesian stems count;
    an English term also matches its Indonesian forms: "meeting" finds "pertemuan")."""
    have = words_of(event.text)
    for term in terms:
        term = term.strip().lower()
        if not term:
            continue
        forms = words_of(term)
        for alt in EN_TO_ID.get(term, ()):
            forms |= words_of(alt)
        if term in event.date:  # "2025-09" keeps September's events
            continue
        if not forms & have:
            return False
    return True
