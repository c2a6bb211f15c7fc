"""Scores answers against the evaluation files in tests/eval/ (used by the tests and `make bench`).

An ``ask`` callable maps a question to the answer's JSON (``Answer.to_dict()`` or a line of
``berita ask --json``), so the same scoring runs in-process and against the CLI.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

EVAL_DIR = Path(__file__).parent
ROOT = EVAL_DIR.parent.parent
CORPORA = {"seeds": ROOT / "seeds", "corpus": ROOT / "tests" / "corpus"}

Ask = Callable[[str], dict]


def load(kind: str, corpus: str | None = None) -> list[dict]:
    """All items of one kind of file (questions, conversations, corroboration, dates)."""
    items: list[dict] = []
    for path in sorted(EVAL_DIR.glob(f"*_{kind}.json")):
        items += json.loads(path.read_text(encoding="utf-8"))
    return [i for i in items if corpus is None or i["corpus"] == corpus]


def norm(text: str) -> str:
    """Compare text as a reader would: case, dashes, quotes and spacing don't matter."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"\[\d+\]", " ", text)
    text = re.sub(r"[\u2010-\u2015\-–—]", " ", text)
    text = re.sub(r"[\"'“”‘’«»]", "", text)
    text = re.sub(r"[^\w\s$%.,]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .,")


def contains(text: str, key: str) -> bool:
    """``key`` occurs in ``text`` as whole words ("ya" is not in "saya", "no" not in "north")."""
    # A comma before a space ends a word ("No, 8 years" says "no"); one between digits doesn't.
    text, key = (re.sub(r",(?=\s)", "", norm(x)) for x in (text, key))
    return bool(key) and f" {key} " in f" {text} "


# A title's abbreviation ends no sentence: "Menurut Dr. Wahyu …", "…, dr. Lestari Handayani, …".
_TITLE_DOT = r"(?<!\bDr\.)(?<!\bdr\.)(?<!\bProf\.)(?<!\bMoh\.)(?<!\bHj\.)(?<!\bIr\.)(?<!\bH\.)"


def first_sentence(answer_text: str) -> str:
    parts = re.split(
        rf"(?<=[.!?]){_TITLE_DOT}\s+(?=[\"“A-Z0-9])|\s\[\d+\]\s*", answer_text.strip(), maxsplit=1
    )
    return parts[0] if parts else ""


def passage_hit(passage: dict, item: dict) -> bool:
    gold = norm(item["gold_passage"])
    if gold in norm(passage["text"]):
        return True
    if passage["file"] in item.get("also_files", []):
        short = item.get("short") or {}
        keys = [short.get("text") or "", *(short.get("accept") or [])]
        return any(contains(passage["text"], k) for k in keys)
    return False


# The question types a short answer is promised for; "what"/"why"/yes-no answers are the quote.
TYPED = {"who", "when", "where", "number", "which"}


def short_correct(got: dict | None, gold: dict | None) -> bool:
    if gold is None:
        return True
    if not got:
        return False
    if gold.get("date"):
        return bool(got.get("date")) and str(got["date"]).startswith(gold["date"])
    if gold.get("value") is not None and got.get("value") is not None:
        return abs(float(got["value"]) - float(gold["value"])) <= 0.01 * abs(float(gold["value"])) + 1e-9
    keys = [gold.get("text") or "", *(gold.get("accept") or [])]
    return any(contains(got.get("text") or "", k) for k in keys)


@dataclass
class Scores:
    """Per-language measures over one evaluation run; ``misses`` lists what went wrong."""

    n: int = 0
    r1: int = 0
    r5: int = 0
    rr: float = 0.0
    short_n: int = 0
    short_ok: int = 0
    correct: int = 0
    refused: int = 0
    near_n: int = 0
    near_declined: int = 0
    off_n: int = 0
    off_declined: int = 0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, float]:
        def ratio(a: float, b: int) -> float:
            return round(a / b, 3) if b else float("nan")

        return {
            "answerable": self.n,
            "R@1": ratio(self.r1, self.n),
            "R@5": ratio(self.r5, self.n),
            "MRR": ratio(self.rr, self.n),
            "short_answer_accuracy": ratio(self.short_ok, self.short_n),
            "answer_correct": ratio(self.correct, self.n),
            "false_refusals": ratio(self.refused, self.n),
            "near_miss_declined": ratio(self.near_declined, self.near_n),
            "off_topic_declined": ratio(self.off_declined, self.off_n),
        }


def score(items: Iterable[dict], ask: Ask) -> dict[str, Scores]:
    """Run every question through ``ask``; scores keyed by language and "all"."""
    out: dict[str, Scores] = {}
    for item in items:
        answer = ask(item["question"])
        for key in (item["lang"], "all"):
            _add(out.setdefault(key, Scores()), item, answer)
    return out


def _add(s: Scores, item: dict, a: dict) -> None:
    q = item["question"]
    if item["kind"] == "off_topic":
        s.off_n += 1
        s.off_declined += not a["found"]
        if a["found"]:
            s.misses.append(f"off-topic answered: {q}")
        return
    if item["kind"] == "near_miss":
        s.near_n += 1
        s.near_declined += not a["found"]
        if a["found"]:
            s.misses.append(f"near-miss answered: {q}")
        return
    s.n += 1
    gold_short = item.get("short")
    if gold_short and gold_short.get("type") not in TYPED:
        gold_short = None
    if not a["found"]:
        s.refused += 1
        s.misses.append(f"refused: {q}")
        if gold_short:
            s.short_n += 1
        return
    ranks = [i for i, p in enumerate(a["passages"][:5], 1) if passage_hit(p, item)]
    s.r1 += bool(ranks and ranks[0] == 1)
    s.r5 += bool(ranks)
    s.rr += 1 / ranks[0] if ranks else 0.0
    short_ok = short_correct(a.get("short_answer"), gold_short)
    if gold_short:
        s.short_n += 1
        s.short_ok += short_ok
        if not short_ok:
            got = (a.get("short_answer") or {}).get("text")
            s.misses.append(f"short answer {got!r} != {gold_short['text']!r}: {q}")
    gold = norm(item["gold_passage"])
    first = norm(first_sentence(a["answer"]))
    ok = bool(first) and (gold in first or first in gold or (gold_short is not None and short_ok))
    s.correct += ok
    if not ok:
        s.misses.append(f"answer does not lead with the gold: {q} -> {a['answer'][:100]!r}")


