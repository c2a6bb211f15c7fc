"""The warm answer on the seeds, as make bench measures it (bench/run.py's bench_answer: the
eval questions asked over and over, answer p50 against the bare query encode p50), with the
CPU each stage takes (thread_time, answers given the stored query vectors so that no encode is
in it): the figure to watch on a shared machine, where wall times swing with the load.

    BERITA_DATA_DIR=... python bench/warm.py [repeat]

Uses the index of BERITA_DATA_DIR (build it first: `berita index`); prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import retrieval.api as api  # noqa: E402
from retrieval.api import Berita  # noqa: E402
from retrieval.config import load_config  # noqa: E402

EVAL = json.loads((ROOT / "tests" / "eval_questions.json").read_text())
QUESTIONS = [q["q"] for q in EVAL["answerable"] + EVAL["off_topic"]]


def p50(values: list[float]) -> float:
    return round(float(np.percentile(np.asarray(values), 50)), 3)


class _Stored:
    """The query vectors encoded beforehand: the CPU of everything but the encode."""

    def __init__(self, vectors: dict[str, np.ndarray]):
        self.vectors = vectors

    def query(self, q: str, running=None) -> np.ndarray:
        return self.vectors[q]


def main(repeat: int) -> dict:
    berita = Berita(load_config())
    for q in QUESTIONS:
        berita.ask(q)  # warm up: model, index, the generation's caches
    rows = []
    for _ in range(repeat):
        for q in QUESTIONS:
            t = time.perf_counter()
            a = berita.ask(q)
            rows.append({"total": (time.perf_counter() - t) * 1000, **a.timings_ms})
    encoder = berita.embedder
    bare = []
    for _ in range(repeat):
        for q in QUESTIONS:
            t = time.perf_counter()
            encoder.query(q)
            bare.append((time.perf_counter() - t) * 1000)
    out: dict = {
        k: p50([r.get(k, 0.0) for r in rows]) for k in ("total", "prepare", "embed", "search", "answer")
    }
    out["bare_encode"] = p50(bare)
    out["ratio"] = round(out["total"] / out["bare_encode"], 3)

    # CPU without the encode: prepare (question analysis, BM25) and read (the reader and checks).
    berita._embedder = _Stored({q: encoder.query(q) for q in QUESTIONS})  # type: ignore[assignment]
    cpu: dict[str, list[float]] = {"prepare": [], "read": [], "total": []}
    prepare, read = api._prepare, Berita._read

    def timed_prepare(*a, **k):
        c = time.thread_time()
        try:
            return prepare(*a, **k)
        finally:
            cpu["prepare"].append((time.thread_time() - c) * 1000)

    def timed_read(*a, **k):
        c = time.thread_time()
        try:
            return read(*a, **k)
        finally:
            cpu["read"].append((time.thread_time() - c) * 1000)

    api._prepare, Berita._read = timed_prepare, timed_read  # type: ignore[method-assign]
    try:
        for _ in range(repeat):
            for q in QUESTIONS:
                c = time.thread_time()
                berita.ask(q)
                cpu["total"].append((time.thread_time() - c) * 1000)
    finally:
        api._prepare, Berita._read = prepare, read  # type: ignore[method-assign]
    out |= {f"cpu_{k}": p50(v) for k, v in cpu.items()}
    # Each question's least CPU over the repeats, then their median: what another process on
    # the machine adds (cache misses, a slower core) only ever adds, so the least is the steadiest.
    n = len(QUESTIONS)
    out |= {f"cpu_{k}_least": p50([min(v[i::n]) for i in range(n)]) for k, v in cpu.items()}
    out["load"] = round(os.getloadavg()[0], 2)
    return out


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)))
