"""What a sentence can answer with, found once at index time and stored with the generation.

``facts(sentence, published)``: its dates resolved against the article's publication date,
the people, places, entities and quantities in it, and its words with their Indonesian
stems. Answering then costs set look-ups, not parsing: the warm answer must stay near the
cost of encoding the question.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace

from . import dates as dates_mod
from . import spans as spans_mod
from .dates import TimeMention
from .lexicon import stem
from .spans import Quantity, Span

_WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)


def words_of(text: str) -> set[str]:
    """Lower-cased words, hyphenated parts, and Indonesian stems: what a concept matches."""
    found = set(_WORD.findall(text.lower()))
    out = set(found)
    for w in found:  # each distinct word once: a passage repeats most of its words
        if "-" in w:
            out.update(w.split("-"))
        elif len(w) > 4 and w.isalpha():
            out.add(stem(w))
    return out


def passage_words(title: str, text: str) -> set[str]:
    """A passage's words with its article's title's: what the reader matches a question
    against (stored with each chunk at index time, store.NewChunk.words)."""
    return words_of(title + " " + text)


@dataclass(frozen=True)
class Facts:
    words: frozenset[str]
    dates: tuple[TimeMention, ...] = ()
    people: tuple[Span, ...] = ()
    places: tuple[Span, ...] = ()
    entities: tuple[Span, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    meta: str = ""  # a line about the article (META_WORDS), not the story: "" for the story's

    def to_json(self) -> str:
        def span(s: Span) -> list:
            return [s.start, s.end, s.text, s.kind, s.role]

        return json.dumps(
            {
                "w": sorted(self.words),
                "d": [
                    [
                        m.start,
                        m.end,
                        m.text,
                        _iso(m.first),
                        _iso(m.last),
                        m.granularity,
                        m.relative,
                        m.unresolved,
                    ]
                    for m in self.dates
                ],
                "p": [span(s) for s in self.people],
                "l": [span(s) for s in self.places],
                "e": [span(s) for s in self.entities],
                "q": [
                    [q.start, q.end, q.text, q.value, q.unit, q.approx, q.qualifier, q.ordinal]
                    for q in self.quantities
                ],
                **({"m": self.meta} if self.meta else {}),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Facts:
        d = json.loads(text)

        # Positional: the stored rows hold the fields in their declared order (to_json), and
        # keywords made parsing a sentence's facts a third slower (the cold path of an answer).
        def spans(rows: list) -> tuple[Span, ...]:
            return tuple(Span(*r) for r in rows)

        return cls(
            words=frozenset(d["w"]),
            dates=tuple(
                TimeMention(
                    start=r[0],
                    end=r[1],
                    text=r[2],
                    first=_date(r[3]),
                    last=_date(r[4]),
                    granularity=r[5],
                    relative=r[6],
                    unresolved=r[7],
                )
                for r in d["d"]
            ),
            people=spans(d["p"]),
            places=spans(d["l"]),
            entities=spans(d["e"]),
            quantities=tuple(Quantity(*r) for r in d["q"]),
            meta=d.get("m", ""),
        )


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


# What a line about the article states, in the words a question asks it with: the byline
# names the writer (and the day), a "Sumber:" line the original source, a caption's credit
# the account a photo is from. A question using one of these words may be answered by the
# line (reader.rank reads such lines for no other question).
META_WORDS = {
    "byline": frozenset({
        "penulis", "tulis", "menulis", "ditulis", "wartawan", "reporter", "jurnalis", "pewarta",
        "byline", "author", "writer", "wrote", "written", "diterbitkan", "terbit", "published",
        "dipublikasikan", "tayang",
    }),
    "published": frozenset({"diterbitkan", "terbit", "published", "dipublikasikan", "tayang"}),
    "source": frozenset({"sumber", "source", "asli", "original"}),
    "caption": frozenset({"foto", "akun", "photo", "account", "kredit"}),
}  # fmt: skip


_WRITER = re.compile(r"\s*([^\W\d_][^•|·\n]{1,60}?)\s+[•|·]\s")


def facts(sentence: str, published: dt.date | None, meta: str = "", about: str = "") -> Facts:
    """Everything a question may need from one sentence, resolved once at index time; ``meta``:
    the kind of line about the article it is (META_WORDS), "" for the story's sentences;
    ``about``: the article's title and outlet, which such a line is about ("the Metrotvnews
    piece on China and North Korea")."""
    found = spans_mod.find_all(sentence)
    words = words_of(sentence)
    if meta:
        words |= META_WORDS.get(meta, frozenset()) | words_of(about)
    if meta == "source":  # "Sumber: Sputnik-OANA" names an outlet, not a person
        found = replace(found, people=())
    writer = _WRITER.match(sentence) if meta == "byline" else None
    if writer:  # "Anisa Putri Larasati • 5 November 2025": the writer is all before the dot
        span = Span(start=writer.start(1), end=writer.end(1), text=writer.group(1), kind="person")
        found = replace(found, people=(span,), entities=(replace(span, kind="entity"),))
    return Facts(
        meta=meta,
        words=frozenset(words),
        dates=tuple(dates_mod.find_dates(sentence, published)),
        people=found.people,
        places=found.places,
        entities=found.entities,
        quantities=found.quantities,
    )
