"""Incremental, crash-safe index builds (fast: fake embedder)."""

import shutil
import sqlite3

import pytest

from retrieval.build import build_index
from retrieval.errors import IndexCorruptError, IndexMissingError
from retrieval.store import Generation, current_generation, index_root
from retrieval.store import load as load_index
from tests.conftest import SEEDS, FakeEmbedder, make_config


@pytest.fixture
def setup(tmp_path, articles, model_cache):
    config = make_config(tmp_path, articles, model_cache)
    emb = FakeEmbedder()

    def build(**kw):
        return build_index(config, lambda: emb, kw.pop("model_id", emb.model_id), **kw)

    return config, emb, build


def test_incremental_updates(setup, articles):
    config, emb, build = setup
    r = build()
    assert r.rebuilt and len(r.added) == 5 and r.documents == 5 and r.chunks > 15
    first_texts = emb.texts

    r = build()  # nothing changed: nothing embedded, no new generation
    gen = current_generation(config.data_dir)
    assert not r.changed_anything and emb.texts == first_texts
    assert current_generation(config.data_dir) == gen

    (articles / "005_new.txt").write_text("Judul Baru\nParagraf tentang Jakarta dan Surabaya.\n")
    (articles / "000_d3db8932451f0cd6.txt").write_text("Judul Diubah\nIsi yang berubah total.\n")
    (articles / "004_6b653103f8f2aa24.txt").unlink()
    before = emb.texts
    r = build()
    assert r.added == ["005_new.txt"]
    assert r.changed == ["000_d3db8932451f0cd6.txt"]
    assert r.removed == ["004_6b653103f8f2aa24.txt"]
    assert len(r.unchanged) == 3
    assert emb.texts - before == 4  # two one-chunk, one-sentence articles; the others reused
    index = load_index(config.data_dir)
    files = {d.doc.file for d in index.documents()}
    assert "004_6b653103f8f2aa24.txt" not in files and "005_new.txt" in files
    hits = index.search(emb.query("Judul Baru Paragraf tentang Jakarta dan Surabaya."), 1)
    assert index.chunk(hits[0][0]).doc.file == "005_new.txt"


def test_renamed_file_is_not_re_embedded(setup, articles):
    _, emb, build = setup
    build()
    before = emb.texts
    (articles / "001_96a0e40e744c17ac.txt").rename(articles / "renamed.txt")
    r = build()
    assert r.added == ["renamed.txt"] and r.removed == ["001_96a0e40e744c17ac.txt"]
    assert emb.texts == before


def test_model_change_and_rebuild_flag_force_full_rebuild(setup):
    _, emb, build = setup
    build()
    n = emb.texts
    assert build(model_id="another-model").rebuilt and emb.texts == 2 * n
    assert build(model_id="another-model", rebuild=True).rebuilt and emb.texts == 3 * n


def test_failed_build_keeps_previous_index(setup, articles):
    config, emb, build = setup
    build()
    gen = current_generation(config.data_dir)
    (articles / "new.txt").write_text("Judul\nSesuatu yang baru.\n")

    class Boom(Exception):
        pass

    def broken(texts, progress=None):
        raise Boom()

    emb.passages = broken
    with pytest.raises(Boom):
        build()
    assert current_generation(config.data_dir) == gen
    assert len(list(index_root(config.data_dir).glob("gen-*"))) == 1  # the half-built one is gone
    assert {d.doc.file for d in load_index(config.data_dir).documents()} == {p.name for p in SEEDS.iterdir()}


def test_missing_index_names_the_fix(tmp_path):
    with pytest.raises(IndexMissingError, match="berita index"):
        load_index(tmp_path / "nothing")


