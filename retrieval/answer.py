"""Results as data, and the extractive answer built from the best passages."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

import numpy as np

from . import language
from .index import ChunkRow, Index
from .search import tokenize


@dataclass
class Citation:
    n: int
    title: str
    source: str | None
    date: str | None
    file: str
    paragraph: int
    url: str | None = None


@dataclass
class Passage:
    n: int
    chunk_id: int
    text: str
    score: float
    file: str
    title: str
    date: str | None
    source: str | None
    paragraph: int  # first paragraph of the passage, 1-based
    paragraph_end: int
    char_start: int  # offsets into the article file's text
    char_end: int
    url: str | None = None
    sha256: str = ""  # of the article file: with ordinal, a stable address for the passage
    ordinal: int = 0

    @property
    def citation(self) -> Citation:
        return Citation(self.n, self.title, self.source, self.date, self.file, self.paragraph, self.url)

    @classmethod
    def from_chunk(cls, n: int, row: ChunkRow, score: float) -> Passage:
        d = row.doc
        return cls(
            n,
            row.id,
            row.text,
            round(score, 4),
            d.file,
            d.title,
            d.date,
            d.source,
            row.para_first,
            row.para_last,
            row.char_start,
            row.char_end,
            d.url,
            d.sha256,
            row.ordinal,
        )


@dataclass
class Answer:
    question: str
    language: str
    found: bool
    answer: str
    passages: list[Passage] = field(default_factory=list)
    cited: list[int] = field(default_factory=list)  # passage numbers the answer uses
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def citations(self) -> list[Citation]:
        return [p.citation for p in self.passages]

    def to_dict(self) -> dict:
        out = asdict(self)
        out["citations"] = [asdict(c) for c in self.citations]
        return out


def _clean(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip()


def extract(
    index: Index,
    rows: dict[int, ChunkRow],
    query: np.ndarray,
    passages: list[Passage],
    max_sentences: int,
    question: str = "",
    pool: int = 5,
) -> tuple[str, list[int]]:
    """Pick the sentences of the best passages closest to the question.

    Sentence vectors were stored at index time, so this is a few dot products.
    Words shared with the question (names, numbers, dates) nudge the choice:
    cross-lingual similarity alone blurs "28 September" into any date.
    """
    terms = set(tokenize(question))
    best = passages[0].score
    candidates = []
    for p in passages[:pool]:
        if p.score < best - 0.05:
            continue
        sents = index.sentences(rows[p.chunk_id])
        if not sents:
            continue
        vecs = np.asarray(index.sentence_vectors[sents[0].id : sents[-1].id + 1])
        for s, v, sim in zip(sents, vecs, vecs @ query):
            shared = len(terms & set(tokenize(s.text)))
            candidates.append((float(sim) + 0.5 * (p.score - best) + 0.01 * min(shared, 4), p.n, s, v))
    if not candidates:
        return _clean(passages[0].text), [passages[0].n]
    candidates.sort(key=lambda c: -c[0])
    chosen = [candidates[0]]
    for c in candidates[1:]:
        if len(chosen) >= max_sentences or c[0] < chosen[0][0] - 0.02:
            break
        if all(float(c[3] @ o[3]) < 0.95 for o in chosen):
            chosen.append(c)
    parts = [f"{_clean(s.text)} [{n}]" for _, n, s, _ in chosen]
    return " ".join(parts), sorted({n for _, n, _, _ in chosen})


def declined(question: str, lang: str, timings: dict[str, float] | None = None) -> Answer:
    return Answer(question, lang, False, language.text(lang, "not_found"), timings_ms=timings or {})
