#!/usr/bin/env python3
"""Held-out evaluation of a berita checkout, through its CLI as a user would run it.

    .venv/bin/python bench/heldout/run.py [--repo PATH]

Writes bench/heldout/results-<short sha>.json and prints a table. The questions were written
from the articles alone by a session that never saw tests/eval/; they measure whether what
the evaluation shows carries over. Measure with them; don't tune on them.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable


def norm_ws(s):
    return re.sub(r"\s+", " ", s or "").strip()


def norm(s):
    s = (s or "").lower()
    s = re.sub(r"[–—\-/]", " ", s)
    s = re.sub(r"[.,;:()\"'“”‘’!?%$]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def contains_words(hay, needle):
    return bool(needle) and re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay) is not None


def short_correct(gold, sa):
    """gold: the question's 'short'; sa: the JSON's short_answer (or None)."""
    if not gold or not sa:
        return False
    text = sa.get("text") or ""
    if gold.get("date") and sa.get("date") and str(sa["date"]).startswith(gold["date"]):
        return True
    if gold.get("value") is not None and sa.get("value") is not None:
        try:
            if abs(float(sa["value"]) - float(gold["value"])) <= 1e-6 * max(1.0, abs(float(gold["value"]))):
                return True
        except (TypeError, ValueError):
            pass
    p = norm(text)
    if not p:
        return False
    if gold["type"] == "yesno":
        g = norm(gold["text"]).split()[0]
        return p.split()[0] in (
            {"yes", "ya", "iya", "benar"} if g in ("yes", "ya") else {"no", "tidak", "bukan"}
        )
    cands = [gold["text"], *list(gold.get("accept") or [])]
    for c in cands:
        c = norm(c)
        if c and (c == p or contains_words(p, c)):
            return True
    # a shorter but still right answer ("Choe" for "Choe Son Hui") for names / things, not for dates/numbers
    return bool(
        gold["type"] in ("who", "where", "which", "what")
        and len(p) >= 3
        and contains_words(norm(gold["text"]), p)
    )


def first_passage(d):
    ps = d.get("passages") or []
    cited = d.get("cited") or []
    if cited:
        for p in ps:
            if p.get("n") == cited[0]:
                return p
    return ps[0] if ps else None


def declined(d):
    return not d.get("found", False)


def run_cli(repo, env, args, stdin=None):
    cmd = [PY, "-m", "bot.cli", *args]
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, cwd=str(repo))
    if r.returncode != 0:
        sys.stderr.write(f"command failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-3000:]}\n")
    return r


def parse_lines(out):
    res = []
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                res.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return res


def ask_batch(repo, env, base, questions, conversation=False):
    """questions: list of strings, or (for conversations) list of lists of strings."""
    if conversation:
        stdin = "\n\n".join("\n".join(c) for c in questions) + "\n"
        n = sum(len(c) for c in questions)
        args = [*base, "ask", "--json", "--conversation", "-"]
    else:
        stdin = "\n".join(questions) + "\n"
        n = len(questions)
        args = [*base, "ask", "--json", "-"]
    t = time.time()
    r = run_cli(repo, env, args, stdin)
    res = parse_lines(r.stdout)
    secs = time.time() - t
    if len(res) == n:
        return res, secs
    sys.stderr.write(
        f"batch gave {len(res)} answers for {n} questions; falling back to one process per question\n"
    )
    res = []
    t = time.time()
    if conversation:
        for c in questions:  # no follow-up context possible this way; mark it
            for q in c:
                out = parse_lines(run_cli(repo, env, [*base, "ask", "--json", q]).stdout)
                res.append(out[0] if out else {"found": False, "error": "no output"})
    else:
        for q in questions:
            out = parse_lines(run_cli(repo, env, [*base, "ask", "--json", q]).stdout)
            res.append(out[0] if out else {"found": False, "error": "no output"})
    return res, time.time() - t


def score_answerable(item, d):
    fp = first_passage(d)
    gold = norm_ws(item["gold_passage"])
    hit = bool(fp and gold in norm_ws(fp.get("text")))
    file_hit = bool(fp and fp.get("file") == item["gold_file"])
    in_top5 = any(gold in norm_ws(p.get("text")) for p in (d.get("passages") or [])[:5])
    return {
        "top_hit": hit,
        "top_file": file_hit,
        "in_top5": in_top5,
        "short_ok": short_correct(item["short"], d.get("short_answer")),
        "declined": declined(d),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=str(HERE.parent.parent))
    ap.add_argument("--questions", default=str(HERE / "questions.json"))
    ap.add_argument("--conversations", default=str(HERE / "conversations.json"))
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    repo = Path(a.repo).resolve()
    sha = (
        subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        or "nosha"
    )
    dirty = bool(
        subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    qs = json.loads(Path(a.questions).read_text(encoding="utf-8"))
    convs = json.loads(Path(a.conversations).read_text(encoding="utf-8"))
    env = dict(os.environ, PYTHONPATH=str(repo), BERITA_OFFLINE="1")
    env.pop("BERITA_CONFIG", None)
    folders = {"seeds": repo / "seeds", "corpus": repo / "tests" / "corpus"}
    tmp = Path(tempfile.mkdtemp(prefix="heldout-"))
    rows, conv_rows, timing = [], [], {}
    for corpus, folder in folders.items():
        base = ["--articles-dir", str(folder), "--data-dir", str(tmp / corpus)]
        t = time.time()
        run_cli(repo, env, [*base, "index"])
        timing[f"index_{corpus}_s"] = round(time.time() - t, 1)
        items = [q for q in qs if q["corpus"] == corpus]
        res, secs = ask_batch(repo, env, base, [q["question"] for q in items])
        timing[f"ask_{corpus}_s"] = round(secs, 1)
        for item, d in zip(items, res, strict=False):
            row = {
                "id": item["id"],
                "corpus": corpus,
                "lang": item["lang"],
                "kind": item["kind"],
                "question": item["question"],
                "declined": declined(d),
                "reason": d.get("reason"),
                "language": d.get("language"),
                "short_answer": d.get("short_answer"),
                "gold_short": item.get("short"),
                "first_file": (first_passage(d) or {}).get("file"),
                "answer": (d.get("answer") or "")[:300],
                "articles": d.get("articles"),
                "reported_by": len(d.get("reported_by") or []),
            }
            if item["kind"] == "answerable":
                row.update(score_answerable(item, d))
            rows.append(row)
        cs = [c for c in convs if c["corpus"] == corpus]
        if cs:
            res, secs = ask_batch(
                repo, env, base, [[t["question"] for t in c["turns"]] for c in cs], conversation=True
            )
            timing[f"conv_{corpus}_s"] = round(secs, 1)
            it = iter(res)
            for c in cs:
                for i, turn in enumerate(c["turns"]):
                    d = next(it, {})
                    row = {
                        "id": f"{c['id']}-t{i + 1}",
                        "corpus": corpus,
                        "lang": c["lang"],
                        "turn": i + 1,
                        "question": turn["question"],
                        "resolved": d.get("resolved_question"),
                        "short_answer": d.get("short_answer"),
                        "gold_short": turn["short"],
                        "first_file": (first_passage(d) or {}).get("file"),
                        "answer": (d.get("answer") or "")[:300],
                        "reason": d.get("reason"),
                    }
                    row.update(
                        score_answerable(
                            {
                                "gold_passage": turn["gold_passage"],
                                "gold_file": turn["gold_file"],
                                "short": turn["short"],
                            },
                            d,
                        )
                    )
                    conv_rows.append(row)

    def pct(x, n):
        return f"{x}/{n} ({100 * x / n:.0f}%)" if n else "-"

    summary = {}
    print(f"\nberita held-out eval — repo {repo} @ {sha}{' (dirty)' if dirty else ''}")
    hdr = f"{'group':<12}{'n':>4}  {'top-passage':>13}  {'top-file':>13}  {'gold@5':>13}  {'short ok':>13}  {'answered':>13}  {'false refus.':>13}"
    print(hdr)
    print("-" * len(hdr))
    for corpus in folders:
        for lang in ("en", "id"):
            g = [r for r in rows if r["corpus"] == corpus and r["lang"] == lang and r["kind"] == "answerable"]
            n = len(g)
            s = {k: sum(r[k] for r in g) for k in ("top_hit", "top_file", "in_top5", "short_ok", "declined")}
            nshort = sum(1 for r in g if r["gold_short"])
            summary[f"{corpus}-{lang}"] = {"n": n, **s, "n_short": nshort, "answered": n - s["declined"]}
            print(
                f"{corpus + '-' + lang:<12}{n:>4}  {pct(s['top_hit'], n):>13}  {pct(s['top_file'], n):>13}  "
                f"{pct(s['in_top5'], n):>13}  {pct(s['short_ok'], nshort):>13}  {pct(n - s['declined'], n):>13}  "
                f"{pct(s['declined'], n):>13}"
            )
    g = [r for r in rows if r["kind"] == "answerable"]
    n = len(g)
    s = {k: sum(r[k] for r in g) for k in ("top_hit", "top_file", "in_top5", "short_ok", "declined")}
    nshort = sum(1 for r in g if r["gold_short"])
    summary["all"] = {"n": n, **s, "n_short": nshort}
    print(
        f"{'ALL':<12}{n:>4}  {pct(s['top_hit'], n):>13}  {pct(s['top_file'], n):>13}  {pct(s['in_top5'], n):>13}  "
        f"{pct(s['short_ok'], nshort):>13}  {pct(n - s['declined'], n):>13}  {pct(s['declined'], n):>13}"
    )
    print()
    for kind in ("near_miss", "off_topic"):
        for lang in ("en", "id", None):
            g = [r for r in rows if r["kind"] == kind and (lang is None or r["lang"] == lang)]
            d = sum(r["declined"] for r in g)
            summary[f"{kind}-{lang or 'all'}"] = {"n": len(g), "declined": d}
            print(f"{kind + ' declined ' + (lang or 'all'):<26} {pct(d, len(g))}")
    t2 = [r for r in conv_rows if r["turn"] == 2]
    for lang in ("en", "id", None):
        g = [r for r in t2 if lang is None or r["lang"] == lang]
        ok = sum(r["short_ok"] for r in g)
        hit = sum(r["top_hit"] for r in g)
        summary[f"conv-turn2-{lang or 'all'}"] = {"n": len(g), "short_ok": ok, "top_hit": hit}
        print(
            f"{'conv turn-2 ' + (lang or 'all'):<26} short ok {pct(ok, len(g))}   top-passage {pct(hit, len(g))}"
        )
    t1 = [r for r in conv_rows if r["turn"] == 1]
    print(f"{'conv turn-1 all':<26} short ok {pct(sum(r['short_ok'] for r in t1), len(t1))}")
    lang_mismatch = [r["id"] for r in rows if r.get("language") and r["language"] != r["lang"]]
    print(f"\nlanguage detected differently from the question's: {len(lang_mismatch)} {lang_mismatch[:10]}")
    print("timings (s):", timing)
    out = Path(a.out) if a.out else HERE / f"results-{sha}.json"
    out.write_text(
        json.dumps(
            {
                "repo": str(repo),
                "sha": sha,
                "dirty": dirty,
                "summary": summary,
                "timing": timing,
                "rows": rows,
                "conversations": conv_rows,
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    print("wrote", out)


if __name__ == "__main__":
    main()
