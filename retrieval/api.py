"""The one API every front end calls: ask, index, sources, passage."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import colloquial, language, reader, verify
from .answer import Answer, Passage, clean, declined
from .chunk import whole_quote
from .config import Config
from .conversation import Conversation, Turn, about_others, continues_about, fitting_answer, referred_people
from .corroborate import (
    Disagreement,
    Reporter,
    asked_numbers,
    asked_units,
    conflict,
    content_words,
    denies,
    disagreements,
    forecast,
    holds_all,
    reporters,
    share_held,
    states,
    states_short,
)
from .dates import TimeMention, question_dates
from .embed import Embedder, load_embedder, load_query_encoder, model_id_for
from .errors import BeritaError, ConfigError, IndexCorruptError, IndexMissingError, QuestionError
from .facts import Facts, passage_words, words_of
from .lexical import Lexical
from .lexicon import STOP_EN, STOP_ID
from .onnx_encoder import OnnxEncoder
from .question import Question, analyze, bridge_terms, detect_language
from .search import CANDIDATES as SEARCH_CANDIDATES
from .search import Hit, search
from .store import (
    TERMS_FILE,
    ChunkRow,
    Document,
    Generation,
    Problem,
    SentenceRow,
    current_generation,
    index_root,
    load,
)
from .timeline import Event, SentenceRecord, events, matches
from .yesno import yes_no

if TYPE_CHECKING:
    from .build import IndexReport, ProgressFn

# Events listed for "what happened on <date>" (one sentence each): three fit a chat screen.
EVENTS = 3

# "Which reports put X at 1,350?": a statement of the number counts when it covers this much
# less of the question (by rarity) than the lead sentence at most. On the test corpus the other
# outlet's statement of the evacuees ("sekitar 1.350 orang") covers 0.61 against the lead's 1.0,
# while statements of the number about something else share only the number and stay below 0.4.
STATING_COVERAGE = 0.5
# A statement of another article this close to the lead sentence (cosine of the sentence
# vectors), sharing this many content words, that gives another number for it is a
# disagreement. Same-fact pairs on the seeds and the test corpus: 0.90–0.94
# (corroborate.COS_ANCHORED); the test corpus' evacuees (101's 1.200 warga / 102's 1.350 jiwa)
# measure 0.898 sharing 5 words. Cosine alone does not tell a rival statement from another fact
# of the story: the rupiah of early October against its close on 23 Oct measured 0.883 sharing
# 4, BI's rate against a forecast 0.900 sharing 4 (forecasts are left out anyway, and so are
# sentences giving two values of the unit: "4,00 persen … 5,50 persen").
RIVAL_COS = 0.88
RIVAL_SHARED_WORDS = 5
# Weight of a follow-up's words that came from the conversation, against its own words.
# bench/quality.py's conversations answered correctly (seeds / test corpus): 1.0 (as any
# word) 0.39/0.36, 0.5 0.39/0.43, 0.3 0.43/0.43, 0.1 0.39/0.46.
REFERENT_WEIGHT = 0.3
# A follow-up is read where the last answer was (conversational search's usual prior): the
# passages within CONTEXT_CHUNKS of its passage, in its article, get W_CONTEXT_ARTICLE, and
# the sentences within CONTEXT_SENTENCES of the quoted one W_CONTEXT_NEAR more (not the quoted
# one: a follow-up asks something else). Follow-ups answered correctly (old conversations seeds
# / corpus; new followups2 seeds / corpus), with the resolution fixes: none .391/.464,
# .5/.667; 0.1+0.05 .478/.5; 0.1+0.1 .478/.536, .833/.667; the quoted sentence given the
# near bonus too lost "When did she become foreign minister?" to the sentence quoted before.
CONTEXT_CHUNKS = 2
CONTEXT_SENTENCES = 3
W_CONTEXT_ARTICLE = 0.1
W_CONTEXT_NEAR = 0.1
# The quoted sentence itself, when it holds an answer of the type a follow-up asks for, gets
# this much more. Follow-ups answered correctly (seeds / test corpus, of 33 / 47): none 21/31,
# 0.03 and 0.05 22/31, 0.07 22/32, 0.1 21/32 (the full near bonus makes "When did she become
# foreign minister?" the quoted sentence's "Minggu (28/9)" again).
W_CONTEXT_QUOTED = 0.07
# A sentence whose opening "Ia/Dia" means the follow-up's referent (``continues_about``) gets
# this much: as much as the near bonus, since it is about them as a sentence naming them is.
W_CONTEXT_PRONOUN = 0.1
# A date question looks up the sentences dated within the asked span: by day up to two
# months ("last week", "weekend of 1-2 November"), by month beyond ("in 2023").
DAY_KEYS = 62
# At most this many dated sentences become candidates (their passages are read like search
# hits); the test corpus has at most 9 sentences on one day.
DATED_SENTENCES = 400

# "Which outlets reported X?" (``Berita._fact_reporters``). An article grouped with the lead
# statement counts when that statement with its passage holds this share of the question (by
# rarity): on the seeds the chained "Kim and Xi in Beijing" group held 003's "pesan Kim dalam
# pertemuan puncaknya dengan Xi" (0.19 of "Kim attended the military parade in Beijing"),
# while grouped statements of the asked fact hold 0.55 or more.
GROUP_FACT_SHARE = 0.3
# An article outside the group counts when a sentence of it states this share of the question
# and its passage the rest: "Pertemuan ini dilaporkan langsung oleh Kantor Berita Pusat Korea
# (KCNA)" (0.61; "Korea Utara" is in its passage), "program rudal nuklir" (0.71).
STATEMENT_SHARE = 0.5

# Passages read for every question, whatever k: the decision to answer must not depend on k.
# 20 holds the gold passage for every answerable evaluation question (bench/quality.py).
CANDIDATES = 20


def _context_prior(
    s: SentenceRow, row: ChunkRow, context: tuple[int, int] | None, near_lead: dict[int, ChunkRow]
) -> float:
    """A follow-up's bonus for a sentence where the conversation's last answer was: in its
    article (the passages around it), more within a few sentences of the quoted one."""
    if context is None or row.id not in near_lead:
        return 0.0
    gap = abs(s.id - context[1])
    return W_CONTEXT_ARTICLE + (W_CONTEXT_NEAR if 0 < gap <= CONTEXT_SENTENCES else 0.0)


def _bylined(
    loaded: _Loaded, context: tuple[int, int], concepts_: list[reader.Concept], own: set[str]
) -> list[int]:
    """The follow-up's names the conversation took from the last answer's byline ("Media asing
    mana yang ia kutip?" after "Siapa penulis laporan …?" — Willy Haryono): a writer is no actor
    of the story, so the answer's sentence won't name them; their article (read first as the
    last answer's) is what they stand for."""
    sent = next((s for s in loaded.index.sentences_of([context[0]]) if s.id == context[1]), None)
    if sent is None:
        return []
    facts = loaded.facts(sent)
    if facts.meta != "byline":
        return []
    writers = {w for p in facts.people for w in words_of(p.text)}
    return [
        i
        for i, c in enumerate(concepts_)
        if c.name and (parts := words_of(c.text)) and parts <= writers and not parts <= own
    ]


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


@dataclass(frozen=True)
class Terms:
    """Corpus statistics the reader weighs a question's words by (terms.json of a generation)."""

    chunks: int
    df: dict[str, int]
    names: tuple[str, ...]
    today: dt.date | None
    max_idf: float
    full_names: dict[str, str] = field(default_factory=dict)
    anchor: float = reader.REFERENCE_ANCHOR  # the model's baseline similarity on this corpus
    acronyms: dict[str, str] = field(default_factory=dict)  # "bpbd" → "badan penanggulangan …"

    @classmethod
    def load(cls, path: Path) -> Terms:
        try:
            return cls._parse(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            # Cut or foreign JSON whose manifest was re-written to match gets past the checksums.
            raise IndexCorruptError(
                f"index is damaged: {path} ({type(exc).__name__}: {exc}); run `berita index --rebuild`"
            ) from None

    @classmethod
    def _parse(cls, raw: dict) -> Terms:
        n = int(raw["chunks"])
        counts: dict[str, int] = raw["names"]
        full: dict[str, str] = {}
        # A person named by one part ("Wang", "Putin") is given the full name the articles use
        # most for someone with that first or last part ("Wang Yi", "Vladimir Putin").
        for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            parts = name.split()
            if len(parts) > 1:
                for part in (parts[0], parts[-1]):
                    full.setdefault(part, name)
        return cls(
            chunks=n,
            df=dict(raw["df"]),
            names=tuple(counts),
            today=_date(raw["newest"]),
            max_idf=math.log(1 + (n + 0.5) / 0.5),
            full_names=full,
            anchor=float(raw.get("anchor", reader.REFERENCE_ANCHOR)),
            acronyms=dict(raw.get("acronyms", {})),
        )

    def idf(self, forms: tuple[str, ...]) -> float | None:
        """The rarest present form's idf (a phrase counts by its rarest word), or None."""
        best: float | None = None
        for f in forms:
            counts = [self.df.get(p, 0) for p in f.split()]
            if not counts or not all(counts):
                continue
            c = min(counts)
            value = math.log(1 + (self.chunks - c + 0.5) / (c + 0.5))
            best = value if best is None else max(best, value)
        return best


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


# Parsed sentence facts kept per loaded generation: parsing is most of the reading cost, and
# the same passages come back question after question (about 200 bytes each parsed).
FACTS_CACHE = 100_000


@dataclass(frozen=True)
class _Loaded:
    """An index generation and what is derived from it, swapped as one."""

    index: Generation
    lexical: Lexical | None
    terms: Terms
    _facts: dict[int, Facts] = field(default_factory=dict)
    _words: dict[int, frozenset[str]] = field(default_factory=dict)
    _article_words: dict[int, frozenset[str]] = field(default_factory=dict)

    def passage_words(self, chunk: ChunkRow) -> frozenset[str]:
        """The words of a passage and its article's title (cached like ``facts``)."""
        words = self._words.get(chunk.id)
        if words is None:
            if len(self._words) >= FACTS_CACHE:
                self._words.clear()
            stored = chunk.words.split() if chunk.words else passage_words(chunk.doc.title, chunk.text)
            words = self._words[chunk.id] = frozenset(stored)
        return words

    def article_words(self, row: ChunkRow, lead_of: Callable[[int], ChunkRow | None]) -> frozenset[str]:
        """The passage's words with its article's lead passage's (chunk ids run in order within
        an article, so the lead's is the passage's id less its ordinal; ``lead_of`` finds that
        row). Cached like ``facts``: one set per passage, not a new union per candidate, which
        also lets the reader count a passage's names once for all its sentences."""
        words = self._article_words.get(row.id)
        if words is None:
            if len(self._article_words) >= FACTS_CACHE:
                self._article_words.clear()
            lead = lead_of(row.id - row.ordinal) if row.ordinal else None
            if lead is None or lead.doc.file != row.doc.file:
                words = self.passage_words(row)
            else:
                words = self.passage_words(row) | self.passage_words(lead)
            self._article_words[row.id] = words
        return words

    def facts(self, s: SentenceRow) -> Facts:
        f = self._facts.get(s.id)
        if f is None:
            if len(self._facts) >= FACTS_CACHE:
                self._facts.clear()
            f = self._facts[s.id] = Facts.from_json(s.facts) if s.facts else Facts(words=frozenset())
        return f


def _standard(loaded: _Loaded, typed: str, lang: str) -> str:
    """An Indonesian question's colloquial words the articles don't use, in standard form
    ("kapan Wang Yi ketemu Choe?" is asked as "… bertemu …")."""
    return colloquial.formal(typed, loaded.terms.df.__contains__) if lang == "id" else typed


def _question_dates(loaded: _Loaded, question: str, today: dt.date | None = None) -> TimeMention | None:
    today = today or loaded.terms.today
    return question_dates(question, today) if today else None


@dataclass(frozen=True, kw_only=True)
class _QuestionWords:
    """How the reader weighs a question's words: what depends on the question and the index's
    word counts only, so it is worked out while the question is encoded (``_prepare``)."""

    question: Question  # as read: a who-reports question asks for the fact ("what")
    concepts: list[reader.Concept]
    weights: dict[int, float]
    missing: list[str]
    absent: list[int]
    unread: list[int]
    unknown: int
    weak_missing: int
    name_words: dict[int, list[tuple[str, ...]]]


def _question_words(loaded: _Loaded, qa: Question, typed: str | None = None) -> _QuestionWords:
    """``typed``: a follow-up as the user typed it (``qa`` is it resolved)."""
    terms = loaded.terms
    if reader.reporting(qa.text):  # the fact is what is looked for; its reporters answer
        qa = replace(qa, type="what", expected=None)
    concepts_ = reader.concepts(qa)
    if terms.acronyms:
        concepts_ = [reader.spelled_out(c, terms.acronyms) for c in concepts_]
    weights: dict[int, float] = {}
    missing: list[str] = []
    absent: list[int] = []  # words the articles never use that we can read …
    unread: list[int] = []  # … and that we can't (English without Indonesian forms)
    unknown = weak_missing = 0
    first = (re.findall(r"\w+(?:-\w+)*", qa.text) or [""])[0]

    def known(form: str) -> bool:
        return bool(terms.idf((form,)))

    checked: list[str] = []  # places a yes/no question checks that the articles never use
    for i, c in enumerate(concepts_):
        w = terms.idf(c.forms)
        if w is None and c.name and verify.checked_place(qa.text, qa.type, c.text):
            checked.append(c.text)  # "… in Tokyo?": the place checked, not the topic
            continue
        if w is None:
            # A name the articles never use: they can't be about it. Any other word the
            # articles never use (or an English one we can't put in Indonesian) is
            # weighed by the decision as "unknown"; one we can read (Indonesian, or
            # English with Indonesian forms) as "absent" too.
            if c.name and reader.surely_a_name(c, qa.language, first=first):
                missing.append(c.text)
            elif c.name:
                weak_missing += 1
            else:
                unknown += 1
                (absent if reader.readable(c) else unread).append(i)
            continue
        if c.name and verify.unknown_core(c.text, known):
            missing.append(c.text)  # "Mount Everest": only its ordinary word is theirs
            continue
        weights[i] = w
    if checked and (missing or weak_missing):
        # Only the other names all theirs make the place the claim to test ("Did Kim meet
        # the Pope in Rome?" is about neither) (verify.checked_place).
        missing += checked
    if typed is not None:
        # A follow-up's own words say what it asks; the words it took from the conversation
        # ("Arif Mahendra and Siti Rohana" for "they") say what about, and would otherwise
        # make the previous answer's sentence, which names them, the best match again.
        own = words_of(typed)
        for i, c in enumerate(concepts_):
            if i in weights and not any(all(p in own for p in f.split()) for f in c.forms):
                weights[i] *= REFERENT_WEIGHT
    return _QuestionWords(
        question=qa,
        concepts=concepts_,
        weights=weights,
        missing=missing,
        absent=absent,
        unread=unread,
        unknown=unknown,
        weak_missing=weak_missing,
        name_words={
            i: reader.name_parts(c, known, terms.acronyms)
            for i, c in enumerate(concepts_)
            if c.name and i in weights
        },
    )


@dataclass(frozen=True, kw_only=True)
class _Prepared:
    """What a question needs before its vector: its analysis, BM25's ranking, its date."""

    question: Question
    lexical_query: str  # the question and its Indonesian bridge terms
    lexical_ids: list[int] | None  # None without BM25
    asked: TimeMention | None
    words: _QuestionWords
    timings: dict[str, float]


def _prepare(
    loaded: _Loaded,
    q: str,
    today: dt.date | None = None,
    typed: str | None = None,
    read_ahead: bool = False,
) -> _Prepared:
    """The question's analysis, BM25's ranking, its date and word weights (no query vector
    needed). ``read_ahead``: also load BM25's first passages (``_read_ahead``), when this runs
    beside the encode."""
    qa = analyze(q, vocabulary=loaded.terms.names)
    text = " ".join([q, *bridge_terms(qa)])
    t = time.perf_counter()
    ids = loaded.lexical.search(text, SEARCH_CANDIDATES) if loaded.lexical else None
    timings = {"lexical": (time.perf_counter() - t) * 1000} if loaded.lexical else {}
    if ids and read_ahead:
        _read_ahead(loaded, ids[:READ_AHEAD])
    return _Prepared(
        question=qa,
        lexical_query=text,
        lexical_ids=ids,
        asked=_question_dates(loaded, q, today),
        words=_question_words(loaded, qa, typed),
        timings=timings,
    )


# BM25's passages read ahead (_read_ahead): its first CANDIDATES // 2. Fusion by reciprocal rank
# keeps each ranking's first half of CANDIDATES when the two share no passage, and more of
# BM25's when they share some: on the bench's questions its ranks 0-9 were among the passages
# read 389 times of 390 at 200k chunks (ranks 10-29: 1 of 780) and 371 of 371 on the seeds
# (ranks 10-19: 275 of 289). Reading ahead all 30 parsed a third more facts than the answers
# read at 200k chunks (thread_time of _read and _prepare summed, 1,223 -> 1,527 ms a pass).
READ_AHEAD = CANDIDATES // 2
# From this many chunks a question is prepared (_prepare) on another thread while it is encoded;
# below, before it. On 2 cores the thread competes with ONNX Runtime's two: on the seeds the
# encode inside the answer took 12.7 ms against 9.7 bare (make bench, 1d6c62e), 3 ms for 1.4
# ms of preparation (thread_time); BM25, the part that grows, took 0.23 ms there and 15.5 ms at
# 1M chunks, so beside the encode pays from about a tenth of that.
PREPARE_ASIDE_FROM = 100_000


def _read_ahead(loaded: _Loaded, chunk_ids: list[int]) -> None:
    """Load the passages BM25 proposes, their sentences and those sentences' facts into the
    generation's caches, so that reading them after the encode finds them parsed. On a
    generation the process has not read much of (the bench's 1M chunks: every question's
    passages new to it), parsing facts was a fifth of the answer stage's CPU (cProfile)."""
    for s in loaded.index.sentences_of(chunk_ids):
        loaded.facts(s)
    loaded.index.chunks(chunk_ids)


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _prepare_pool() -> ThreadPoolExecutor:
    """The threads that prepare questions while they are encoded, started once per process.
    Two, so that a second question asked at the same time (the bot answers chats
    concurrently) does not wait for the first one's preparation."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(2, thread_name_prefix="berita-prepare")
        return _POOL


class Berita:
    """Loads the model and index lazily; thread-safe; picks up a new index on reload().

    ``embedder`` encodes questions (and articles, unless it is the lean ONNX encoder);
    tests pass a small or fake one.
    """

    def __init__(self, config: Config, *, embedder: Embedder | OnnxEncoder | None = None):
        self.config = config
        self._embedder: Embedder | OnnxEncoder | None = embedder
        self._loaded: _Loaded | None = None
        self._lock = threading.RLock()
        # The model has a lock of its own: the first question loads it beside the index (ask).
        self._model_lock = threading.RLock()
        self._reload_lock = threading.RLock()
        # CURRENT's stamp when it last named the loaded generation (_current).
        self._stamp: tuple[int, int, int] | None = None
        self._stamp_gen: Path | None = None
        self._pointer = index_root(config.data_dir) / "CURRENT"

    # --- resources -----------------------------------------------------------

    @property
    def embedder(self) -> Embedder | OnnxEncoder:
        """What encodes questions: without torch when the model has an ONNX export."""
        with self._model_lock:
            if self._embedder is None:
                self._embedder = load_query_encoder(self.config)
            return self._embedder

    def _load_model_aside(self) -> None:
        """Start loading the model on another thread when neither it nor the index is loaded
        yet, while this one loads the index: the ONNX session loads without the GIL, so the
        index's loading runs beside it, not after it. Not without an index (its error comes
        first, without loading a model for nothing); a failed load is left to ``embedder`` to
        raise again."""
        if self._embedder is not None or self._loaded is not None:
            return
        try:
            present = current_generation(self.config.data_dir) is not None
        except BeritaError:
            present = False  # the index's own load reports it
        if present:
            _prepare_pool().submit(lambda: self.embedder)

    def _passage_embedder(self) -> Embedder:
        """What encodes articles: sentence-transformers, which also made the ONNX export."""
        with self._model_lock:
            current = self._embedder
        if current is None or isinstance(current, OnnxEncoder):
            return load_embedder(self.config)
        return current

    @property
    def model_id(self) -> str:
        """The id the index is built with; known without loading the model."""
        return self._embedder.model_id if self._embedder is not None else model_id_for(self.config)

    def warm_up(self, *, model: bool = True, index: bool = True) -> None:
        """Load the model and/or the index now, so the first question doesn't wait for them
        and a missing or damaged index is reported before any question is read."""
        if model and index:
            self._load_model_aside()
        if index:
            _ = self._loaded_now()
        if model:
            _ = self.embedder

    def _load(self) -> _Loaded:
        index = load(self.config.data_dir)
        lexical = (
            Lexical.load(index.path / "bm25", len(index), index.chunk_texts)
            if self.config["search.hybrid"]
            else None
        )
        return _Loaded(index, lexical, Terms.load(index.path / TERMS_FILE))

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

    def _pointer_stamp(self) -> tuple[int, int, int] | None:
        """CURRENT's inode, change time and size (None if it can't be read): a build replaces it
        (os.replace: a new inode), so an unchanged stamp names the generation already loaded."""
        try:
            st = os.stat(self._pointer)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _current(self) -> _Loaded:
        """The loaded generation, after switching to a newer one another process built.
        CURRENT is read only when its stamp changed (reading it was 0.17 ms of CPU an answer
        on the seeds, thread_time: 2% of the query encode the warm answer is measured against)."""
        loaded = self._loaded_now()
        stamp = self._pointer_stamp()
        if stamp is not None and stamp == self._stamp and loaded.index.path == self._stamp_gen:
            return loaded
        try:
            gen = current_generation(self.config.data_dir)
        except BeritaError as exc:  # CURRENT damaged after the load: keep answering
            log.warning("keeping the loaded index; %s", exc)
            return loaded
        # Whoever notices first loads it; the others keep answering from the old one.
        if gen is not None and gen != loaded.index.path and self._reload_lock.acquire(blocking=False):
            try:
                self.reload()
            except (IndexCorruptError, IndexMissingError) as exc:
                log.warning("keeping the loaded index; the new one is unusable: %s", exc)
            finally:
                self._reload_lock.release()
            loaded = self._loaded_now()
        if gen == loaded.index.path:
            self._stamp, self._stamp_gen = stamp, gen
        return loaded

    # --- operations ----------------------------------------------------------

    def check_question(self, question: str) -> str:
        q = (question or "").strip()
        if not q:
            raise QuestionError(language.text(language.detect(q), "empty_question"))
        limit = self.config["answer.max_question_chars"]
        if len(q) > limit:  # (the language only for the message: not detected on every question)
            raise QuestionError(language.text(language.detect(q), "too_long", n=len(q), limit=limit))
        return q

    def conversation(self) -> Conversation:
        """A new conversation: pass it to ``ask`` so follow-up questions are understood."""
        loaded = self._current()
        outlets = {d.doc.source for d in loaded.index.documents() if d.doc.source}
        return Conversation(vocabulary=loaded.terms.names, outlets=outlets)

    def ask(
        self,
        question: str,
        k: int | None = None,
        lang: str | None = None,
        *,
        conversation: Conversation | None = None,
        today: dt.date | None = None,
    ) -> Answer:
        """Answer one question: the short answer, the sentence that proves it, its passages.

        Whether to answer is decided on the same ``CANDIDATES`` passages whatever ``k`` is;
        ``k`` only says how many passages to show. With a ``conversation``, pronouns and
        ellipsis are resolved from its earlier turns first ("When did she …?"), and the turn
        is remembered for the next question. ``today`` is the day "last week" and "latest" are
        read against: by default ``answer.today`` of the configuration, else the newest
        article's date.
        """
        typed = self.check_question(question)
        lang = lang or detect_language(typed)
        today = today or self._today()
        self._load_model_aside()  # the first question: the model loads while the index does
        loaded = self._current()  # one generation for the whole answer
        standard = _standard(loaded, typed, lang)
        if conversation is None:
            answer = self._ask(loaded, standard, k, lang, today=today)
            if standard != typed:
                answer.question, answer.understood_as = typed, standard
            return answer
        resolved = conversation.resolve(standard)
        followup = resolved.understood_as is not None
        answer = self._ask(
            loaded,
            resolved.text,
            k,
            lang,
            typed=typed if followup else None,
            today=today,
            # Every turn of a conversation is read near the last answer, not only one whose
            # words were rewritten: "How many people departed that day?", "Jadi totalnya
            # berapa?" name nothing to fill in yet go on in that article. The prior is small, so
            # a new topic's own words still win (followups6 .333/.367 → .467/.467, no other
            # set lost an item, standalone turns included).
            context=conversation.last_answer(),
            referents=referred_people(resolved.replaced) if followup else (),
        )
        answer.question = typed
        answer.understood_as = resolved.understood_as or (standard if standard != typed else None)
        short = answer.short_answer
        lead = next((p for p in answer.passages if answer.cited and p.n == answer.cited[0]), None)
        conversation.remember(
            Turn.of(
                resolved.text,
                answer_text=short.text if short else None,
                answer_type=short.type if short else None,
                quote=short.quote if short and short.quote else (answer.answer if answer.found else ""),
                vocabulary=conversation.vocabulary,
                chunk_id=lead.chunk_id if lead else None,
                sentence_id=answer.lead_sentence,
            )
        )
        return answer

    def _today(self) -> dt.date | None:
        """The configured "today" (``answer.today``), if any."""
        raw = str(self.config["answer.today"] or "").strip()
        if not raw:
            return None
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ConfigError(f"answer.today must be a date like 2025-10-29, not {raw!r}") from None

    def timeline(self, query: str | None = None) -> list[Event]:
        """The dated events of the articles in date order, each with who reports it."""
        loaded = self._current()
        rows = [
            SentenceRecord(
                id=s.id,
                text=s.text,
                file=d.file,
                title=d.title,
                source=d.source,
                date=d.date,
                facts=loaded.facts(s),
                group=s.grp,
            )
            for s, d in loaded.index.all_sentences()
            if not loaded.facts(s).meta  # a byline's date is not an event
        ]
        found = events(rows)
        if query and query.strip():
            terms = [t for t in re.findall(r"[\w-]+", query) if t.lower() not in STOP_EN | STOP_ID]
            found = [e for e in found if matches(e, terms)]
        return found

    def _ask(
        self,
        loaded: _Loaded,
        q: str,
        k: int | None,
        lang: str,
        *,
        typed: str | None = None,
        today: dt.date | None = None,
        context: tuple[int, int] | None = None,
        referents: tuple[str, ...] = (),
    ) -> Answer:
        k = k or self.config["search.top_k"]
        embedder = self.embedder  # loaded outside the timings
        t0 = time.perf_counter()
        # What needs no query vector is worked out on another thread while this one encodes
        # the question (ONNX Runtime and numpy release the GIL), handed over once the question
        # is tokenized (OnnxEncoder.query's ``running``).
        pending: list[Future[_Prepared]] = []

        def start() -> None:
            pending.append(_prepare_pool().submit(_prepare, loaded, q, today, typed, True))

        prepared: _Prepared | None = None
        if len(loaded.index) < PREPARE_ASIDE_FROM:
            # Beside the encode, preparing slows it more than it takes (PREPARE_ASIDE_FROM).
            prepared = _prepare(loaded, q, today, typed)
            t = time.perf_counter()
            prepared.timings["prepare"] = (t - t0) * 1000
            t0 = t
            qvec = embedder.query(q)
        elif isinstance(embedder, OnnxEncoder):
            qvec = embedder.query(q, running=start)
        else:
            start()
            qvec = embedder.query(q)
        t1 = time.perf_counter()
        if prepared is None:
            prepared = pending[0].result()
        timings: dict[str, float] = {"embed": (t1 - t0) * 1000, **prepared.timings}
        hits = search(
            loaded.index,
            qvec,
            CANDIDATES,
            loaded.lexical,
            prepared.lexical_query,
            timings=timings,
            lexical_ids=prepared.lexical_ids,
        )
        t2 = time.perf_counter()
        timings["search"] = (t2 - t1) * 1000
        answer = self._read(
            loaded,
            prepared.question,
            qvec,
            hits,
            k,
            lang,
            typed,
            today,
            context,
            asked=prepared.asked,
            words=prepared.words,
            referents=referents,
        )
        timings["answer"] = (time.perf_counter() - t2) * 1000
        answer.timings_ms = timings
        return answer

    def _read(
        self,
        loaded: _Loaded,
        qa: Question,
        qvec: np.ndarray,
        hits: list[Hit],
        k: int,
        lang: str,
        typed: str | None = None,
        today: dt.date | None = None,
        context: tuple[int, int] | None = None,
        *,
        asked: TimeMention | None,
        words: _QuestionWords,
        referents: tuple[str, ...] = (),
    ) -> Answer:
        """``typed``: a follow-up as the user typed it (``qa`` is it resolved); ``context``:
        (passage id, sentence id) of the answer it follows up; ``asked``: the question's date
        constraint (``_prepare``); ``words``: the question's words as the reader weighs them,
        likewise worked out while the question was encoded (``_question_words``)."""
        index, terms = loaded.index, loaded.terms
        qa, concepts_, weights = words.question, words.concepts, words.weights
        missing, absent, unread = words.missing, words.absent, words.unread
        unknown, weak_missing = words.unknown, words.weak_missing
        name_words = words.name_words
        writer: list[int] = []  # the follow-up's names that stand for the last answer's article
        if typed is not None and context is not None:
            writer = _bylined(loaded, context, concepts_, words_of(typed))
            if writer:  # the writer is not looked for in the answer: their article is
                keep = [i for i in range(len(concepts_)) if i not in writer]
                weights = {j: weights[i] for j, i in enumerate(keep) if i in weights}
                name_words = {j: name_words[i] for j, i in enumerate(keep) if i in name_words}
                absent = [keep.index(i) for i in absent if i in keep]
                unread = [keep.index(i) for i in unread if i in keep]
                concepts_ = [concepts_[i] for i in keep]
        today = today or terms.today
        score_of = {h.chunk_id: h.score for h in hits}
        if asked and asked.first and asked.last and reader.is_event_question(qa, concepts_, weights, asked):
            # "What happened on 2 November?": the sentences dated that day are the candidates,
            # whether or not the question's words found their passages.
            floor = min(score_of.values(), default=0.0)
            for cid in self._dated_chunks(loaded, asked):
                score_of.setdefault(cid, floor)
        about = reader.asked_meta(concepts_)
        if about:
            # "Who wrote the piece on …?": the lines about each retrieved article (its byline,
            # its credits) are read with it, whether or not the question's words found them.
            floor = min(score_of.values(), default=0.0)
            files = list(dict.fromkeys(r.doc.file for r in index.chunks(list(score_of))))
            for cid in index.last_chunks(files):
                score_of.setdefault(cid, floor)
        near_lead: dict[int, ChunkRow] = {}
        if context is not None:
            # A follow-up continues the last answer's story: its passage and the ones beside it
            # are read whether or not the question's words found them.
            floor = min(score_of.values(), default=0.0)
            # A writer asked about stands for their whole article: it alone is read.
            reach = CANDIDATES if writer else CONTEXT_CHUNKS
            around = index.chunks([context[0] + d for d in range(-reach, reach + 1)])
            lead_doc = next((r.doc.file for r in around if r.id == context[0]), None)
            near_lead = {r.id: r for r in around if r.doc.file == lead_doc}
            for cid in near_lead:
                score_of.setdefault(cid, floor)
            if writer:
                score_of = {cid: v for cid, v in score_of.items() if cid in near_lead}
        rows = {r.id: r for r in index.chunks(list(score_of))}
        sents = index.sentences_of(list(rows))
        vecs = np.asarray(index.sentence_vectors[[s.id for s in sents]]) if sents else np.zeros((0, 1))
        sims = (vecs @ qvec).tolist() if sents else []
        cands = [
            reader.Candidate(
                n=s.chunk_id,
                sentence_id=s.id,
                text=s.text,
                sim=float(sim),
                passage_sim=score_of[s.chunk_id],
                published=_date(rows[s.chunk_id].doc.date),
                facts=loaded.facts(s),
                group=s.grp,
                prior=_context_prior(s, rows[s.chunk_id], context, near_lead),
                paragraph=s.paragraph,
            )
            for s, sim in zip(sents, sims, strict=True)
        ]
        if context is not None and referents:
            # "What share of the vote did they get?" (they: the winning pair): a sentence near
            # the last answer that names only other people ("Rivalnya, pasangan … Jamaluddin dan
            # Bayu Pratama, memperoleh …") has turned to them, and loses the near bonus. Follow-ups
            # answered correctly: old sets corpus 35 → 37 of 47 ("… through them on the peak day?"
            # too: "Menurut Dwi, …" beside the stations), seeds and followups3 unchanged.
            for i, cand in enumerate(cands):
                if cand.prior > W_CONTEXT_ARTICLE and about_others(cand.text, referents):
                    cands[i] = replace(cand, prior=cand.prior - W_CONTEXT_NEAR)
        if referents:
            # "Dia menyebut persahabatan kedua negara sebagai apa?" (dia: Wang Yi): a sentence
            # opening with "Ia" after one naming Wang ("Ia bahkan menyebut persahabatan …") is
            # his, in whatever article, though it never names him.
            # Its words take the referent's from the sentence before.
            row_of = {s.id: s for s in sents}
            names = {w.lower() for p in referents for w in re.findall(r"\w+", p)}
            for i, cand in enumerate(cands):
                # The two sentences before it in its passage: a quote runs over sentences
                # ("Kami tahu …" — "… hadiah untuk suporter," katanya).
                before = [
                    b for d in (2, 1) if (b := row_of.get(cand.sentence_id - d)) and b.chunk_id == cand.n
                ]
                if before and continues_about(cand.text, " ".join(b.text for b in before), referents):
                    theirs = frozenset(w for b in before for w in loaded.facts(b).words if w in names)
                    facts = replace(cand.facts, words=cand.facts.words | theirs)
                    cands[i] = replace(cand, facts=facts, prior=cand.prior + W_CONTEXT_PRONOUN)
        if context is not None and qa.expected:
            # The quoted sentence itself answers a follow-up that asks for another fact of it
            # ("how long did he get?" after "Who got jailed …?" quoted "… menjatuhkan vonis
            # delapan tahun penjara kepada …"): it gets W_CONTEXT_QUOTED when it holds an
            # answer of the asked type that fits fully.
            for i, cand in enumerate(cands):
                if cand.sentence_id == context[1] and cand.prior:
                    found = reader.typed_answers(
                        qa, cand.facts, concepts_, cand.published or today, cand.text
                    )
                    if reader.type_fit(qa, found) >= 1.0:
                        cands[i] = replace(cand, prior=cand.prior + W_CONTEXT_QUOTED)

        def passage_words(chunk_id: int) -> frozenset[str]:
            return loaded.passage_words(rows[chunk_id])

        leads: dict[int, ChunkRow] = {}

        def lead_of(lead_id: int) -> ChunkRow | None:
            if lead_id not in rows and not leads:  # every candidate's lead in one query
                wanted = sorted({r.id - r.ordinal for r in rows.values()} - rows.keys())
                leads.update((r.id, r) for r in index.chunks(wanted))
            return rows.get(lead_id) or leads.get(lead_id) or index.chunk(lead_id)

        def article_words(chunk_id: int) -> frozenset[str]:
            return loaded.article_words(rows[chunk_id], lead_of)

        reading = reader.read(
            qa,
            cands,
            concepts_,
            weights,
            asked,
            lang,
            missing_names=missing,
            passage_words=passage_words,
            article_words=article_words,
            group_size=index.group_sizes,
            unknown=unknown,
            weak_missing=weak_missing,
            absent=absent,
            unread=unread,
            name_words=name_words,
            full_names=terms.full_names,
            sim_shift=terms.anchor - reader.REFERENCE_ANCHOR,
            today=today,
        )
        conf = reading.confidence

        def refused(key: str, args: dict[str, str]) -> Answer:
            # Never name as missing a word the retrieved passages hold (verify.true_reason).
            key, args = verify.true_reason(key, args, concepts_, (r.text for r in rows.values()))
            out = declined(qa.text, lang, reason=language.text(lang, key, **args), confidence=conf)
            out.signals = reading.signals
            return out

        if not reading.found:
            return refused(*(reading.reason or ("not_found", {})))
        if verify.unconditioned(qa.text, concepts_, reading.evidence[0].candidate.facts.words, qa.language):
            # "What happens … if he doesn't pay?": a sentence as close that states the condition
            # ("Jika uang pengganti tidak dibayar …") leads instead (reader.PREDICATE_MARGIN).
            top = reading.evidence[0].score - reader.PREDICATE_MARGIN
            alt = next(
                (
                    ev
                    for ev in reading.evidence[1:]
                    if ev.score >= top
                    and not verify.unconditioned(qa.text, concepts_, ev.candidate.facts.words, qa.language)
                ),
                None,
            )
            if alt is not None:
                rest = tuple(ev for ev in reading.evidence if ev is not alt)
                reading = replace(reading, evidence=(alt, *rest), short=None)
        lead = reading.evidence[0].candidate
        read_ids = list(dict.fromkeys(ev.candidate.n for ev in reading.evidence))
        near = verify.near_miss(
            qa.text,
            qa.type,
            concepts_,
            weights,
            absent,
            lead.text,
            lead.facts.words,
            language=qa.language,
            expected=qa.expected,
            read=(article_words(lead.n), *(passage_words(n) for n in read_ids)),
            texts=(None, *(rows[n].text.lower() for n in read_ids)),
        )
        if near:  # found, but what it asks is not what the evidence states (verify.near_miss)
            return refused(*near)
        unheard = verify.unheard_action(
            qa.text, qa.type, concepts_, absent, unread, lead.facts.words, reading.short is not None
        )
        if unheard:  # "Did Kevin Santoso resign …?" led by what he said (verify.unheard_action)
            return refused(*unheard)
        other = verify.of_another(
            qa.text, qa.type, asked or None, lead.text, lead.facts, concepts_, weights, qa.language
        )
        if other:  # found, but of another year, event or actor than asked (verify.of_another)
            return refused(*other)
        # Passages in the order of their best sentence: the one that answers is [1].
        order: list[int] = []
        best_sentence: dict[int, reader.Scored] = {}
        for ev in reading.evidence:
            cid = ev.candidate.n
            if cid not in best_sentence:
                best_sentence[cid] = ev
                order.append(cid)
        # The passages of lines about an article are shown only when the question asks of them.
        unasked = {s.chunk_id for s in sents if (m := loaded.facts(s).meta) and m not in about}
        order += [
            h.chunk_id
            for h in hits
            if h.chunk_id not in best_sentence and h.chunk_id in rows and h.chunk_id not in unasked
        ]
        passages = [
            Passage.from_chunk(n, rows[cid], score_of[cid]) for n, cid in enumerate(order[:k], start=1)
        ]
        number = {p.chunk_id: p.n for p in passages}
        lead = reading.evidence[0].candidate
        if lead.n not in number:  # k smaller than the evidence's rank: the proof is always shown
            passages.insert(0, Passage.from_chunk(1, rows[lead.n], score_of[lead.n]))
            passages = [replace(p, n=i) for i, p in enumerate(passages[:k], start=1)]
            number = {p.chunk_id: p.n for p in passages}
        reported = self._reporters(index, lead, rows[lead.n], passages)
        asked_values = asked_numbers(qa.text)
        if asked_values:
            reported = self._stating(loaded, reading, asked_values, rows, passages, qa.text) or reported
        elif reader.reporting(qa.text):
            reported = self._fact_reporters(
                loaded, reading, concepts_, weights, rows, passages, reported, qa.text
            )
        elif reading.short is not None and (reading.short.value is not None or reading.short.date):
            reported = self._stating_short(loaded, lead, rows[lead.n], reading.short, reported)
        disputes = self._disputes(loaded, reading, lead, rows, passages)
        quote = f"{clean(whole_quote(lead.text, rows[lead.n].text))} [{number[lead.n]}]"
        if asked and reader.is_event_question(qa, concepts_, weights, asked):
            # The events of the asked date, one sentence each (at most EVENTS), each cited.
            seen_groups = {lead.group} if lead.group >= 0 else set()
            parts = [quote]
            for ev in reading.evidence[1:]:
                cand = ev.candidate
                if len(parts) >= EVENTS or ev.on_date != 1.0 or cand.n not in number:
                    continue
                if cand.group >= 0 and cand.group in seen_groups:
                    continue
                seen_groups.add(cand.group)
                parts.append(f"{clean(cand.text)} [{number[cand.n]}]")
            quote = " ".join(parts)
        short = reading.short
        if short is not None and short.type == "which":
            # "Which company …?" answered with a place ("Jakarta: Perusahaan e-commerce
            # Belanjaku …"): the name the quote gives after the asked noun.
            fitted = fitting_answer(qa.text, short.text, lead.text)
            if fitted != short.text:
                short = replace(short, text=fitted)
        if short is None and qa.type == "yesno":
            short = yes_no(
                qa.text, qa.language, reading.evidence[0], concepts_, lang, loaded.passage_words(rows[lead.n])
            )
        mode = reader.reporting(qa.text)
        if mode:
            short = reader.reporting_answer(mode, reported, index.document_count(), lang, lead.text)
        if short is not None:
            # The reader's short answers carry the lead's chunk id, not a passage number: they
            # cite the lead's passage; who-reports answers cite the reporters' passages.
            also = short.cited if mode else ()
            short = replace(short, cited=tuple(sorted({number[lead.n], *also} - {0})))
        return Answer(
            lead_sentence=lead.sentence_id,
            question=qa.text,
            language=lang,
            found=True,
            answer=quote,
            passages=passages,
            cited=[number[lead.n]],
            short_answer=short,
            reported_by=reported,
            disagreements=disputes,
            articles=index.document_count(),
            confidence=conf,
            signals=reading.signals,
        )

    @staticmethod
    def _stating(
        loaded: _Loaded,
        reading: reader.Reading,
        values: set[float],
        rows: dict[int, ChunkRow],
        passages: list[Passage],
        question: str = "",
    ) -> list[Reporter]:
        """ "Which reports put the evacuees at 1,350?": only the articles whose statement of the
        fact gives that number count (a report of 1,200 on the same flood does not). A
        statement counts when it names the number and is the lead's, one grouped with it, or
        one that states as much of the question as the lead does, give or take
        ``STATING_COVERAGE``."""
        lead = reading.evidence[0]
        shown = {p.chunk_id: p.n for p in passages}
        by_file = {p.doc.file: p.n for p in reversed(passages)}
        out: dict[str, Reporter] = {}

        def add(doc: Document, chunk_id: int) -> None:
            n = shown.get(chunk_id, by_file.get(doc.file))
            out.setdefault(
                doc.file, Reporter(file=doc.file, title=doc.title, source=doc.source, date=doc.date, n=n)
            )

        units = asked_units(question)
        for s, chunk in loaded.index.group(lead.candidate.group):
            if states(loaded.facts(s), values, units):
                add(chunk.doc, chunk.id)
        for ev in reading.evidence:
            cand = ev.candidate
            if ev.coverage >= lead.coverage - STATING_COVERAGE and states(cand.facts, values, units):
                add(rows[cand.n].doc, cand.n)
        return reporters(list(out.values()))

    @staticmethod
    def _fact_reporters(
        loaded: _Loaded,
        reading: reader.Reading,
        concepts_: list[reader.Concept],
        weights: dict[int, float],
        rows: dict[int, ChunkRow],
        passages: list[Passage],
        grouped: list[Reporter],
        question: str,
    ) -> list[Reporter]:
        """ "Which outlets reported X?": the articles that state X. An article of the lead's
        group counts when its statement, read with its passage (where "he" and "the capital"
        are named), names every person the question names and holds at least
        ``GROUP_FACT_SHARE`` of the question; an article mentioning Putin's name in passing
        reports nothing about Putin. Any other article counts when one of its retrieved
        sentences states at least ``STATEMENT_SHARE`` of the question and, with its passage,
        all of it (a paraphrase the index did not group: "Kantor Berita Pusat Korea (KCNA)")."""
        index = loaded.index
        lead = reading.evidence[0].candidate
        lead_file = rows[lead.n].doc.file
        asked = [(c, weights[i]) for i, c in enumerate(concepts_) if weights.get(i)]
        forms = [c.forms for c, _ in asked]
        ws = [w for _, w in asked]
        # Every person and place the question names (acronyms are often spelled out instead).
        people = [c.forms for c, _ in asked if c.name and not c.text.isupper()]
        denied = denies(question)
        keep = {lead_file}
        if lead.group >= 0:
            members = index.group(lead.group)
            before = {c.id: c for c in index.chunks([ch.id - 1 for _, ch in members if ch.ordinal > 0])}
            for s, chunk in members:
                words = loaded.facts(s).words | loaded.passage_words(chunk)
                prev = before.get(chunk.id - 1)
                # "…," he added: the person may be named in the passage before.
                named = (
                    words | loaded.passage_words(prev) if prev and prev.doc.file == chunk.doc.file else words
                )
                if denies(s.text) and not denied:
                    continue
                if holds_all(people, named) and share_held(forms, ws, words) >= GROUP_FACT_SHARE:
                    keep.add(chunk.doc.file)
        out = [r for r in grouped if r.file in keep]
        have = {r.file for r in out}
        shown = {p.chunk_id: p.n for p in passages}
        by_file = {p.doc.file: p.n for p in reversed(passages)}
        for ev in reading.evidence:
            cand = ev.candidate
            doc = rows[cand.n].doc
            if doc.file in have or ev.coverage < STATEMENT_SHARE or (denies(cand.text) and not denied):
                continue
            if holds_all(forms, cand.facts.words | loaded.passage_words(rows[cand.n])):
                have.add(doc.file)
                n = shown.get(cand.n, by_file.get(doc.file))
                out.append(Reporter(file=doc.file, title=doc.title, source=doc.source, date=doc.date, n=n))
        return reporters(out)

    @staticmethod
    def _disputes(
        loaded: _Loaded,
        reading: reader.Reading,
        lead: reader.Candidate,
        rows: dict[int, ChunkRow],
        passages: list[Passage],
    ) -> list[Disagreement]:
        """Where the articles differ on the lead sentence's number or day: the statements of
        other articles as close to it as a corroborating one (``RIVAL_COS``, shared words) that
        give another value, compared by ``corroborate.disagreements``; each value with its
        articles."""
        index = loaded.index
        if forecast(lead.text):
            return []
        others = [
            ev.candidate
            for ev in reading.evidence[1:]
            if rows[ev.candidate.n].doc.file != rows[lead.n].doc.file
            and conflict(lead.facts, ev.candidate.facts, single=True)
            and not forecast(ev.candidate.text)
        ]
        if not others:
            return []
        vecs = np.asarray(index.sentence_vectors[[lead.sentence_id, *(c.sentence_id for c in others)]])
        sims = vecs[1:] @ vecs[0]
        words = content_words(lead.facts)
        rivals = [
            c
            for c, sim in zip(others, sims.tolist(), strict=True)
            if sim >= RIVAL_COS and len(words & content_words(c.facts)) >= RIVAL_SHARED_WORDS
        ]
        if not rivals:
            return []
        shown = {p.chunk_id: p.n for p in passages}
        by_file = {p.doc.file: p.n for p in reversed(passages)}
        sentences = [lead, *rivals]
        who: dict[str, Reporter] = {}
        for c in sentences:
            d = rows[c.n].doc
            who.setdefault(
                d.file,
                Reporter(
                    file=d.file,
                    title=d.title,
                    source=d.source,
                    date=d.date,
                    n=shown.get(c.n, by_file.get(d.file)),
                ),
            )
        found = disagreements(
            [c.facts for c in sentences],
            [rows[c.n].doc.file for c in sentences],
            [_date(rows[c.n].doc.date) for c in sentences],
        )
        return [
            replace(d, claims=tuple(replace(cl, docs=tuple(who[f] for f in cl.docs)) for cl in d.claims))
            for d in found
        ]

    @staticmethod
    def _dated_chunks(loaded: _Loaded, asked: TimeMention) -> list[int]:
        """The chunks of the sentences whose own dates fall within ``asked`` (at most
        ``DATED_SENTENCES`` sentences looked at)."""
        assert asked.first is not None and asked.last is not None
        span = (asked.last - asked.first).days + 1
        if span <= DAY_KEYS:
            keys = [(asked.first + dt.timedelta(days=i)).isoformat() for i in range(span)]
        else:
            months = sorted(
                {(asked.first + dt.timedelta(days=i)).isoformat()[:7] for i in range(0, span, 28)}
            )
            keys = [f"{m}-" for m in {*months, asked.last.isoformat()[:7]}]
        out: list[int] = []
        for s in loaded.index.sentences_mentioning(keys, DATED_SENTENCES):
            if s.chunk_id not in out and any(reader.overlaps(m, asked) for m in loaded.facts(s).dates):
                out.append(s.chunk_id)
        return out

    @staticmethod
    def _stating_short(
        loaded: _Loaded,
        lead: reader.Candidate,
        lead_chunk: ChunkRow,
        short: reader.ShortAnswer,
        reported: list[Reporter],
    ) -> list[Reporter]:
        """The reporters of the lead's fact that also state the short answer's number or date:
        "four days" is reported by the one article that says how long Choe stayed, not by the
        four that report her visit."""
        keep = {lead_chunk.doc.file}
        for s, chunk in loaded.index.group(lead.group):
            if chunk.doc.file not in keep and states_short(loaded.facts(s), short.value, short.date):
                keep.add(chunk.doc.file)
        return [r for r in reported if r.file in keep]

    @staticmethod
    def _reporters(
        index: Generation,
        lead: reader.Candidate,
        lead_chunk: ChunkRow,
        passages: list[Passage],
    ) -> list[Reporter]:
        """Every article that states the lead sentence's fact; ``n`` cites its passage when
        that passage is among those shown (``k`` stays the number of passages)."""
        chunks_of: dict[str, list[int]] = {lead_chunk.doc.file: [lead_chunk.id]}
        docs = {lead_chunk.doc.file: lead_chunk.doc}
        for _, chunk in index.group(lead.group):
            chunks_of.setdefault(chunk.doc.file, []).append(chunk.id)
            docs.setdefault(chunk.doc.file, chunk.doc)
        shown = {p.chunk_id: p.n for p in passages}
        by_file: dict[str, int] = {}
        for p in passages:
            by_file.setdefault(p.doc.file, p.n)
        out = []
        for file, ids in chunks_of.items():
            n = next((shown[i] for i in ids if i in shown), by_file.get(file))
            d = docs[file]
            out.append(Reporter(file=file, title=d.title, source=d.source, date=d.date, n=n))
        return reporters(out)

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
        from .build import build_index

        report = build_index(
            self.config, self._passage_embedder, self.model_id, rebuild=rebuild, progress=progress
        )
        if self._loaded is not None:
            self.reload()
        return report
