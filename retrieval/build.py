"""The build pipeline: scan → diff → chunk → embed → write → swap, and its report."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from . import store
from .chunk import Chunk, chunk_article, embedding_text
from .config import Config
from .corroborate import group_sentences, infer_published
from .embed import Embedder
from .errors import BeritaError, IndexCorruptError, IndexMissingError, IndexWriteError
from .facts import Facts, facts, passage_words, words_of
from .ingest import (
    Article,
    check_folder,
    file_name_problem,
    list_files,
    load_article,
    not_a_file,
    outside_link,
    printable_name,
    read_file,
)
from .lexical import Lexical
from .store import NewChunk, NewDocument, NewSentence, Problem

log = logging.getLogger(__name__)


ProgressFn = Callable[[int, int], None]  # (done, total) texts embedded


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


def new_document(article: Article, chunks: list[Chunk]) -> NewDocument:
    """The document as the generation stores it; every sentence with its facts (dates resolved
    against the article's own publication date)."""
    text = article.text
    published = dt.date.fromisoformat(article.doc.date) if article.doc.date else None
    kind = {p.number: p.kind for p in article.meta}
    # A line about the article is about what its headline, outlet and lead say.
    lead = article.paragraph_text(article.paragraphs[0]) if article.paragraphs else ""
    about = " ".join(x for x in (article.doc.title, article.doc.source, lead) if x)
    return NewDocument(
        doc=article.doc,
        text=text,
        paragraphs=[(p.number, p.start, p.end) for p in article.paragraphs],
        chunks=[
            NewChunk(
                ordinal=c.ordinal,
                text=c.text,
                para_first=c.paragraphs[0],
                para_last=c.paragraphs[1],
                char_start=c.char_start,
                char_end=c.char_end,
                words=" ".join(sorted(passage_words(article.doc.title, c.text))),
                sentences=[
                    NewSentence(
                        paragraph=s.paragraph,
                        char_start=s.start,
                        char_end=s.end,
                        text=text[s.start : s.end],
                        facts=facts(
                            text[s.start : s.end], published, kind.get(s.paragraph, ""), about
                        ).to_json(),
                    )
                    for s in c.sentences
                ],
            )
            for c in chunks
        ],
    )


def _groups(docs: list[NewDocument], dim: int) -> np.ndarray:
    """Which sentences of different articles state the same fact (retrieval/corroborate.py)."""
    doc_ids = np.array([i for i, d in enumerate(docs) for c in d.chunks for _ in c.sentences], dtype=np.int64)
    vecs = [d.sentence_vectors for d in docs if d.sentence_vectors is not None and len(d.sentence_vectors)]
    vectors = np.concatenate(vecs) if vecs else np.zeros((0, dim), np.float32)
    facts_ = [
        Facts.from_json(s.facts) if s.facts else Facts(words=frozenset())
        for d in docs
        for c in d.chunks
        for s in c.sentences
    ]
    if len(doc_ids) == 0:
        return doc_ids
    return group_sentences(doc_ids, vectors, facts_)


def _date_undated(docs: list[NewDocument], groups: np.ndarray) -> list[NewDocument]:
    """An article without a publication date gets its relative dates ("hari Minggu",
    "10 Oktober") resolved against the date inferred from the articles that report the same
    facts (``corroborate.infer_published``), so answers and the timeline read them alike."""
    rows = []
    i = 0
    for d in docs:
        for c in d.chunks:
            for _ in c.sentences:
                rows.append((d.doc.file, d.doc.date, int(groups[i])))
                i += 1
    inferred = infer_published(rows)
    out = []
    for d in docs:
        day = inferred.get(d.doc.file)
        if d.doc.date or day is None:
            out.append(d)
            continue
        chunks = [
            replace(c, sentences=[replace(s, facts=facts(s.text, day).to_json()) for s in c.sentences])
            for c in d.chunks
        ]
        out.append(replace(d, chunks=chunks))
    return out


# Questions about nothing in particular: how close such a question comes to the corpus is the
# model's baseline, against which the reader reads every other similarity (models differ:
# multilingual-e5-small puts everything above 0.7, MiniLM spreads from 0).
PROBES = ("What is this about?", "Apa isi berita ini?", "Tell me something.", "Siapa?")


def similarity_anchor(embedder: Embedder, docs: list[NewDocument]) -> float:
    """Mean over ``PROBES`` of their best cosine to any chunk of the corpus."""
    # The story's passages only: a passage of lines about the article (a headline with its
    # byline) sits closer to any question and would lift the baseline.
    vecs = [
        d.chunk_vectors[[not _about_article(c) for c in d.chunks]]
        for d in docs
        if d.chunk_vectors is not None and len(d.chunk_vectors)
    ]
    vecs = [v for v in vecs if len(v)]
    if not vecs:
        return 0.0
    chunks = np.concatenate(vecs)
    return float(np.mean([float(np.max(chunks @ embedder.query(p))) for p in PROBES]))


def _about_article(c: NewChunk) -> bool:
    """Is this the passage of lines about the article (chunk.py), not of its story?"""
    return bool(c.sentences) and all(s.facts and Facts.from_json(s.facts).meta for s in c.sentences)


def _previous_anchor(old: store.Generation) -> float | None:
    """The same model and chunks as the previous generation keep its anchor (no model load)."""
    try:
        return float(json.loads((old.path / store.TERMS_FILE).read_text())["anchor"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


# "Badan Penanggulangan Bencana Daerah (BPBD)": a name, then its acronym in brackets.
_DEFINED = re.compile(r"((?:[A-Z][\w-]*\s+(?:(?:dan|and|of|the|untuk|for)\s+)?){2,9})\(([A-Z]{2,8})\)")
_JOINING = {"dan", "and", "of", "the", "untuk", "for"}


def spelled_out(text: str) -> list[tuple[str, str]]:
    """(acronym, its words), lower-cased, for each acronym an article defines: one article
    writes "Badan Penanggulangan Bencana Daerah (BPBD)" and another only "Badan Penanggulangan
    Bencana Daerah Lembata", so a question about "BPBD Lembata" finds the second. The words
    taken are the last ones whose initials spell the acronym."""
    out = []
    for m in _DEFINED.finditer(text):
        short = m.group(2)
        words = m.group(1).split()
        content = [w for w in words if w.lower() not in _JOINING]
        if len(content) < len(short):
            continue
        tail = content[-len(short) :]
        if "".join(w[0] for w in tail).upper() != short:
            continue
        first = len(words) - words[::-1].index(tail[0]) - 1
        out.append((short.lower(), " ".join(words[first:]).lower()))
    return out


def write_terms(path: Path, docs: list[NewDocument], anchor: float = 0.0) -> None:
    """What the reader needs about the whole corpus, saved with the generation: in how many
    chunks each word (and stem) occurs, the names the articles use (so a question typed in
    lower case still finds them), and the newest article's date (the "today" of "last week")."""
    df: Counter[str] = Counter()
    names: Counter[str] = Counter()
    n = 0
    for d in docs:
        # The title and outlet count as words of the article ("the Metrotvnews piece").
        df.update(words_of(" ".join(x for x in (d.doc.title, d.doc.source) if x)))
        for c in d.chunks:
            n += 1
            words: set[str] = set()
            for s in c.sentences:
                f = Facts.from_json(s.facts) if s.facts else None
                if f is None:
                    continue
                words |= f.words
                names.update(x.text for x in f.people)
                names.update(x.text for x in f.places)
            df.update(words)
    dates = [d.doc.date for d in docs if d.doc.date]
    acronyms: dict[str, str] = {}
    for d in docs:
        for short, long in spelled_out(d.text):
            acronyms.setdefault(short, long)
    path.write_text(
        json.dumps(
            {
                "chunks": n,
                "df": dict(sorted(df.items())),
                "names": dict(sorted(names.items())),
                "newest": max(dates, default=None),
                "anchor": anchor,
                "acronyms": dict(sorted(acronyms.items())),
            },
            ensure_ascii=False,
        )
    )


def build_index(
    config: Config,
    embedder: Callable[[], Embedder],
    model_id: str,
    *,
    rebuild: bool = False,
    progress: ProgressFn | None = None,
) -> IndexReport:
    """Bring the index up to date with the articles folder; returns what changed.

    ``embedder`` is only called when something has to be embedded, so a no-op
    run does not load the model.
    """
    try:
        return _build_index(config, embedder, model_id, rebuild, progress)
    except OSError as exc:  # unwritable data folder, full disk: the old index is untouched
        where = exc.filename or config.data_dir
        raise IndexWriteError(f"cannot write the index ({where}: {exc.strerror or exc})") from exc


def _open_previous(data_dir: Path, rebuild: bool) -> store.Generation | None:
    if rebuild:
        return None
    try:
        return store.load(data_dir)
    except IndexMissingError:
        return None
    except IndexCorruptError as exc:
        log.warning("previous index unusable, rebuilding: %s", exc)
        return None


def _embed(to_embed: list[NewDocument], embedder: Embedder, progress: ProgressFn | None) -> int:
    """Fill in the vectors of new documents; returns how many texts were embedded."""
    texts = [embedding_text(d.doc.title, c.text) for d in to_embed for c in d.chunks]
    # A line about the article (a byline, a credit) is read with the article's headline: it is
    # about that article ("who wrote the piece on …"), and says nothing of it alone.
    sentence_texts = [
        embedding_text(d.doc.title, s.text) if s.facts and Facts.from_json(s.facts).meta else s.text
        for d in to_embed
        for c in d.chunks
        for s in c.sentences
    ]
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
    ci = si = 0
    for d in to_embed:
        nc, ns = len(d.chunks), sum(len(c.sentences) for c in d.chunks)
        d.chunk_vectors, d.sentence_vectors = chunk_vecs[ci : ci + nc], sent_vecs[si : si + ns]
        ci, si = ci + nc, si + ns
    return total


def _discard(root: Path, gen: Path) -> None:
    """Remove a failed build's generation, unless the swap to it already happened (a sync
    after the rename failed): then CURRENT names it and it is the index."""
    try:
        live = store.current_generation(root.parent)
    except BeritaError:
        live = None
    if live != gen:
        shutil.rmtree(gen, ignore_errors=True)


def _build_index(
    config: Config,
    embedder_factory: Callable[[], Embedder],
    model_id: str,
    rebuild: bool,
    progress: ProgressFn | None,
) -> IndexReport:
    started = time.perf_counter()
    folder, data_dir = config.articles_dir, config.data_dir
    root = store.index_root(data_dir)
    chunk_settings = json.dumps(
        {"max_chars": config["chunk.max_chars"], "min_chars": config["chunk.min_chars"]}, sort_keys=True
    )
    report = IndexReport()
    check_folder(folder)  # a mistyped folder must not leave an index folder behind
    follow_links = config["index.follow_external_links"]
    with store.build_lock(root):
        live = store.prune_leftovers(root)  # what builds that were killed left behind
        old = _open_previous(data_dir, rebuild)
        if old is not None and (old.model_id != model_id or old.manifest.chunking != chunk_settings):
            log.info("model or chunking changed: full rebuild")
            old.close()
            old = None
        report.rebuilt = old is None

        old_files = old.files() if old else {}
        # Reused documents are only read in full if a new generation gets written.
        old_chunks = {d.doc.sha256: d.chunks for d in old.documents()} if old else {}

        files: dict[str, tuple[str, str]] = {}
        docs: list[NewDocument | tuple[str, str]] = []  # a new document, or (sha, file) of one to reuse
        to_embed: list[NewDocument] = []
        by_sha: dict[str, str] = {}
        for path in list_files(folder):
            rel = path.relative_to(folder).as_posix()
            bad_name = file_name_problem(rel)
            if bad_name:
                report.problems.append(Problem(file=printable_name(rel), message=bad_name))
                continue
            odd = not_a_file(path)
            if odd:
                report.problems.append(Problem(file=rel, message=odd))
                continue
            if not follow_links and outside_link(path, folder):
                report.problems.append(
                    Problem(
                        file=rel,
                        message="links outside the articles folder (set index.follow_external_links to index it)",
                    )
                )
                continue
            try:
                data, sha = read_file(path, folder, config["index.max_file_bytes"])
            except ValueError as exc:
                report.problems.append(Problem(file=rel, message=str(exc)))
                continue
            if sha in by_sha:
                files[rel] = (sha, "duplicate")
                report.problems.append(Problem(file=rel, message=f"same text as {by_sha[sha]}; indexed once"))
                continue
            doc: NewDocument | tuple[str, str]
            if sha in old_chunks:
                doc = (sha, rel)
            else:
                try:
                    article = load_article(path, folder, data, sha)
                except ValueError as exc:
                    files[rel] = (sha, "problem")
                    report.problems.append(Problem(file=rel, message=str(exc)))
                    continue
                doc = new_document(
                    article, chunk_article(article, config["chunk.max_chars"], config["chunk.min_chars"])
                )
                to_embed.append(doc)
            by_sha[sha] = rel
            files[rel] = (sha, "indexed")
            docs.append(doc)
            if old_files.get(rel) == sha:
                report.unchanged.append(rel)
            elif rel in old_files:
                report.changed.append(rel)
            else:
                report.added.append(rel)
        report.removed = sorted(set(old_files) - set(files) - {p.file for p in report.problems})
        for p in report.problems:  # the report lists them; warning here would say it twice
            log.info("skipped %s: %s", p.file, p.message)
        report.documents = len(docs)
        report.chunks = sum(old_chunks[d[0]] if isinstance(d, tuple) else len(d.chunks) for d in docs)

        if (
            old is not None
            and not report.changed_anything
            and {f: s for f, (s, _) in files.items()} == old_files
            and sorted(report.problems, key=lambda p: p.file) == old.problems()
        ):
            old.close()
            report.seconds = time.perf_counter() - started
            return report

        final: list[NewDocument] = []
        reused = old.stored_documents() if old is not None and any(isinstance(d, tuple) for d in docs) else {}
        for d in docs:
            if isinstance(d, tuple):
                r = reused[d[0]]
                r.doc = replace(r.doc, file=d[1])
                final.append(r)
            else:
                final.append(d)

        dim = old.dim if old else None
        if to_embed:
            emb = embedder_factory()
            dim = emb.dim
            report.embedded = _embed(to_embed, emb, progress)
        if dim is None:  # nothing indexed and no previous index: ask the model
            dim = embedder_factory().dim

        groups = _groups(final, dim)
        final = _date_undated(final, groups)
        anchor = _previous_anchor(old) if old is not None and not to_embed else None
        if anchor is None:
            anchor = similarity_anchor(embedder_factory(), final) if final else 0.0
        gen = store.new_generation_path(root)
        try:
            n_chunks, n_sents = store.write_tables(
                gen, final, files, report.problems, dim, config["index.exact_below"], groups
            )
            Lexical.build([c.text for d in final for c in d.chunks]).save(gen / "bm25")
            write_terms(gen / store.TERMS_FILE, final, anchor)
            manifest = store.Manifest(
                model_id=model_id,
                dim=dim,
                chunking=chunk_settings,
                index_type=store.faiss_kind(n_chunks, config["index.exact_below"]),
                built_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                documents=len(final),
                chunks=n_chunks,
                sentences=n_sents,
            )
            store.finish(gen, manifest)
            store.swap(root, gen)
        except (sqlite3.Error, RuntimeError) as exc:
            # Only writing happens in this block: SQLite's "database or disk is full" and
            # FAISS's "write error" (a RuntimeError) are a full or failing disk.
            _discard(root, gen)
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise IndexWriteError(f"cannot write the index ({gen}: {reason})") from exc
        except BaseException:
            _discard(root, gen)
            raise
        # The generation that was live is kept (even by a rebuild, which did not read it): a
        # reader that read CURRENT just before the swap may be opening it now.
        keep = {gen.name} | ({live.name} if live is not None else set())
        if old is not None:
            old.close()
        store.prune(root, keep)
    report.seconds = time.perf_counter() - started
    return report
