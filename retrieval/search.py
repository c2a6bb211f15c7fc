"""Vector search over the index, optionally fused with BM25 for names and numbers."""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass

import numpy as np

from .index import Index

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"\w+", re.U)
_STOP = set(
    ["yang", "dan", "di", "ke", "dari", "pada", "untuk", "dengan", "ini", "itu", "apa", "siapa", "kapan", "mengapa", "bagaimana", "berapa", "adalah", "akan", "tidak", "juga", "sudah", "telah", "oleh", "dalam", "tentang", "bahwa", "para", "kepada", "the", "a", "an", "of", "and", "to", "in", "on", "at", "for", "with", "is", "are", "was", "were", "who", "what", "when", "where", "why", "how", "which", "did", "do", "does", "has", "have", "had", "by", "from", "as"]
)


def tokenize(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


@dataclass
class Hit:
    chunk_id: int
    score: float  # cosine similarity of the chunk to the question


class Lexical:
    """BM25 over chunk texts (bm25s): loaded from the generation, else built in memory."""

    def __init__(self, retriever, ids: np.ndarray):
        self.retriever = retriever  # None when there is nothing to index
        self.ids = ids
        self._lock = threading.Lock()

    @staticmethod
    def build(texts: list[str]):
        """A bm25s index of ``texts``, or None for an empty corpus (bm25s can't index nothing)."""
        import bm25s

        # bm25s sets its own logger to DEBUG on import; follow the root level instead.
        logging.getLogger("bm25s").setLevel(logging.NOTSET)
        if not texts:
            return None
        retriever = bm25s.BM25()
        retriever.index([tokenize(t) or ["∅"] for t in texts], show_progress=False)
        return retriever

    @classmethod
    def for_index(cls, index: Index) -> Lexical:
        """Load the BM25 index saved with the generation (memory-mapped), or rebuild it.

        Rebuilding 100k chunks takes ~5 s; loading takes a fraction of that.
        """
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.NOTSET)
        n = len(index)
        saved = index.path / "bm25"
        if n and saved.is_dir():
            try:
                retriever = bm25s.BM25.load(str(saved), mmap=True)
                if retriever.scores["num_docs"] == n:
                    return cls(retriever, np.arange(n, dtype=np.int64))
                log.warning("saved BM25 index does not match the chunks; rebuilding it in memory")
            except Exception as exc:  # damaged or foreign files: answers must not depend on them
                log.warning("cannot load the saved BM25 index (%s); rebuilding it in memory", exc)
        rows = list(index.chunk_texts())
        return cls(cls.build([r[1] for r in rows]), np.array([r[0] for r in rows], dtype=np.int64))

    def search(self, question: str, k: int) -> list[int]:
        if self.retriever is None:
            return []
        tokens = tokenize(question)
        vocab = self.retriever.vocab_dict
        tokens = [t for t in tokens if t in vocab]
        if not tokens or len(self.ids) == 0:
            return []
        with self._lock:
            docs, scores = self.retriever.retrieve([tokens], k=min(k, len(self.ids)), show_progress=False)
        return [int(self.ids[d]) for d, s in zip(docs[0], scores[0]) if s > 0]


def search(
    index: Index,
    query: np.ndarray,
    k: int,
    lexical: Lexical | None = None,
    question: str = "",
    candidates: int = 30,
    timings: dict[str, float] | None = None,
) -> list[Hit]:
    """Top-k chunks, best first.

    With ``lexical``, dense and BM25 rankings are fused by reciprocal rank;
    the reported score stays the dense cosine so thresholds mean one thing.
    ``timings`` (ms) receives "vector" and "lexical" when given.
    """
    t0 = time.perf_counter()
    dense = index.search(query, max(k, candidates) if lexical else k)
    t1 = time.perf_counter()
    if timings is not None:
        timings["vector"] = (t1 - t0) * 1000
    if not lexical:
        return [Hit(i, s) for i, s in dense]
    lexical_ids = lexical.search(question, candidates)
    if timings is not None:
        timings["lexical"] = (time.perf_counter() - t1) * 1000
    cos = dict(dense)
    fused: dict[int, float] = {}
    for rank, (i, _) in enumerate(dense):
        fused[i] = fused.get(i, 0.0) + 1.0 / (60 + rank)
    for rank, i in enumerate(lexical_ids):
        fused[i] = fused.get(i, 0.0) + 1.0 / (60 + rank)
    missing = [i for i in fused if i not in cos]
    if missing:
        vecs = np.stack([index.faiss.reconstruct(int(i)) for i in missing])
        cos.update(zip(missing, (vecs @ query).tolist()))
    # Fusion picks which k passages; they are shown best (by cosine) first.
    chosen = sorted(fused, key=lambda i: -fused[i])[:k]
    return sorted((Hit(i, cos[i]) for i in chosen), key=lambda h: -h.score)
