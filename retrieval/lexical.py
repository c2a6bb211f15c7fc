"""Tokenization and the BM25 index over chunk texts (bm25s): build, save, load."""

from __future__ import annotations

import json
import logging
import os
import re
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


# Read from a saved bm25s index (its save()'s file names and params).
_PARAMS = "params.index.json"
_VOCAB = "vocab.index.json"
_ARRAYS = ("data", "indices", "indptr")  # <name>.csc.index.npy: the CSC matrix of BM25 term scores


class Postings:
    """A bm25s index's term scores (CSC: one column of per-chunk scores per term), scored
    without bm25s.

    Importing bm25s imports scipy.sparse, ~0.8 s of CPU of a cold `berita ask` (cProfile),
    although answering needs only numpy. Scores are summed and the top k chosen as bm25s
    does it, so rankings are the same, ties included (tests/test_index.py). (A fancy-index
    add instead of np.add.at gives the same sums, a term's postings naming each chunk once,
    but at 1M chunks it took 16.9 ms of CPU a question against 11.0 for np.add.at.)
    """

    def __init__(self, vocab: dict[str, int], arrays: dict[str, Any], num_docs: int, dtype: str):
        self.vocab = vocab
        self.data, self.indices, self.indptr = (arrays[a] for a in _ARRAYS)
        self.terms = len(self.indptr) - 1  # the vocabulary's "" (bm25s adds it) has no column
        self.num_docs = int(num_docs)
        self.dtype = np.dtype(dtype)

    @classmethod
    def of(cls, retriever: Any) -> Postings:
        """Those of an index bm25s built in memory."""
        sc = retriever.scores
        return cls(retriever.vocab_dict, sc, sc["num_docs"], retriever.dtype)

    @classmethod
    def load(cls, folder: Path) -> Postings | None:
        """Those saved in ``folder`` (memory-mapped), or None for a scoring method that also
        scores absent terms (bm25l, bm25+), which this class does not do."""
        params = json.loads((folder / _PARAMS).read_text(encoding="utf-8"))
        if params.get("method", "lucene") in ("bm25l", "bm25+"):
            return None
        vocab = json.loads((folder / _VOCAB).read_text(encoding="utf-8"))
        if not isinstance(vocab, dict):
            raise ValueError(f"{_VOCAB} is not a vocabulary")
        arrays = {
            a: np.load(folder / f"{a}.csc.index.npy", mmap_mode="r", allow_pickle=False) for a in _ARRAYS
        }
        ends = {len(arrays["data"]), len(arrays["indices"]), int(arrays["indptr"][-1])}
        if len(ends) != 1:
            raise ValueError("the term score arrays do not match")
        return cls(vocab, arrays, params["num_docs"], params.get("dtype", "float32"))

    def df(self, term: str) -> int:
        """In how many chunks ``term`` occurs (its postings)."""
        i = self.vocab[term]
        return int(self.indptr[i + 1] - self.indptr[i])

    def top(self, terms: list[str], k: int, scored_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(chunk rows, scores) of the ``k`` best-scoring chunks for ``terms`` (a term given
        twice counts twice), best first, as bm25s's retrieve gives them. ``scored_only``: chosen
        among the chunks with a score above 0 only (see SCORED_ONLY_FROM): the same scores, but
        chunks tied with the k-th may be others than bm25s's."""
        scores = np.zeros(self.num_docs, dtype=self.dtype)
        indptr, indices, data = self.indptr, self.indices, self.data
        for t in terms:
            tid = self.vocab[t]
            start, end = int(indptr[tid]), int(indptr[tid + 1])
            np.add.at(scores, indices[start:end], data[start:end])
        if scored_only:
            part = np.flatnonzero(scores > 0)
            if len(part) > k:
                part = part[np.argpartition(scores[part], -k)[len(part) - k :]]
        else:  # bm25s.selection._topk_numpy, sorted
            part = np.argpartition(scores, -k)[len(scores) - k :]
        part_scores = np.take(scores, part)
        order = np.flip(np.argsort(part_scores))
        return part[order], part_scores[order]


# From this many chunks, BM25 leaves out a question's words that occur in more than COMMON_SHARE
# of them (all but the rarest, if all do), as Lucene's common-terms cutoff does. Scoring costs one
# add per posting, and on the 1M-chunk bench generation a question's words had 1.64M postings
# (median; 10 ms of CPU, run beside the query encode on a 2-core machine, which it slowed from
# ~10 to 21 ms); without those in over a quarter of the chunks, 0.46M, keeping 64% of the words.
# Below COMMON_FROM chunks a share of them is a few passages, and a word in a quarter of them
# names what they are about ("Beijing" in the seeds): rankings there are as bm25s gives them.
COMMON_FROM = 100_000
COMMON_SHARE = 0.25


# From this many chunks, BM25's top k is chosen among the chunks that have a score (a question
# word) only (Postings.top's ``scored_only``). Over all of them, most at 0, numpy's argpartition
# slows on the many equal values: on the 1M-chunk bench generation it took 31 ms of CPU a
# question on average (some took over 100), and the whole top k 10.8 ms p50 / 31.4 mean; among
# the scored chunks, 6.1 / 6.2 ms (thread_time, bench questions, load ~8.6). The scores chosen
# were the same for all 39 questions; which of the chunks tied at a score differed (that
# generation's chunks are copies of the seeds', so most scores are tied 14k ways). Below this
# size rankings stay bm25s's, ties included.
SCORED_ONLY_FROM = COMMON_FROM


class Lexical:
    """BM25 over chunk texts; ``ids[i]`` is the chunk id of the i-th indexed text."""

    def __init__(self, postings: Postings | None, ids: np.ndarray, retriever: Any = None):
        self.postings = postings  # None when there is nothing to index
        self.ids = ids
        self.retriever = retriever  # bm25s's, when built here: what save() writes

    @classmethod
    def build(cls, texts: list[str], ids: Iterable[int] | None = None) -> Lexical:
        """BM25 over ``texts`` (chunk ids 0..n-1 unless given)."""
        ids_arr = np.array(list(ids) if ids is not None else range(len(texts)), dtype=np.int64)
        if not texts:  # bm25s can't index nothing
            return cls(None, ids_arr)
        retriever = _bm25s().BM25()
        retriever.index([tokenize(t) or ["∅"] for t in texts], show_progress=False)
        return cls(Postings.of(retriever), ids_arr, retriever)

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
        if n and folder.is_dir():
            try:
                postings = Postings.load(folder)
                if postings is None:  # not what Lexical.build saves
                    raise ValueError("a BM25 variant that also scores absent words")
                if postings.num_docs == n:
                    return cls(postings, np.arange(n, dtype=np.int64))
                log.warning("saved BM25 index does not match the chunks; rebuilding it in memory")
            except Exception as exc:  # noqa: BLE001 - damaged or foreign files: answers must not depend on them
                log.warning("cannot load the saved BM25 index (%s); rebuilding it in memory", exc)
        rows = list(texts())
        return cls.build([r[1] for r in rows], [r[0] for r in rows])

    def search(self, question: str, k: int) -> list[int]:
        """Chunk ids by BM25 score, best first; only chunks sharing a word with ``question``."""
        postings = self.postings
        if postings is None:
            return []
        vocab, terms = postings.vocab, postings.terms
        tokens = [t for t in tokenize(question) if vocab.get(t, terms) < terms]
        if not tokens or len(self.ids) == 0:
            return []
        if postings.num_docs >= COMMON_FROM:
            # A word in a large share of a large corpus's chunks is a word of the genre ("kata",
            # "tahun"): it ranks little (idf <= log 4 at a quarter) and costs the most.
            rare = [t for t in tokens if postings.df(t) <= COMMON_SHARE * postings.num_docs]
            tokens = rare or [min(tokens, key=postings.df)]
        docs, scores = postings.top(tokens, min(k, len(self.ids)), postings.num_docs >= SCORED_ONLY_FROM)
        return [int(self.ids[d]) for d, s in zip(docs, scores, strict=True) if s > 0]
