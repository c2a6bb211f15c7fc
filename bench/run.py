"""berita benchmark: answer latency, cold start, build speed, memory, and scaling.

    python bench/run.py [--out bench/results] [--quick]

Prints a table, writes <out>/latest.json and PNG charts. Figures are medians
over repeated runs on whatever machine runs it; nothing here is a test.
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

from retrieval import (  # noqa: E402
    Berita,
    load_config,
    store,
)
from retrieval.lexical import Lexical, tokenize  # noqa: E402
from retrieval.search import search  # noqa: E402
from retrieval.store import HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH, HNSW_M  # noqa: E402

EVAL = json.loads((ROOT / "tests" / "eval_questions.json").read_text())
QUESTIONS = [q["q"] for q in EVAL["answerable"] + EVAL["off_topic"]]
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
    berita.warm_up(index=False)  # model load is cold start's business, not build speed
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
    model = berita.embedder.model
    prompt = "query: " if "query" in (model.prompts or {}) else ""
    bare = []
    for _ in range(repeat):
        for q in QUESTIONS:
            t = time.perf_counter()
            model.encode([prompt + q], normalize_embeddings=True, show_progress_bar=False)
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
    """torch vs ONNX vs int8 ONNX: query encode speed and evaluation recall, side by side."""
    from retrieval.embed import _MODELS

    out = []
    for backend in ("torch", "onnx", "onnx-int8"):
        config = load_config(
            flags={
                "articles_dir": str(articles),
                "data_dir": str(work / f"data-{backend}"),
                "model.backend": backend,
            },
            env=env,
        )
        _MODELS.clear()  # time a real load
        berita = Berita(config)
        t = time.perf_counter()
        berita.warm_up(index=False)
        load_s = time.perf_counter() - t
        berita.build(rebuild=True)
        model = berita.embedder.model
        for q in QUESTIONS[:3]:
            model.encode(["query: " + q])
        samples = []
        for _ in range(3):
            for q in QUESTIONS:
                t = time.perf_counter()
                model.encode(["query: " + q], normalize_embeddings=True, show_progress_bar=False)
                samples.append((time.perf_counter() - t) * 1000)
        hits = 0
        for item in EVAL["answerable"]:
            a = berita.ask(item["q"], k=5)
            hits += a.found and any(all(e in p.text for e in item["expect"]) for p in a.passages)
        declined = sum(not berita.ask(q["q"]).found for q in EVAL["off_topic"])
        rss = peak_rss_mb({**env, "BERITA_BACKEND": backend}, work / f"data-{backend}", articles)
        out.append(
            {
                "backend": backend,
                "load_s": round(load_s, 2),
                "peak_rss_mb": rss,
                "encode_p50_ms": round(pct(samples, 50), 3),
                "encode_p95_ms": round(pct(samples, 95), 3),
                "recall_at_5": round(hits / len(EVAL["answerable"]), 3),
                "off_topic_declined": f"{declined}/{len(EVAL['off_topic'])}",
            }
        )
        log(f"backend {backend}: encode p50 {out[-1]['encode_p50_ms']} ms, recall@5 {out[-1]['recall_at_5']}")
    _MODELS.clear()
    return out


def bench_cold(env: dict, data_dir: Path, articles: Path) -> dict:
    proc_env = {**os.environ, **env, "BERITA_ARTICLES_DIR": str(articles), "BERITA_DATA_DIR": str(data_dir)}
    py = sys.executable
    return {
        "cold_ask_process_s": round(
            run_process([BERITA_EXE, "ask", "Who met in Beijing on 28 September?"], proc_env), 3
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


def synthetic_vectors(base: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """n distinct unit vectors around the real ones (copies plus a little noise)."""
    v = base[np.arange(n) % len(base)] + rng.normal(0, 0.03, (n, base.shape[1])).astype(np.float32)
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def bench_scale(berita: Berita, sizes: list[int], rng: np.random.Generator) -> list[dict]:
    import bm25s
    import faiss

    index = berita.index
    base = np.concatenate([np.load(index.path / "vectors.npy"), np.asarray(index.sentence_vectors)])
    queries = np.stack([berita.embedder.query(q) for q in QUESTIONS])
    texts = [t for _, t in index.chunk_texts()]
    out = []
    for n in sizes:
        vecs = synthetic_vectors(base, n, rng)
        row = {"chunks": n}
        t = time.perf_counter()
        flat = faiss.IndexFlatIP(vecs.shape[1])
        flat.add(vecs)
        row["flat_build_s"] = round(time.perf_counter() - t, 3)
        _, truth = flat.search(queries, 10)

        t = time.perf_counter()
        hnsw = faiss.IndexHNSWFlat(vecs.shape[1], HNSW_M, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        hnsw.add(vecs)
        row["hnsw_build_s"] = round(time.perf_counter() - t, 3)

        nlist = max(16, int(4 * np.sqrt(n)))
        t = time.perf_counter()
        quant = faiss.IndexFlatIP(vecs.shape[1])
        ivf = faiss.IndexIVFFlat(quant, vecs.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
        ivf.train(vecs)
        ivf.add(vecs)
        ivf.nprobe = 16
        row["ivf_build_s"] = round(time.perf_counter() - t, 3)

        def lat(fn):
            samples = []
            for _ in range(3):
                for q in queries:
                    t0 = time.perf_counter()
                    fn(q)
                    samples.append(time.perf_counter() - t0)
            return round(pct(samples, 50) * 1000, 4)

        row["flat_p50_ms"] = lat(lambda q: flat.search(q[None], 10))
        row["hnsw_sweep"] = []
        for ef in (128, 256, 512, 1024):  # the recall/latency trade-off behind HNSW_EF_SEARCH
            hnsw.hnsw.efSearch = ef
            _, got = hnsw.search(queries, 10)
            row["hnsw_sweep"].append(
                {
                    "ef_search": ef,
                    "p50_ms": lat(lambda q: hnsw.search(q[None], 10)),
                    "recall_at_10": round(
                        float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, truth)])), 4
                    ),
                }
            )
        hnsw.hnsw.efSearch = HNSW_EF_SEARCH
        row["hnsw_p50_ms"] = lat(lambda q: hnsw.search(q[None], 10))
        row["ivf_p50_ms"] = lat(lambda q: ivf.search(q[None], 10))
        row["numpy_p50_ms"] = lat(lambda q: np.argpartition(-(vecs @ q), 10)[:10])
        for name, idx in (("hnsw", hnsw), ("ivf", ivf)):
            _, got = idx.search(queries, 10)
            row[f"{name}_recall_at_10"] = round(
                float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, truth)])), 4
            )
            row[f"{name}_mb"] = round(len(faiss.serialize_index(idx)) / 2**20, 1)
        row["flat_mb"] = round(len(faiss.serialize_index(flat)) / 2**20, 1)

        corpus = [tokenize(texts[i % len(texts)]) + [f"id{i}"] for i in range(n)]
        bm = bm25s.BM25()
        bm.index(corpus, show_progress=False)
        qtok = [[t for t in tokenize(q) if t in bm.vocab_dict] or ["id0"] for q in QUESTIONS]
        samples = []
        for toks in qtok:
            t0 = time.perf_counter()
            bm.retrieve([toks], k=10, show_progress=False)
            samples.append(time.perf_counter() - t0)
        row["bm25_p50_ms"] = round(pct(samples, 50) * 1000, 4)
        out.append(row)
        log(
            f"scale {n}: flat {row['flat_p50_ms']}ms, hnsw {row['hnsw_p50_ms']}ms "
            f"(recall {row['hnsw_recall_at_10']}), ivf {row['ivf_p50_ms']}ms (recall {row['ivf_recall_at_10']})"
        )
    return out


def build_large_index(source: Berita, data_dir: Path, target_chunks: int, rng: np.random.Generator) -> None:
    """A real index generation of ~target_chunks chunks: the seeds, replicated with noisy vectors."""
    old = source.index
    docs = list(old.stored_documents().values())
    per_copy = sum(len(d.chunks) for d in docs)
    copies = max(1, target_chunks // per_copy)
    out, files = [], {}
    for c in range(copies):
        for d in docs:
            nd = copy.copy(d)
            nd.doc = dataclasses.replace(
                d.doc, file=f"synthetic/{c:05d}-{d.doc.file}", sha256=f"{c:05d}{d.doc.sha256[5:]}"
            )
            nd.chunk_vectors = synthetic_vectors(d.chunk_vectors, len(d.chunk_vectors), rng)
            out.append(nd)
            files[nd.doc.file] = (nd.doc.sha256, "indexed")
    root = store.index_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    gen = store.new_generation_path(root)
    n_chunks, n_sents = store.write_tables(gen, out, files, [], old.dim, source.config["index.exact_below"])
    Lexical.build([c.text for d in out for c in d.chunks]).save(gen / "bm25")
    store.finish(
        gen,
        dataclasses.replace(
            old.manifest,
            index_type="hnsw",
            documents=len(out),
            chunks=n_chunks,
            sentences=n_sents,
            checksums={},
        ),
    )
    store.swap(root, gen)


# --- output --------------------------------------------------------------------------


def charts(results: dict, out: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = []
    scale = results["scale"]
    n = [r["chunks"] for r in scale]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for key, label in (
        ("flat_p50_ms", "FAISS flat (exact)"),
        ("hnsw_p50_ms", f"FAISS HNSW{HNSW_M} ef{HNSW_EF_SEARCH}"),
        ("ivf_p50_ms", "FAISS IVF nprobe16"),
        ("numpy_p50_ms", "numpy brute force"),
        ("bm25_p50_ms", "BM25 (bm25s)"),
    ):
        ax.plot(n, [r[key] for r in scale], marker="o", label=label)
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
    ax.bar(labels[2:], [results["answer_seeds"]["bare_encode_p50_ms"]], color="grey", label="model.encode")
    ax.set_ylabel("p50 latency (ms)")
    ax.set_title("Warm answer latency, by stage")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "answer_latency.png", dpi=110)
    names.append("answer_latency.png")
    return names


def table(results: dict) -> str:
    a, big, b, c, q = (
        results["answer_seeds"],
        results["answer_large"],
        results["build"],
        results["cold"],
        results["quality"],
    )
    s100 = results["scale"][-1]
    rows = [
        ("warm answer p50 / p95 (seeds)", f"{a['total_p50_ms']:.1f} / {a['total_p95_ms']:.1f} ms"),
        (
            "  query embed / vector / BM25 / answer p50",
            f"{a['embed_p50_ms']:.1f} / {a['vector_p50_ms']:.2f} / {a['lexical_p50_ms']:.2f} / {a['answer_p50_ms']:.2f} ms",
        ),
        ("bare model encode p50 / p95", f"{a['bare_encode_p50_ms']:.1f} / {a['bare_encode_p95_ms']:.1f} ms"),
        ("answer p50 ÷ bare encode p50 (target ≤ 1.5)", f"{a['overhead_ratio_p50']:.2f}"),
        (
            f"warm answer p50 / p95 at {big['chunks']:,} chunks (target ≤ 30 ms)",
            f"{big['total_p50_ms']:.1f} / {big['total_p95_ms']:.1f} ms",
        ),
        ("cold `berita ask` process (target ≤ 5 s)", f"{c['cold_ask_process_s']:.2f} s"),
        (
            "import retrieval+bot / sentence_transformers",
            f"{c['import_berita_s']:.2f} / {c['import_sentence_transformers_s']:.2f} s",
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
            "incremental, nothing changed (target ≤ 2 s)",
            f"{b['noop_rebuild_inprocess_s']:.3f} s in-process, {b['noop_rebuild_process_s']:.2f} s `berita index`",
        ),
        ("incremental, one file changed", f"{b['one_file_changed_rebuild_s']:.2f} s"),
        (
            "peak RSS serving: seeds / large",
            f"{results['rss_seeds_mb']:.0f} / {results['rss_large_mb']:.0f} MB",
        ),
        (
            f"HNSW recall@10 at {s100['chunks']:,} (target ≥ 0.95)",
            f"{s100['hnsw_recall_at_10']:.3f} (IVF {s100['ivf_recall_at_10']:.3f})",
        ),
        (
            f"search p50 at {s100['chunks']:,}: flat / HNSW / IVF / numpy / BM25",
            f"{s100['flat_p50_ms']:.2f} / {s100['hnsw_p50_ms']:.2f} / {s100['ivf_p50_ms']:.2f} / "
            f"{s100['numpy_p50_ms']:.2f} / {s100['bm25_p50_ms']:.2f} ms",
        ),
        (
            "recall@5 dense / BM25 / hybrid",
            f"{q['recall_at_5_dense']:.2f} / {q['recall_at_5_bm25']:.2f} / "
            f"{q['recall_at_5_hybrid']:.2f} ({q['questions']} questions); "
            f"off-topic declined {q['off_topic_declined']}",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"| {'measure'.ljust(width)} | result |", f"|{'-' * (width + 2)}|--------|"]
    lines += [f"| {k.ljust(width)} | {v} |" for k, v in rows]
    scale_lines = [
        "",
        "| chunks | flat p50 ms | HNSW p50 ms | HNSW recall@10 | IVF p50 ms | IVF recall@10 | "
        "numpy p50 ms | BM25 p50 ms | flat MB | HNSW MB | HNSW build s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results["scale"]:
        scale_lines.append(
            f"| {r['chunks']:,} | {r['flat_p50_ms']:.3f} | {r['hnsw_p50_ms']:.3f} | "
            f"{r['hnsw_recall_at_10']:.3f} | {r['ivf_p50_ms']:.3f} | {r['ivf_recall_at_10']:.3f} | "
            f"{r['numpy_p50_ms']:.3f} | {r['bm25_p50_ms']:.3f} | {r['flat_mb']} | {r['hnsw_mb']} | "
            f"{r['hnsw_build_s']} |"
        )
    backends = [
        "",
        "| backend | model load s | query encode p50 / p95 ms | recall@5 | off-topic declined | "
        "peak RSS serving MB |",
        "|---|---|---|---|---|---|",
    ]
    for b in results["backends"]:
        backends.append(
            f"| {b['backend']} | {b['load_s']} | {b['encode_p50_ms']:.1f} / {b['encode_p95_ms']:.1f} | "
            f"{b['recall_at_5']:.2f} | {b['off_topic_declined']} | {b['peak_rss_mb']:.0f} |"
        )
    sweep = [
        "",
        "| chunks | "
        + " | ".join(
            f"HNSW ef{e['ef_search']} recall@10 / p50 ms" for e in results["scale"][-1]["hnsw_sweep"]
        )
        + " |",
        "|---|" + "---|" * len(results["scale"][-1]["hnsw_sweep"]),
    ]
    for r in results["scale"]:
        sweep.append(
            f"| {r['chunks']:,} | "
            + " | ".join(f"{e['recall_at_10']:.3f} / {e['p50_ms']:.3f}" for e in r["hnsw_sweep"])
            + " |"
        )
    return "\n".join(lines + backends + scale_lines + sweep)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    ap.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats (smoke run)")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    repeat = 1 if args.quick else 3
    env = {k: v for k, v in os.environ.items() if k in ("BERITA_CACHE_DIR", "BERITA_DEVICE")}
    started = time.perf_counter()
    results: dict = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
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
        results["answer_seeds"] = bench_answer(berita, repeat)
        log(
            f"answer p50 {results['answer_seeds']['total_p50_ms']} ms, bare encode "
            f"{results['answer_seeds']['bare_encode_p50_ms']} ms"
        )
        results["quality"] = bench_quality(berita)
        results["rss_seeds_mb"] = peak_rss_mb(env, work / "data", work / "articles")
        results["scale"] = bench_scale(berita, sizes, rng)

        large_dir = work / "data-large"
        t = time.perf_counter()
        build_large_index(berita, large_dir, sizes[-1], rng)
        log(f"large index written in {time.perf_counter() - t:.1f}s")
        large = Berita(berita.config.replace(data_dir=str(large_dir)))
        t = time.perf_counter()
        large.warm_up(model=False)
        load_s = time.perf_counter() - t
        results["answer_large"] = bench_answer(large, 1) | {
            "chunks": len(large.index),
            "index_type": large.index.manifest.index_type,
            "load_s": round(load_s, 2),
        }
        log(f"answer p50 at {len(large.index)} chunks: {results['answer_large']['total_p50_ms']} ms")
        results["rss_large_mb"] = peak_rss_mb(env, large_dir, work / "articles")
    results["seconds"] = round(time.perf_counter() - started, 1)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    results["charts"] = charts(results, out)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    text = table(results)
    (out / "latest.md").write_text(text + "\n")
    print(text)
    print(f"\nwrote {out / 'latest.json'}, {', '.join(results['charts'])} in {results['seconds']} s")


if __name__ == "__main__":
    main()
