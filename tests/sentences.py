"""The seeds as the index sees them: one record per sentence, with its facts (test helper)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval import facts as factmod
from retrieval.chunk import split_sentences
from retrieval.ingest import load_article, read_file
from retrieval.timeline import SentenceRecord

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True)
class SeedSentence:
    id: int
    doc: int
    text: str
    file: str
    title: str
    source: str | None
    date: str | None
    facts: factmod.Facts


def seed_sentences(folder: Path = SEEDS) -> list[SeedSentence]:
    out: list[SeedSentence] = []
    for doc, path in enumerate(sorted(folder.glob("*.txt"))):
        data, sha = read_file(path, folder, 10_000_000)
        a = load_article(path, folder, data, sha)
        published = dt.date.fromisoformat(a.doc.date[:10]) if a.doc.date else None
        for p in a.paragraphs:
            for s, e in split_sentences(a.paragraph_text(p), p.start):
                text = a.text[s:e]
                out.append(
                    SeedSentence(
                        id=len(out),
                        doc=doc,
                        text=text,
                        file=a.doc.file,
                        title=a.doc.title,
                        source=a.doc.source,
                        date=a.doc.date,
                        facts=factmod.facts(text, published),
                    )
                )
    return out


def records(sents: list[SeedSentence], groups: np.ndarray | None = None) -> list[SentenceRecord]:
    """Timeline rows; without groups every sentence stands alone."""
    return [
        SentenceRecord(
            id=s.id,
            text=s.text,
            file=s.file,
            title=s.title,
            source=s.source,
            date=s.date,
            facts=s.facts,
            group=int(groups[s.id]) if groups is not None else s.id,
        )
        for s in sents
    ]
