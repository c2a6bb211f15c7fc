"""A lean query encoder: `tokenizers` + ONNX Runtime over a model's exported graph.

Answering a question needs one forward pass through the ONNX graph that
sentence-transformers already exported. Going through sentence-transformers
for it imports torch and transformers (3.5-4.5 s and hundreds of MB, bench/),
so this module does what its ONNX backend does — tokenize, run the graph,
pool as ``1_Pooling/config.json`` says, normalize — with neither. Building an
index keeps sentence-transformers (retrieval/embed.py). Everything is read from
the sentence-transformers files in the model folder; a folder this module does
not understand is left to sentence-transformers (``unsupported`` says why).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelError

log = logging.getLogger(__name__)

_TRANSFORMER = "sentence_transformers.models.Transformer"
_POOLING = "sentence_transformers.models.Pooling"
_NORMALIZE = "sentence_transformers.models.Normalize"
_POOLING_MODES = {
    "pooling_mode_cls_token": "cls",
    "pooling_mode_mean_tokens": "mean",
    "pooling_mode_max_tokens": "max",
}
# Weights in a file of their own, which ONNX Runtime memory-maps: pages of the
# 250k-row embedding table are read only for the tokens a query uses. bench/:
# 905 -> 160 MB peak for the session alone, and it loads in 0.3 s instead of 2.4 s.
# Its own name (model_O2.mmap.onnx): optimum warns about, and may pick, any other file
# under the model folder that has the export's name.
_MMAP_SUFFIX = ".mmap.onnx"


@dataclass(frozen=True)
class EncoderSpec:
    """What the sentence-transformers files in a model folder prescribe."""

    onnx_file: Path
    tokenizer_file: Path
    max_seq_length: int
    do_lower_case: bool
    pooling: str  # cls, mean or max
    query_prompt: str
    passage_prompt: str
    dim: int


def _read_json(path: Path) -> dict | list:
    return json.loads(path.read_text()) if path.exists() else {}


def unsupported(model_dir: Path, onnx_name: str) -> str | None:
    """Why this folder cannot go through the lean encoder, or None if it can."""
    if not (model_dir / onnx_name).exists():
        return f"no ONNX export {onnx_name}"
    if not (model_dir / "tokenizer.json").exists():
        return "no tokenizer.json (a slow-only tokenizer needs transformers)"
    modules = _read_json(model_dir / "modules.json")
    types = [m.get("type") for m in modules] if isinstance(modules, list) else []
    if types not in ([_TRANSFORMER, _POOLING], [_TRANSFORMER, _POOLING, _NORMALIZE]):
        return f"modules {types} are not Transformer -> Pooling [-> Normalize]"
    if modules[0].get("path"):
        return "the Transformer module lives in a subfolder"
    pool = _read_json(model_dir / modules[1]["path"] / "config.json")
    assert isinstance(pool, dict)
    on = [k for k, v in pool.items() if k.startswith("pooling_mode_") and v]
    if len(on) != 1 or on[0] not in _POOLING_MODES:
        return f"pooling {on} is not exactly one of cls, mean, max"
    if pool.get("include_prompt", True) is False:
        return "pooling excludes the prompt"
    return None


def read_spec(model_dir: Path, onnx_name: str) -> EncoderSpec:
    why = unsupported(model_dir, onnx_name)
    if why:
        raise ModelError(f"{model_dir} cannot use the lean ONNX encoder: {why}")
    modules = _read_json(model_dir / "modules.json")
    assert isinstance(modules, list)
    pool = _read_json(model_dir / modules[1]["path"] / "config.json")
    st = _read_json(model_dir / "sentence_bert_config.json")
    config = _read_json(model_dir / "config.json")
    tok_config = _read_json(model_dir / "tokenizer_config.json")
    st_config = _read_json(model_dir / "config_sentence_transformers.json")
    assert isinstance(pool, dict) and isinstance(st, dict) and isinstance(config, dict)
    assert isinstance(tok_config, dict) and isinstance(st_config, dict)
    max_len = st.get("max_seq_length")
    if max_len is None:  # sentence-transformers' own fallback
        limits = [config.get("max_position_embeddings"), tok_config.get("model_max_length")]
        max_len = min(int(x) for x in limits if x is not None and x < 10**9)
    prompts = st_config.get("prompts") or {}
    mode = next(name for key, name in _POOLING_MODES.items() if pool.get(key))
    return EncoderSpec(
        onnx_file=model_dir / onnx_name,
        tokenizer_file=model_dir / "tokenizer.json",
        max_seq_length=int(max_len),
        do_lower_case=bool(st.get("do_lower_case", False)),
        pooling=mode,
        query_prompt=prompts.get("query", ""),
        passage_prompt=prompts.get("passage", ""),
        dim=int(pool["word_embedding_dimension"]),
    )


@contextmanager
def _staged(folder: Path, prefix: str) -> Iterator[Path]:
    """A temporary folder inside ``folder`` to write files in before renaming them into place
    (a reader never sees half a file); removed whatever happens."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=folder))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _move_in(tmp: Path, names: Sequence[str], folder: Path) -> None:
    """Rename ``names`` from ``tmp`` into ``folder`` in this order, readable by everyone
    (onnx and mkdtemp's folder leave files owner-only)."""
    for name in names:
        (tmp / name).chmod(0o644)
        os.replace(tmp / name, folder / name)


