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

from . import corroborate, verify
from . import dates as dates_mod
from .chunk import quote_edges
from .corroborate import Reporter, reporters
from .facts import Facts, words_of
from .lexicon import EN_TO_ID
from .question import detect_language


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
    granularity: str = "day"  # "day" | "month": of ``date`` and ``end``
    # The article had no publication date: its relative dates ("hari Minggu", "10 Oktober")
    # were read against the date of the articles that report the same facts.
    inferred: bool = False
    # The last day (or month) of a range the sentence states ("sejak Sabtu hingga kemarin",
    # "18–19 November", "Desember hingga Februari"); None for one day or month.
    end: str | None = None
    # The date falls after the shown sentence's article was published: a scheduled, planned
    # or expected event ("RDG berikutnya dijadwalkan pada 18–19 November"), not a reported one.
    expected: bool = False

    @property
    def shown(self) -> str:
        """``text`` as a reader should see it: a sentence that continues a quote opened in
        the sentence before starts with "…", one whose quote goes on in the next ends with it
        (the index splits a quote of several sentences into its sentences)."""
        starts_inside, ends_inside = quote_edges(self.text)
        return ("…" if starts_inside else "") + self.text + (" …" if ends_inside else "")

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        """One line of ``berita timeline --json``."""
        return json.dumps(self.to_dict(), ensure_ascii=False)


# A sentence that opens with a condition ("Jika tidak ada gugatan, KPU akan menetapkan … paling
# lambat akhir bulan ini") says what would happen, not what happened or is scheduled.
_CONDITIONAL = re.compile(rf"^\W*(?:{verify.IF_WORDS})\b", re.IGNORECASE)


# A span of at most a week ("akhir pekan lalu", "dua hari terakhir", "pekan depan") is a range
# of days; a longer one inside one calendar month ("awal September", 1–10 Sep) is that month;
# anything wider (a year, "enam tahun terakhir") is too vague to make an event.
WEEK_DAYS = 7


@dataclass(frozen=True)
class _Span:
    """One date a sentence states: a day, a range of days, a month or a range of months."""

    first: dt.date
    last: dt.date
    grain: str  # "day" | "month"
    start: int  # offsets of its words in the sentence
    end: int
    explicit: bool  # absolute, or names the day's number ("Minggu (28/9)"), not "hari Minggu"
    relative: bool  # read against the publication date

    @property
    def key(self) -> tuple[str, str | None]:
        """(date, end) as ISO: ("2025-11-01", "2025-11-02"), ("2025-12", "2026-02"), ("2025-09", None)."""
        if self.grain == "month":
            a, b = (
                f"{self.first.year:04d}-{self.first.month:02d}",
                f"{self.last.year:04d}-{self.last.month:02d}",
            )
        else:
            a, b = self.first.isoformat(), self.last.isoformat()
        return a, (b if b != a else None)


# "18–19 November 2025": dates.py reads the last day; the number before the dash starts it.
_DAY_BEFORE = re.compile(r"\b(\d{1,2})\s*(?:[–—-]|s\.?d\.?|s/d|hingga|sampai|to|until)\s*$", re.I)
# What joins two dates into one range: "sejak Sabtu malam hingga kemarin pagi", "Desember
# hingga Februari", "dimulai 18 Desember 2025 dan berakhir pada 4 Januari 2026".
_RANGE_JOIN = re.compile(
    r"^[\s,]*(?:(?:malam|pagi|siang|sore|dini hari)\s+)?"
    r"(?:hingga|sampai(?: dengan)?|s\.?d\.?|s/d|[–—-]|to|until|till|through"
    r"|dan berakhir|and ended|and ending|berakhir)\s*(?:(?:pada|on)\s+)?(?:(?:hari|tanggal)\s+)?$",
    re.I,
)
_BETWEEN = re.compile(r"\b(?:antara|between)\s+(?:(?:hari|tanggal)\s+)?$", re.I)


