"""The FAISS index a generation gets, by size (retrieval/store.py faiss_kind)."""

import faiss
import numpy as np
import pytest

from retrieval.store import HNSW_EF_SEARCH, HNSW_FP16_FROM, _make_faiss, faiss_kind


def test_kind_by_size():
    assert faiss_kind(49_999, 50_000) == "flat"
    assert faiss_kind(50_000, 50_000) == "hnsw"
    assert faiss_kind(HNSW_FP16_FROM - 1, 50_000) == "hnsw"
    assert faiss_kind(HNSW_FP16_FROM, 50_000) == "hnsw-fp16"
    assert faiss_kind(10**6, 2 * 10**6) == "flat"  # exact_below wins when set higher


@pytest.mark.parametrize(
    ("fp16_from", "cls"), [(10**9, faiss.IndexHNSWFlat), (100, faiss.IndexHNSWSQ)], ids=["hnsw", "hnsw-fp16"]
)
def test_graph_indexes_find_the_exact_neighbours(fp16_from, cls):
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(2_000, 32)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = _make_faiss(vecs, exact_below=100, fp16_from=fp16_from)
    assert type(index) is cls and index.ntotal == 2_000 and index.hnsw.efSearch == HNSW_EF_SEARCH
    queries = vecs[:20] + rng.normal(scale=0.05, size=(20, 32)).astype(np.float32)
    _, truth = _make_faiss(vecs, exact_below=10**9).search(queries, 10)
    _, got = index.search(queries, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, truth, strict=True)])
    assert recall >= 0.95