def mmap_copy(onnx_file: Path) -> Path:
    """The same graph with its weights in a separate file ONNX Runtime can memory-map.

    Written once beside the export (temporary folder, then renamed), under a
    lock so two processes never write it at the same time. Falls back to the
    export itself when the folder is read-only.
    """
    target = onnx_file.with_name(onnx_file.name.removesuffix(".onnx") + _MMAP_SUFFIX)
    if target.exists():
        return target
    try:
        with open(onnx_file.parent / ".mmap.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if target.exists():
                return target
            import onnx  # only here: protobuf, no torch

            log.info("writing a memory-mappable copy of %s, once", onnx_file.name)
            with _staged(onnx_file.parent, ".mmap-") as tmp:
                model = onnx.load(str(onnx_file))
                data = target.name + ".data"
                onnx.save_model(
                    model,
                    str(tmp / target.name),
                    save_as_external_data=True,
                    all_tensors_to_one_file=True,
                    location=data,
                    size_threshold=1024,
                )
                del model
                # weights first: a graph file never points at weights that are not there yet
                _move_in(tmp, (data, target.name), target.parent)
    except OSError as exc:
        log.warning("cannot write a memory-mappable ONNX copy (%s); loading %s whole", exc, onnx_file)
        return onnx_file
    return target


# Most of a cold `berita ask` was loading the tokenizer: `tokenizers` builds a trie of all
# 250,002 XLM-R pieces (0.8-1.2 s on a quiet machine, holding the GIL). A Unigram tokenizer
# only ever uses pieces that occur in its normalized input, so for a text made only of
# characters that have a piece of their own and are in a smaller script set, a copy holding
# only the pieces made of such characters finds the same pieces, mapped back to the same ids
# (tests/test_lean.py). Two such cuts, smallest first: "ascii" (ASCII and general
# punctuation: 83,124 pieces) for nearly every question in English or Indonesian, "latin"
# (Latin script: 110,414 pieces) for one with "Café" or "Zürich". Loading took 0.73 s for the
# Latin cut against 2.79 s for the full tokenizer (busy machine), and 0.18-0.19 s for the ASCII
# cut against 0.28-0.36 s for the Latin one (CPU time, back to back). The cuts are written once
# beside the model; the ASCII one loads with the encoder, the others when a text needs them.


def _ascii(c: str) -> bool:
    o = ord(c)
    return o < 0x80 or 0x2000 <= o < 0x2070 or c in "▁€"


def _latin(c: str) -> bool:
    o = ord(c)
    return o < 0x250 or 0x2000 <= o < 0x2070 or c in "▁€"


# The cuts, each a superset of the one before: (name, which characters its pieces are made of).
CUTS: tuple[tuple[str, Callable[[str], bool]], ...] = (("ascii", _ascii), ("latin", _latin))


@dataclass(frozen=True)
class CutTokenizer:
    """A Unigram tokenizer cut to the pieces made of one script set's characters."""

    tokenizer: Any
    ids: np.ndarray  # its piece number -> the full tokenizer's id
    alphabet: frozenset[str]  # characters a text may contain for it to give the full one's pieces
    reserved: tuple[str, ...]  # added tokens ("<s>", "<mask>"): a text naming one goes to the full one

    def covers(self, text: str) -> bool:
        if any(r in text for r in self.reserved):
            return False
        normalized = self.tokenizer.normalizer.normalize_str(text) if self.tokenizer.normalizer else text
        return set(normalized.replace(" ", "")) <= self.alphabet and not any(
            r in normalized for r in self.reserved
        )


def _cut_files(tokenizer_file: Path, cut: str) -> tuple[Path, Path, Path]:
    """tokenizer.<cut>.json, its id map (.<cut>.ids.npy) and what it was made from (.<cut>.meta.json)."""
    folder, stem = tokenizer_file.parent, tokenizer_file.stem
    return (
        folder / f"{stem}.{cut}.json",
        folder / f"{stem}.{cut}.ids.npy",
        folder / f"{stem}.{cut}.meta.json",
    )


def _source_stamp(path: Path) -> dict:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def cut_tokenizer_files(tokenizer_file: Path, cut: str) -> tuple[Path, Path, Path] | None:
    """The copy of a Unigram ``tokenizer.json`` cut to one of ``CUTS`` (tokenizer, id map,
    meta), written once beside it; None for other tokenizers or a read-only folder."""
    keeps = dict(CUTS)[cut]
    files = _cut_files(tokenizer_file, cut)
    json_file, ids_file, meta_file = files
    stamp = _source_stamp(tokenizer_file)

    def made() -> bool | None:  # True: written for this tokenizer; False: it has no such copy
        meta = _read_json(meta_file)
        if not isinstance(meta, dict) or meta.get("source") != stamp:
            return None
        return not meta.get("unsupported")

    try:
        if (done := made()) is not None:
            return files if done else None
        with open(tokenizer_file.parent / f".{cut}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if (done := made()) is not None:
                return files if done else None
            raw = json.loads(tokenizer_file.read_text(encoding="utf-8"))
            model = raw.get("model") or {}
            vocab = model.get("vocab") or []
            keep = [i for i, (piece, _) in enumerate(vocab) if all(keeps(c) for c in piece)]
            alphabet = sorted(p for p, _ in vocab if len(p) == 1 and keeps(p))
            unk = model.get("unk_id")
            if (
                model.get("type") != "Unigram"
                or model.get("byte_fallback")
                or "▁" not in alphabet
                or (unk is not None and unk not in keep)
            ):
                # Only a Unigram model's pieces depend on nothing but the input's substrings.
                meta_file.write_text(json.dumps({"source": stamp, "unsupported": True}))
                return None
            position = {old: new for new, old in enumerate(keep)}
            raw["model"] = dict(model, vocab=[vocab[i] for i in keep])
            if model.get("unk_id") is not None:
                raw["model"]["unk_id"] = position[model["unk_id"]]
            meta = {
                "source": stamp,
                "alphabet": "".join(alphabet),
                "reserved": [t["content"] for t in raw.get("added_tokens", [])],
            }
            log.info(
                "writing a %s copy of %s (%d of %d pieces), once",
                cut,
                tokenizer_file.name,
                len(keep),
                len(vocab),
            )
            with _staged(tokenizer_file.parent, f".{cut}-") as tmp:
                (tmp / json_file.name).write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
                np.save(tmp / ids_file.name, np.asarray(keep, np.int64))
                (tmp / meta_file.name).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
                # meta last: it says the others are there
                _move_in(tmp, (json_file.name, ids_file.name, meta_file.name), tokenizer_file.parent)
    except OSError as exc:
        log.warning("cannot write a %s tokenizer copy (%s); loading %s whole", cut, exc, tokenizer_file)
        return None
    return files


def load_cut_tokenizer(tokenizer_file: Path, cut: str) -> CutTokenizer | None:
    from tokenizers import Tokenizer

    files = cut_tokenizer_files(tokenizer_file, cut)
    if files is None:
        return None
    json_file, ids_file, meta_file = files
    meta = _read_json(meta_file)
    assert isinstance(meta, dict)
    return CutTokenizer(
        tokenizer=Tokenizer.from_file(str(json_file)),
        ids=np.load(ids_file),
        alphabet=frozenset(meta["alphabet"]),
        reserved=tuple(meta["reserved"]),
    )


def _session(path: Path):
    import onnxruntime as ort

    options = ort.SessionOptions()
    # Measured (session alone, one query at a time): the arena only keeps freed
    # activations around, and the export is already graph-optimized (O2), so BASIC
    # skips re-optimizing it on load (0.31 -> 0.23 s); neither changes peak RSS or
    # speed. What cut memory was mapping the weights (mmap_copy).
    options.enable_cpu_mem_arena = False
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.intra_op_num_threads = len(os.sched_getaffinity(0))
    options.log_severity_level = 3
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # ORT raises its own Fail/InvalidGraph types
        raise ModelError(f"cannot load ONNX model {path}: {str(exc).splitlines()[0]}") from exc


class OnnxEncoder:
    """Same interface as embed.Embedder: ``dim``, ``model_id``, ``query``, ``passages``."""

    def __init__(
        self, spec: EncoderSpec, model_id: str, batch_size: int = 32, lock: threading.Lock | None = None
    ):
        self.spec = spec
        self.model_id = model_id
        self.dim = spec.dim
        self.batch_size = batch_size
        # ONNX Runtime releases the GIL while it builds a session; `tokenizers` holds it
        # while it builds its trie. Side by side, the session load is free.
        self._full: Any = None
        self._full_lock = threading.Lock()
        # The cuts (CUTS) loaded so far, by position; the first loads now, the others on first use.
        self._cuts: dict[int, CutTokenizer | None] = {}
        with ThreadPoolExecutor(1, thread_name_prefix="onnx-load") as pool:
            session = pool.submit(_session, mmap_copy(spec.onnx_file))
            first = self._cut(0)
            if first is not None:
                pad = _pad_id(first.tokenizer, spec)
                self._pad_id = int(first.ids[pad]) if pad < len(first.ids) else 0
            else:
                self._pad_id = _pad_id(self.tokenizer, spec)
            self.session = session.result()
        self._inputs = {i.name for i in self.session.get_inputs()}
        # One forward pass at a time: ONNX Runtime already uses every core.
        self._lock = lock or threading.Lock()

    def _prepare(self, tokenizer) -> None:
        # As transformers' fast tokenizer is called by sentence-transformers:
        # truncate to max_seq_length, pad a batch to its longest text.
        tokenizer.enable_truncation(max_length=self.spec.max_seq_length)
        tokenizer.no_padding()  # _forward pads, whatever tokenizer.json says

    @property
    def tokenizer(self):
        """The model's full tokenizer (loaded on first use when the Latin-script copy serves)."""
        with self._full_lock:
            if self._full is None:
                from tokenizers import Tokenizer

                full = Tokenizer.from_file(str(self.spec.tokenizer_file))
                self._prepare(full)
                self._full = full
            return self._full

    def _cut(self, i: int) -> CutTokenizer | None:
        """The i-th of ``CUTS`` (loaded on first use; None when the tokenizer has no such cut)."""
        with self._full_lock:
            if i not in self._cuts:
                cut = load_cut_tokenizer(self.spec.tokenizer_file, CUTS[i][0])
                if cut is not None:
                    self._prepare(cut.tokenizer)
                self._cuts[i] = cut
            return self._cuts[i]

    def token_ids(self, texts: list[str]) -> list[np.ndarray]:
        """Each text's token ids, as the full tokenizer gives them: from the smallest cut that
        covers the text, else from the full tokenizer."""
        out: list[np.ndarray | None] = [None] * len(texts)
        for i in range(len(CUTS)):
            rest = [j for j, o in enumerate(out) if o is None]
            if not rest:
                break
            cut = self._cut(i)
            if cut is None:
                continue
            rows = [j for j in rest if cut.covers(texts[j])]
            if rows:
                for j, e in zip(rows, cut.tokenizer.encode_batch([texts[j] for j in rows]), strict=True):
                    out[j] = cut.ids[e.ids]
        rest = [i for i, o in enumerate(out) if o is None]
        if rest:
            for i, e in zip(rest, self.tokenizer.encode_batch([texts[i] for i in rest]), strict=True):
                out[i] = np.asarray(e.ids, np.int64)
        return out  # type: ignore[return-value]  # every row filled

    def _forward(self, texts: list[str], running: Callable[[], None] | None = None) -> np.ndarray:
        if self.spec.do_lower_case:
            texts = [t.lower() for t in texts]
        encs = self.token_ids(texts)
        width = max(len(e) for e in encs)
        ids = np.full((len(encs), width), self._pad_id, np.int64)
        mask = np.zeros((len(encs), width), np.int64)
        for row, e in enumerate(encs):  # no padding and no special mask: every token counts
            ids[row, : len(e)] = e
            mask[row, : len(e)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        if running is not None:
            running()
        with self._lock:
            tokens = self.session.run(None, feeds)[0]
        return _normalize(_pool(tokens, mask, self.spec.pooling))

    def _encode(
        self, texts: Sequence[str], prompt: str, progress: Callable[[int], None] | None
    ) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        # Like sentence-transformers: batches of similar length pad least.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._forward([prompt + texts[i] for i in rows])
            if progress:
                progress(len(rows))
        return out

    def query(self, text: str, running: Callable[[], None] | None = None) -> np.ndarray:
        """``running`` is called once the question is tokenized, just before the forward pass,
        which holds no GIL: work it hands to another thread runs during the pass. Handed over
        before tokenizing (which releases the GIL too), that thread took the GIL for its Python
        and this one waited for it (up to the 5 ms switch interval) to start the pass."""
        return self._forward([self.spec.query_prompt + text], running)[0]

    def passages(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        return self._encode(texts, self.spec.passage_prompt, progress)


def _pad_id(tokenizer, spec: EncoderSpec) -> int:
    tok_config = _read_json(spec.tokenizer_file.parent / "tokenizer_config.json")
    pad = tok_config.get("pad_token") if isinstance(tok_config, dict) else None
    if isinstance(pad, dict):  # AddedToken form
        pad = pad.get("content")
    pad_id = tokenizer.token_to_id(pad) if pad else None
    return int(pad_id) if pad_id is not None else 0  # masked out either way


def _pool(tokens: np.ndarray, mask: np.ndarray, mode: str) -> np.ndarray:
    if mode == "cls":
        return tokens[:, 0]
    m = mask[:, :, None].astype(tokens.dtype)
    if mode == "max":
        return np.where(m > 0, tokens, np.finfo(tokens.dtype).min).max(axis=1)
    return (tokens * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)


def _normalize(v: np.ndarray) -> np.ndarray:
    # torch.nn.functional.normalize's eps, as the Normalize module uses
    return (v / np.clip(np.linalg.norm(v, axis=1, keepdims=True), 1e-12, None)).astype(np.float32)
