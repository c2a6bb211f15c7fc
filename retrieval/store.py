"""One index generation on disk: schema, row types, read, write, swap and prune.

Layout under ``<data_dir>/index`` (as txtai saves an index: a folder whose
manifest sits next to its vectors and tables)::

    CURRENT                   name of the live generation (swapped atomically)
    gen-<ns>/manifest.json    format, model, counts, and the sha256 of every other file
    gen-<ns>/chunks.sqlite    files, documents, chunks, sentences, problems
    gen-<ns>/vectors.faiss    chunk vectors (row i = chunks.id i)
    gen-<ns>/vectors.npy      the same vectors, raw: exact cosines, reuse by the next build
    gen-<ns>/sentences.npy    sentence vectors (row i = sentences.id i)
    gen-<ns>/bm25/            whatever else the builder stores (the lexical index)

A generation is immutable once written: a build writes a whole new one, its
manifest last, and only then points CURRENT at it. A build that dies half-way
leaves the previous index loadable, and a reader always sees one consistent
generation. Every file is checksummed in the manifest, so damage is found on
load, not as a wrong answer.

Rows are dataclasses built by keyword and stored by column name, so a table
grows by adding a column to ``_SCHEMA`` and a field to its row type.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import math
import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ConfigError, IndexCorruptError, IndexMissingError

# "4": facts hold counted-noun compounds and honorific names, undated articles' dates are read
# against their inferred date, groups split by differing numbers (all read at index time).
# "5": facts read places listed after an administrative place ("Kecamatan Martapura dan
# Astambul"), "empat minggu" as weeks, and no day from a decimal ("September 2,31 persen").
# "6": the lines about an article (byline, "Diterbitkan", "Sumber:", a photo's account credit)
# are a passage of their own, their sentences' facts saying which kind of line they are.
# "7": "meninggal" keeps its own stem (Sastrawi gives "tinggal", the stem of "meninggalkan").
# "8": each chunk stores its words (facts.words_of of its title and text): read, not worked out,
# when a question first reads the passage (most of them at 1M chunks).
# "9": facts read a range of figures as one ("12 hingga 18 anak") and of days ("18–19
# November"), "mencapai" as no qualifier ("reached", not "up to"), a season's holiday as no day.
# "10": a month or day with "tahun lalu/depan/ini" is of that year ("November tahun lalu"), and
# "empat hari ini" counts days (no "today"): sentences' stored dates change.
# "11": a place name opening a club's ("Borneo FC", "Bali United") is no place, and a person
# after a common-word description ("bek Yudha Saputra") has it as their role: stored facts change.
FORMAT_VERSION = "11"
MANIFEST = "manifest.json"
DB = "chunks.sqlite"
TERMS_FILE = "terms.json"  # corpus statistics the reader needs (build.write_terms)

_SCHEMA = """
CREATE TABLE files (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, status TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, file TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL, title TEXT NOT NULL,
    date TEXT, source TEXT, url TEXT, text TEXT NOT NULL, paragraphs TEXT NOT NULL
);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id), ordinal INTEGER NOT NULL,
    text TEXT NOT NULL, para_first INTEGER NOT NULL, para_last INTEGER NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    sent_first INTEGER NOT NULL, sent_last INTEGER NOT NULL, words TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY, chunk_id INTEGER NOT NULL, paragraph INTEGER NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL,
    facts TEXT NOT NULL DEFAULT '', grp INTEGER NOT NULL DEFAULT -1
);
CREATE INDEX sentences_grp ON sentences(grp);
CREATE INDEX sentences_chunk ON sentences(chunk_id);
CREATE TABLE problems (file TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX chunks_doc ON chunks(doc_id);
"""

# HNSW parameters, from bench/run.py's sweep at 100k chunks: efSearch 1024 keeps
# recall@10 near 0.99 at ~1.5 ms a query, while exact search takes ~7 ms there
# and grows linearly with the corpus.
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 128
HNSW_EF_SEARCH = 1024


# --- row types -----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Document:
    """An article's identity and metadata: what chunks, passages, citations and sources share."""

    file: str  # path relative to the articles folder
    title: str
    date: str | None = None  # ISO 8601
    source: str | None = None  # outlet
    url: str | None = None
    sha256: str = ""  # of the article file: with a chunk ordinal, a stable address


@dataclass(frozen=True, kw_only=True)
class Problem:
    """A file that was not indexed, and why."""

    file: str
    message: str


@dataclass(frozen=True, kw_only=True)
class DocumentRow:
    id: int
    doc: Document
    chunks: int  # how many chunks it has


@dataclass(frozen=True, kw_only=True)
class ChunkRow:
    id: int
    doc: Document
    ordinal: int  # 0-based within the document
    text: str
    para_first: int  # 1-based paragraph numbers in the file
    para_last: int
    char_start: int  # offsets into the document's text
    char_end: int
    sent_first: int  # sentence ids, inclusive
    sent_last: int
    words: str = ""  # the passage's words with its title's, space-separated (NewChunk.words)


@dataclass(frozen=True, kw_only=True)
class SentenceRow:
    id: int
    chunk_id: int
    paragraph: int
    char_start: int
    char_end: int
    text: str
    facts: str = ""  # what the sentence can answer with (JSON, written by the builder)
    grp: int = -1  # sentences of other articles stating the same fact share a group


@dataclass(frozen=True, kw_only=True)
class NewSentence:
    """A sentence going into a generation (ids are given on write)."""

    paragraph: int
    char_start: int
    char_end: int
    text: str
    facts: str = ""


@dataclass(frozen=True, kw_only=True)
class NewChunk:
    ordinal: int
    text: str
    para_first: int
    para_last: int
    char_start: int
    char_end: int
    sentences: list[NewSentence]
    # facts.words_of(title + " " + text), sorted and space-separated: what the reader matches a
    # question's words against, worked out once here (Sastrawi stems every word).
    words: str = ""


@dataclass(kw_only=True)
class NewDocument:
    """A document going into a generation, with its vectors (new or reused)."""

    doc: Document
    text: str
    paragraphs: list[tuple[int, int, int]]  # (number, start, end)
    chunks: list[NewChunk]
    chunk_vectors: np.ndarray | None = None
    sentence_vectors: np.ndarray | None = None


@dataclass(frozen=True, kw_only=True)
class Manifest:
    """What a generation holds; written last, so a generation without one is unfinished."""

    model_id: str
    dim: int
    chunking: str  # settings that shaped the chunks: a change forces a rebuild
    index_type: str = "flat"
    built_at: str = ""
    documents: int = 0
    chunks: int = 0
    sentences: int = 0
    format: str = FORMAT_VERSION
    checksums: dict[str, str] = field(default_factory=dict)  # file → sha256, every file but this one


# --- helpers -------------------------------------------------------------------


def index_root(data_dir: Path) -> Path:
    return Path(data_dir) / "index"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# numpy parses .npy headers with ast.literal_eval, and CPython 3.11's AST
# constructor is not safe across threads ("recursion depth mismatch").
_NPY_LOCK = threading.Lock()


def _load_npy(path: Path) -> np.ndarray:
    """A stored array, memory-mapped; IndexCorruptError if it is not one.

    A 0-byte or cut file whose manifest was re-written to match passes the checksums;
    numpy then raises EOFError (which click would report as "Aborted!") or ValueError.
    """
    try:
        with _NPY_LOCK:
            return np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, EOFError, ValueError, SyntaxError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise IndexCorruptError(_fix(f"index is damaged: {path} is not a vector file ({reason})")) from None


def _fix(message: str) -> str:
    return f"{message}; run `berita index --rebuild`"


def _files_of(gen: Path) -> list[Path]:
    """Every file of a generation except its manifest, sorted."""
    return sorted(p for p in gen.rglob("*") if p.is_file() and p.name != MANIFEST)


def _columns(cls: type, skip: tuple[str, ...] = ()) -> list[str]:
    return [f.name for f in fields(cls) if f.name not in skip]


# --- reading -------------------------------------------------------------------


def read_manifest(gen: Path) -> Manifest:
    try:
        raw = json.loads((gen / MANIFEST).read_text())
        return Manifest(**raw)
    except FileNotFoundError:
        raise IndexCorruptError(_fix(f"index is damaged: {gen / MANIFEST} is missing")) from None
    except (OSError, ValueError, TypeError) as exc:
        raise IndexCorruptError(_fix(f"index manifest {gen / MANIFEST} is damaged ({exc})")) from None


def verify(gen: Path, manifest: Manifest) -> None:
    """Every file the manifest names is there with its checksum, and nothing else."""
    on_disk = {p.relative_to(gen).as_posix() for p in _files_of(gen)}
    for name in sorted(set(manifest.checksums) | on_disk):
        if name not in on_disk:
            raise IndexCorruptError(_fix(f"index is damaged: {gen / name} is missing"))
        if name not in manifest.checksums:
            raise IndexCorruptError(_fix(f"index is damaged: {gen / name} is not in its manifest"))
    # hashlib releases the GIL on large reads: files are hashed in parallel
    # (sha256 runs at ~730 MB/s a core here; a 100k-chunk generation is ~1 GB).
    names = sorted(on_disk)
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        digests = list(pool.map(lambda n: sha256_file(gen / n), names))
    for name, digest in zip(names, digests, strict=True):
        if digest != manifest.checksums[name]:
            raise IndexCorruptError(_fix(f"index is damaged: {gen / name} does not match its checksum"))


# Chunks (with their sentences) and corroboration groups kept in memory per loaded generation:
# the same passages come back question after question, a generation never changes once
# written, and its SQLite reads were ~40% of a warm answer's time outside the model on the
# seeds (bench/). Each cache is emptied when it reaches this many entries (~1-2 KB a chunk).
ROW_CACHE = 10_000


def _remember(cache: dict, key: Any, value: Any) -> None:
    if len(cache) >= ROW_CACHE:
        cache.clear()
    cache[key] = value


class Generation:
    """One loaded, read-only generation. Safe to share between threads."""

    def __init__(self, path: Path, *, check: bool = True):
        import faiss

        self.path = path
        self.manifest = read_manifest(path)
        m = self.manifest
        if m.format != FORMAT_VERSION:
            raise IndexCorruptError(_fix(f"index format {m.format!r} is not {FORMAT_VERSION!r}"))
        if check:
            verify(path, m)
        db_path = path / DB
        try:
            self._db = sqlite3.connect(
                f"file:{db_path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            self._db.row_factory = sqlite3.Row
            n_chunks = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
            n_sents = self._db.execute("SELECT count(*) FROM sentences").fetchone()[0]
            doc_cols = ", ".join(_columns(Document))
            self._docs = {
                r["id"]: DocumentRow(
                    id=r["id"], doc=Document(**{k: r[k] for k in _columns(Document)}), chunks=r["n"]
                )
                for r in self._db.execute(
                    f"SELECT id, {doc_cols}, (SELECT count(*) FROM chunks c WHERE c.doc_id = d.id) AS n "
                    "FROM documents d ORDER BY d.file"
                )
            }
        except sqlite3.DatabaseError as exc:
            raise IndexCorruptError(_fix(f"index database {db_path} is damaged ({exc})")) from None
        self._lock = threading.Lock()
        self._chunk_rows: dict[int, ChunkRow] = {}
        self._chunk_sentences: dict[int, list[SentenceRow]] = {}
        self._groups: dict[int, list[tuple[SentenceRow, ChunkRow]]] = {}
        self._group_sizes: dict[int, int] = {}
        vec_path = path / "vectors.faiss"
        try:
            self.faiss = faiss.read_index(str(vec_path))
            self.sentence_vectors = _load_npy(path / "sentences.npy")
            # Not read when answering, but by the next build: its damage is found now too.
            raw_vectors = _load_npy(path / "vectors.npy")
        except (OSError, RuntimeError, ValueError) as exc:
            raise IndexCorruptError(
                _fix(f"index vectors in {path} are damaged ({str(exc).splitlines()[0]})")
            ) from None
        self.dim = m.dim
        self.model_id = m.model_id
        if self.faiss.ntotal != n_chunks or self.faiss.d != self.dim:
            raise IndexCorruptError(
                _fix(
                    f"index vectors ({self.faiss.ntotal} x {self.faiss.d}) do not match its metadata "
                    f"({n_chunks} chunks x {self.dim})"
                )
            )
        if self.sentence_vectors.shape != (n_sents, self.dim):
            raise IndexCorruptError(_fix("sentence vectors do not match the sentence table"))
        if raw_vectors.shape != (n_chunks, self.dim):
            raise IndexCorruptError(_fix("chunk vectors (vectors.npy) do not match the chunk table"))
        if hasattr(self.faiss, "hnsw"):
            self.faiss.hnsw.efSearch = max(self.faiss.hnsw.efSearch, HNSW_EF_SEARCH)
        if hasattr(self.faiss, "nlist") and hasattr(self.faiss, "nprobe"):
            self.faiss.nprobe = max(self.faiss.nprobe, ivf_probes(self.faiss.nlist))
        # Exact float32 chunk vectors (memory-mapped): a compressed index cannot give them back.
        self._vectors = raw_vectors

    def __len__(self) -> int:
        return int(self.faiss.ntotal)

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(chunk id, cosine) of the ``k`` nearest chunks, best first."""
        if self.faiss.ntotal == 0:
            return []
        scores, ids = self.faiss.search(query.reshape(1, -1).astype(np.float32), min(k, self.faiss.ntotal))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def vector(self, chunk_id: int) -> np.ndarray:
        return np.asarray(self._vectors[int(chunk_id)], dtype=np.float32)

    def _query(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        """Rows of one query; damage in pages the load did not read shows up here."""
        try:
            with self._lock:
                return self._db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise IndexCorruptError(_fix(f"index database {self.path / DB} is damaged ({exc})")) from None

    def chunks(self, ids: list[int]) -> list[ChunkRow]:
        """The chunks with these ids, in the order given (unknown ids left out)."""
        if not ids:
            return []
        cached = self._chunk_rows
        found = {i: row for i in ids if (row := cached.get(i)) is not None}
        missing = [i for i in dict.fromkeys(ids) if i not in found]
        if missing:
            cols = _columns(ChunkRow, skip=("doc",))
            marks = ",".join("?" * len(missing))
            for r in self._query(
                f"SELECT doc_id, {', '.join(cols)} FROM chunks WHERE id IN ({marks})", tuple(missing)
            ):
                row = ChunkRow(doc=self._docs[r["doc_id"]].doc, **{k: r[k] for k in cols})
                found[row.id] = row
                _remember(cached, row.id, row)
        return [row for i in ids if (row := found.get(i)) is not None]

    def chunk(self, chunk_id: int) -> ChunkRow | None:
        found = self.chunks([chunk_id])
        return found[0] if found else None

    def chunk_at(self, sha_prefix: str, ordinal: int) -> ChunkRow | None:
        """A chunk by its document's content hash and position: stable across rebuilds."""
        rows = self._query(
            "SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id "
            "WHERE d.sha256 LIKE ? AND c.ordinal = ? LIMIT 1",
            (sha_prefix + "%", ordinal),
        )
        return self.chunk(rows[0][0]) if rows else None

    def sentences(self, chunk: ChunkRow) -> list[SentenceRow]:
        cols = _columns(SentenceRow)
        return [
            SentenceRow(**{k: r[k] for k in cols})
            for r in self._query(
                f"SELECT {', '.join(cols)} FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id",
                (chunk.sent_first, chunk.sent_last),
            )
        ]

    def sentences_of(self, chunk_ids: list[int]) -> list[SentenceRow]:
        """Every sentence of these chunks, at most one query (in id order)."""
        if not chunk_ids:
            return []
        cached = self._chunk_sentences
        wanted = list(dict.fromkeys(chunk_ids))
        found = {c: rows for c in wanted if (rows := cached.get(c)) is not None}
        missing = [c for c in wanted if c not in found]
        if missing:
            cols = _columns(SentenceRow)
            marks = ",".join("?" * len(missing))
            for c in missing:
                found[c] = []
            for r in self._query(
                f"SELECT {', '.join(cols)} FROM sentences WHERE chunk_id IN ({marks}) ORDER BY id",
                tuple(missing),
            ):
                found[r["chunk_id"]].append(SentenceRow(**{k: r[k] for k in cols}))
            for c in missing:
                _remember(cached, c, found[c])
        out = [s for c in wanted for s in found[c]]
        out.sort(key=lambda s: s.id)
        return out

    def last_chunks(self, files: Sequence[str]) -> list[int]:
        """The last chunk of each of these documents (where the lines about an article are)."""
        if not files:
            return []
        marks = ",".join("?" * len(files))
        rows = self._query(
            "SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id "
            f"WHERE d.file IN ({marks}) AND c.ordinal = "
            "(SELECT MAX(ordinal) FROM chunks WHERE doc_id = c.doc_id) ORDER BY c.id",
            tuple(files),
        )
        return [r[0] for r in rows]

    def sentences_mentioning(self, keys: Sequence[str], limit: int) -> list[SentenceRow]:
        """Sentences whose stored facts contain one of ``keys`` as a quoted JSON string prefix
        (an ISO day "2025-11-02" or month "2025-11-"): a date question's candidates, found
        without search. At most ``limit``, in id order."""
        if not keys:
            return []
        cols = _columns(SentenceRow)
        where = " OR ".join("facts LIKE ?" for _ in keys)
        return [
            SentenceRow(**{k: r[k] for k in cols})
            for r in self._query(
                f"SELECT {', '.join(cols)} FROM sentences WHERE {where} ORDER BY id LIMIT ?",
                (*(f'%"{k}%' for k in keys), limit),
            )
        ]

    def group(self, grp: int) -> list[tuple[SentenceRow, ChunkRow]]:
        """The sentences of one corroboration group, with their chunks."""
        if grp < 0:
            return []
        found = self._groups.get(grp)
        if found is None:
            found = self._group(grp)
            _remember(self._groups, grp, found)
        return list(found)

    def _group(self, grp: int) -> list[tuple[SentenceRow, ChunkRow]]:
        cols = _columns(SentenceRow)
        rows = [
            SentenceRow(**{k: r[k] for k in cols})
            for r in self._query(f"SELECT {', '.join(cols)} FROM sentences WHERE grp = ? ORDER BY id", (grp,))
        ]
        chunks = {c.id: c for c in self.chunks(sorted({r.chunk_id for r in rows}))}
        return [(r, chunks[r.chunk_id]) for r in rows if r.chunk_id in chunks]

    def group_sizes(self, groups: Sequence[int]) -> dict[int, int]:
        """How many articles state each of these groups' fact."""
        groups = [g for g in dict.fromkeys(groups) if g >= 0]
        cached = self._group_sizes
        found = {g: n for g in groups if (n := cached.get(g)) is not None}
        missing = [g for g in groups if g not in found]
        if missing:
            marks = ",".join("?" * len(missing))
            counted = {
                r[0]: r[1]
                for r in self._query(
                    "SELECT s.grp, COUNT(DISTINCT c.doc_id) FROM sentences s JOIN chunks c ON c.id = s.chunk_id "
                    f"WHERE s.grp IN ({marks}) GROUP BY s.grp",
                    tuple(missing),
                )
            }
            for g in missing:
                if g in counted:
                    found[g] = counted[g]
                    _remember(cached, g, counted[g])
        return {g: found[g] for g in groups if g in found}

    def all_sentences(self) -> Iterator[tuple[SentenceRow, Document]]:
        """Every sentence with its document (for the timeline)."""
        cols = _columns(SentenceRow)
        for r in self._query(
            f"SELECT c.doc_id AS doc_id, {', '.join('s.' + k for k in cols)} FROM sentences s "
            "JOIN chunks c ON c.id = s.chunk_id ORDER BY s.id"
        ):
            yield SentenceRow(**{k: r[k] for k in cols}), self._docs[r["doc_id"]].doc

    def documents(self) -> list[DocumentRow]:
        return list(self._docs.values())

    def document_count(self) -> int:
        """How many articles (without listing them: every answer says it)."""
        return len(self._docs)

    def files(self) -> dict[str, str]:
        """Every article file seen by the build that wrote this generation → its sha256."""
        return {r["file"]: r["sha256"] for r in self._query("SELECT file, sha256 FROM files")}

    def chunk_texts(self) -> Iterator[tuple[int, str]]:
        return iter([(r["id"], r["text"]) for r in self._query("SELECT id, text FROM chunks ORDER BY id")])

    def problems(self) -> list[Problem]:
        return [
            Problem(file=r["file"], message=r["message"])
            for r in self._query("SELECT file, message FROM problems ORDER BY file")
        ]

    def stored_documents(self) -> dict[str, NewDocument]:
        """Every document with its chunks, sentences and vectors, keyed by content hash:
        what an incremental build reuses.

        Three queries in all (not one per chunk): chunks and sentences are stored
        in document order, so they are grouped while streaming.
        """
        vectors = _load_npy(self.path / "vectors.npy")
        s_cols = _columns(NewSentence)
        sentences = iter(self._query(f"SELECT {', '.join(s_cols)} FROM sentences ORDER BY id"))
        c_cols = _columns(NewChunk, skip=("sentences",))
        by_doc: dict[int, list[tuple[int, int, int, NewChunk]]] = {}
        for r in self._query(
            f"SELECT id, doc_id, sent_first, sent_last, {', '.join(c_cols)} FROM chunks ORDER BY id"
        ):
            sents = [
                NewSentence(**{k: s[k] for k in s_cols})
                for s in (next(sentences) for _ in range(r["sent_last"] - r["sent_first"] + 1))
            ]
            chunk = NewChunk(sentences=sents, **{k: r[k] for k in c_cols})
            by_doc.setdefault(r["doc_id"], []).append((r["id"], r["sent_first"], r["sent_last"], chunk))
        out: dict[str, NewDocument] = {}
        for r in self._query("SELECT id, text, paragraphs FROM documents"):
            doc = self._docs[r["id"]].doc
            rows = by_doc.get(r["id"], [])
            c_ids = [c[0] for c in rows]
            s_ids = [i for c in rows for i in range(c[1], c[2] + 1)]
            out[doc.sha256] = NewDocument(
                doc=doc,
                text=r["text"],
                paragraphs=[(p[0], p[1], p[2]) for p in json.loads(r["paragraphs"])],
                chunks=[c[3] for c in rows],
                chunk_vectors=np.array(vectors[c_ids]),
                sentence_vectors=np.array(self.sentence_vectors[s_ids]),
            )
        return out

    def close(self) -> None:
        with self._lock:
            self._db.close()


_GEN_NAME = re.compile(r"gen-\d+")


def current_generation(data_dir: Path) -> Path | None:
    """The live generation's folder as CURRENT names it; None before the first build.

    ConfigError if the data folder is not a folder; IndexCorruptError if CURRENT is
    not the name of a generation (a build only ever writes one, atomically).
    """
    root = index_root(data_dir)
    pointer = root / "CURRENT"
    try:
        raw = pointer.read_bytes()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        if Path(data_dir).exists() and not Path(data_dir).is_dir():
            raise ConfigError(f"data folder {data_dir} is not a folder; set data_dir to a folder") from None
        raise IndexCorruptError(_fix(f"index is damaged: {root} is not a folder")) from None
    except OSError as exc:  # a folder named CURRENT, no permission
        raise IndexCorruptError(
            _fix(f"index is damaged: cannot read {pointer} ({exc.strerror or exc})")
        ) from None
    try:
        name = raw.decode("ascii").strip()
    except UnicodeDecodeError:
        name = ""
    if not _GEN_NAME.fullmatch(name):
        raise IndexCorruptError(_fix(f"index is damaged: {pointer} does not name a generation"))
    return root / name


# Loads retried when CURRENT moved on while one was under way: a build keeps only the
# live generation and the one before it, so a reader slower than two builds retries.
LOAD_TRIES = 5


def load(data_dir: Path) -> Generation:
    """The live generation, checked against its manifest."""
    for attempt in range(LOAD_TRIES):
        gen = current_generation(data_dir)
        if gen is None:
            raise IndexMissingError(f"no index in {data_dir}; run `berita index` first")
        try:
            if not gen.is_dir():
                raise IndexCorruptError(_fix(f"index generation {gen.name} named by CURRENT is missing"))
            return Generation(gen)
        except (IndexCorruptError, OSError) as exc:
            # Builds pruned it while it was being read: read CURRENT again.
            if attempt + 1 < LOAD_TRIES and current_generation(data_dir) != gen:
                continue
            if isinstance(exc, OSError):
                raise IndexCorruptError(_fix(f"index is damaged: cannot read {gen} ({exc})")) from None
            raise
    raise AssertionError("unreachable")


# --- writing -------------------------------------------------------------------


@contextlib.contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """One build at a time per index folder (across processes)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


# From this many chunks a generation gets an inverted-file index over float16 vectors
# (IndexIVFScalarQuantizer, QT_fp16) instead of an HNSW graph. What decided it is build time:
# every new generation rebuilds its FAISS index, and on this shared 2-core machine an HNSW graph
# over 100k synthetic chunks took 84 s (float16) to 103 s (float32) to build where IVF took 5 s
# (bench/run.py, 1M run, 15:51 UTC); over 200k chunks HNSW took 77 s even at efConstruction 64
# against 33 s for IVF (bench/results/index-experiment.log), and the first 1M run stopped its
# HNSW-fp16 build unfinished after 13.5 min. HNSW recalls more at 100k (0.993-0.998 against
# 0.938 for IVF probing a sixteenth of its lists), and IVF's recall grows with size (0.965 at
# 200k, 0.977 at 1M), so below this size the graph is kept.
IVF_FROM = 500_000
# Lists: about sqrt(chunks) (1,000 at 1M, ~1,000 vectors a list). More lists scan less per
# query but cost training time: 2,048 lists over 200k chunks took 165 s to build against 33 s
# for 1,024, for about the same recall at the same share of vectors scanned.
IVF_LISTS_PER_SQRT = 1
# Probed lists: a sixteenth of them, ~6% of the vectors: recall@10 0.977 at 1M and 0.965 at 200k;
# a thirty-second gave 0.954 and 0.940, an eighth 0.988 and 0.978 at twice the scan.
IVF_PROBE_SHARE = 16
# k-means learns the lists from this many vectors a list (FAISS asks for at least 39).
IVF_TRAIN_PER_LIST = 64
KINDS = ("flat", "hnsw", "hnsw-fp16", "ivf-fp16")


def faiss_kind(chunks: int, exact_below: int, ivf_from: int = IVF_FROM) -> str:
    """Which FAISS index a generation of ``chunks`` chunks gets: flat, hnsw or ivf-fp16."""
    if chunks < exact_below:
        return "flat"
    return "ivf-fp16" if chunks >= ivf_from else "hnsw"


def ivf_lists(chunks: int) -> int:
    return max(1, round(IVF_LISTS_PER_SQRT * math.sqrt(chunks)))


def ivf_probes(lists: int) -> int:
    return max(1, lists // IVF_PROBE_SHARE)


def make_faiss(vectors: np.ndarray, kind: str, seed: int = 0) -> Any:
    """A FAISS index of ``kind`` (one of KINDS) over unit ``vectors``, searched by inner product."""
    import faiss

    d = vectors.shape[1]
    ip = faiss.METRIC_INNER_PRODUCT
    fp16 = faiss.ScalarQuantizer.QT_fp16
    index: Any
    if kind == "flat":
        index = faiss.IndexFlatIP(d)
    elif kind in ("hnsw", "hnsw-fp16"):
        if kind == "hnsw-fp16":
            index = faiss.IndexHNSWSQ(d, fp16, HNSW_M, ip)  # type: ignore[arg-type]  # stubs: int enum
        else:
            index = faiss.IndexHNSWFlat(d, HNSW_M, ip)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    elif kind == "ivf-fp16":
        lists = ivf_lists(len(vectors))
        index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(d), d, lists, fp16, ip)
        index.nprobe = ivf_probes(lists)
    else:
        raise ValueError(f"unknown FAISS index kind {kind!r}")
    if len(vectors):
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if not index.is_trained:  # IVF learns its lists, the quantizer each dimension's range
            sample = vectors
            if kind == "ivf-fp16" and len(vectors) > IVF_TRAIN_PER_LIST * index.nlist:
                rng = np.random.default_rng(seed)
                pick = rng.choice(len(vectors), IVF_TRAIN_PER_LIST * index.nlist, replace=False)
                sample = vectors[np.sort(pick)]
            index.train(sample)
        index.add(vectors)
    return index


def _make_faiss(vectors: np.ndarray, exact_below: int, ivf_from: int = IVF_FROM) -> Any:
    return make_faiss(vectors, faiss_kind(len(vectors), exact_below, ivf_from))


def _number(gen: Path) -> int:
    return int(gen.name[4:]) if _GEN_NAME.fullmatch(gen.name) else -1


def new_generation_path(root: Path) -> Path:
    """A name after every existing one (even if the clock went back): names order builds."""
    newest = max((_number(p) for p in root.glob("gen-*")), default=0)
    return root / f"gen-{max(time.time_ns(), newest + 1)}"


def write_tables(
    gen: Path,
    docs: list[NewDocument],
    files: dict[str, tuple[str, str]],
    problems: list[Problem],
    dim: int,
    exact_below: int,
    groups: np.ndarray | None = None,
) -> tuple[int, int]:
    """Write the tables and vectors of a new generation; returns (chunks, sentences).

    ``files`` maps each article file to (sha256, status); ``groups`` gives each sentence
    (in write order) its corroboration group. Call ``finish`` after adding any other
    files, to write the manifest.
    """
    import faiss

    gen.mkdir(parents=True)
    db = sqlite3.connect(gen / DB)
    chunk_vecs: list[np.ndarray] = []
    sent_vecs: list[np.ndarray] = []
    c_id = s_id = 0
    doc_cols = _columns(Document)
    with db:
        db.executescript(_SCHEMA)
        db.executemany(
            "INSERT INTO files (file, sha256, status) VALUES (?, ?, ?)",
            [(f, s, st) for f, (s, st) in files.items()],
        )
        db.executemany(
            "INSERT INTO problems (file, message) VALUES (:file, :message)", [asdict(p) for p in problems]
        )
        for d_id, d in enumerate(docs):
            db.execute(
                f"INSERT INTO documents (id, {', '.join(doc_cols)}, text, paragraphs) "
                f"VALUES (:id, {', '.join(':' + c for c in doc_cols)}, :text, :paragraphs)",
                {
                    "id": d_id,
                    **{k: getattr(d.doc, k) for k in doc_cols},
                    "text": d.text,
                    "paragraphs": json.dumps(d.paragraphs),
                },
            )
            for c in d.chunks:
                n = len(c.sentences)
                row = {k: getattr(c, k) for k in _columns(NewChunk, skip=("sentences",))}
                row.update(id=c_id, doc_id=d_id, sent_first=s_id, sent_last=s_id + n - 1)
                db.execute(
                    f"INSERT INTO chunks ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})", row
                )
                s_cols = ["id", "chunk_id", "grp", *_columns(NewSentence)]
                db.executemany(
                    f"INSERT INTO sentences ({', '.join(s_cols)}) VALUES ({', '.join(':' + k for k in s_cols)})",
                    [
                        {
                            "id": s_id + i,
                            "chunk_id": c_id,
                            "grp": int(groups[s_id + i]) if groups is not None else -1,
                            **asdict(s),
                        }
                        for i, s in enumerate(c.sentences)
                    ],
                )
                c_id += 1
                s_id += n
            if d.chunk_vectors is not None:
                chunk_vecs.append(d.chunk_vectors)
            if d.sentence_vectors is not None:
                sent_vecs.append(d.sentence_vectors)
    db.close()
    vectors = np.concatenate(chunk_vecs) if chunk_vecs else np.zeros((0, dim), np.float32)
    sentences = np.concatenate(sent_vecs) if sent_vecs else np.zeros((0, dim), np.float32)
    if len(vectors) != c_id or len(sentences) != s_id:
        raise ValueError("every chunk and sentence needs a vector")
    np.save(gen / "vectors.npy", vectors.astype(np.float32, copy=False))
    np.save(gen / "sentences.npy", sentences.astype(np.float32, copy=False))
    faiss.write_index(_make_faiss(vectors, exact_below), str(gen / "vectors.faiss"))
    return c_id, s_id


def finish(gen: Path, manifest: Manifest) -> None:
    """Checksum every file, sync it, and write the manifest last: the generation is complete."""
    checksums = {}
    for path in _files_of(gen):
        with open(path, "rb") as f:
            os.fsync(f.fileno())
        checksums[path.relative_to(gen).as_posix()] = sha256_file(path)
    for folder in sorted({p.parent for p in _files_of(gen)}):
        fsync_dir(folder)
    tmp = gen / (MANIFEST + ".tmp")
    data = {**asdict(manifest), "checksums": checksums}
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, gen / MANIFEST)
    fsync_dir(gen)


def swap(root: Path, gen: Path) -> None:
    """Point CURRENT at ``gen`` atomically."""
    tmp = root / "CURRENT.tmp"
    tmp.write_text(gen.name + "\n")
    current = root / "CURRENT"
    if current.is_dir() and not current.is_symlink():  # damage: replace can't put a file over it
        shutil.rmtree(current)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, root / "CURRENT")
    fsync_dir(root)


def prune_leftovers(root: Path) -> Path | None:
    """Drop what killed builds left; returns the live generation (None if CURRENT is unreadable).

    Kept: the live generation and the newest finished one before it (a reader that
    read CURRENT just before the last swap may still be opening it). Dropped: unfinished
    generations (no manifest), finished ones newer than the live one (their build died
    before its swap, so no reader ever saw them) and older ones (a killed prune's).
    Only call it holding ``build_lock``: then no build is writing one.
    """
    try:
        live = current_generation(root.parent)
    except (IndexCorruptError, ConfigError):  # CURRENT is damaged: only unfinished ones go
        live = None
    gens = [p for p in root.glob("gen-*") if p != live]
    unfinished = [p for p in gens if not (p / MANIFEST).exists()]
    drop = list(unfinished)
    if live is not None and live.is_dir():
        older = sorted((p for p in gens if p not in unfinished and _number(p) < _number(live)), key=_number)
        drop += older[:-1] + [p for p in gens if p not in unfinished and _number(p) > _number(live)]
    for p in drop:
        shutil.rmtree(p, ignore_errors=True)
    return live


def prune(root: Path, keep: set[str]) -> None:
    """Drop generations other than those in ``keep``, finished or not.

    Callers keep the live one and the one before it, so a reader that read
    CURRENT just before the swap can still open what it read.
    """
    for p in root.glob("gen-*"):
        if p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)
