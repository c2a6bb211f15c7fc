"""Results as data, and the extractive answer built from the best passages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from . import language
from .lexical import tokenize
from .store import ChunkRow, Document, Generation


@dataclass(frozen=True, kw_only=True)
class Citation:
    n: int
    doc: Document
    paragraph: int

    def to_dict(self) -> dict:
        d = self.doc
        return {
            "n": self.n,
            "title": d.title,
            "source": d.source,
            "date": d.date,
            "file": d.file,
            "paragraph": self.paragraph,
            "url": d.url,
        }


@dataclass(frozen=True, kw_only=True)
class Passage:
    n: int
    chunk_id: int
    doc: Document
    text: str
    score: float
    paragraph: int  # first paragraph of the passage in the file, 1-based
    paragraph_end: int
    char_start: int  # offsets into the article file's text
    char_end: int
    ordinal: int = 0  # with doc.sha256, a stable address for the passage

    @property
    def citation(self) -> Citation:
        return Citation(n=self.n, doc=self.doc, paragraph=self.paragraph)

    @classmethod
    def from_chunk(cls, n: int, row: ChunkRow, score: float) -> Passage:
        return cls(
            n=n,
            chunk_id=row.id,
            doc=row.doc,
            text=row.text,
            score=round(score, 4),
            paragraph=row.para_first,
            paragraph_end=row.para_last,
            char_start=row.char_start,
            char_end=row.char_end,
            ordinal=row.ordinal,
        )

    def to_dict(self) -> dict:
        """Flat, as `ask --json` has always printed it: the document's fields sit beside the passage's."""
        d = self.doc
        return {
            "n": self.n,
            "chunk_id": self.chunk_id,
            "text": self.text,
            "score": self.score,
            "file": d.file,
            "title": d.title,
            "date": d.date,
            "source": d.source,
            "paragraph": self.paragraph,
            "paragraph_end": self.paragraph_end,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "url": d.url,
            "sha256": d.sha256,
            "ordinal": self.ordinal,
        }


@dataclass(kw_only=True)
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
        return {
            "question": self.question,
            "language": self.language,
            "found": self.found,
            "answer": self.answer,
            "passages": [p.to_dict() for p in self.passages],
            "cited": list(self.cited),
            "timings_ms": dict(self.timings_ms),
            "citations": [c.to_dict() for c in self.citations],
        }


def _clean(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip()


def extract(
    index: Generation,
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
        for s, v, sim in zip(sents, vecs, vecs @ query, strict=True):
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
    return Answer(
        question=question,
        language=lang,
        found=False,
        answer=language.text(lang, "not_found"),
        timings_ms=timings or {},
    )
