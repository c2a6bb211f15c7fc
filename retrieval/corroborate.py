"""Which articles report the same fact: sentence groups across articles, and where they differ.

Index time, ``group_sentences`` joins sentences of *different* articles that state the same
thing — a paraphrase (high cosine of the sentence vectors) that also shares an anchor: a
person's name, a named organisation or event, a number with its unit, or a resolved date.
A very high cosine joins on its own. Candidate pairs come from a kNN search (FAISS), so the
cost grows with n·k, not n².

Pairs merge through union–find, most similar first, with one guard: a group holds at most
``MAX_PER_ARTICLE`` sentences of one article. Plain union–find chains on a one-topic
corpus (every seed sentence is about China and North Korea; cross-article cosines have
median 0.84): at COS_ANCHORED 0.90 it made one group of 20 of the seeds' 68 sentences.
The guard bounds a group by the number of articles and keeps it a set of *reports*.

Query time, ``reported_line`` and ``disagreements`` read a group: who reports it, and where
the reports differ on a number or a day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import language
from .dates import TimeMention, month_end
from .facts import Facts
from .lexicon import STOP_EN, STOP_ID
from .question import _UNIT_CANON, canonical_unit
from .spans import numbers

# --- thresholds, measured on the seeds with intfloat/multilingual-e5-small ("passage: ") ---
#
# Cross-article sentence pairs on the seeds: median cosine 0.842, 90th percentile 0.876,
# 99th 0.913 (same-article pairs: median 0.850) — the model rates any two sentences about
# the same story as close, so cosine alone separates only near-translations.
#
# Same-fact pairs that share an anchor: 0.90–0.94 (Wang–Choe meeting 0.938/0.929/0.926/
# 0.909; the 80th-anniversary parade 0.925/0.924/0.918; the test corpus' flood and BI-rate
# updates 0.904–0.952). Swept over 0.88–0.91 against tests/eval/*_corroboration.json
# (article set of the group of the sentence closest to the question): flat from 0.89 to
# 0.905 on both corpora; at 0.88 groups chain (seeds' largest group 6 → 9 sentences, test
# corpus precision 0.85 → 0.80); at 0.91 recall falls (test corpus 0.83 → 0.62). At 0.90
# "Wang Yi attended Kim's banquet" (4 Sep; 0.902 with the 28 Sep meeting) joins the
# meeting, hence the top of the plateau:
COS_ANCHORED = 0.905
# Without a shared anchor, the same statement restated reaches 0.93+ ("China bersedia
# memperkuat koordinasi…" / "Tiongkok bersedia memperkuat koordinasi…" 0.930; the hegemony
# pledge 0.935; "status tanggap darurat" 0.933), while different statements of one story
# stay at or below 0.920. The sweep is flat from 0.92 to 0.93; 0.94 loses the pledges.
COS_ALONE = 0.925
# Neighbours asked of the kNN index per sentence: k=3 already gives the same groups as all
# n² pairs on the seeds and the test corpus; 10 leaves room for corpora where one story runs
# in many articles, or an article repeats itself (same-article neighbours take slots).
K_NEIGHBOURS = 10
# Exact inner-product search up to this many sentences, HNSW above. Exact all-pairs search
# grows as n²: 10.9 s for 20k sentences on the 2-core dev box (≈ 70 s at 50k, ≈ 18 min at
# 200k), while HNSW built and searched 50k in ≈ 25 s. Below 50k exact costs less than the
# encoding of those sentences did.
EXACT_LIMIT = 50_000
# Every joined pair also shares this many content words (non-stop words and their stems):
# short fragments get inflated cosines — "(Foto: Dok." / "(Foto: Kemendag)" 0.936, two
# unrelated quotes about "keputusan" 0.939, sharing 1–2 words — while true paraphrases on
# the seeds and the test corpus share 4 or more (median 8).
MIN_SHARED_WORDS = 3
# At most this many sentences of one article in a group (the chain guard). Measured at
# COS_ANCHORED 0.905, group of the sentence closest to the question, P/R: seeds 0.74/0.72
# with 1 (an article's restatement — "Pernyataan disampaikan Wang … pada Minggu, 28
# September" — is left out of its meeting group), 0.80/0.83 with 2, and unbounded the
# the same at 0.905 but one 20-sentence group at 0.90 (8 with 2). Test corpus 0.85/0.83
# with any of them.
MAX_PER_ARTICLE = 2
# A date anchors only when it is specific: a day, or a span up to a month ("awal September").
ANCHOR_DATE_DAYS = 31

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def anchors(f: Facts) -> tuple[frozenset[Hashable], tuple[tuple[dt.date, dt.date], ...]]:
    """The specific things a sentence names: name tokens, organisations/events, numbers with
    units (as a set), and its specific dates (as intervals, matched by overlap).

    Places are left out: in a corpus about two countries every sentence names them.
    """
    keys: set[Hashable] = set()
    for p in f.people:
        keys.update(("p", t) for t in _TOKEN.findall(p.text.lower()))
    place_or_person = {s.text for s in f.places} | {s.text for s in f.people}
    for e in f.entities:
        if e.text not in place_or_person:
            keys.add(("e", " ".join(_TOKEN.findall(e.text.lower()))))
    for q in f.quantities:
        keys.add(("q", q.value, q.unit, q.ordinal))
    spans = tuple((m.first, m.last) for m in f.dates if _specific(m))
    return frozenset(keys), spans  # type: ignore[return-value]


def _specific(m: TimeMention) -> bool:
    return (
        not m.unresolved
        and m.first is not None
        and m.last is not None
        and (m.last - m.first).days < ANCHOR_DATE_DAYS
    )


# Counts of people go by many nouns ("1.200 warga", "1.350 jiwa", "2.100 pengungsi"): one
# quantity for telling whether two reports differ on it.
_PEOPLE_UNITS = {"orang", "jiwa", "warga", "penduduk", "pengungsi", "person", "people", "persons"}


def unit_key(unit: str | None) -> str | None:
    """The unit two statements of a number are compared under."""
    if unit is None:
        return None
    low = unit.lower()
    return "person" if low in _PEOPLE_UNITS else canonical_unit(low)


def exact_values(f: Facts) -> dict[str | None, set[str]]:
    """The numbers a sentence states outright, by unit: not hedged ("sedikitnya 14",
    "sekitar 3.400", "belasan"), not ordinal; "menjadi 1.350" is the number itself."""
    out: dict[str | None, set[str]] = {}
    for q in f.quantities:
        if q.ordinal or q.approx or q.qualifier not in (None, "to") or q.unit is None:
            continue
        out.setdefault(unit_key(q.unit), set()).add(_number(q.value, None))
    return out


# A statement of what may come ("BI-Rate bisa turun ke 4,50 persen", "is expected to") reports
# no fact a number could contradict.
_FORECAST = re.compile(
    r"\b(?:bisa|dapat|akan|bakal|diperkirakan|memperkirakan|diprediksi|memprediksi|berpotensi|"
    r"kemungkinan|menargetkan|ditargetkan|could|may|might|will|would|expected|expects|forecast)\b",
    re.I,
)


@lru_cache(maxsize=1 << 16)  # asked of every other-article candidate of every answer (api._disputes)
def forecast(sentence: str) -> bool:
    """Does the sentence say what may happen rather than what did?"""
    return bool(_FORECAST.search(sentence))


def conflict(a: Facts, b: Facts, *, days: bool = False, single: bool = False) -> bool:
    """Do two statements give different numbers of one unit (1.200 warga / 1.350 jiwa), or
    with ``days`` different days for what they both date? Statements with different numbers
    are not one report of a fact: grouping them would count an article for a number it never
    states. With ``single`` only a sentence giving one value of the unit counts ("4,00 persen …
    5,50 persen" names two rates). Days are left out of grouping: one story's reports date different moments of it
    (the flood's start in one, the evacuee count of the next day in another), and measured on
    the test corpus, splitting on them took the flood's update out of the flood's group."""
    va, vb = exact_values(a), exact_values(b)
    if any(
        unit in vb and not vals & vb[unit] and not (single and (len(vals) > 1 or len(vb[unit]) > 1))
        for unit, vals in va.items()
    ):
        return True
    if not days:
        return False
    da = {m.first for m in a.dates if m.granularity == "day" and not m.unresolved and m.first}
    db = {m.first for m in b.dates if m.granularity == "day" and not m.unresolved and m.first}
    return bool(da and db and not da & db)


def share_anchor(a: Facts, b: Facts) -> bool:
    """True when the two sentences name a common person, organisation, number or date."""
    return _shared(anchors(a), anchors(b))


def _neighbours(vectors: np.ndarray, k: int, exact_limit: int) -> tuple[np.ndarray, np.ndarray]:
    import faiss

    x = np.array(vectors, dtype=np.float32, order="C")  # a copy: normalized in place below
    faiss.normalize_L2(x)  # the thresholds are cosines, whatever the caller's vectors are
    n, d = x.shape
    index: faiss.Index
    if n <= exact_limit:
        index = faiss.IndexFlatIP(d)
    else:
        # 32 links a node, search breadth 4k (at least 64): FAISS's usual defaults for recall.
        hnsw = faiss.IndexHNSWFlat(d, 32, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efSearch = max(64, 4 * k)
        index = hnsw
    index.add(x)
    sims, ids = index.search(x, min(k + 1, n))
    return sims, ids


def group_sentences(
    doc_ids: np.ndarray,
    vectors: np.ndarray,
    facts: Sequence[Facts],
    k: int = K_NEIGHBOURS,
    exact_limit: int = EXACT_LIMIT,
) -> np.ndarray:
    """A group id per sentence: sentences of different articles that report the same fact
    share one; a sentence reported nowhere else keeps an id of its own.

    ``vectors`` are normalized sentence vectors (row i for sentence i), ``doc_ids`` the
    article of each sentence, ``facts`` each sentence's ``reader.Facts``. Group ids are
    0..g-1, numbered in order of each group's first sentence (deterministic).
    """
    doc_ids = np.asarray(doc_ids)
    n = len(doc_ids)
    if len(vectors) != n or len(facts) != n:
        raise ValueError("doc_ids, vectors and facts must have one row per sentence")
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    sims, ids = _neighbours(vectors, k, exact_limit)
    cache: dict[int, tuple] = {}

    def anchors_of(i: int) -> tuple:  # (anchor keys, date spans, content words), once each
        if i not in cache:
            cache[i] = (*anchors(facts[i]), _content(facts[i]))
        return cache[i]

    pairs: list[tuple[float, int, int]] = []
    seen: set[tuple[int, int]] = set()
    for i in range(n):
        for s, j in zip(sims[i], ids[i], strict=True):
            j = int(j)
            if j < 0 or j == i or doc_ids[i] == doc_ids[j] or s < COS_ANCHORED:
                continue
            key = (i, j) if i < j else (j, i)
            if key in seen:
                continue
            seen.add(key)
            a, b = anchors_of(i), anchors_of(j)
            if len(a[2] & b[2]) < MIN_SHARED_WORDS:
                continue
            if s >= COS_ALONE or _shared(a[:2], b[:2]):
                pairs.append((float(s), *key))
    # Most similar first; ties broken by position so the result never depends on set order.
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))

    parent = list(range(n))
    per_doc: dict[int, Counter] = {}  # root -> sentences per article in its group

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    members: dict[int, list[int]] = {}  # root -> its sentences

    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        ci = per_doc.get(ri) or Counter([doc_ids[ri].item()])
        cj = per_doc.get(rj) or Counter([doc_ids[rj].item()])
        if any(ci[d] + c > MAX_PER_ARTICLE for d, c in cj.items()):
            continue  # the chain guard: see MAX_PER_ARTICLE
        mi, mj = members.get(ri, [ri]), members.get(rj, [rj])
        if any(conflict(facts[a], facts[b]) for a in mi for b in mj):
            continue  # different numbers or days: not one report (see ``conflict``)
        if ci.total() < cj.total():
            ri, rj, ci, cj = rj, ri, cj, ci
        parent[rj] = ri
        ci.update(cj)
        per_doc[ri] = ci
        per_doc.pop(rj, None)
        members[ri] = mi + mj
        members.pop(rj, None)

    roots = np.fromiter((find(i) for i in range(n)), dtype=np.int64, count=n)
    _, first, inverse = np.unique(roots, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))  # renumber groups by their first sentence
    return order[inverse].astype(np.int64)


def content_words(f: Facts) -> frozenset[str]:
    """The words two statements of one fact share (not stop words, digits or short words)."""
    return _content(f)


def _content(f: Facts) -> frozenset[str]:
    return frozenset(
        w for w in f.words if len(w) > 2 and not w.isdigit() and w not in STOP_ID and w not in STOP_EN
    )


def _shared(a: tuple, b: tuple) -> bool:
    ka, da = a
    kb, db = b
    if ka & kb:
        return True
    return any(f1 <= l2 and f2 <= l1 for f1, l1 in da for f2, l2 in db)


# --- reading a group ------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One value as stated, with the articles that state it."""

    value: str  # "4 day", "2025-09-28": comparable form
    text: str  # as written in the first article that states it ("empat hari", "Minggu (28/9)")
    docs: tuple  # the articles as the caller named them (an answer names them by ``Reporter``)

    def to_dict(self) -> dict:
        return {
            "value": self.value,
            "text": self.text,
            "reported_by": [d.to_dict() if isinstance(d, Reporter) else d for d in self.docs],
        }


@dataclass(frozen=True)
class Disagreement:
    """Articles of one group that state different numbers (same unit) or different days."""

    kind: str  # "number" | "date"
    unit: str | None  # the quantity's unit; None for dates
    claims: tuple[Claim, ...]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "unit": self.unit, "claims": [c.to_dict() for c in self.claims]}


# Reports published more than this many days apart may be updates of a developing story
# (the test corpus' flood: 1.200 displaced on 3 Nov, 1.350 on 4 Nov), not a disagreement.
SAME_CYCLE_DAYS = 1


def disagreements(
    group_facts: Sequence[Facts],
    docs: Sequence,
    published: Sequence[dt.date | None] | None = None,
) -> list[Disagreement]:
    """Within one group: numbers of one unit, or days, on which two articles differ.

    ``docs[i]`` is the article (id or file) of ``group_facts[i]``, ``published[i]`` its
    publication date if known. Two articles disagree when both state a value of the same
    kind and their values have nothing in common — so a sentence that names both the summit
    (Thursday) and the parade (Wednesday) does not contradict one that names only Thursday.
    Hedged numbers ("sedikitnya 14", "belasan", "sekitar 26") contradict nothing; articles
    published more than ``SAME_CYCLE_DAYS`` apart, or a day later than the earlier article
    could know, are updates, not a dispute.
    """
    if len(group_facts) != len(docs) or (published is not None and len(published) != len(docs)):
        raise ValueError("group_facts, docs and published must have one row per sentence")
    pub: dict[Hashable, dt.date | None] = {}
    # kind, unit -> value -> (text, docs in order); and kind, unit -> doc -> its values
    stated: dict[tuple, dict[str, tuple[str, list]]] = {}
    by_doc: dict[tuple, dict[Hashable, set[str]]] = {}
    for i, (f, doc) in enumerate(zip(group_facts, docs, strict=True)):
        pub.setdefault(doc, published[i] if published is not None else None)
        items: list[tuple[tuple, str, str]] = []
        for q in f.quantities:
            if q.ordinal or q.approx or q.qualifier not in (None, "to"):
                continue
            unit = unit_key(q.unit)
            items.append((("number", unit), _number(q.value, unit), q.text))
        for m in f.dates:
            if m.granularity == "day" and not m.unresolved and m.first is not None:
                items.append((("date", None), m.first.isoformat(), m.text))
        for key, value, text in items:
            text_docs = stated.setdefault(key, {}).setdefault(value, (text, []))
            if doc not in text_docs[1]:
                text_docs[1].append(doc)
            by_doc.setdefault(key, {}).setdefault(doc, set()).add(value)

    def comparable(kind: str, a: Hashable, b: Hashable, values: set[str]) -> bool:
        pa, pb = pub.get(a), pub.get(b)
        if pa is None or pb is None:
            return True
        if abs((pa - pb).days) > SAME_CYCLE_DAYS:
            return False
        # A day after the earlier article went out ("Senin malam" in the next day's update)
        # was not known to it: a later development, not a contradiction.
        return kind != "date" or pa == pb or max(values) < min(pa, pb).isoformat()

    out: list[Disagreement] = []
    for key, per_doc in by_doc.items():
        items_ = list(per_doc.items())
        disputed = {
            d
            for i, (a, va) in enumerate(items_)
            for b, vb in items_[i + 1 :]
            if not va & vb and comparable(key[0], a, b, va | vb)
            for d in (a, b)
        }
        if not disputed:
            continue
        claims = []
        for v, (t, ds) in sorted(stated[key].items(), key=lambda kv: (-len(kv[1][1]), kv[0])):
            ds = [d for d in ds if d in disputed]
            if ds:
                claims.append(Claim(value=v, text=t, docs=tuple(ds)))
        out.append(Disagreement(kind=key[0], unit=key[1], claims=tuple(claims)))
    return out


def _number(value: float, unit: str | None) -> str:
    v = int(value) if float(value).is_integer() else value
    return f"{v} {unit}" if unit else str(v)


# Two numbers are one when they differ by at most this share (rounding: "1,35 juta" and 1.350.000).
SAME_NUMBER = 0.005


def asked_numbers(question: str) -> set[float]:
    """The numbers a question names, read both ways where the separators are ambiguous: an
    English "1,350" is 1350 where Indonesian "1,35" is 1.35, and "1.200" the other way round."""
    out = {q.value for q in numbers(question) if not q.ordinal}
    for tok in re.findall(r"(?<![\w.,])\d{1,3}(?:[.,]\d{3})+(?![\w.,]*\d)", question):
        out.add(float(re.sub(r"[.,]", "", tok)))
    for tok in re.findall(r"(?<![\w.,])\d+[.,]\d{1,2}(?![\d])", question):
        out.add(float(tok.replace(",", ".")))
    return out


def states(f: Facts, values: set[float], units: set[str] | None = None) -> bool:
    """Does the sentence state one of these numbers (hedged or not)? With ``units`` (the
    question's units of measure), a number given in another unit of measure does not count:
    "1,5 hingga 3,5 persen" states no water 1,5 metres high."""
    qs = list(f.quantities)
    # A range's first number has the unit of its end: "1,5 hingga 3,5 persen".
    unit_of = [
        q.unit or (qs[i + 1].unit if i + 1 < len(qs) and qs[i + 1].qualifier == "up to" else None)
        for i, q in enumerate(qs)
    ]
    return any(
        abs(q.value - v) <= SAME_NUMBER * max(abs(v), 1e-9)
        and not (units and _measure(u) and unit_key(u) not in units)
        for q, u in zip(qs, unit_of, strict=True)
        for v in values
    )


_MEASURES = frozenset(_UNIT_CANON.values())


def _measure(unit: str | None) -> bool:
    return unit_key(unit) in _MEASURES


def asked_units(question: str) -> set[str]:
    """The units of measure the question gives its numbers in ("1,5 meter" → {"m"}); nouns
    counted ("16 villages") are left out: the articles name them in another language."""
    return {k for q in numbers(question) if _measure(q.unit) and (k := unit_key(q.unit))}


def states_short(f: Facts, value: float | None, iso: str | None) -> bool:
    """Does a statement give this short answer: its number, or a date within the answer's
    day, month or year (at most a week wide when the answer is a day: "akhir pekan lalu"
    states the Sunday of that weekend, "September" does not)?"""
    if value is not None:
        return states(f, {value})
    span = _iso_span(iso)
    if span is None:
        return False
    first, last = span
    widest = max(last - first, dt.timedelta(days=7))
    return any(
        m.first is not None
        and m.last is not None
        and m.first <= last
        and m.last >= first
        and m.last - m.first <= widest
        for m in f.dates
    )


def _iso_span(iso: str | None) -> tuple[dt.date, dt.date] | None:
    """YYYY-MM-DD, YYYY-MM or YYYY as the days it covers."""
    try:
        if not iso:
            return None
        if len(iso) == 10:
            d = dt.date.fromisoformat(iso)
            return d, d
        if len(iso) == 7:
            y, m = int(iso[:4]), int(iso[5:7])
            return dt.date(y, m, 1), month_end(y, m)
        if len(iso) == 4:
            return dt.date(int(iso), 1, 1), dt.date(int(iso), 12, 31)
    except ValueError:
        return None
    return None


def holds_all(required: Iterable[Sequence[str]], words: frozenset[str] | set[str]) -> bool:
    """Does ``words`` hold one form of every required concept? A form of several words
    ("korea utara") counts when all its words are there."""
    return all(any(all(p in words for p in f.split()) for f in forms) for forms in required)


def share_held(
    concepts_forms: Sequence[Sequence[str]], weights: Sequence[float], words: frozenset[str] | set[str]
) -> float:
    """The share of the concepts (by weight) whose forms ``words`` holds."""
    total = sum(weights)
    held = sum(w for forms, w in zip(concepts_forms, weights, strict=True) if holds_all([forms], words))
    return held / total if total else 0.0


# A statement that something did not happen ("Hingga Senin siang belum ada laporan korban
# jiwa") names the fact's words without reporting it.
_DENIED = re.compile(
    r"\b(?:belum ada|tidak ada|tak ada|belum pernah|tidak pernah|no reports? of|there (?:was|were) no|"
    r"no one|nobody)\b",
    re.I,
)


def denies(text: str) -> bool:
    """Does the sentence say the thing did not happen (or has not yet)?"""
    return bool(_DENIED.search(text))


# --- dating an undated article --------------------------------------------------------------


def infer_published(rows: Iterable[tuple[str, str | None, int]]) -> dict[str, dt.date]:
    """A reference date for each undated article, from ``(file, published ISO or None, group)``
    per sentence: the publication date most often found among the dated articles that share
    its sentence groups (ties: the later date).

    An article that reports the same facts as articles of 29 Sep 2025 was written then, close
    enough to resolve "hari Minggu" or "10 Oktober" — which undated, stay unresolved. The
    index resolves such an article's dates against it (build.py), the timeline and the
    answers then say the date is inferred.
    """
    dated: dict[str, str] = {}
    members: dict[int, set[str]] = {}
    for file, date, group in rows:
        if date:
            dated[file] = date
        if group >= 0:
            members.setdefault(group, set()).add(file)
    votes: dict[str, Counter] = {}
    for files in members.values():
        known = [d for d in (_iso_date(dated[f]) for f in files if f in dated) if d]
        for f in files:
            if f not in dated:
                votes.setdefault(f, Counter()).update(known)
    return {f: max(c.items(), key=lambda kv: (kv[1], kv[0]))[0] for f, c in votes.items() if c}


def _iso_date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


# --- saying who reports it ------------------------------------------------------------------


@dataclass(frozen=True)
class Reporter:
    """One article that reports the fact: what the answer cites."""

    file: str
    title: str
    source: str | None
    date: str | None  # ISO publication date
    n: int | None = None  # the citation number of its passage in an answer

    def to_dict(self) -> dict:
        return {"file": self.file, "title": self.title, "source": self.source, "date": self.date, "n": self.n}


def reporters(rows: Sequence[Reporter]) -> list[Reporter]:
    """One entry per article, earliest publication first (undated last), then by file."""
    seen: dict[str, Reporter] = {}
    for r in rows:
        seen.setdefault(r.file, r)
    return sorted(seen.values(), key=lambda r: (r.date is None, r.date or "", r.file))


_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
}


