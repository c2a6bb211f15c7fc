"""Answer quality on the evaluation files (tests/eval/), per language, with the real model.

    python bench/quality.py [--out bench/results]

Builds an index over seeds/ and one over tests/corpus/, asks every evaluation question, and
prints R@1, R@5, MRR, short-answer accuracy, answer-correct, decline rates and false refusals
per language; then the decline calibration: the threshold chosen on held-out folds and the
margin between the weakest answered and the strongest declined question.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval import Berita, load_config  # noqa: E402
from tests.eval import harness  # noqa: E402


def berita_for(corpus: str, work: Path) -> Berita:
    folder = work / corpus / "articles"
    shutil.copytree(harness.CORPORA[corpus], folder)
    config = load_config(flags={"articles_dir": str(folder), "data_dir": str(work / corpus / "data")})
    b = Berita(config)
    b.build()
    return b


def calibrate(rows: list[tuple[float, bool]], folds: int = 5, seed: int = 7) -> dict:
    """``rows``: (confidence, should_answer). The threshold that makes the fewest mistakes
    (a false refusal counts as much as a wrong answer) on k-1 folds, scored on the held-out
    fold; and the margin on all rows."""
    rng = random.Random(seed)
    rows = rows[:]
    rng.shuffle(rows)

    def best_threshold(train: list[tuple[float, bool]]) -> float:
        cands = sorted({c for c, _ in train})
        mids = [(a + b) / 2 for a, b in itertools.pairwise(cands)] or cands

        def errors(t: float) -> int:
            return sum((c >= t) != ok for c, ok in train)

        return min(mids, key=lambda t: (errors(t), -t))

    held = {"false_refusals": 0, "wrong_answers": 0, "answerable": 0, "unanswerable": 0}
    thresholds = []
    for i in range(folds):
        test = rows[i::folds]
        train = [r for j, r in enumerate(rows) if j % folds != i]
        t = best_threshold(train)
        thresholds.append(round(t, 4))
        for c, ok in test:
            held["answerable" if ok else "unanswerable"] += 1
            held["false_refusals"] += ok and c < t
            held["wrong_answers"] += (not ok) and c >= t
    answered = [c for c, ok in rows if ok]
    declined = [c for c, ok in rows if not ok]
    return {
        "fold_thresholds": thresholds,
        "threshold_all": round(best_threshold(rows), 4),
        "held_out_false_refusal_rate": round(held["false_refusals"] / max(1, held["answerable"]), 3),
        "held_out_wrong_answer_rate": round(held["wrong_answers"] / max(1, held["unanswerable"]), 3),
        "weakest_answerable": round(min(answered), 4) if answered else None,
        "strongest_unanswerable": round(max(declined), 4) if declined else None,
    }


def fit_confidence(rows: list[tuple[dict[str, float], bool]], folds: int = 5, seed: int = 7) -> dict:
    """Logistic regression of "should answer" on the reader's signals (numpy, L2-regularised),
    with the held-out-fold error rates at the 0.5 cut. Prints weights for reader.py."""
    import numpy as np

    names = sorted(rows[0][0])
    x = np.array([[r[0][k] for k in names] for r in rows], dtype=float)
    y = np.array([1.0 if r[1] else 0.0 for r in rows])
    mu, sd = x.mean(0), x.std(0) + 1e-9

    def train(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        z = (xs - mu) / sd
        z = np.hstack([z, np.ones((len(z), 1))])
        w = np.zeros(z.shape[1])
        for _ in range(4000):
            p = 1 / (1 + np.exp(-z @ w))
            grad = z.T @ (p - ys) / len(ys) + 0.01 * np.r_[w[:-1], 0]
            w -= 0.5 * grad
        return w

    def predict(w: np.ndarray, xs: np.ndarray) -> np.ndarray:
        z = np.hstack([(xs - mu) / sd, np.ones((len(xs), 1))])
        return 1 / (1 + np.exp(-z @ w))

    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    fr = wa = na = nu = 0
    for i in range(folds):
        test = [order[j] for j in range(len(order)) if j % folds == i]
        train_idx = [order[j] for j in range(len(order)) if j % folds != i]
        w = train(x[train_idx], y[train_idx])
        p = predict(w, x[test])
        for pi, yi in zip(p, y[test], strict=True):
            if yi:
                na += 1
                fr += pi < 0.5
            else:
                nu += 1
                wa += pi >= 0.5
    w = train(x, y)
    # Back to raw feature units: z = (x - mu) / sd  →  w_raw = w / sd, bias = b - sum(w * mu / sd)
    raw = {k: round(float(w[i] / sd[i]), 3) for i, k in enumerate(names)}
    raw["bias"] = round(float(w[-1] - np.sum(w[:-1] * mu / sd)), 3)
    p_all = predict(w, x)
    return {
        "weights": raw,
        "held_out_false_refusal_rate": round(fr / max(1, na), 3),
        "held_out_wrong_answer_rate": round(wa / max(1, nu), 3),
        "weakest_answerable": round(float(min(p_all[y == 1], default=0)), 4),
        "strongest_unanswerable": round(float(max(p_all[y == 0], default=0)), 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = ap.parse_args()
    results: dict = {}
    conf_rows: list[tuple[float, bool]] = []
    signal_rows: list[tuple[dict[str, float], bool]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in ("seeds", "corpus"):
            b = berita_for(corpus, Path(tmp))
            items = harness.load("questions", corpus)
            answers: dict[str, dict] = {}

            def ask(q: str, b: Berita = b, answers: dict = answers) -> dict:
                answers[q] = b.ask(q).to_dict()
                return answers[q]

            scores = harness.score(items, ask)
            results[corpus] = {lang: s.as_dict() for lang, s in scores.items()}
            print(f"\n== {corpus} ({len(items)} questions)\n{harness.table(scores)}")
            for line in scores["all"].misses:
                print("   ", line)
            results[corpus]["yesno"] = harness.score_yesno(items, answers)
            print(f"  yes/no short answers: {results[corpus]['yesno']}")

            def converse(questions: list[str], b: Berita = b) -> list[dict]:
                conv = b.conversation()
                return [b.ask(q, conversation=conv).to_dict() for q in questions]

            def ask_fresh(q: str, b: Berita = b) -> dict:
                return b.ask(q).to_dict()

            def ask_on(q: str, today: str, b: Berita = b) -> dict:
                return b.ask(q, today=dt.date.fromisoformat(today)).to_dict()

            extra = {
                "conversations": harness.score_conversations(harness.load("conversations", corpus), converse),
                "corroboration": harness.score_corroboration(
                    harness.load("corroboration", corpus), ask_fresh
                ),
                "dates": harness.score_dates(harness.load("dates", corpus), ask_fresh, ask_on),
            }
            for name, res in extra.items():
                shown = {k: v for k, v in res.items() if k != "misses"}
                print(f"  {name}: {shown}")
                for line in res["misses"]:
                    print("     ", line)
                results[corpus][name] = shown
            for item in items:
                a = answers[item["question"]]
                if a.get("confidence") is not None:
                    conf_rows.append((float(a["confidence"]), item["kind"] == "answerable"))
                if a.get("signals"):
                    signal_rows.append((a["signals"], item["kind"] == "answerable"))
    if conf_rows:
        results["calibration"] = calibrate(conf_rows)
        print("\n== decline calibration\n" + json.dumps(results["calibration"], indent=2))
    if signal_rows:
        results["confidence_fit"] = fit_confidence(signal_rows)
        print("\n== confidence fit (held-out folds)\n" + json.dumps(results["confidence_fit"], indent=2))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "quality.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
