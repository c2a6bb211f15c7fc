"""Results as data, and the extractive answer built from the best passages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import language
from .corroborate import Disagreement, Reporter
from .reader import ShortAnswer
from .spans import strip_dateline
from .store import ChunkRow, Document

_TRAILING_MARKS = re.compile(r"\s*(?:\[\d+\])+\s*$")  # the citation marks ending an answer


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
    answer: str  # the article's own words that answer, with [n] citation marks
    passages: list[Passage] = field(default_factory=list)
    cited: list[int] = field(default_factory=list)  # passage numbers the answer uses
    timings_ms: dict[str, float] = field(default_factory=dict)
    short_answer: ShortAnswer | None = None  # the answer in a few words, in the question's language
    reported_by: list[Reporter] = field(default_factory=list)  # every article stating the fact
    # Where articles give another number or day for the fact: each value with its articles.
    disagreements: list[Disagreement] = field(default_factory=list)
    articles: int = 0  # how many articles the index holds ("reported by 3 of 5")
    understood_as: str | None = None  # the question as resolved from the conversation
    reason: str | None = None  # why the articles don't answer (declined answers)
    confidence: float | None = None  # how sure the reader is that the evidence answers (0–1)
    signals: dict[str, float] = field(default_factory=dict)  # what the confidence weighs (diagnostics)
    # The sentence id the answer quotes (not in the JSON): where a follow-up continues.
    lead_sentence: int | None = field(default=None, repr=False)

    @property
    def quote(self) -> str | None:
        """The quoted sentence as shown: without its citation marks and its dateline
        ("Jakarta (KABARIN) - …"); the answer keeps both."""
        if not self.found:
            return None
        return strip_dateline(_TRAILING_MARKS.sub("", self.answer))

    @property
    def citations(self) -> list[Citation]:
        return [p.citation for p in self.passages]

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "language": self.language,
            "found": self.found,
            "answer": self.answer,
            "quote": self.quote,
            "passages": [p.to_dict() for p in self.passages],
            "cited": list(self.cited),
            "timings_ms": dict(self.timings_ms),
            "citations": [c.to_dict() for c in self.citations],
            "short_answer": self.short_answer.to_dict() if self.short_answer else None,
            "reported_by": [r.to_dict() for r in self.reported_by],
            "disagreements": [d.to_dict() for d in self.disagreements],
            "articles": self.articles,
            "understood_as": self.understood_as,
            "resolved_question": self.understood_as or self.question,
            "reason": self.reason,
            "confidence": None if self.confidence is None else round(self.confidence, 4),
            "signals": {k: round(v, 4) for k, v in self.signals.items()},
        }


def clean(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip()


def declined(
    question: str,
    lang: str,
    timings: dict[str, float] | None = None,
    reason: str | None = None,
    confidence: float | None = None,
    understood_as: str | None = None,
) -> Answer:
    return Answer(
        question=question,
        language=lang,
        found=False,
        answer=reason or language.text(lang, "not_found"),
        timings_ms=timings or {},
        reason=reason,
        confidence=confidence,
        understood_as=understood_as,
    )
