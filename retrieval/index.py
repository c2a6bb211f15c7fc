"""The index folder: FAISS for vectors, SQLite for documents, chunks and the manifest.

Layout under ``<data_dir>/index``::

    CURRENT                 name of the live generation (swapped atomically)
    gen-<ns>/chunks.sqlite  manifest, files, documents, chunks, sentences, problems
    gen-<ns>/vectors.faiss  chunk vectors (row i = chunks.id i)
    gen-<ns>/vectors.npy    the same vectors, raw, for reuse by the next build
    gen-<ns>/sentences.npy  sentence vectors (row i = sentences.id i)

A build writes a whole new generation and only then points CURRENT at it, so
a build that dies half-way leaves the previous index loadable, and a reader
always sees one consistent generation.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .chunk import Chunk, chunk_article, embedding_text
from .config import Config
from .errors import IndexCorruptError, IndexMissingError, IndexWriteError
from .ingest import Problem, list_files, load_article, read_file

log = logging.getLogger(__name__)

FORMAT_VERSION = "1"
_SCHEMA = """
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, status TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, file TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL, title TEXT NOT NULL,
    date TEXT, source TEXT, url TEXT, text TEXT NOT NULL, paragraphs TEXT NOT NULL
);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id), ordinal INTEGER NOT NULL,
    text TEXT NOT NULL, para_first INTEGER NOT NULL, para_last INTEGER NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    sent_first INTEGER NOT NULL, sent_last INTEGER NOT NULL
);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY, chunk_id INTEGER NOT NULL, paragraph INTEGER NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE TABLE problems (file TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX chunks_doc ON chunks(doc_id);
"""


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    documents: int = 0
    chunks: int = 0
    embedded: int = 0  # texts sent through the model in this build
    rebuilt: bool = False
    seconds: float = 0.0

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.rebuilt)


@dataclass(frozen=True)
class DocRow:
    id: int
    file: str
    sha256: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    chunks: int


@dataclass(frozen=True)
class ChunkRow:
    id: int
    doc: DocRow
    ordinal: int
    text: str
    para_first: int
    para_last: int
    char_start: int
    char_end: int
    sent_first: int
    sent_last: int


@dataclass(frozen=True)
class SentenceRow:
    id: int
    chunk_id: int
    paragraph: int
    char_start: int
    char_end: int
    text: str


def index_root(data_dir: Path) -> Path:
    return Path(data_dir) / "index"


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# numpy parses .npy headers with ast.literal_eval, and CPython 3.11's AST
# constructor is not safe across threads ("recursion depth mismatch").
_NPY_LOCK = threading.Lock()


def _load_npy(path: Path) -> np.ndarray:
    with _NPY_LOCK:
        return np.load(path, mmap_mode="r")


def _fix(message: str) -> str:
    return f"{message}; run `berita index --rebuild`"


# --- reading -----------------------------------------------------------------


class Index:
    """One loaded, read-only generation. Safe to share between threads."""

    def __init__(self, path: Path):
        import faiss

        self.path = path
        db_path = path / "chunks.sqlite"
        if not db_path.exists():
            raise IndexCorruptError(_fix(f"index is damaged: {db_path} is missing"))
        try:
            self._db = sqlite3.connect(
                f"file:{db_path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            self.manifest = dict(self._db.execute("SELECT key, value FROM manifest"))
            n_chunks = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
            n_sents = self._db.execute("SELECT count(*) FROM sentences").fetchone()[0]
            self._docs = {
                r[0]: DocRow(*r)
                for r in self._db.execute(
                    "SELECT d.id, d.file, d.sha256, d.title, d.date, d.source, d.url, "
                    "(SELECT count(*) FROM chunks c WHERE c.doc_id = d.id) FROM documents d ORDER BY d.file"
                )
            }
        except sqlite3.DatabaseError as exc:
            raise IndexCorruptError(_fix(f"index database {db_path} is damaged ({exc})")) from None
        self._lock = threading.Lock()
        m = self.manifest
        if m.get("format") != FORMAT_VERSION:
            raise IndexCorruptError(_fix(f"index format {m.get('format')!r} is not {FORMAT_VERSION!r}"))
        vec_path = path / "vectors.faiss"
        try:
            if _sha256_file(vec_path) != m["faiss_sha256"]:
                raise IndexCorruptError(_fix("index vectors do not match its metadata (checksum differs)"))
            self.faiss = faiss.read_index(str(vec_path))
            self.sentence_vectors = _load_npy(path / "sentences.npy")
        except (OSError, RuntimeError, ValueError, KeyError) as exc:
            raise IndexCorruptError(
                _fix(f"index vectors in {path} are damaged ({str(exc).splitlines()[0]})")
            ) from None
        self.dim = int(m["dim"])
        self.model_id = m["model_id"]
        if self.faiss.ntotal != n_chunks or self.faiss.d != self.dim:
            raise IndexCorruptError(
                _fix(
                    f"index vectors ({self.faiss.ntotal} x {self.faiss.d}) do not match its metadata "
                    f"({n_chunks} chunks x {self.dim})"
                )
            )
        if self.sentence_vectors.shape != (n_sents, self.dim):
            raise IndexCorruptError(_fix("sentence vectors do not match the sentence table"))
        if hasattr(self.faiss, "hnsw"):
            self.faiss.hnsw.efSearch = max(self.faiss.hnsw.efSearch, HNSW_EF_SEARCH)

    @property
    def generation(self) -> str:
        return self.path.name

    def __len__(self) -> int:
        return self.faiss.ntotal

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.faiss.ntotal == 0:
            return []
        scores, ids = self.faiss.search(query.reshape(1, -1).astype(np.float32), min(k, self.faiss.ntotal))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def chunks(self, ids: list[int]) -> list[ChunkRow]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {
            r[0]: r
            for r in self._query(
                "SELECT id, doc_id, ordinal, text, para_first, para_last, char_start, char_end, "
                f"sent_first, sent_last FROM chunks WHERE id IN ({marks})",
                tuple(ids),
            )
        }
        return [ChunkRow(r[0], self._docs[r[1]], *r[2:]) for i in ids if (r := rows.get(i))]

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
        return [
            SentenceRow(*r)
            for r in self._query(
                "SELECT id, chunk_id, paragraph, char_start, char_end, text FROM sentences "
                "WHERE id BETWEEN ? AND ? ORDER BY id",
                (chunk.sent_first, chunk.sent_last),
            )
        ]

    def documents(self) -> list[DocRow]:
        return list(self._docs.values())

    def chunk_texts(self) -> Iterator[tuple[int, str]]:
        return iter(self._query("SELECT id, text FROM chunks ORDER BY id"))

    def problems(self) -> list[Problem]:
        return [Problem(*r) for r in self._query("SELECT file, message FROM problems ORDER BY file")]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def current_generation(data_dir: Path) -> Path | None:
    root = index_root(data_dir)
    try:
        name = (root / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    return root / name if name else None


def load_index(data_dir: Path) -> Index:
    gen = current_generation(data_dir)
    if gen is None:
        raise IndexMissingError(f"no index in {data_dir}; run `berita index` first")
    if not gen.is_dir():
        raise IndexCorruptError(_fix(f"index generation {gen.name} named by CURRENT is missing"))
    return Index(gen)


# --- building ----------------------------------------------------------------


@contextlib.contextmanager
def _build_lock(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@dataclass
class _Doc:
    """A document going into the new generation, with its vectors when reused."""

    file: str
    sha256: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    text: str
    paragraphs: list[tuple[int, int, int]]
    chunks: list[tuple]  # (ordinal, text, para_first, para_last, char_start, char_end, [sentences])
    chunk_vectors: np.ndarray | None = None
    sentence_vectors: np.ndarray | None = None


def _doc_from_article(article, chunks: list[Chunk]) -> _Doc:
    return _Doc(
        article.file,
        article.sha256,
        article.title,
        article.date,
        article.source,
        article.url,
        article.text,
        [(p.number, p.start, p.end) for p in article.paragraphs],
        [
            (
                c.ordinal,
                c.text,
                *c.paragraphs,
                c.char_start,
                c.char_end,
                [(s.paragraph, s.start, s.end, article.text[s.start : s.end]) for s in c.sentences],
            )
            for c in chunks
        ],
    )


def _reuse_docs(old: Index) -> dict[str, _Doc]:
    """Every document of the previous generation, keyed by content hash.

    Three queries in all (not one per chunk): chunks and sentences are stored
    in document order, so they are grouped while streaming.
    """
    vectors = _load_npy(old.path / "vectors.npy")
    sentences = iter(old._query("SELECT paragraph, char_start, char_end, text FROM sentences ORDER BY id"))
    by_doc: dict[int, list[tuple]] = {}
    for c_id, d_id, ordinal, c_text, pf, pl, cs, ce, sf, sl in old._query(
        "SELECT id, doc_id, ordinal, text, para_first, para_last, char_start, char_end, sent_first, "
        "sent_last FROM chunks ORDER BY id"
    ):
        sents = [tuple(next(sentences)) for _ in range(sl - sf + 1)]
        by_doc.setdefault(d_id, []).append((c_id, sf, sl, (ordinal, c_text, pf, pl, cs, ce, sents)))
    out: dict[str, _Doc] = {}
    for d_id, file, sha, title, date, source, url, text, paras in old._query(
        "SELECT id, file, sha256, title, date, source, url, text, paragraphs FROM documents"
    ):
        rows = by_doc.get(d_id, [])
        c_ids = [r[0] for r in rows]
        s_ids = [i for r in rows for i in range(r[1], r[2] + 1)]
        out[sha] = _Doc(
            file,
            sha,
            title,
            date,
            source,
            url,
            text,
            [tuple(p) for p in json.loads(paras)],
            [r[3] for r in rows],
            np.array(vectors[c_ids]),
            np.array(old.sentence_vectors[s_ids]),
        )
    return out


# HNSW parameters, from bench/run.py's sweep at 100k chunks: efSearch 1024 keeps
# recall@10 near 0.99 at ~1.5 ms a query, while exact search takes ~7 ms there
# and grows linearly with the corpus.
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 128
HNSW_EF_SEARCH = 1024


# From this many chunks the HNSW graph keeps its vectors as float16 (IndexHNSWSQ, QT_fp16).
# bench/run.py at 100k: recall@10 0.988 vs 0.990 for float32, 2.3 vs 2.8 ms, 99 vs 172 MB.
# Below it float32 costs little (1.72 KB a chunk); here it would pass 0.86 GB.
HNSW_FP16_FROM = 500_000


def faiss_kind(chunks: int, exact_below: int, fp16_from: int = HNSW_FP16_FROM) -> str:
    """Which FAISS index a generation of ``chunks`` chunks gets: flat, hnsw or hnsw-fp16."""
    if chunks < exact_below:
        return "flat"
    return "hnsw-fp16" if chunks >= fp16_from else "hnsw"


def _make_faiss(vectors: np.ndarray, exact_below: int, fp16_from: int = HNSW_FP16_FROM):
    import faiss

    d = vectors.shape[1]
    kind = faiss_kind(len(vectors), exact_below, fp16_from)
    if kind == "flat":
        index = faiss.IndexFlatIP(d)
    else:
        if kind == "hnsw-fp16":
            index = faiss.IndexHNSWSQ(d, faiss.ScalarQuantizer.QT_fp16, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexHNSWFlat(d, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    if len(vectors):
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if not index.is_trained:  # the quantizer learns each dimension's range
            index.train(vectors)
        index.add(vectors)
    return index


def _write_generation(
    gen: Path,
    docs: list[_Doc],
    files: dict[str, tuple[str, str]],
    problems: list[Problem],
    manifest: dict[str, str],
    dim: int,
    exact_below: int,
) -> tuple[int, int]:
    import faiss

    gen.mkdir(parents=True)
    db = sqlite3.connect(gen / "chunks.sqlite")
    chunk_vecs, sent_vecs = [], []
    c_id = s_id = 0
    with db:
        db.executescript(_SCHEMA)
        db.executemany("INSERT INTO files VALUES (?, ?, ?)", [(f, s, st) for f, (s, st) in files.items()])
        db.executemany("INSERT INTO problems VALUES (?, ?)", [(p.file, p.message) for p in problems])
        for d_id, d in enumerate(docs):
            db.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (d_id, d.file, d.sha256, d.title, d.date, d.source, d.url, d.text, json.dumps(d.paragraphs)),
            )
            for ordinal, text, pf, pl, cs, ce, sents in d.chunks:
                db.execute(
                    "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (c_id, d_id, ordinal, text, pf, pl, cs, ce, s_id, s_id + len(sents) - 1),
                )
                db.executemany(
                    "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)",
                    [(s_id + i, c_id, *s) for i, s in enumerate(sents)],
                )
                c_id += 1
                s_id += len(sents)
            chunk_vecs.append(d.chunk_vectors)
            sent_vecs.append(d.sentence_vectors)
        vectors = np.concatenate(chunk_vecs) if chunk_vecs else np.zeros((0, dim), np.float32)
        sentences = np.concatenate(sent_vecs) if sent_vecs else np.zeros((0, dim), np.float32)
        np.save(gen / "vectors.npy", vectors.astype(np.float32))
        np.save(gen / "sentences.npy", sentences.astype(np.float32))
        faiss.write_index(_make_faiss(vectors, exact_below), str(gen / "vectors.faiss"))
        _write_bm25(gen, [c[1] for d in docs for c in d.chunks])
        manifest = {
            **manifest,
            "faiss_sha256": _sha256_file(gen / "vectors.faiss"),
            "chunks": str(c_id),
            "sentences": str(s_id),
            "documents": str(len(docs)),
        }
        db.executemany("INSERT INTO manifest VALUES (?, ?)", sorted(manifest.items()))
    db.close()
    for path in [
        gen / n for n in ("chunks.sqlite", "vectors.faiss", "vectors.npy", "sentences.npy")
    ] + sorted((gen / "bm25").glob("*")):
        with open(path, "rb") as f:
            os.fsync(f.fileno())
    _fsync_dir(gen)
    return c_id, s_id


def _write_bm25(gen: Path, texts: list[str]) -> None:
    """Save the BM25 index with the generation, so loading it is not a rebuild."""
    from .search import Lexical

    retriever = Lexical.build(texts)
    if retriever is not None:
        retriever.save(str(gen / "bm25"))


def _swap(root: Path, gen: Path) -> None:
    tmp = root / "CURRENT.tmp"
    tmp.write_text(gen.name + "\n")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, root / "CURRENT")
    _fsync_dir(root)


def _prune(root: Path, keep: set[str]) -> None:
    """Drop generations other than the live one and the one before it.

    The previous one stays so a reader that read CURRENT just before the swap
    can still open what it read.
    """
    for p in root.glob("gen-*"):
        if p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)


ProgressFn = Callable[[int, int], None]  # (done, total) texts embedded


def build_index(
    config: Config,
    embedder_factory: Callable[[], object],
    model_id: str,
    rebuild: bool = False,
    progress: ProgressFn | None = None,
) -> IndexReport:
    """Bring the index up to date with the articles folder; returns what changed.

    The model is only loaded when something has to be embedded, so a no-op
    run stays fast.
    """
    try:
        return _build_index(config, embedder_factory, model_id, rebuild, progress)
    except OSError as exc:  # unwritable data folder, full disk: the old index is untouched
        where = exc.filename or config.data_dir
        raise IndexWriteError(f"cannot write the index ({where}: {exc.strerror or exc})") from exc


def _build_index(
    config: Config,
    embedder_factory: Callable[[], object],
    model_id: str,
    rebuild: bool,
    progress: ProgressFn | None,
) -> IndexReport:
    started = time.perf_counter()
    folder, data_dir = config.articles_dir, config.data_dir
    root = index_root(data_dir)
    chunk_settings = json.dumps(
        {"max_chars": config["chunk.max_chars"], "min_chars": config["chunk.min_chars"]}, sort_keys=True
    )
    report = IndexReport()
    with _build_lock(root):
        old: Index | None = None
        if not rebuild:
            try:
                old = load_index(data_dir)
            except IndexMissingError:
                old = None
            except IndexCorruptError as exc:
                log.warning("previous index unusable, rebuilding: %s", exc)
                old = None
        if old is not None and (old.model_id != model_id or old.manifest.get("chunking") != chunk_settings):
            log.info("model or chunking changed: full rebuild")
            old = None
        report.rebuilt = old is None

        old_files = dict(old._query("SELECT file, sha256 FROM files")) if old else {}
        # Reused documents are only read in full if a new generation gets written.
        old_chunks = {d.sha256: d.chunks for d in old.documents()} if old else {}

        files: dict[str, tuple[str, str]] = {}
        docs: list[_Doc | tuple[str, str]] = []  # a new _Doc, or (sha, file) of one to reuse
        to_embed: list[_Doc] = []
        by_sha: dict[str, str] = {}
        for path in list_files(folder):
            rel = path.relative_to(folder).as_posix()
            try:
                data, sha = read_file(path, folder, config["index.max_file_bytes"])
            except ValueError as exc:
                report.problems.append(Problem(rel, str(exc)))
                continue
            if sha in by_sha:
                files[rel] = (sha, "duplicate")
                report.problems.append(Problem(rel, f"same text as {by_sha[sha]}; indexed once"))
                continue
            if sha in old_chunks:
                doc = (sha, rel)
            else:
                try:
                    article = load_article(path, folder, data, sha)
                except ValueError as exc:
                    files[rel] = (sha, "problem")
                    report.problems.append(Problem(rel, str(exc)))
                    continue
                doc = _doc_from_article(
                    article, chunk_article(article, config["chunk.max_chars"], config["chunk.min_chars"])
                )
                to_embed.append(doc)
            by_sha[sha] = rel
            files[rel] = (sha, "indexed")
            docs.append(doc)
            (
                report.unchanged
                if old_files.get(rel) == sha
                else report.changed
                if rel in old_files
                else report.added
            ).append(rel)
        report.removed = sorted(set(old_files) - set(files) - {p.file for p in report.problems})
        for p in report.problems:
            log.warning("skipped %s: %s", p.file, p.message)
        report.documents = len(docs)
        report.chunks = sum(old_chunks[d[0]] if isinstance(d, tuple) else len(d.chunks) for d in docs)

        if (
            old is not None
            and not report.changed_anything
            and {f: s for f, (s, _) in files.items()} == old_files
            and [(p.file, p.message) for p in sorted(report.problems, key=lambda p: p.file)]
            == [(p.file, p.message) for p in old.problems()]
        ):
            old.close()
            report.seconds = time.perf_counter() - started
            return report
        if old is not None and any(isinstance(d, tuple) for d in docs):
            reused = _reuse_docs(old)
            for i, d in enumerate(docs):
                if isinstance(d, tuple):
                    docs[i] = reused[d[0]]
                    docs[i].file = d[1]

        dim = old.dim if old else None
        if to_embed:
            embedder = embedder_factory()
            dim = embedder.dim
            texts = []
            for d in to_embed:
                texts += [embedding_text(d.title, c[1]) for c in d.chunks]
            sentence_texts = [s[3] for d in to_embed for c in d.chunks for s in c[6]]
            total = len(texts) + len(sentence_texts)
            done = 0

            def step(n: int) -> None:
                nonlocal done
                done += n
                if progress:
                    progress(done, total)

            if progress:
                progress(0, total)
            chunk_vecs = embedder.passages(texts, step)
            sent_vecs = embedder.passages(sentence_texts, step)
            report.embedded = total
            ci = si = 0
            for d in to_embed:
                nc, ns = len(d.chunks), sum(len(c[6]) for c in d.chunks)
                d.chunk_vectors, d.sentence_vectors = chunk_vecs[ci : ci + nc], sent_vecs[si : si + ns]
                ci, si = ci + nc, si + ns
        if dim is None:  # nothing indexed and no previous index: ask the model
            dim = embedder_factory().dim

        gen = root / f"gen-{time.time_ns()}"
        manifest = {
            "format": FORMAT_VERSION,
            "model_id": model_id,
            "dim": str(dim),
            "chunking": chunk_settings,
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "index_type": faiss_kind(report.chunks, config["index.exact_below"]),
        }
        try:
            _write_generation(gen, docs, files, report.problems, manifest, dim, config["index.exact_below"])
            _swap(root, gen)
        except BaseException:
            shutil.rmtree(gen, ignore_errors=True)
            raise
        keep = {gen.name}
        if old is not None:
            keep.add(old.path.name)
            old.close()
        _prune(root, keep)
    report.seconds = time.perf_counter() - started
    return report
