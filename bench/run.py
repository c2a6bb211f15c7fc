"""berita benchmark: answer latency, cold start, build speed, memory, scaling, quality.

    python bench/run.py [--out bench/results] [--large N] [--quick] [--no-quality]

Prints the issue's targets and a table, writes <out>/latest.json and PNG charts, then runs
bench/quality.py (per-language answer quality). Figures are medians over repeated runs on
whatever machine runs it; nothing here is a test. ``--large`` sets the size of the real
index generation the end-to-end part answers from (1M chunks: the issue's target).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval import Berita, load_config, store  # noqa: E402
from retrieval.build import write_terms  # noqa: E402
from retrieval.embed import _LEAN, _MODELS, load_embedder, load_query_encoder  # noqa: E402
from retrieval.lexical import Lexical, tokenize  # noqa: E402
from retrieval.search import search  # noqa: E402
from retrieval.store import HNSW_EF_SEARCH, HNSW_M, TERMS_FILE, faiss_kind  # noqa: E402
from tests.eval import harness  # noqa: E402

EVAL = json.loads((ROOT / "tests" / "eval_questions.json").read_text())
QUESTIONS = [q["q"] for q in EVAL["answerable"] + EVAL["off_topic"]]
# Real questions for recall@10 against exact search at the large size (both languages).
RECALL_QUESTIONS = list(dict.fromkeys(QUESTIONS + [i["question"] for i in harness.load("questions")]))[:200]
BERITA_EXE = shutil.which("berita") or str(Path(sys.executable).parent / "berita")


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def pct(values, p) -> float:
    return float(np.percentile(np.asarray(values), p))


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def run_process(args, env, repeat=3, stdin=subprocess.DEVNULL) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=stdin, check=True
        )
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --- sections --------------------------------------------------------------------


def bench_build(work: Path, env: dict, larger_copies: int) -> tuple[dict, Berita]:
    articles = work / "articles"
    config = load_config(flags={"articles_dir": str(articles), "data_dir": str(work / "data")}, env=env)
    berita = Berita(config)
    load_embedder(config)  # model load is cold start's business, not build speed
    t = time.perf_counter()
    report = berita.build(rebuild=True)
    cold = time.perf_counter() - t
    res = {
        "seeds_chunks": report.chunks,
        "seeds_texts_embedded": report.embedded,
        "seeds_cold_build_s": round(cold, 3),
        "seeds_chunks_per_s": round(report.chunks / cold, 2),
        "seeds_texts_per_s": round(report.embedded / cold, 2),
    }
    log(f"cold build of seeds: {cold:.1f}s")

    noop = timed(lambda: berita.build(), 5)
    res["noop_rebuild_inprocess_s"] = round(statistics.median(noop), 4)
    proc_env = {
        **os.environ,
        **env,
        "BERITA_ARTICLES_DIR": str(articles),
        "BERITA_DATA_DIR": str(work / "data"),
    }
    res["noop_rebuild_process_s"] = round(run_process([BERITA_EXE, "index"], proc_env), 3)

    target = articles / "002_1a0a747f783da510.txt"
    original = target.read_text()
    one = []
    for i in range(3):
        target.write_text(original + f"\nParagraf tambahan nomor {i} untuk pengukuran.\n")
        t = time.perf_counter()
        berita.build()
        one.append(time.perf_counter() - t)
    target.write_text(original)
    berita.build()
    res["one_file_changed_rebuild_s"] = round(statistics.median(one), 3)
    log(
        f"incremental: nothing changed {res['noop_rebuild_inprocess_s']}s in-process, "
        f"{res['noop_rebuild_process_s']}s as a process; one file changed {res['one_file_changed_rebuild_s']}s"
    )

    big = work / "larger"
    big.mkdir()
    for c in range(larger_copies):
        for p in articles.iterdir():
            lines = p.read_text().splitlines()
            lines.insert(1, f"Salinan {c} untuk uji kecepatan.")
            (big / f"{c:03d}-{p.name}").write_text("\n".join(lines) + "\n")
    big_berita = Berita(config.replace(articles_dir=str(big), data_dir=str(work / "data-larger")))
    t = time.perf_counter()
    report = big_berita.build(rebuild=True)
    cold = time.perf_counter() - t
    res.update(
        {
            "larger_chunks": report.chunks,
            "larger_texts_embedded": report.embedded,
            "larger_cold_build_s": round(cold, 3),
            "larger_chunks_per_s": round(report.chunks / cold, 2),
            "larger_texts_per_s": round(report.embedded / cold, 2),
        }
    )
    log(f"cold build of {report.chunks} chunks: {cold:.1f}s")
    return res, berita


def bench_answer(berita: Berita, repeat: int) -> dict:
    for q in QUESTIONS[:3]:
        berita.ask(q)  # warm up
    rows = []
    for _ in range(repeat):
        for q in QUESTIONS:
            t = time.perf_counter()
            a = berita.ask(q)
            total = time.perf_counter() - t
            rows.append({"total": total * 1000, **a.timings_ms})
    encoder = berita.embedder  # what answers: the lean ONNX encoder for the default model
    bare = []
    for _ in range(repeat):
        for q in QUESTIONS:
            t = time.perf_counter()
            encoder.query(q)
            bare.append((time.perf_counter() - t) * 1000)
    out = {"n": len(rows)}
    for key in ("total", "embed", "vector", "lexical", "answer"):
        vals = [r.get(key, 0.0) for r in rows]
        out[f"{key}_p50_ms"] = round(pct(vals, 50), 3)
        out[f"{key}_p95_ms"] = round(pct(vals, 95), 3)
    out["bare_encode_p50_ms"] = round(pct(bare, 50), 3)
    out["bare_encode_p95_ms"] = round(pct(bare, 95), 3)
    out["overhead_ratio_p50"] = round(out["total_p50_ms"] / out["bare_encode_p50_ms"], 3)
    return out


def bench_quality(berita: Berita) -> dict:
    """recall@5 on the evaluation set: dense only, BM25 only, hybrid (the default)."""
    index = berita.index
    lexical = Lexical.load(index.path / "bm25", len(index), index.chunk_texts)
    hits = {"dense": 0, "bm25": 0, "hybrid": 0}
    for item in EVAL["answerable"]:
        q = berita.embedder.query(item["q"])
        ranked = {
            "dense": [h.chunk_id for h in search(index, q, 5)],
            "bm25": lexical.search(item["q"], 5),
            "hybrid": [h.chunk_id for h in search(index, q, 5, lexical, item["q"])],
        }
        for name, ids in ranked.items():
            texts = [r.text for r in index.chunks(ids)]
            hits[name] += any(all(e in t for e in item["expect"]) for t in texts)
    n = len(EVAL["answerable"])
    declined = sum(not berita.ask(q["q"]).found for q in EVAL["off_topic"])
    return {f"recall_at_5_{k}": round(v / n, 3) for k, v in hits.items()} | {
        "questions": n,
        "off_topic_declined": f"{declined}/{len(EVAL['off_topic'])}",
    }


def bench_backends(work: Path, env: dict, articles: Path) -> list[dict]:
    """Query encoders side by side: sentence-transformers (torch, ONNX) and the lean ONNX path."""
    out = []
    for backend, path in (("torch", "st"), ("onnx", "st"), ("onnx", "lean"), ("onnx-int8", "lean")):
        config = load_config(
            flags={
                "articles_dir": str(articles),
                "data_dir": str(work / f"data-{backend}"),
                "model.backend": backend,
            },
            env=env,
        )
        _MODELS.clear()  # time a real load
        _LEAN.clear()
        t = time.perf_counter()
        encoder = load_embedder(config) if path == "st" else load_query_encoder(config)
        load_s = time.perf_counter() - t
        berita = Berita(config, embedder=encoder)
        berita.build(rebuild=True)
        for q in QUESTIONS[:3]:
            encoder.query(q)
        samples = []
        for _ in range(3):
            for q in QUESTIONS:
                t = time.perf_counter()
                encoder.query(q)
                samples.append((time.perf_counter() - t) * 1000)
        hits = 0
        for item in EVAL["answerable"]:
            a = berita.ask(item["q"], k=5)
            hits += a.found and any(all(e in p.text for e in item["expect"]) for p in a.passages)
        declined = sum(not berita.ask(q["q"]).found for q in EVAL["off_topic"])
        # A serving process takes the lean path whenever it can, so only those rows and torch
        # are what `berita` would run with this backend.
        rss = (
            None
            if (backend, path) == ("onnx", "st")
            else peak_rss_mb({**env, "BERITA_BACKEND": backend}, work / f"data-{backend}", articles)
        )
        out.append(
            {
                "backend": backend,
                "path": "sentence-transformers" if path == "st" else "lean (tokenizers + onnxruntime)",
                "load_s": round(load_s, 2),
                "peak_rss_mb": rss,
                "encode_p50_ms": round(pct(samples, 50), 3),
                "encode_p95_ms": round(pct(samples, 95), 3),
                "recall_at_5": round(hits / len(EVAL["answerable"]), 3),
                "off_topic_declined": f"{declined}/{len(EVAL['off_topic'])}",
            }
        )
        log(
            f"backend {backend} ({path}): load {load_s:.2f}s, encode p50 {out[-1]['encode_p50_ms']} ms, "
            f"recall@5 {out[-1]['recall_at_5']}, RSS {rss} MB"
        )
    _MODELS.clear()
    _LEAN.clear()
    return out


def bench_cold(env: dict, data_dir: Path, articles: Path) -> dict:
    proc_env = {**os.environ, **env, "BERITA_ARTICLES_DIR": str(articles), "BERITA_DATA_DIR": str(data_dir)}
    # A user's Python writes the bytecode of berita's modules on the first run and reads it on
    # every later one; a shell with PYTHONDONTWRITEBYTECODE set (this machine's sandbox has it)
    # would instead compile every module on every cold ask (0.4 s of a cold ask in cProfile).
    # The first of the five runs writes it; the median is of runs that read it, as a user's do.
    proc_env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    return {
        "cold_ask_process_s": round(
            run_process([BERITA_EXE, "ask", "Who met in Beijing on 28 September?"], proc_env, 5), 3
        ),
        "import_berita_s": round(run_process([py, "-c", "import retrieval, bot.cli"], proc_env, 5), 3),
        "import_sentence_transformers_s": round(
            run_process([py, "-c", "import sentence_transformers"], proc_env), 3
        ),
        "python_startup_s": round(run_process([py, "-c", "pass"], proc_env, 5), 3),
    }


# VmHWM, not ru_maxrss: the latter survives fork+exec, so a child started by a
# large parent reports the parent's size.
_RSS = r"""
import json, sys
sys.path.insert(0, {root!r})
from retrieval import Berita, load_config
b = Berita(load_config())
qs = json.loads({qs!r})
for q in qs * 2:
    b.ask(q)