def table(results: dict[str, Scores]) -> str:
    """A fixed-width table: one row per measure, one column per language."""
    langs = [k for k in ("en", "id", "all") if k in results]
    rows = {lang: results[lang].as_dict() for lang in langs}
    names = list(next(iter(rows.values())))
    lines = [f"{'measure':<24}" + "".join(f"{lang:>8}" for lang in langs)]
    for name in names:
        lines.append(f"{name:<24}" + "".join(f"{rows[lang][name]:>8}" for lang in langs))
    return "\n".join(lines)


# --- issue 10: follow-ups, corroboration, date questions -----------------------------------

Converse = Callable[[list[str]], list[dict]]  # one conversation's questions → its answers


def score_conversations(items: Iterable[dict], converse: Converse) -> dict[str, float]:
    """Follow-up turns (all but the first) answered correctly: understood as the gold says
    (``resolved_must_contain``; a ``standalone`` turn changes the topic and must be taken as
    typed) and answered (gold in the first sentence, or the short answer)."""
    n = ok = understood = 0
    misses: list[str] = []
    for conv in items:
        answers = converse([t["question"] for t in conv["turns"]])
        for turn, a in list(zip(conv["turns"], answers, strict=True))[1:]:
            n += 1
            resolved = a.get("resolved_question") or a["question"]
            got_it = all(contains(resolved, w) for w in turn.get("resolved_must_contain", []))
            if turn.get("standalone"):  # a new topic: the question must be taken as typed
                got_it = got_it and norm(resolved) == norm(turn["question"])
            understood += got_it
            first = norm(first_sentence(a["answer"])) if a["found"] else ""
            gold = norm(turn["gold_passage"])
            correct = a["found"] and (
                (bool(first) and (gold in first or first in gold))
                or (turn.get("short") is not None and short_correct(a.get("short_answer"), turn["short"]))
            )
            ok += bool(got_it and correct)
            if not (got_it and correct):
                misses.append(f"{turn['question']!r} understood as {resolved!r}; found={a['found']}")
    return {
        "followups": n,
        "understood": round(understood / max(1, n), 3),
        "answered_correctly": round(ok / max(1, n), 3),
        "misses": misses,  # type: ignore[dict-item]
    }


def score_corroboration(items: Iterable[dict], ask: Ask) -> dict[str, float]:
    """Precision and recall of the answer's ``reported_by`` files against the gold article sets."""
    p_sum = r_sum = 0.0
    n = 0
    misses: list[str] = []
    for item in items:
        a = ask(item["question"])
        got = {r["file"] for r in a.get("reported_by", [])} if a["found"] else set()
        gold = set(item["gold_files"])
        p = len(got & gold) / len(got) if got else 0.0
        r = len(got & gold) / len(gold)
        p_sum, r_sum, n = p_sum + p, r_sum + r, n + 1
        if got != gold:
            misses.append(f"{item['question']!r}: got {sorted(got)} gold {sorted(gold)}")
    return {
        "questions": n,
        "precision": round(p_sum / max(1, n), 3),
        "recall": round(r_sum / max(1, n), 3),
        "misses": misses,  # type: ignore[dict-item]
    }


def score_dates(
    items: Iterable[dict], ask: Ask, ask_on: Callable[[str, str], dict] | None = None
) -> dict[str, float]:
    """Date questions answered with a statement of an event on that date (in the answer). An
    item with a "today" ("pekan lalu" as of 29 Oct) is asked with that day as today when
    ``ask_on(question, today)`` is given."""
    n = ok = 0
    misses: list[str] = []
    for item in items:
        a = ask_on(item["question"], item["today"]) if ask_on and item.get("today") else ask(item["question"])
        text = norm(a["answer"]) if a["found"] else ""
        hit = any(norm(g["passage"]) in text for g in item["gold_passages"])
        n += 1
        ok += hit
        if not hit:
            misses.append(f"{item['question']!r} -> {a['answer'][:100]!r}")
    return {"questions": n, "correct": round(ok / max(1, n), 3), "misses": misses}  # type: ignore[dict-item]


def score_yesno(items: Iterable[dict], answers: dict[str, dict]) -> dict[str, int]:
    """Yes/no short answers (``short_answer.type == "yesno"``): right and wrong on the yes/no
    items (gold ``short.type == "yesno"``), how many of those got none, and how many other
    questions got one (every such one is wrong: near misses, off-topic, other types)."""
    out = {"yesno_items": 0, "right": 0, "wrong": 0, "none": 0, "given_elsewhere": 0}
    for item in items:
        got = (answers[item["question"]] or {}).get("short_answer") or {}
        gave = got.get("type") == "yesno"
        if (item.get("short") or {}).get("type") != "yesno":
            out["given_elsewhere"] += gave
            continue
        out["yesno_items"] += 1
        if not gave:
            out["none"] += 1
        elif short_correct(got, item["short"]):
            out["right"] += 1
        else:
            out["wrong"] += 1
    return out
