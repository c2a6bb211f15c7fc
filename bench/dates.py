"""retrieval.dates against dateparser on the test expressions, and find_dates' speed.

    python bench/dates.py

For every expected mention in tests/test_dates.py (CASES, resolved against a publication
date) it asks ``dateparser.parse`` the mention's own text and counts it right when the date
it returns lies in the expected first..last (lenient: a month or year only has to land
inside). Then it times ``find_dates`` over every line of seeds/*.txt. Nothing here is a test.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import dateparser  # noqa: E402

from retrieval.dates import find_dates  # noqa: E402
from tests.test_dates import CASES, QUESTIONS, SEP29  # noqa: E402


def main() -> None:
    rows = [(text, pub, first, last) for _, pub, exp in CASES if pub for text, first, last, _ in exp]
    rows += [(q[0], SEP29, q[1], q[2]) for _, q in QUESTIONS]
    right, wrong, t0 = 0, [], time.perf_counter()
    for text, pub, first, last in rows:
        base = dt.datetime(pub.year, pub.month, pub.day)
        got = dateparser.parse(text, languages=["id", "en"], settings={"RELATIVE_BASE": base})
        if got is not None and first <= got.date() <= last:
            right += 1
        else:
            wrong.append(f"{text!r} → {got.date() if got else None} (want {first}..{last})")
    per_call = (time.perf_counter() - t0) / len(rows) * 1000
    print(f"dateparser: {right}/{len(rows)} right, {per_call:.1f} ms a call")
    for w in wrong:
        print("  missed", w)

    lines = [ln for p in sorted((ROOT / "seeds").glob("*.txt")) for ln in p.read_text("utf-8").splitlines()]
    lines = [ln for ln in lines if ln.strip()]
    runs = []
    for _ in range(20):
        t0 = time.perf_counter()
        for ln in lines:
            find_dates(ln, SEP29)
        runs.append((time.perf_counter() - t0) / len(lines) * 1e6)
    chars = statistics.mean(len(ln) for ln in lines)
    print(
        f"find_dates: {statistics.median(runs):.0f} µs a line (median of 20 runs, {len(lines)} seed lines, {chars:.0f} chars avg)"
    )


if __name__ == "__main__":
    main()
