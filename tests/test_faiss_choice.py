"""The FAISS index a generation gets, by size (retrieval/store.py faiss_kind)."""

import faiss
import numpy as np
import pytest

from retrieval.store import (
    HNSW_EF_SEARCH,
    IVF_FROM,
    _make_faiss,
    faiss_kind,
    ivf_lists,
    ivf_probes,
    make_faiss,
)


def test_kind_by_size():
    assert faiss_kind(49_999, 50_000) == "flat"
    assert faiss_kind(50_000, 50_000) == "hnsw"
    assert faiss_kind(IVF_FROM - 1, 50_000) == "hnsw"
    assert faiss_kind(IVF_FROM, 50_000) == "ivf-fp16"
    assert faiss_kind(10**6, 2 * 10**6) == "flat"  # exact_below wins when set higher


def test_ivf_size_follows_the_corpus():
    assert ivf_lists(1_000_000) == 1_000 and ivf_probes(1_000) == 62
    assert ivf_probes(ivf_lists(10)) == 1


def _recall(index, vecs, rng) -> float:
    queries = vecs[:20] + rng.normal(scale=0.05, size=(20, vecs.shape[1])).astype(np.float32)
    _, truth = make_faiss(vecs, "flat").search(queries, 10)
    _, got = index.search(queries, 10)
    return float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, truth, strict=True)]))


def _vectors(n: int, rng) -> np.ndarray:
    vecs = rng.normal(size=(n, 32)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


@pytest.mark.parametrize(
    ("kind", "cls"),
    [("hnsw", faiss.IndexHNSWFlat), ("hnsw-fp16", faiss.IndexHNSWSQ)],
    ids=["hnsw", "hnsw-fp16"],
)
def test_graph_indexes_find_the_exact_neighbours(kind, cls):
    rng = np.random.default_rng(0)
    vecs = _vectors(2_000, rng)
    index = make_faiss(vecs, kind)
    assert type(index) is cls and index.ntotal == 2_000 and index.hnsw.efSearch == HNSW_EF_SEARCH
    assert _recall(index, vecs, rng) >= 0.95


def test_the_ivf_index_finds_the_exact_neighbours():
    rng = np.random.default_rng(0)
    vecs = _vectors(5_000, rng)
    index = _make_faiss(vecs, exact_below=100, ivf_from=1_000)
    assert type(index) is faiss.IndexIVFScalarQuantizer and index.ntotal == 5_000
    assert index.nlist == ivf_lists(5_000) and index.nprobe == ivf_probes(index.nlist)
    # Random 32-d vectors have no clusters: probing a sixteenth of the lists finds most, all of
    # them finds every neighbour (what is left is the float16 rounding).
    assert _recall(index, vecs, rng) >= 0.5
    index.nprobe = index.nlist
    assert _recall(index, vecs, rng) >= 0.99


def test_unknown_kind():
    with pytest.raises(ValueError, match="unknown FAISS index kind"):
        make_faiss(np.zeros((1, 4), np.float32), "lsh")
