"""Fusion: dense (FAISS) and BM25 rankings combined by reciprocal rank."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from .lexical import Lexical
from .store import Generation

# Reciprocal-rank fusion constant, the value from Cormack et al. (2009) that
# fusion papers and libraries default to; ranks past ~60 barely count.
RRF_K = 60
# Passages each ranking contributes to the fusion.
CANDIDATES = 30


@dataclass(frozen=True, kw_only=True)
class Hit:
    chunk_id: int
    score: float  # cosine similarity of the chunk to the question


def search(
    index: Generation,
    query: np.ndarray,
    k: int,
    lexical: Lexical | None = None,
    question: str = "",
    candidates: int = CANDIDATES,
    timings: dict[str, float] | None = None,
    lexical_ids: list[int] | None = None,
) -> list[Hit]:
    """Top-k chunks, best first.

    With ``lexical``, dense and BM25 rankings are fused by reciprocal rank;
    the reported score stays the dense cosine so thresholds mean one thing.
    ``lexical_ids``: BM25's ranking of ``question`` (``lexical.search(question, candidates)``)
    when the caller already has it (it needs no query vector, so it can be worked out while
    the question is encoded). ``timings`` (ms) receives "vector", and "lexical" when BM25
    runs here.
    """
    t0 = time.perf_counter()
    dense = index.search(query, max(k, candidates) if lexical else k)
    t1 = time.perf_counter()
    if timings is not None:
        timings["vector"] = (t1 - t0) * 1000
    if not lexical:
        return [Hit(chunk_id=i, score=s) for i, s in dense]
    if lexical_ids is None:
        lexical_ids = lexical.search(question, candidates)
        if timings is not None:
            timings["lexical"] = (time.perf_counter() - t1) * 1000
    cos = dict(dense)
    fused: dict[int, float] = {}
    for rank, (i, _) in enumerate(dense):
        fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank)
    for rank, i in enumerate(lexical_ids):
        fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank)
    missing = [i for i in fused if i not in cos]
    if missing:
        vecs = np.stack([index.vector(i) for i in missing])
        cos.update(zip(missing, (vecs @ query).tolist(), strict=True))
    # Fusion picks which k passages; they are shown best (by cosine) first.
    chosen = sorted(fused, key=lambda i: -fused[i])[:k]
    return sorted((Hit(chunk_id=i, score=cos[i]) for i in chosen), key=lambda h: -h.score)