def test_damaged_vectors_are_detected(setup):
    config, _, build = setup
    build()
    gen = current_generation(config.data_dir)
    vec = gen / "vectors.faiss"
    vec.write_bytes(vec.read_bytes()[: vec.stat().st_size // 2])
    with pytest.raises(IndexCorruptError, match="--rebuild"):
        load_index(config.data_dir)
    assert build(rebuild=True).rebuilt
    load_index(config.data_dir)


def test_metadata_vector_mismatch_is_detected(setup):
    config, _, build = setup
    build()
    gen = current_generation(config.data_dir)
    db = sqlite3.connect(gen / "chunks.sqlite")
    with db:
        db.execute("DELETE FROM chunks WHERE id = (SELECT max(id) FROM chunks)")
    db.close()
    with pytest.raises(IndexCorruptError, match="checksum"):
        load_index(config.data_dir)
    with pytest.raises(IndexCorruptError, match="do not match"):
        Generation(gen, check=False)  # caught even past the checksums


def test_damaged_database_is_detected(setup):
    config, _, build = setup
    build()
    gen = current_generation(config.data_dir)
    (gen / "chunks.sqlite").write_bytes(b"garbage" * 100)
    with pytest.raises(IndexCorruptError, match="damaged"):
        load_index(config.data_dir)
    shutil.rmtree(gen)
    with pytest.raises(IndexCorruptError, match="missing"):
        load_index(config.data_dir)
    assert build().rebuilt  # a normal run recovers by rebuilding


def test_bad_files_are_reported_and_the_rest_indexed(setup, articles):
    config, _, build = setup
    (articles / "empty.txt").write_text("")
    (articles / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    shutil.copy(articles / "002_1a0a747f783da510.txt", articles / "zz_copy.txt")
    (articles / "notes.pdf").write_bytes(b"%PDF")
    r = build()
    assert r.documents == 5
    problems = {p.file: p.message for p in r.problems}
    assert set(problems) == {"empty.txt", "image.txt", "zz_copy.txt"}
    assert "same text as 002_1a0a747f783da510.txt" in problems["zz_copy.txt"]
    assert {p.file for p in load_index(config.data_dir).problems()} == set(problems)


def test_bm25_is_saved_with_the_generation_and_rebuilt_if_damaged(setup, caplog):
    from retrieval.lexical import Lexical

    config, _, build = setup
    build()
    index = load_index(config.data_dir)
    saved = Lexical.load(index.path / "bm25", len(index), index.chunk_texts)
    fresh = Lexical.build([t for _, t in index.chunk_texts()])
    for q in ("Choe Son Hui Beijing", "perdagangan 2023", "Kursk"):
        assert saved.search(q, 5) == fresh.search(q, 5) != []
    for f in (index.path / "bm25").glob("*.json"):
        f.write_text("{broken")
    rebuilt = Lexical.load(index.path / "bm25", len(index), index.chunk_texts)
    assert "rebuilding it in memory" in caplog.text
    assert rebuilt.search("Kursk", 5) == saved.search("Kursk", 5)


def test_bm25_postings_rank_as_bm25s_does(setup):
    """The saved BM25 index is scored without bm25s (lexical.Postings): the same chunks, in the
    same order (ties too), with the same float32 scores as bm25s's own retrieve."""
    import numpy as np

    from retrieval.lexical import Postings, _bm25s, tokenize

    config, _, build = setup
    build()
    folder = load_index(config.data_dir).path / "bm25"
    ours = Postings.load(folder)
    theirs = _bm25s().BM25.load(str(folder), mmap=True)
    assert ours is not None and ours.num_docs == theirs.scores["num_docs"]
    questions = (
        "Siapa yang bertemu di Beijing pada 28 September?",
        "When did Kim Jong Un leave Beijing?",
        "perdagangan perdagangan 2023 Korea",  # a word twice counts twice
        "parade militer",
        "Kursk",
    )
    for q in questions:
        tokens = [t for t in tokenize(q) if t in theirs.vocab_dict]
        for k in (1, 5, ours.num_docs):  # all of them: every tie in order
            docs, scores = theirs.retrieve([tokens], k=k, show_progress=False)
            got_docs, got_scores = ours.top(tokens, k)
            assert np.array_equal(got_docs, docs[0]) and np.array_equal(got_scores, scores[0])


def test_passage_words_are_stored_at_index_time(setup):
    """Each chunk keeps its words (facts.words_of of its title and text), so reading a passage
    for the first time does not stem its words; an incremental build carries them over."""
    from retrieval.facts import words_of

    config, _, build = setup
    build()
    rows = load_index(config.data_dir).chunks(list(range(len(load_index(config.data_dir)))))
    assert rows
    for row in rows:
        assert set(row.words.split()) == words_of(row.doc.title + " " + row.text)
    build()
    again = load_index(config.data_dir)
    assert [r.words for r in again.chunks([r.id for r in rows])] == [r.words for r in rows]


def test_an_older_index_format_is_reported_then_rebuilt(setup):
    """A generation written by an older berita (store.FORMAT_VERSION) is not read: loading it
    names the fix in one line, and the next build rebuilds it in full."""
    import json

    from retrieval.store import FORMAT_VERSION

    config, _, build = setup
    build()
    gen = current_generation(config.data_dir)
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["format"] = str(int(FORMAT_VERSION) - 1)
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexCorruptError, match=r"format.*berita index --rebuild"):
        load_index(config.data_dir)
    report = build()
    assert report.rebuilt and load_index(config.data_dir).manifest.format == FORMAT_VERSION


def test_a_generation_with_an_ivf_index_loads_and_searches(setup):
    """Past store.IVF_FROM chunks a generation gets an IVF index: loaded, it probes at least
    ivf_probes(lists) of them, and exact chunk vectors come from vectors.npy."""
    import faiss
    import numpy as np

    from retrieval.store import ivf_probes, make_faiss

    config, _, build = setup
    build()
    gen = current_generation(config.data_dir)
    vectors = np.load(gen / "vectors.npy")
    index = make_faiss(vectors, "ivf-fp16")
    assert index.nlist == 5 and index.nprobe == ivf_probes(5) == 1
    index.nprobe = 3  # more than berita's choice: a file written to search deeper keeps it
    faiss.write_index(index, str(gen / "vectors.faiss"))
    loaded = Generation(gen, check=False)  # the file changed under its checksum on purpose
    assert loaded.faiss.nprobe == 3
    assert np.array_equal(loaded.vector(3), vectors[3])
    assert loaded.search(vectors[3], 3)[0][0] == 3


def test_article_words_are_one_cached_set_per_passage(seeded):
    """A passage's words with its article's lead passage's: the same set every time it is
    asked for (the reader counts a passage's names once per set, by identity)."""
    loaded = seeded._loaded_now()
    rows = loaded.index.chunks(list(range(len(loaded.index))))
    by_id = {r.id: r for r in rows}
    assert any(r.ordinal for r in rows)
    for row in rows:
        words = loaded.article_words(row, by_id.get)
        lead = by_id[row.id - row.ordinal]
        assert lead.doc.file == row.doc.file
        assert words == loaded.passage_words(row) | loaded.passage_words(lead)
        assert loaded.article_words(row, by_id.get) is words


def test_bm25_leaves_out_the_commonest_words_only_in_a_large_index(monkeypatch):
    """From lexical.COMMON_FROM chunks, a question's words in more than COMMON_SHARE of them are
    not scored (the rarest is kept if all are); below it every word counts."""
    from retrieval import lexical

    texts = [f"laporan banjir hari ke {i}" for i in range(6)] + ["laporan gempa bumi", "gempa susulan"]
    index = lexical.Lexical.build(texts)
    # "laporan" is in 7 of 8 chunks, "gempa" in 2: both count below COMMON_FROM
    assert set(index.search("laporan gempa", 2)) == {6, 7}
    assert set(index.search("laporan gempa", 8)) == set(range(8))
    monkeypatch.setattr(lexical, "COMMON_FROM", 8)
    assert sorted(index.search("laporan gempa", 8)) == [6, 7]  # only "gempa" scored
    assert len(index.search("laporan", 8)) == 7  # all common: the rarest is kept


def test_bm25_top_among_scored_chunks_gives_the_same_scores():
    """Postings.top's ``scored_only`` (large indexes, lexical.SCORED_ONLY_FROM) chooses among the
    chunks that have a score: the same scores as over all of them, best first; the same chunks
    where no two tie."""
    import numpy as np

    from retrieval import lexical

    texts = [f"laporan banjir hari ke {i} " + "banjir " * (i % 5) for i in range(40)]
    texts += ["laporan gempa bumi", "gempa susulan gempa", "cuaca cerah"]
    postings = lexical.Lexical.build(texts).postings
    assert postings is not None
    for words in (["banjir"], ["gempa"], ["laporan", "gempa"], ["banjir", "gempa", "gempa"]):
        scored = int((postings.top(words, len(texts))[1] > 0).sum())
        for k in (1, 3, 10, len(texts)):
            docs, scores = postings.top(words, k)
            got_docs, got_scores = postings.top(words, k, scored_only=True)
            assert np.array_equal(got_scores, scores[scores > 0][: len(got_scores)])
            assert len(got_scores) == min(k, scored)
            assert (got_scores > 0).all()
            untied = [i for i, s in enumerate(scores[: len(got_scores)]) if (scores == s).sum() == 1]
            assert [docs[i] for i in untied] == [got_docs[i] for i in untied]