def _span(m: dates_mod.TimeMention, text: str) -> _Span | None:
    if m.unresolved or m.first is None or m.last is None:
        return None
    first, start = m.first, m.start
    d = _DAY_BEFORE.search(text[: m.start]) if m.first == m.last else None
    if d and 1 <= int(d[1]) < m.first.day:
        first, start = m.first.replace(day=int(d[1])), d.start()
    if (m.last - first).days < WEEK_DAYS:
        grain = "day"
    elif (first.year, first.month) == (m.last.year, m.last.month):
        grain = "month"
    else:
        return None
    explicit = not m.relative or any(c.isdigit() for c in m.text)
    return _Span(first, m.last, grain, start, m.end, explicit, m.relative)


def _joined(a: _Span, b: _Span, text: str) -> _Span | None:
    """``a`` and ``b`` as one range, when the words between them say so."""
    gap = text[a.end : b.start]
    ranged = _RANGE_JOIN.match(gap) or (
        gap.strip() in ("dan", "and") and _BETWEEN.search(text[: a.start]) is not None
    )
    if not ranged or b.last < a.first:
        return None
    grain = "day" if a.grain == b.grain == "day" else "month"
    return _Span(a.first, b.last, grain, a.start, b.end, a.explicit and b.explicit, a.relative or b.relative)


def _own_dates(text: str, mentions: Sequence[dates_mod.TimeMention]) -> list[_Span]:
    """The dates a sentence states, in reading order: two dates joined as a range ("sejak
    Sabtu hingga kemarin") are one; a date inside another the sentence also names ("awal
    bulan ini … pada 3 September") leaves only the precise one; the same date twice, once."""
    spans = sorted((s for m in mentions if (s := _span(m, text))), key=lambda s: s.start)
    merged: list[_Span] = []
    for s in spans:
        j = _joined(merged[-1], s, text) if merged else None
        if j is not None:
            merged[-1] = j
        else:
            merged.append(s)

    def inside(x: _Span, y: _Span) -> bool:  # y within x, and narrower
        return x.first <= y.first and y.last <= x.last and (y.first, y.last) != (x.first, x.last)

    kept = [x for x in merged if not any(inside(x, y) for y in merged if y is not x)]
    out: list[_Span] = []
    for s in kept:
        if s.key not in {o.key for o in out}:
            out.append(s)
    return out


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


@dataclass(frozen=True)
class _Hit:
    row: SentenceRecord
    explicit: bool
    primary: bool  # the first date the sentence states: where the sentence itself is shown