print([int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")][0])
"""


def peak_rss_mb(env: dict, data_dir: Path, articles: Path) -> float:
    proc_env = {**os.environ, **env, "BERITA_ARTICLES_DIR": str(articles), "BERITA_DATA_DIR": str(data_dir)}
    code = _RSS.format(root=str(ROOT), qs=json.dumps(QUESTIONS[:10]))
    out = subprocess.run(
        [sys.executable, "-c", code], env=proc_env, capture_output=True, text=True, check=True
    )
    return round(int(out.stdout.strip().splitlines()[-1]) / 1024, 1)


# Synthetic vectors: each a random mixture of MIX real ones plus noise, renormalized. Copies
# of a few real vectors with a little noise (what the last runs used) put a question's exact top
# 10 among thousands of near-identical vectors, so recall measured ties, not the index (0.691
# at 200k chunks). Mixtures are spread like the real ones: a real question's best cosine is
# ~0.85 among them as among the real vectors (0.84), and at 20k vectors a vector's nearest
# neighbour is at cosine ~0.93 (real chunks and sentences: 0.91).
MIX = 3
# Norm of the noise added to each mixture, against ~0.42 for a real vector's distance from the
# mean of all of them (the model's vectors share a large common direction: mean cosine 0.82).
NOISE = 0.25


def synthetic_vectors(base: np.ndarray, n: int, rng: np.random.Generator, batch: int = 100_000) -> np.ndarray:
    """n distinct unit vectors shaped like the real ``base`` ones: around the mean of the real
    vectors, a random mixture (Dirichlet weights) of MIX of their offsets from it, plus noise."""
    base = np.asarray(base, np.float32)
    mean = base.mean(axis=0)
    offsets = base - mean
    d = base.shape[1]
    out = np.empty((n, d), np.float32)
    for start in range(0, n, batch):
        m = min(batch, n - start)
        pick = rng.integers(0, len(base), (m, MIX))
        weights = rng.dirichlet(np.ones(MIX), m).astype(np.float32)
        v = rng.standard_normal((m, d), dtype=np.float32)
        v *= NOISE / np.sqrt(d)
        v += mean
        for j in range(MIX):
            v += weights[:, j, None] * offsets[pick[:, j]]
        out[start : start + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def real_vectors(berita: Berita, work: Path) -> np.ndarray:
    """The real vectors synthetic ones are made of: every chunk and sentence vector of the seeds
    and of tests/corpus (13 more articles, indexed here with the same model)."""
    corpus = Berita(
        berita.config.replace(
            articles_dir=str(ROOT / "tests" / "corpus"), data_dir=str(work / "data-corpus")
        ),
        embedder=berita.embedder,
    )
    corpus.build(rebuild=True)
    parts = []
    for b in (berita, corpus):
        parts += [np.load(b.index.path / "vectors.npy"), np.asarray(b.index.sentence_vectors)]
    return np.concatenate(parts).astype(np.float32)


# Up to this size the benchmark also builds what it only measures for comparison: every index
# kind store.make_faiss builds, with its efSearch or nprobe sweep, and a separate BM25 index.
# The large size gets only the index berita chooses for it, built once, in its generation: on
# this shared 2-core machine the first 1M run spent over 30 min building two 1M graphs
# (bench/results/lean-run-partial.log).
COMPARE_UP_TO = 100_000
# Size of the large generation by default: the 1M. With an IVF index it fits one run: on
# this shared 2-core machine under load ~10 the whole run took 41 min, 11 of them writing the
# 1M generation and 17 s building its index (bench/results/1m-run.log); with HNSW the first 1M
# run had not finished its index after 13.5 min (bench/results/1m-run-partial.log).
LARGE_DEFAULT = 1_000_000
EF_SWEEP = (128, 256, 512, 1024, 2048)  # the recall/latency trade-off behind HNSW_EF_SEARCH
PROBE_SWEEP = (32, 16, 8, 4)  # lists probed = lists // this: the trade-off behind IVF_PROBE_SHARE
_SHORT = {"hnsw": "hnsw", "hnsw-fp16": "fp16", "ivf-fp16": "ivf"}  # faiss_kind → result key prefix


def _recall(got: np.ndarray, truth: np.ndarray) -> float:
    return round(float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, truth, strict=True)])), 4)


def _faiss_mb(index, work: Path) -> float:
    """Size of the index as written, which is what a generation loads into memory."""
    import faiss

    path = work / "size.faiss"
    faiss.write_index(index, str(path))
    size = path.stat().st_size
    path.unlink()
    return round(size / 2**20, 1)


def _lat(fn, queries: np.ndarray, repeat: int = 3) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        for q in queries:
            t0 = time.perf_counter()
            fn(q)
            samples.append(time.perf_counter() - t0)
    return round(pct(samples, 50) * 1000, 4), round(pct(samples, 95) * 1000, 4)


def _sweep(idx, queries: np.ndarray, truth: np.ndarray, repeat: int = 3) -> list[dict]:
    """recall@10 and latency of a graph index at each efSearch, or of an IVF index at each
    number of probed lists; leaves the index as store.make_faiss made it."""
    graph = hasattr(idx, "hnsw")
    chosen = idx.hnsw.efSearch if graph else idx.nprobe
    settings = EF_SWEEP if graph else [max(1, idx.nlist // share) for share in PROBE_SWEEP]
    sweep = []
    for value in settings:
        if graph:
            idx.hnsw.efSearch = value
        else:
            idx.nprobe = value
        _, got = idx.search(queries, 10)
        p50, p95 = _lat(lambda q, s=idx.search: s(q[None], 10), queries, repeat)
        sweep.append(
            {
                "ef_search" if graph else "nprobe": value,
                "chosen": value == chosen,
                "p50_ms": p50,
                "p95_ms": p95,
                "recall_at_10": _recall(got, truth),
            }
            | ({} if graph else {"lists": idx.nlist})
        )
    if graph:
        idx.hnsw.efSearch = chosen
    else:
        idx.nprobe = chosen
    return sweep


def _at_setting(row: dict, name: str, sweep: list[dict]) -> None:
    row[f"{name}_sweep"] = sweep
    at = next(e for e in sweep if e["chosen"])
    row[f"{name}_p50_ms"], row[f"{name}_p95_ms"] = at["p50_ms"], at["p95_ms"]
    row[f"{name}_recall_at_10"] = at["recall_at_10"]
    if "nprobe" in at:
        row[f"{name}_nprobe"] = at["nprobe"]


def exact_top10(vectors: np.ndarray, queries: np.ndarray, batch: int = 50) -> np.ndarray:
    """Exact top 10 by inner product with numpy, a batch of queries at a time (at 1M chunks a
    batch of 50 is a 200 MB score matrix)."""
    out = []
    for i in range(0, len(queries), batch):
        scores = vectors @ queries[i : i + batch].T
        out.append(np.argpartition(-scores, 10, axis=0)[:10].T)
    return np.concatenate(out)


def bench_scale(
    berita: Berita, base: np.ndarray, sizes: list[int], rng: np.random.Generator, work: Path
) -> list[dict]:
    """Search over synthetic vectors at each size: exact, HNSW, HNSW-fp16, IVF-fp16, BM25."""
    import bm25s

    index = berita.index
    queries = np.stack([berita.embedder.query(q) for q in QUESTIONS])
    texts = [t for _, t in index.chunk_texts()]
    out = []
    for n in sizes:
        vecs = synthetic_vectors(base, n, rng)
        row: dict = {"chunks": n, "chosen": faiss_kind(n, berita.config["index.exact_below"])}
        t = time.perf_counter()
        flat = store.make_faiss(vecs, "flat")
        row["flat_build_s"] = round(time.perf_counter() - t, 3)
        _, truth = flat.search(queries, 10)
        row["flat_p50_ms"], row["flat_p95_ms"] = _lat(lambda q, s=flat.search: s(q[None], 10), queries)
        row["flat_mb"] = _faiss_mb(flat, work)
        del flat
        row["numpy_p50_ms"], _ = _lat(lambda q, m=vecs: np.argpartition(-(m @ q), 10)[:10], queries)

        # The indexes a generation can get (store.KINDS), built as store.make_faiss builds them.
        for name, kind in (("hnsw", "hnsw"), ("fp16", "hnsw-fp16"), ("ivf", "ivf-fp16")):
            t = time.perf_counter()
            idx = store.make_faiss(vecs, kind)
            row[f"{name}_build_s"] = round(time.perf_counter() - t, 3)
            _at_setting(row, name, _sweep(idx, queries, truth))
            row[f"{name}_mb"] = _faiss_mb(idx, work)
            del idx

        corpus = [[*tokenize(texts[i % len(texts)]), f"id{i}"] for i in range(n)]
        bm = bm25s.BM25()
        bm.index(corpus, show_progress=False)
        qtok = [[t for t in tokenize(q) if t in bm.vocab_dict] or ["id0"] for q in QUESTIONS]
        samples = []
        for toks in qtok:
            t0 = time.perf_counter()
            bm.retrieve([toks], k=10, show_progress=False)
            samples.append(time.perf_counter() - t0)
        row["bm25_p50_ms"] = round(pct(samples, 50) * 1000, 4)
        del corpus, bm, vecs
        out.append(row)
        log(
            f"scale {n}: flat {row['flat_p50_ms']}ms, hnsw {row['hnsw_p50_ms']}ms "
            f"(recall {row['hnsw_recall_at_10']}, {row['hnsw_mb']} MB, {row['hnsw_build_s']}s), "
            f"hnsw-fp16 {row['fp16_p50_ms']}ms (recall {row['fp16_recall_at_10']}, {row['fp16_mb']} MB, "
            f"{row['fp16_build_s']}s), ivf-fp16 {row['ivf_p50_ms']}ms (recall {row['ivf_recall_at_10']}, "
            f"{row['ivf_mb']} MB, {row['ivf_build_s']}s)"
        )
    return out


def bench_scale_large(berita: Berita, large: dict) -> dict:
    """Search in the large generation: its FAISS index (the one berita chose) against exact
    numpy search, recall@10 over RECALL_QUESTIONS."""
    vecs, idx, kind = large["vectors"], large["faiss"], large["kind"]
    queries = np.stack([berita.embedder.query(q) for q in RECALL_QUESTIONS])
    row: dict = {"chunks": len(vecs), "chosen": kind, "recall_queries": len(queries)}
    t = time.perf_counter()
    truth = exact_top10(vecs, queries)
    row["exact_numpy_batch_s"] = round(time.perf_counter() - t, 2)
    row["numpy_p50_ms"], row["numpy_p95_ms"] = _lat(
        lambda q, m=vecs: np.argpartition(-(m @ q), 10)[:10], queries[:20], 1
    )
    row["flat_mb"] = round(vecs.nbytes / 2**20, 1)  # what an exact (flat) index of it holds
    name = _SHORT.get(kind)
    if name is None:
        row["flat_p50_ms"], row["flat_p95_ms"] = _lat(lambda q, s=idx.search: s(q[None], 10), queries, 1)
        row["flat_recall_at_10"] = _recall(idx.search(queries, 10)[1], truth)
    else:
        _at_setting(row, name, _sweep(idx, queries, truth, 1))
        row[f"{name}_mb"] = large["faiss_mb"]
        row[f"{name}_build_s"] = large["faiss_build_s"]
    log(f"scale {row['chunks']} ({kind}, the generation's index): {row}")
    return row


def build_large_index(
    source: Berita, base: np.ndarray, data_dir: Path, target_chunks: int, rng: np.random.Generator
) -> dict:
    """A real index generation of ~target_chunks chunks: the seeds' documents replicated, each
    chunk with a synthetic vector (synthetic_vectors over ``base``); SQLite, BM25, terms,
    sentence vectors and the FAISS index berita chooses for that size (store._make_faiss),
    timed apart from the rest."""
    import faiss

    old = source.index
    docs = list(old.stored_documents().values())
    per_copy = sum(len(d.chunks) for d in docs)
    copies = max(1, target_chunks // per_copy)
    out, files = [], {}
    t = time.perf_counter()
    fresh = synthetic_vectors(base, copies * per_copy, rng)
    at = 0
    for c in range(copies):
        for d in docs:
            nd = copy.copy(d)
            nd.doc = dataclasses.replace(
                d.doc, file=f"synthetic/{c:05d}-{d.doc.file}", sha256=f"{c:05d}{d.doc.sha256[5:]}"
            )
            nd.chunk_vectors = fresh[at : at + len(d.chunks)]
            at += len(d.chunks)
            out.append(nd)
            files[nd.doc.file] = (nd.doc.sha256, "indexed")
    root = store.index_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    gen = store.new_generation_path(root)
    # Flat here (exact_below out of reach): the chosen index is built and timed on its own below.
    n_chunks, n_sents = store.write_tables(gen, out, files, [], old.dim, exact_below=2**62)
    Lexical.build([c.text for d in out for c in d.chunks]).save(gen / "bm25")
    write_terms(gen / TERMS_FILE, out)
    write_s = time.perf_counter() - t
    del out, files, fresh
    log(f"large generation: {n_chunks} chunks, {n_sents} sentences written in {write_s:.1f}s")
    exact_below = source.config["index.exact_below"]
    kind = faiss_kind(n_chunks, exact_below)
    vectors = np.load(gen / "vectors.npy")
    t = time.perf_counter()
    index = store._make_faiss(vectors, exact_below)
    faiss_s = time.perf_counter() - t
    log(f"large generation: {kind} FAISS index built in {faiss_s:.1f}s")
    faiss.write_index(index, str(gen / "vectors.faiss"))
    t = time.perf_counter()
    store.finish(
        gen,
        dataclasses.replace(
            old.manifest,
            index_type=kind,
            documents=len(docs) * copies,
            chunks=n_chunks,
            sentences=n_sents,
            checksums={},
        ),
    )
    store.swap(root, gen)
    finish_s = time.perf_counter() - t
    return {
        "gen": gen,
        "vectors": vectors,
        "faiss": index,
        "kind": kind,
        "write_s": round(write_s, 1),
        "faiss_build_s": round(faiss_s, 1),
        "finish_s": round(finish_s, 1),
        "faiss_mb": round((gen / "vectors.faiss").stat().st_size / 2**20, 1),
        "disk_gb": round(sum(p.stat().st_size for p in gen.rglob("*") if p.is_file()) / 2**30, 2),
    }


def bench_large(berita: Berita, work: Path, env: dict, large_dir: Path, built: dict) -> dict:
    """The large generation: load, answer, the watcher's reload, memory."""
    large = Berita(berita.config.replace(data_dir=str(large_dir)), embedder=berita.embedder)
    t = time.perf_counter()
    large.warm_up(model=False)
    load_s = time.perf_counter() - t
    answer = bench_answer(large, 1)
    # The watcher's readers: a new generation appears (hard links: same files, new name,
    # as warm in the page cache as one just built) and the next question switches to it.
    root = store.index_root(large_dir)
    twin = store.new_generation_path(root)
    shutil.copytree(large.index.path, twin, copy_function=os.link)
    store.swap(root, twin)
    t = time.perf_counter()
    if not large.reload():
        raise RuntimeError("the watcher's reload did not switch to the new generation")
    reload_s = time.perf_counter() - t
    out = {
        "answer_large": answer
        | {
            "chunks": len(large.index),
            "index_type": large.index.manifest.index_type,
            "write_s": built["write_s"],
            "faiss_build_s": built["faiss_build_s"],
            "finish_s": built["finish_s"],
            "disk_gb": built["disk_gb"],
            "load_s": round(load_s, 2),
            "reload_s": round(reload_s, 2),
            "faiss_file_mb": built["faiss_mb"],
        }
    }
    log(
        f"answer p50 at {len(large.index)} chunks: {answer['total_p50_ms']} ms; "
        f"load {load_s:.2f}s, reload {reload_s:.2f}s"
    )
    del large
    out["rss_large_mb"] = peak_rss_mb(env, large_dir, work / "articles")
    return out


# --- output --------------------------------------------------------------------------


def charts(results: dict, out: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = []
    scale = results["scale"]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for key, label in (
        ("flat_p50_ms", "FAISS flat (exact)"),
        ("hnsw_p50_ms", f"FAISS HNSW{HNSW_M} ef{HNSW_EF_SEARCH}"),
        ("fp16_p50_ms", f"FAISS HNSW{HNSW_M}-fp16 ef{HNSW_EF_SEARCH}"),
        ("ivf_p50_ms", "FAISS IVF-fp16, sqrt(n) lists, 1/16 probed"),
        ("numpy_p50_ms", "numpy brute force"),
        ("bm25_p50_ms", "BM25 (bm25s)"),
    ):
        pts = [(r["chunks"], r[key]) for r in scale if key in r]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("chunks in the index")
    ax.set_ylabel("search latency p50 (ms, one query, k=10)")
    ax.set_title("Search latency vs corpus size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "scale_latency.png", dpi=110)
    names.append("scale_latency.png")

    fig, ax = plt.subplots(figsize=(7, 4.2))
    parts = ("embed", "vector", "lexical", "answer")
    labels = ["seeds", f"{results['answer_large']['chunks']:,} chunks", "bare encode"]
    data = [results["answer_seeds"], results["answer_large"]]
    bottom = np.zeros(3)
    for part in parts:
        vals = np.array([d[f"{part}_p50_ms"] for d in data] + [0.0])
        ax.bar(labels, vals, bottom=bottom, label=part)
        bottom += vals
    ax.bar(labels[2:], [results["answer_seeds"]["bare_encode_p50_ms"]], color="grey", label="query encode")
    ax.set_ylabel("p50 latency (ms)")
    ax.set_title("Warm answer latency, by stage")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "answer_latency.png", dpi=110)
    names.append("answer_latency.png")
    return names


def _cell(v, fmt: str = "{:.3f}") -> str:
    return "—" if v is None else fmt.format(v)


def _setting(row: dict) -> str:
    """How deep the chosen index searches: efSearch for a graph, probed lists for IVF."""
    kind = _SHORT.get(row["chosen"])
    if kind == "ivf":
        return f"nprobe {row['ivf_nprobe']}"
    return f"ef {HNSW_EF_SEARCH}" if kind else "exact"


def _build_s(row: dict) -> str:
    key = {"hnsw": "hnsw_build_s", "hnsw-fp16": "fp16_build_s", "ivf-fp16": "ivf_build_s"}.get(row["chosen"])
    return f"{row[key]:.0f} s {row['chosen']}" if key else "flat"


def targets(results: dict) -> list[tuple[str, str, str, bool]]:
    """The issue's targets: (measure, target, measured, met)."""
    a, big, c = results["answer_seeds"], results["answer_large"], results["cold"]
    top = results["scale"][-1]
    kind = _SHORT.get(top["chosen"], "flat")
    recall = top.get(f"{kind}_recall_at_10", 1.0)
    mb = top[f"{kind}_mb"]
    n = f"{big['chunks']:,}"
    return [
        (
            "cold `berita ask` process p50",
            "≤ 1.5 s",
            f"{c['cold_ask_process_s']:.2f} s",
            c["cold_ask_process_s"] <= 1.5,
        ),
        (
            "warm answer p50 ÷ bare query encode p50, seeds (issues 9/10 and 11)",
            "≤ 1.3",
            f"{a['overhead_ratio_p50']:.2f} ({a['total_p50_ms']:.1f} / {a['bare_encode_p50_ms']:.1f} ms)",
            a["overhead_ratio_p50"] <= 1.3,
        ),
        (
            "peak RSS serving the seeds",
            "≤ 600 MB",
            f"{results['rss_seeds_mb']:.0f} MB",
            results["rss_seeds_mb"] <= 600,
        ),
        (
            f"answer p50 / p95 at {n} chunks ({big['index_type']})",
            "p50 ≤ 30 ms",
            f"{big['total_p50_ms']:.1f} / {big['total_p95_ms']:.1f} ms",
            big["total_p50_ms"] <= 30,
        ),
        (
            f"recall@10 vs exact at {top['chunks']:,} ({top['chosen']}, {_setting(top)}, "
            f"{top.get('recall_queries', len(QUESTIONS))} questions)",
            "≥ 0.95",
            f"{recall:.3f}",
            recall >= 0.95,
        ),
        (
            f"FAISS index memory at {top['chunks']:,} ({top['chosen']})",
            "≤ 2 GB",
            f"{mb / 1024:.2f} GB",
            mb <= 2048,
        ),
    ]


def table(results: dict) -> str:
    a, big, b, c, q = (
        results["answer_seeds"],
        results["answer_large"],
        results["build"],
        results["cold"],
        results["quality"],
    )
    top = results["scale"][-1]
    lines = ["| target | goal | measured | met |", "|---|---|---|---|"]
    lines += [f"| {m} | {t} | {v} | {'yes' if ok else '**no**'} |" for m, t, v, ok in targets(results)]
    m = results["machine"]
    if "loadavg_1m_at_start" in m:
        lines += [
            "",
            f"{m['cpus']} CPUs; 1-minute load average "
            + ", ".join(f"{v} at {k}" for k, v in m.get("loadavg_1m", {}).items())
            + f"; wall time {results.get('seconds', results.get('perf_seconds'))} s "
            f"(large generation: {results['args']['large']:,} chunks requested).",
        ]
    rows = [
        ("warm answer p50 / p95 (seeds)", f"{a['total_p50_ms']:.1f} / {a['total_p95_ms']:.1f} ms"),
        (
            "  query embed / vector / BM25 / answer p50",
            f"{a['embed_p50_ms']:.1f} / {a['vector_p50_ms']:.2f} / {a['lexical_p50_ms']:.2f} / {a['answer_p50_ms']:.2f} ms",
        ),
        ("bare query encode p50 / p95", f"{a['bare_encode_p50_ms']:.1f} / {a['bare_encode_p95_ms']:.1f} ms"),
        (
            f"warm answer p50 / p95 at {big['chunks']:,} chunks; ÷ bare encode",
            f"{big['total_p50_ms']:.1f} / {big['total_p95_ms']:.1f} ms; {big['overhead_ratio_p50']:.2f} "
            f"(bare encode {big['bare_encode_p50_ms']:.1f} ms)",
        ),
        (
            f"at {big['chunks']:,} chunks: embed / vector / BM25 / answer p50",
            f"{big['embed_p50_ms']:.1f} / {big['vector_p50_ms']:.2f} / {big['lexical_p50_ms']:.2f} / "
            f"{big['answer_p50_ms']:.2f} ms",
        ),
        (
            f"{big['chunks']:,}-chunk generation: write + FAISS build + checksums / load / watcher reload",
            f"{big['write_s']:.0f} s + {_build_s(top)} + {big['finish_s']:.0f} s / {big['load_s']:.2f} s / "
            f"{big['reload_s']:.2f} s ({big['disk_gb']:.1f} GB on disk, FAISS file {big['faiss_file_mb']:.0f} MB)",
        ),
        (f"peak RSS serving {big['chunks']:,} chunks", f"{results['rss_large_mb']:.0f} MB"),
        (
            "import retrieval+bot / sentence_transformers / python",
            f"{c['import_berita_s']:.2f} / {c['import_sentence_transformers_s']:.2f} / {c['python_startup_s']:.2f} s",
        ),
        (
            "cold build, seeds",
            f"{b['seeds_chunks']} chunks in {b['seeds_cold_build_s']:.1f} s = "
            f"{b['seeds_chunks_per_s']:.1f} chunks/s ({b['seeds_texts_per_s']:.1f} texts/s)",
        ),
        (
            "cold build, larger corpus",
            f"{b['larger_chunks']} chunks in {b['larger_cold_build_s']:.1f} s = "
            f"{b['larger_chunks_per_s']:.1f} chunks/s",
        ),
        (
            "incremental, nothing changed",
            f"{b['noop_rebuild_inprocess_s']:.3f} s in-process, {b['noop_rebuild_process_s']:.2f} s `berita index`",
        ),
        ("incremental, one file changed", f"{b['one_file_changed_rebuild_s']:.2f} s"),
        (
            f"search p50 at {top['chunks']:,}: {top['chosen']} ({_setting(top)}) / exact numpy",
            f"{top[_SHORT.get(top['chosen'], 'flat') + '_p50_ms']:.2f} / {top['numpy_p50_ms']:.2f} ms",
        ),
        (
            "recall@5 dense / BM25 / hybrid",
            f"{q['recall_at_5_dense']:.2f} / {q['recall_at_5_bm25']:.2f} / "
            f"{q['recall_at_5_hybrid']:.2f} ({q['questions']} questions); "
            f"off-topic declined {q['off_topic_declined']}",
        ),
    ]
    lines += ["", "| measure | result |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    backends = [
        "",
        "| backend | query path | load s | query encode p50 / p95 ms | recall@5 | off-topic declined | "
        "peak RSS serving MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for e in results["backends"]:
        backends.append(
            f"| {e['backend']} | {e['path']} | {e['load_s']} | {e['encode_p50_ms']:.1f} / {e['encode_p95_ms']:.1f} | "
            f"{e['recall_at_5']:.2f} | {e['off_topic_declined']} | {_cell(e['peak_rss_mb'], '{:.0f}')} |"
        )
    scale_lines = [
        "",
        "| chunks | chosen | flat p50 / p95 ms | HNSW p50 / p95 ms | HNSW recall@10 | HNSW-fp16 p50 / p95 ms | "
        "HNSW-fp16 recall@10 | IVF-fp16 p50 / p95 ms | IVF-fp16 recall@10 | numpy p50 ms | BM25 p50 ms | "
        "flat / HNSW / HNSW-fp16 / IVF-fp16 MB | HNSW / HNSW-fp16 / IVF-fp16 build s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results["scale"]:
        g = r.get
        scale_lines.append(
            f"| {r['chunks']:,} | {r['chosen']} | {_cell(g('flat_p50_ms'), '{:.2f}')} / "
            f"{_cell(g('flat_p95_ms'), '{:.2f}')} | "
            f"{_cell(g('hnsw_p50_ms'), '{:.2f}')} / {_cell(g('hnsw_p95_ms'), '{:.2f}')} | "
            f"{_cell(g('hnsw_recall_at_10'))} | "
            f"{_cell(g('fp16_p50_ms'), '{:.2f}')} / {_cell(g('fp16_p95_ms'), '{:.2f}')} | "
            f"{_cell(g('fp16_recall_at_10'))} | "
            f"{_cell(g('ivf_p50_ms'), '{:.2f}')} / {_cell(g('ivf_p95_ms'), '{:.2f}')} | "
            f"{_cell(g('ivf_recall_at_10'))} | {r['numpy_p50_ms']:.3f} | "
            f"{_cell(g('bm25_p50_ms'))} | {r['flat_mb']} / {_cell(g('hnsw_mb'), '{}')} / "
            f"{_cell(g('fp16_mb'), '{}')} / {_cell(g('ivf_mb'), '{}')} | "
            f"{_cell(g('hnsw_build_s'), '{:.1f}')} / {_cell(g('fp16_build_s'), '{:.1f}')} / "
            f"{_cell(g('ivf_build_s'), '{:.1f}')} |"
        )
    sweep = [
        "",
        "| chunks | index | " + " | ".join(f"ef{e} recall@10 / p50 ms" for e in EF_SWEEP) + " |",
        "|---|---|" + "---|" * len(EF_SWEEP),
    ]
    for r in results["scale"]:
        for name, label in (("hnsw", "HNSW"), ("fp16", "HNSW-fp16")):
            if f"{name}_sweep" not in r:
                continue
            sweep.append(
                f"| {r['chunks']:,} | {label} | "
                + " | ".join(f"{e['recall_at_10']:.3f} / {e['p50_ms']:.3f}" for e in r[f"{name}_sweep"])
                + " |"
            )
    probes = [
        "",
        "| chunks | IVF-fp16 lists | "
        + " | ".join(f"1/{share} probed: nprobe, recall@10 / p50 ms" for share in PROBE_SWEEP)
        + " |",
        "|---|---|" + "---|" * len(PROBE_SWEEP),
    ]
    for r in results["scale"]:
        if "ivf_sweep" in r:
            probes.append(
                f"| {r['chunks']:,} | {r['ivf_sweep'][0]['lists']} | "
                + " | ".join(
                    f"{e['nprobe']}, {e['recall_at_10']:.3f} / {e['p50_ms']:.3f}" for e in r["ivf_sweep"]
                )
                + " |"
            )
    return "\n".join(lines + backends + scale_lines + sweep + probes)


def run_quality(out: Path, env: dict) -> float:
    """bench/quality.py as a process (its own indexes and model load): per-language R@1, R@5,
    MRR, short-answer accuracy, declines. It prints its tables and writes <out>/quality.json."""
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "quality.py"), "--out", str(out)],
        env={**os.environ, **env},
        check=True,
    )
    return round(time.perf_counter() - t, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    ap.add_argument(
        "--large",
        type=int,
        default=LARGE_DEFAULT,
        help=f"chunks in the large generation answered from end to end (default {LARGE_DEFAULT:,})",
    )
    ap.add_argument("--quick", action="store_true", help="small sizes, fewer repeats (smoke run)")
    ap.add_argument("--no-quality", action="store_true", help="skip bench/quality.py")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    large_n = min(args.large, 20_000) if args.quick else args.large
    sizes = [n for n in ((1_000, 10_000) if args.quick else (1_000, 10_000, COMPARE_UP_TO)) if n < large_n]
    repeat = 1 if args.quick else 3
    env = {k: v for k, v in os.environ.items() if k in ("BERITA_CACHE_DIR", "BERITA_DEVICE")}
    started = time.perf_counter()
    loads: dict[str, float] = {}

    def load_now(stage: str) -> None:
        # other work on the machine slows every latency figure; say how busy it was
        loads[stage] = round(os.getloadavg()[0], 2)

    load_now("start")
    results: dict = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "loadavg_1m_at_start": loads["start"],
            "loadavg_1m": loads,
        },
        "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "args": {"large": large_n, "quick": args.quick},
    }
    with tempfile.TemporaryDirectory(prefix="berita-bench-") as tmp:
        work = Path(tmp)
        # Cold start first, while no model is loaded in this process to compete for the CPU.
        shutil.copytree(ROOT / "seeds", work / "articles")
        subprocess.run(
            [BERITA_EXE, "index"],
            check=True,
            stdout=subprocess.DEVNULL,
            env={
                **os.environ,
                **env,
                "BERITA_ARTICLES_DIR": str(work / "articles"),
                "BERITA_DATA_DIR": str(work / "data"),
            },
        )
        results["cold"] = bench_cold(env, work / "data", work / "articles")
        log(f"cold ask {results['cold']['cold_ask_process_s']} s")
        results["backends"] = bench_backends(work, env, ROOT / "seeds")
        results["build"], berita = bench_build(work, env, larger_copies=2 if args.quick else 5)
        load_now("answer")
        results["answer_seeds"] = bench_answer(berita, repeat)
        log(
            f"answer p50 {results['answer_seeds']['total_p50_ms']} ms, bare encode "
            f"{results['answer_seeds']['bare_encode_p50_ms']} ms"
        )
        results["quality"] = bench_quality(berita)
        results["rss_seeds_mb"] = peak_rss_mb(env, work / "data", work / "articles")
        load_now("scale")
        base = real_vectors(berita, work)
        results["synthetic"] = {"real_vectors": len(base), "mix": MIX, "noise": NOISE}
        results["scale"] = bench_scale(berita, base, sizes, rng, work)
        load_now("large")
        large_dir = work / "data-large"
        built = build_large_index(berita, base, large_dir, large_n, rng)
        results["scale"].append(bench_scale_large(berita, built))
        built.pop("vectors")
        built.pop("faiss")
        results |= bench_large(berita, work, env, large_dir, built)
    load_now("end")
    results["machine"]["loadavg_1m_at_end"] = loads["end"]
    results["perf_seconds"] = round(time.perf_counter() - started, 1)
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=str))
    results["charts"] = charts(results, out)
    if not args.no_quality:
        results["quality_seconds"] = run_quality(out, env)
    results["seconds"] = round(time.perf_counter() - started, 1)
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=str))
    text = table(results)
    (out / "latest.md").write_text(text + "\n")
    print(text)
    print(f"\nwrote {out / 'latest.json'}, {', '.join(results['charts'])}; wall time {results['seconds']} s")


if __name__ == "__main__":
    main()
