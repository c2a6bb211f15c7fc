"""The one API every front end calls: ask, index, sources, passage."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from . import language
from .answer import Answer, Passage, declined, extract
from .build import IndexReport, ProgressFn, build_index
from .config import Config
from .embed import Embedder, load_embedder, model_id_for
from .errors import IndexCorruptError, IndexMissingError, QuestionError
from .lexical import Lexical
from .search import search
from .store import Document, Generation, Problem, current_generation, load

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Source:
    doc: Document
    chunks: int

    def to_dict(self) -> dict:
        """Flat, as `sources --json` has always printed it."""
        d = self.doc
        return {
            "file": d.file,
            "title": d.title,
            "date": d.date,
            "source": d.source,
            "url": d.url,
            "chunks": self.chunks,
        }


@dataclass(frozen=True)
class _Loaded:
    """An index generation and what is derived from it, swapped as one."""

    index: Generation
    lexical: Lexical | None


class Berita:
    """Loads the model and index lazily; thread-safe; picks up a new index on reload().

    ``embedder`` replaces the configured model (tests pass a small or fake one).
    """

    def __init__(self, config: Config, *, embedder: Embedder | None = None):
        self.config = config
        self._embedder: Embedder | None = embedder
        self._loaded: _Loaded | None = None
        self._lock = threading.RLock()
        self._reload_lock = threading.RLock()

    # --- resources -----------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = load_embedder(self.config)
            return self._embedder

    @property
    def model_id(self) -> str:
        """The id the index is built with; known without loading the model."""
        return self._embedder.model_id if self._embedder is not None else model_id_for(self.config)

    def warm_up(self, *, model: bool = True, index: bool = True) -> None:
        """Load the model and/or the index now, so the first question doesn't wait for them
        and a missing or damaged index is reported before any question is read."""
        if model:
            _ = self.embedder
        if index:
            _ = self._loaded_now()

    def _load(self) -> _Loaded:
        index = load(self.config.data_dir)
        lexical = (
            Lexical.load(index.path / "bm25", len(index), index.chunk_texts)
            if self.config["search.hybrid"]
            else None
        )
        return _Loaded(index, lexical)

    def _loaded_now(self) -> _Loaded:
        loaded = self._loaded
        if loaded is None:
            with self._lock:
                if self._loaded is None:
                    self._loaded = self._load()
                loaded = self._loaded
        return loaded

    @property
    def index(self) -> Generation:
        """The loaded index generation (loaded on first use)."""
        return self._loaded_now().index

    def reload(self) -> bool:
        """Switch to the newest index generation if it changed; True if it did.

        The new generation is fully loaded before the swap, so a question in
        flight keeps the generation it started with.
        """
        with self._reload_lock:  # one thread loads; the others then find it loaded
            gen = current_generation(self.config.data_dir)
            current = self._loaded
            if current is not None and gen is not None and current.index.path == gen:
                return False
            fresh = self._load()
            with self._lock:
                self._loaded = fresh
            return True

    def _current(self) -> _Loaded:
        """The loaded generation, after switching to a newer one another process built."""
        loaded = self._loaded_now()
        gen = current_generation(self.config.data_dir)
        # Whoever notices first loads it; the others keep answering from the old one.
        if gen is not None and gen != loaded.index.path and self._reload_lock.acquire(blocking=False):
            try:
                self.reload()
            except (IndexCorruptError, IndexMissingError) as exc:
                log.warning("keeping the loaded index; the new one is unusable: %s", exc)
            finally:
                self._reload_lock.release()
            loaded = self._loaded_now()
        return loaded

    # --- operations ----------------------------------------------------------

    def check_question(self, question: str) -> str:
        q = (question or "").strip()
        lang = language.detect(q)
        if not q:
            raise QuestionError(language.text(lang, "empty_question"))
        limit = self.config["answer.max_question_chars"]
        if len(q) > limit:
            raise QuestionError(language.text(lang, "too_long", n=len(q), limit=limit))
        return q

    def ask(self, question: str, k: int | None = None, lang: str | None = None) -> Answer:
        q = self.check_question(question)
        lang = lang or language.detect(q)
        k = k or self.config["search.top_k"]
        loaded = self._current()  # one generation for the whole answer
        embedder = self.embedder  # loaded outside the timings
        t0 = time.perf_counter()
        qvec = embedder.query(q)
        t1 = time.perf_counter()
        timings: dict[str, float] = {"embed": (t1 - t0) * 1000}
        hits = search(loaded.index, qvec, k, loaded.lexical, q, timings=timings)
        t2 = time.perf_counter()
        timings["search"] = (t2 - t1) * 1000
        best = max((h.score for h in hits), default=0.0)
        if best < self.config["search.min_score"]:
            timings["answer"] = (time.perf_counter() - t2) * 1000
            return declined(q, lang, timings)
        rows = {r.id: r for r in loaded.index.chunks([h.chunk_id for h in hits])}
        passages = [
            Passage.from_chunk(n, rows[h.chunk_id], h.score)
            for n, h in enumerate((h for h in hits if h.chunk_id in rows), start=1)
        ]
        text, cited = extract(loaded.index, rows, qvec, passages, self.config["answer.max_sentences"], q)
        timings["answer"] = (time.perf_counter() - t2) * 1000
        return Answer(
            question=q,
            language=lang,
            found=True,
            answer=text,
            passages=passages,
            cited=cited,
            timings_ms=timings,
        )

    def passage_at(self, sha_prefix: str, ordinal: int, n: int = 1) -> Passage | None:
        """A passage by document hash prefix and chunk ordinal: stable across rebuilds,
        so a Telegram button keeps working after a restart or re-index."""
        if not sha_prefix or not all(c in "0123456789abcdef" for c in sha_prefix):
            return None
        row = self._current().index.chunk_at(sha_prefix, ordinal)
        return Passage.from_chunk(n, row, 0.0) if row else None

    def sources(self) -> list[Source]:
        return [Source(doc=d.doc, chunks=d.chunks) for d in self._current().index.documents()]

    def problems(self) -> list[Problem]:
        return self._current().index.problems()

    def build(self, rebuild: bool = False, progress: ProgressFn | None = None) -> IndexReport:
        report = build_index(
            self.config, lambda: self.embedder, self.model_id, rebuild=rebuild, progress=progress
        )
        if self._loaded is not None:
            self.reload()
        return report
