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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

import retrieval.api as api  # noqa: E402
from bench.run import QUESTIONS, bench_answer  # noqa: E402
from retrieval.api import Berita  # noqa: E402
from retrieval.config import load_config  # noqa: E402


def p50(values: list[float]) -> float:
    return round(float(np.percentile(np.asarray(values), 50)), 3)


class _Stored:
    """The query vectors encoded beforehand: the CPU of everything but the encode."""

    def __init__(self, vectors: dict[str, np.ndarray]):
        self.vectors = vectors

    def query(self, q: str, running=None) -> np.ndarray:
        return self.vectors[q]


def _timed(fn: Callable, into: list[float]) -> Callable:
    """``fn``, appending the CPU of each call (thread_time, ms) to ``into``."""

    def timed(*a, **k):
        c = time.thread_time()
        try:
            return fn(*a, **k)
        finally:
            into.append((time.thread_time() - c) * 1000)

    return timed


def main(repeat: int) -> dict:
    berita = Berita(load_config())
    for q in QUESTIONS:
        berita.ask(q)  # warm up: model, index, the generation's caches
    out: dict = bench_answer(berita, repeat)  # wall times, as make bench measures them

    # CPU without the encode: prepare (question analysis, BM25) and read (the reader and checks).
    encoder = berita.embedder
    berita._embedder = _Stored({q: encoder.query(q) for q in QUESTIONS})  # type: ignore[assignment]
    cpu: dict[str, list[float]] = {"prepare": [], "read": [], "total": []}
    prepare, read = api._prepare, Berita._read
    api._prepare = _timed(prepare, cpu["prepare"])
    Berita._read = _timed(read, cpu["read"])  # type: ignore[method-assign]
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