def events(rows: Sequence[SentenceRecord]) -> list[Event]:
    """Every dated event, one per (corroboration group, date or range), by date then by how
    many articles report it (most first).

    An article of the group that states no date of its own still reports the event; one
    that states a different date reports a different event (that is a disagreement, and
    the timeline shows both). A month or a range ("awal September", "akhir pekan lalu")
    folds into the group's single day event inside it, when there is exactly one. Each
    sentence is shown once: a range as one event, and a sentence naming several dates under
    the first of them (it still counts as a reporter of the others' events).
    """
    rows = sorted(rows, key=lambda r: r.id)  # an article's sentences in reading order
    inferred = infer_published(rows)
    found: dict[tuple[int, str, str | None], list[_Hit]] = {}  # (group, date, end) -> hits
    bounds: dict[tuple[int, str, str | None], tuple[dt.date, dt.date]] = {}
    grain: dict[tuple[int, str, str | None], str] = {}
    guessed: set[int] = set()  # sentences whose dates were read against an inferred date
    dated_files: dict[int, set[str]] = {}  # group -> articles that state some date
    by_group: dict[int, list[SentenceRecord]] = {}
    n_days: dict[int, int] = {}  # sentence -> how many dates it names
    last_day: dict[int, _Span] = {}  # sentence -> its one day, if it names one
    by_id = {r.id: r for r in rows}
    for r in rows:
        if _CONDITIONAL.match(r.text):
            continue
        by_group.setdefault(r.group, []).append(r)
        mentions = r.facts.dates
        if not r.date and r.file in inferred:
            mentions = tuple(dates_mod.find_dates(r.text, inferred[r.file]))
        spans = _own_dates(r.text, mentions)
        if not spans and _SAME_DAY.search(r.text):
            prev = by_id.get(r.id - 1)
            if prev is not None and prev.file == r.file and prev.id in last_day:
                spans = [last_day[prev.id]]
        if len(spans) == 1 and spans[0].first == spans[0].last:
            last_day[r.id] = spans[0]
        n_days[r.id] = len(spans)
        for i, sp in enumerate(spans):
            if not r.date and sp.relative:
                guessed.add(r.id)
            key = (r.group, *sp.key)
            found.setdefault(key, []).append(_Hit(row=r, explicit=sp.explicit, primary=i == 0))
            lo, hi = bounds.get(key, (sp.first, sp.last))
            bounds[key] = (min(lo, sp.first), max(hi, sp.last))
            grain[key] = sp.grain
            dated_files.setdefault(r.group, set()).add(r.file)
    # Fold a month or a range into the group's one day event inside it.
    days: dict[int, list[tuple[int, str, str | None]]] = {}
    for k, (lo, hi) in bounds.items():
        if lo == hi and any(h.primary for h in found[k]):
            days.setdefault(k[0], []).append(k)
    for key in [k for k, (lo, hi) in bounds.items() if lo != hi]:
        lo, hi = bounds[key]
        inside = [d for d in days.get(key[0], []) if lo <= bounds[d][0] <= hi]
        if len(inside) == 1:
            found[inside[0]].extend(found.pop(key))
    out: list[Event] = []
    for (group, date, end), hits in found.items():
        if not any(h.primary for h in hits):
            continue  # its sentences are all shown under their own first date
        silent = [r for r in by_group[group] if r.file not in dated_files.get(group, set())]
        # The sentence to show: one shown nowhere else, that names no other date
        # (unambiguous), says the date outright, from a dated article, earliest in the index.
        best = min(
            hits,
            key=lambda h: (
                not h.primary,
                n_days.get(h.row.id, 0) > 1,
                not h.explicit,
                h.row.date is None,
                h.row.id,
            ),
        ).row
        reps = reporters(
            [Reporter(file=h.row.file, title=h.row.title, source=h.row.source, date=h.row.date) for h in hits]
            + [Reporter(file=r.file, title=r.title, source=r.source, date=r.date) for r in silent]
        )
        ids = sorted({h.row.id for h in hits} | {r.id for r in silent})
        published = _parse(best.date) or inferred.get(best.file)
        first = dt.date.fromisoformat(date if len(date) == 10 else f"{date}-01")
        if len(date) == 7 and published is not None:  # a month is ahead only when it starts after
            published = published.replace(day=1)
        out.append(
            Event(
                date=date,
                text=" ".join(best.text.split()),
                file=best.file,
                reported_by=tuple(reps),
                sentences=tuple(ids),
                granularity=grain[(group, date, end)],
                inferred=best.id in guessed,
                end=end,
                expected=published is not None and first > published,
            )
        )
    out.sort(key=lambda e: (e.date, e.end or e.date, -len(e.reported_by), e.sentences[0]))
    return out


def matches(event: Event, terms: Iterable[str]) -> bool:
    """True when every query term occurs in the event's sentence, or in the title of an article
    that reports it: "banjir" keeps the flood articles' dated events ("1.200 warga mengungsi
    hingga Senin (3/11)") though the sentence names no flood. Indonesian stems count; an
    English term also matches its Indonesian forms ("meeting" finds "pertemuan")."""
    wanted = []
    for term in terms:
        term = term.strip().lower()
        if not term or term in event.date:  # "2025-09" keeps September's events
            continue
        forms = words_of(term)
        for alt in EN_TO_ID.get(term, ()):
            forms |= words_of(alt)
        wanted.append(forms)
    texts = [event.text, *dict.fromkeys(r.title for r in event.reported_by)]
    return any(all(forms & have for forms in wanted) for have in map(words_of, texts))


def query_language(query: str | None, default: str = "en") -> str:
    """The language of a timeline query, which is often one word ("banjir", "flood")."""
    return detect_language(query, default) if query else default
