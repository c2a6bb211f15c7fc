"""Shared fixtures: isolated environment, the real converted model; FakeEmbedder for fast builds."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from retrieval import Berita, load_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, tmp_path):
    """No BERITA_*/TELEGRAM_* from the developer's shell, and a clean working folder."""
    for key in list(os.environ):
        if key.startswith(("BERITA_", "TELEGRAM_")) and key != "BERITA_CACHE_DIR":
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    yield


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory) -> Path:
    """Where the converted default model lives: shared by the whole session."""
    env = os.environ.get("BERITA_CACHE_DIR")
    return Path(env) if env else tmp_path_factory.mktemp("model-cache")


def make_config(tmp: Path, articles: Path, cache: Path, **extra):
    flags = {
        "articles_dir": str(articles),
        "data_dir": str(tmp / "data"),
        "model.cache_dir": str(cache),
        **extra,
    }
    return load_config(flags=flags, env={})


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="session")
def seeded(tmp_path_factory, model_cache) -> Berita:
    """The real model over the real seeds, built once and shared read-only."""
    tmp = tmp_path_factory.mktemp("seeded")
    folder = tmp / "articles"
    shutil.copytree(SEEDS, folder)
    berita = Berita(make_config(tmp, folder, model_cache))
    berita.build()
    return berita


@pytest.fixture(scope="session")
def corpus_berita(tmp_path_factory, model_cache) -> Berita:
    """The real model over the test corpus (tests/corpus/), built once and shared read-only."""
    tmp = tmp_path_factory.mktemp("corpus")
    folder = tmp / "articles"
    shutil.copytree(ROOT / "tests" / "corpus", folder)
    b = Berita(make_config(tmp, folder, model_cache))
    b.build()
    return b


class FakeEmbedder:
    """Deterministic bag-of-words hashing: fast, and similar texts get similar vectors."""

    dim = 64
    model_id = "fake-embedder"

    def __init__(self):
        self.calls = 0
        self.texts = 0

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, np.float32)
        for word in text.lower().split():
            h = int(hashlib.md5(word.encode()).hexdigest(), 16)
            v[h % self.dim] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def passages(self, texts, progress=None):
        self.calls += 1
        self.texts += len(texts)
        if progress:
            progress(len(texts))
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def query(self, text):
        return self._vec(text)
