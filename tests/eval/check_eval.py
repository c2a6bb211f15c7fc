"""Validate the evaluation data in tests/eval/*.json against tests/eval's shared format.

Run: /work/main/.venv/bin/python tests/eval/check_eval.py [files...]
Every gold passage must be an exact substring of its article, so a typo or an edited corpus
is caught here rather than silently scoring as a retrieval miss. Exits 1 on any error.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent
ROOT = EVAL_DIR.parent.parent
CORPORA = {"seeds": ROOT / "seeds", "corpus": ROOT / "tests" / "corpus"}
LANGS = {"en", "id"}
KINDS = {"answerable", "near_miss", "off_topic"}
SHORT_TYPES = {"who", "when", "where", "number", "which", "what", "why", "yesno"}
# A passage must be long enough to be unambiguous and short enough to point at one spot.
PASSAGE_MIN, PASSAGE_MAX = 20, 200
DAY = r"\d{4}-\d{2}-\d{2}"
DATE_RE = re.compile(rf"^(\d{{4}}|\d{{4}}-\d{{2}}|{DAY}|{DAY}/{DAY})$")


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.texts: dict[str, dict[str, str] | None] = {}
        self.ids: dict[str, str] = {}
        self.counts: Counter[tuple[str, str, str, str]] = Counter()

    def error(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"{where}: {msg}")

    def corpus_texts(self, corpus: str) -> dict[str, str] | None:
        """File name -> text for a corpus; None (with one warning) if its folder is missing."""
        if corpus not in self.texts:
            folder = CORPORA[corpus]
            if folder.is_dir():
                self.texts[corpus] = {
                    p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()
                }
            else:
                self.warn(str(folder), "corpus folder missing; its passages are not checked")
                self.texts[corpus] = None
        return self.texts[corpus]

    # -- shared pieces ---------------------------------------------------------------------

    def check_head(self, where: str, item: object, keys: set[str]) -> dict | None:
        if not isinstance(item, dict):
            self.error(where, "item is not an object")
            return None
        missing = keys - item.keys()
        if missing:
            self.error(where, f"missing keys {sorted(missing)}")
            return None
        if item["corpus"] not in CORPORA:
            self.error(where, f"corpus {item['corpus']!r} not in {sorted(CORPORA)}")
            return None
        if item["lang"] not in LANGS:
            self.error(where, f"lang {item['lang']!r} not in {sorted(LANGS)}")
            return None
        ident = item["id"]
        # The corpus is one of the id's dash-separated parts: 'seeds-en-001' or, for a set
        # named first, 'fu2-seeds-en-01'.
        if not isinstance(ident, str) or item["corpus"] not in ident.split("-"):
            self.error(where, f"id {ident!r} must name its corpus {item['corpus']!r}")
        elif ident in self.ids:
            self.error(where, f"id {ident!r} already used in {self.ids[ident]}")
        else:
            self.ids[ident] = where
        return item

    def check_file(self, where: str, corpus: str, name: object) -> bool:
        texts = self.corpus_texts(corpus)
        if not isinstance(name, str) or not name:
            self.error(where, f"file name {name!r} is not a non-empty string")
            return False
        if texts is not None and name not in texts:
            self.error(where, f"file {name!r} not in corpus {corpus!r}")
            return False
        return True

    def check_passage(self, where: str, corpus: str, name: object, passage: object) -> None:
        if not self.check_file(where, corpus, name):
            return
        if not isinstance(passage, str):
            self.error(where, "passage is not a string")
            return
        if not PASSAGE_MIN <= len(passage) <= PASSAGE_MAX:
            self.error(where, f"passage is {len(passage)} chars, want {PASSAGE_MIN}-{PASSAGE_MAX}")
        texts = self.corpus_texts(corpus)
        if texts is not None and passage not in texts[str(name)]:
            self.error(where, f"passage not an exact substring of {name}: {passage[:60]!r}")

    def check_question_text(self, where: str, question: object) -> None:
        if not isinstance(question, str) or not question.strip():
            self.error(where, "question must be a non-empty string")

    def check_date(self, where: str, value: object, *, allow_null: bool) -> None:
        if value is None and allow_null:
            return
        if not isinstance(value, str) or not DATE_RE.match(value):
            self.error(where, f"date {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or a day/day range")

    def check_short(self, where: str, short: object) -> None:
        if short is None:
            return
        if not isinstance(short, dict):
            self.error(where, "short must be an object or null")
            return
        missing = {"type", "text", "date", "value", "accept"} - short.keys()
        if missing:
            self.error(where, f"short is missing {sorted(missing)}")
            return
        if short["type"] not in SHORT_TYPES:
            self.error(where, f"short.type {short['type']!r} not in {sorted(SHORT_TYPES)}")
        if not isinstance(short["text"], str) or not short["text"].strip():
            self.error(where, "short.text must be a non-empty string")
        self.check_date(where, short["date"], allow_null=True)
        value = short["value"]
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            self.error(where, f"short.value {value!r} must be a number or null")
        if short["type"] == "number" and value is None:
            self.warn(where, "short.type is number but value is null")
        if short["type"] == "when" and short["date"] is None:
            self.warn(where, "short.type is when but date is null")
        accept = short["accept"]
        if not isinstance(accept, list) or not all(isinstance(a, str) and a for a in accept):
            self.error(where, "short.accept must be a list of non-empty strings")

    # -- per file type ---------------------------------------------------------------------

    def questions(self, name: str, items: list) -> None:
        for i, raw in enumerate(items):
            where = f"{name}[{i}]"
            item = self.check_head(where, raw, {"id", "corpus", "lang", "kind", "question"})
            if item is None:
                continue
            where = f"{name}:{item['id']}"
            if not str(item["id"]).startswith(f"{item['corpus']}-{item['lang']}-"):
                self.error(where, f"question id must start with {item['corpus']}-{item['lang']}-")
            self.check_question_text(where, item["question"])
            kind = item["kind"]
            if kind not in KINDS:
                self.error(where, f"kind {kind!r} not in {sorted(KINDS)}")
                continue
            self.counts[(name, item["corpus"], item["lang"], kind)] += 1
            if kind != "answerable":
                stray = {"gold_file", "gold_passage", "also_files", "short"} & item.keys()
                if stray:
                    self.error(where, f"{kind} must not carry {sorted(stray)}")
                continue
            for key in ("gold_file", "gold_passage", "short"):
                if key not in item:
                    self.error(where, f"answerable is missing {key!r}")
            if "gold_passage" in item:
                self.check_passage(where, item["corpus"], item.get("gold_file"), item["gold_passage"])
            self.check_short(where, item.get("short"))
            also = item.get("also_files", [])
            if not isinstance(also, list):
                self.error(where, "also_files must be a list")
            else:
                for other in also:
                    self.check_file(where, item["corpus"], other)
                if item.get("gold_file") in also:
                    self.error(where, "also_files repeats gold_file")

    def conversations(self, name: str, items: list) -> None:
        for i, raw in enumerate(items):
            item = self.check_head(f"{name}[{i}]", raw, {"id", "corpus", "lang", "turns"})
            if item is None:
                continue
            where = f"{name}:{item['id']}"
            self.counts[(name, item["corpus"], item["lang"], "conversation")] += 1
            turns = item["turns"]
            if not isinstance(turns, list) or not 2 <= len(turns) <= 3:
                self.error(where, "turns must be a list of 2 or 3 turns")
                continue
            for t, turn in enumerate(turns):
                tw = f"{where} turn {t + 1}"
                if not isinstance(turn, dict):
                    self.error(tw, "turn is not an object")
                    continue
                missing = {"question", "gold_file", "gold_passage", "short"} - turn.keys()
                if missing:
                    self.error(tw, f"missing keys {sorted(missing)}")
                    continue
                self.check_question_text(tw, turn["question"])
                self.check_passage(tw, item["corpus"], turn["gold_file"], turn["gold_passage"])
                self.check_short(tw, turn["short"])
                must = turn.get("resolved_must_contain")
                if must is None:
                    if t > 0:
                        self.warn(tw, "follow-up has no resolved_must_contain")
                elif not isinstance(must, list) or not all(isinstance(w, str) and w for w in must):
                    self.error(tw, "resolved_must_contain must be a list of non-empty strings")

    def corroboration(self, name: str, items: list) -> None:
        for i, raw in enumerate(items):
            item = self.check_head(f"{name}[{i}]", raw, {"id", "corpus", "lang", "question", "gold_files"})
            if item is None:
                continue
            where = f"{name}:{item['id']}"
            self.counts[(name, item["corpus"], item["lang"], "corroboration")] += 1
            self.check_question_text(where, item["question"])
            files = item["gold_files"]
            if not isinstance(files, list) or not files:
                self.error(where, "gold_files must be a non-empty list")
                continue
            if len(set(files)) != len(files):
                self.error(where, "gold_files has duplicates")
            for f in files:
                self.check_file(where, item["corpus"], f)

    def dates(self, name: str, items: list) -> None:
        for i, raw in enumerate(items):
            keys = {"id", "corpus", "lang", "question", "date", "gold_passages"}
            item = self.check_head(f"{name}[{i}]", raw, keys)
            if item is None:
                continue
            where = f"{name}:{item['id']}"
            self.counts[(name, item["corpus"], item["lang"], "date")] += 1
            self.check_question_text(where, item["question"])
            self.check_date(where, item["date"], allow_null=False)
            golds = item["gold_passages"]
            if not isinstance(golds, list) or not golds:
                self.error(where, "gold_passages must be a non-empty list")
                continue
            for g in golds:
                if not isinstance(g, dict) or {"file", "passage"} - g.keys():
                    self.error(where, "each gold passage needs 'file' and 'passage'")
                    continue
                self.check_passage(where, item["corpus"], g["file"], g["passage"])

    # -- driver ----------------------------------------------------------------------------

    def check_path(self, path: Path) -> None:
        name = path.name
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            self.error(name, f"unreadable JSON: {exc}")
            return
        if not isinstance(items, list) or not items:
            self.error(name, "top level must be a non-empty JSON list")
            return
        for suffix, check in (
            ("_questions.json", self.questions),
            ("_conversations.json", self.conversations),
            ("_corroboration.json", self.corroboration),
            ("_dates.json", self.dates),
        ):
            if name.endswith(suffix):
                check(name, items)
                self.check_balance(name)
                return
        self.error(name, "unknown file type (want *_questions/_conversations/_corroboration/_dates.json)")

    def check_balance(self, name: str) -> None:
        """Both languages must be present in roughly equal numbers, per corpus and kind."""
        groups: dict[tuple[str, str], Counter[str]] = {}
        for (fname, corpus, lang, kind), n in self.counts.items():
            if fname == name:
                groups.setdefault((corpus, kind), Counter())[lang] += n
        for (corpus, kind), by_lang in groups.items():
            en, id_ = by_lang["en"], by_lang["id"]
            # Within 20% (or 2 items for small sets) of each other.
            if abs(en - id_) > max(2, 0.2 * (en + id_)):
                self.error(name, f"{corpus}/{kind} unbalanced: en={en} id={id_}")

    def report(self) -> None:
        print(f"{'file':32} {'corpus':7} {'lang':4} {'kind':14} count")
        for (fname, corpus, lang, kind), n in sorted(self.counts.items()):
            print(f"{fname:32} {corpus:7} {lang:4} {kind:14} {n:5}")
        totals: Counter[tuple[str, str]] = Counter()
        for (_, corpus, lang, _), n in self.counts.items():
            totals[(corpus, lang)] += n
        for (corpus, lang), n in sorted(totals.items()):
            print(f"total {corpus}/{lang}: {n}")
        for w in self.warnings:
            print(f"warning: {w}", file=sys.stderr)
        for e in self.errors:
            print(f"error: {e}", file=sys.stderr)
        print(f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)")


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(EVAL_DIR.glob("*.json"))
    checker = Checker()
    if not paths:
        checker.error(str(EVAL_DIR), "no *.json files")
    for path in paths:
        checker.check_path(path)
    checker.report()
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
