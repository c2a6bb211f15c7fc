"""Tokenization and the BM25 index over chunk texts (bm25s): build, save, load."""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"\w+", re.U)
_STOP = set(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "pada",
        "untuk",
        "dengan",
        "ini",
        "itu",
        "apa",
        "siapa",
        "kapan",
        "mengapa",
        "bagaimana",
        "berapa",
        "adalah",
        "akan",
        "tidak",
        "juga",
        "sudah",
        "telah",
        "oleh",
        "dalam",
        "tentang",
        "bahwa",
        "para",
        "kepada",
        "the",
        "a",
        "an",
        "of",
        "and",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "is",
        "are",
        "was",
        "were",
        "who",
        "what",
        "when",
        "where",
        "why",
        "how",
        "which",
        "did",
        "do",
        "does",
        "has",
        "have",
        "had",
        "by",
        "from",
        "as",
    ]
)


def tokenize(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


def _bm25s() -> Any:
    # Progress bars are never shown (show_progress=False); without this bm25s imports
    # tqdm.auto, and with it asyncio, on the query path: ~0.36 of its 1.08 s import on a
    # busy machine (bench/).
    os.environ.setdefault("DISABLE_TQDM", "1")
    import bm25s

    # bm25s sets its own logger to DEBUG on import; follow the root level instead.
    logging.getLogger("bm25s").setLevel(logging.NOTSET)
    return bm25s


class Lexical:
    """BM25 over chunk texts; ``ids[i]`` is the chunk id of the i-th indexed text."""

    def __init__(self, retriever: Any, ids: np.ndarray):
        self.retriever = retriever  # None when there is nothing to index
        self.ids = ids
        self._lock = threading.Lock()

    @classmethod
    def build(cls, texts: list[str], ids: Iterable[int] | None = None) -> Lexical:
        """BM25 over ``texts`` (chunk ids 0..n-1 unless given)."""
        ids_arr = np.array(list(ids) if ids is not None else range(len(texts)), dtype=np.int64)
        if not texts:  # bm25s can't index nothing
            return cls(None, ids_arr)
        retriever = _bm25s().BM25()
        retriever.index([tokenize(t) or ["∅"] for t in texts], show_progress=False)
        return cls(retriever, ids_arr)

    def save(self, folder: Path) -> None:
        """Save next to the vectors, so loading is not a rebuild (nothing for an empty corpus)."""
        if self.retriever is not None:
            self.retriever.save(str(folder))

    @classmethod
    def load(cls, folder: Path, n: int, texts: Callable[[], Iterable[tuple[int, str]]]) -> Lexical:
        """Load the saved index (memory-mapped) if it covers ``n`` chunks, else rebuild it from
        ``texts()`` ((chunk id, text) pairs).

        Rebuilding 100k chunks takes ~5 s; loading takes a fraction of that.
        """
        bm25s = _bm25s()
        if n and folder.is_dir():
            try:
                retriever = bm25s.BM25.load(str(folder), mmap=True)
                if retriever.scores["num_docs"] == n:
                    return cls(retriever, np.arange(n, dtype=np.int64))
                log.warning("saved BM25 index does not match the chunks; rebuilding it in memory")
            except Exception as exc:  # noqa: BLE001 - damaged or foreign files: answers must not depend on them
                log.warning("cannot load the saved BM25 index (%s); rebuilding it in memory", exc)
        rows = list(texts())
        return cls.build([r[1] for r in rows], [r[0] for r in rows])

    def search(self, question: str, k: int) -> list[int]:
        """Chunk ids by BM25 score, best first; only chunks sharing a word with ``question``."""
        if self.retriever is None:
            return []
        vocab = self.retriever.vocab_dict
        tokens = [t for t in tokenize(question) if t in vocab]
        if not tokens or len(self.ids) == 0:
            return []
        with self._lock:
            docs, scores = self.retriever.retrieve([tokens], k=min(k, len(self.ids)), show_progress=False)
        return [int(self.ids[d]) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