def _short_date(iso: str, lang: str) -> str:
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {_MONTHS[lang][d.month - 1]} {d.year}"


def short_title(title: str, limit: int = 60) -> str:
    """An article without an outlet is named by its title, cut at a word."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0] + "…"


def outlet_names(reported: Iterable[Reporter]) -> list[str]:
    """The outlets among the reporters, each once. An article without an outlet is no outlet:
    its title ("Menteri Luar Negeri Tiongkok Wang Yi mengadakan pembicaraan…") answered
    "which newspaper reported …" as if it were one."""
    return list(dict.fromkeys(r.source for r in reported if r.source))


# A reporter named by its title is cut shorter than elsewhere: four such names in the seeds'
# "Reported by" line ran to four console lines at full length, two at 40 characters.
REPORTER_TITLE = 40


def reporter_name(r: Reporter, lang: str = "en") -> str:
    """'Metrotvnews.com (29 Sep 2025) [1]': the outlet (or the title, cut), its date and, when
    the answer cites its passage, the citation number."""
    name = r.source or short_title(r.title, REPORTER_TITLE) or r.file
    name += f" ({_short_date(r.date, lang)})" if r.date else ""
    return name + (f" [{r.n}]" if r.n else "")


def reported_line(group: Sequence[Reporter], total: int, lang: str = "en") -> str:
    """'Reported by 4 of 5 articles: Metrotvnews.com (29 Sep 2025), …' (or in Indonesian).

    An article without a known outlet is named by its title.
    """
    lang = "id" if lang == "id" else "en"
    names = [reporter_name(r, lang) for r in reporters(group)]
    n = len(names)
    if lang == "id":
        head = f"Diberitakan oleh {n} dari {total} artikel"
    else:
        head = f"Reported by {n} of {total} article{'s' if total != 1 else ''}"
    return f"{head}: {', '.join(names)}"


def disagreement_line(d: Disagreement, lang: str = "en") -> str:
    """ "The articles differ: 1.200 warga — KABARIN (3 Nov 2025) [4]; 1.350 jiwa —
    Kabarbanua.com (4 Nov 2025) [1]": each value as written, with the articles that state it."""
    lang = "id" if lang == "id" else "en"
    claims = []
    for c in d.claims:
        names = []
        for r in c.docs:
            if not isinstance(r, Reporter):
                names.append(str(r))
                continue
            names.append(reporter_name(r, lang))
        claims.append(f"{c.text} — {', '.join(names)}")
    return language.text(lang, "differ", claims="; ".join(claims))
