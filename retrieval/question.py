"""What a question asks for: its type, the answer type to look for, its terms and names.

Pure (stdlib, PySastrawi, our language detector and word tables): the answer layer uses it
to pick a short answer out of retrieved sentences and to bridge English questions to the
Indonesian articles.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property, lru_cache

from retrieval import language
from retrieval.lexicon import (
    EN_TO_ID,
    MONTHS,
    STOP_EN,
    STOP_ID,
    WEEKDAYS,
    american,
    is_common_word,
    loan_forms,
    root_words,
    stem,
)

TYPES = (
    "who",
    "when",
    "where",
    "how_many",
    "how_much",
    "how_long",
    "which",
    "what",
    "why",
    "how",
    "yesno",
    "other",
)

EXPECTED = {
    "who": "person",
    "when": "date",
    "where": "place",
    "how_many": "number",
    "how_much": "number",
    "how_long": "number",
    "which": "entity",
}


@dataclass(frozen=True)
class Question:
    text: str
    language: str
    type: str
    expected: str | None
    focus: tuple[str, ...]
    terms: tuple[str, ...]
    names: tuple[str, ...]
    numbers: tuple[str, ...]
    unit: str | None
    date_text: str | None

    @cached_property
    def heads(self) -> tuple[str, ...]:
        """``_heads`` of the lowered text, worked out once per question: the reader asks it
        for every candidate sentence (asked_phrase: 0.2 ms an entity question, cProfile)."""
        return tuple(_heads(self.text.lower()))


# --- question type -------------------------------------------------------------------------

_DURATION_UNITS = (
    r"(?:detik|menit|jam|hari|minggu|pekan|bulan|tahun|dekade|abad|"
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)"
)
_MONEY_WORDS = r"(?:nilai|besar|harga|biaya|dana|anggaran|uang|ongkos|tarif|gaji|kerugian|utang)"
_PERSON_NOUNS = {
    "pemimpin", "menteri", "presiden", "tokoh", "orang", "pejabat", "pemain", "pelatih", "calon",
    "kandidat", "leader", "leaders", "minister", "ministers", "president", "presidents", "person",
    "people", "official", "officials", "player", "players", "coach", "candidate", "candidates",
    "politician", "politicians", "diplomat", "diplomats", "figure", "figures",
    # News roles a "which …" question asks a person by ("which economist", "analis mana").
    "academic", "economist", "economists", "analyst", "analysts", "expert", "experts", "judge",
    "lawyer", "prosecutor", "spokesman", "spokeswoman", "spokesperson", "journalist", "reporter",
    "writer", "author", "scorer", "striker", "goalkeeper", "executive", "chairman", "chairwoman",
    "governor", "mayor", "regent", "victim", "farmer", "doctor", "scientist", "researcher",
    "ekonom", "analis", "pakar", "hakim", "pengacara", "jaksa", "wartawan", "penulis", "korban",
    "petani", "dokter", "peneliti", "akademisi", "gubernur", "bupati",
    # A side's players by position ("Which Persija defender was sent off?").
    "defender", "midfielder", "forward", "winger", "keeper", "bek", "gelandang", "penyerang",
    "kiper", "penjaga",
}  # fmt: skip
_PLACE_NOUNS = {
    "negara", "kota", "provinsi", "wilayah", "tempat", "lokasi", "daerah", "kabupaten", "desa",
    "pulau", "ibu", "country", "countries", "city", "cities", "place", "places", "location",
    "province", "region", "capital", "venue", "town", "village", "island",
}  # fmt: skip

# Head nouns of "which …"/"… mana" that ask for an organisation, an outlet or an account, not
# a person or a place: "which state media outlet" is KCNA, not the Beijing of the same
# sentence; "partai mana" a party, not its country.
_ORG_NOUNS = {
    "outlet", "outlets", "media", "newspaper", "newspapers", "paper", "agency", "agencies",
    "broadcaster", "network", "channel", "party", "parties", "organisation", "organization",
    "organisations", "organizations", "institution", "body", "committee", "court", "platform",
    "account", "handle", "publication", "koran", "harian", "partai", "organisasi", "lembaga",
    "badan", "komite", "pengadilan", "akun", "surat", "sumber", "source",
}  # fmt: skip
# Not companies, clubs or teams: their names ("Belanjaku", "Persib") are read as people or
# places as often as not, and "Which company is laying off 480 employees?" went unanswered.

# (pattern, type); the earliest match wins, then the longest. Lower-cased text.
_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), t)
    for p, t in [
        (r"\bsejak kapan\b|\bkapan(?:kah)?\b|\bwhen\b", "when"),
        # "ucapan selamat untuk hari apa?", "for what day": an occasion (Hari Yayasan), not a date.
        (r"\b(?:untuk|memperingati|merayakan|peringatan) hari apa\b|\bfor what day\b", "what"),
        (r"\b(?:tanggal|tgl|tahun|bulan|hari|pukul|jam) (?:berapa|apa)\b", "when"),
        (r"\bwhat (?:date|day|year|month|time)\b|\bin what year\b|\bwhich (?:date|day|year|month)\b", "when"),
        (r"\bon what date\b|\bat what time\b", "when"),
        (r"\bsiapa(?:kah)?\b|\bwho(?:m|se)?\b", "who"),
        (r"\b(?:di|ke|dari) ?mana(?:kah)?\b|\bwhere\b", "where"),
        # "How many months of salary", "berapa bulan gaji": pay counted in months is an amount
        # of pay, not how long something lasted (the longer match wins over how_long's).
        (
            r"\bhow many " + _DURATION_UNITS + r" (?:of|worth of) (?:\w+ )?(?:salary|pay|wages?|severance)\b"
            r"|\bberapa(?:kah)? " + _DURATION_UNITS + r" (?:gaji|upah|pesangon)\b",
            "how_many",
        ),
        # "Between which dates", "from what date to what date": a range of dates is asked.
        (r"\bbetween (?:which|what) (?:dates|days)\b|\b(?:which|what) dates\b", "when"),
        (r"\bberapa(?:kah)? (?:lama|" + _DURATION_UNITS + r")\b", "how_long"),
        (r"\bhow long\b|\bhow many " + _DURATION_UNITS + r"\b", "how_long"),
        (r"\bberapa(?:kah)? " + _MONEY_WORDS + r"\b|\bberapa persen\b", "how_much"),
        # "Berapa target pertumbuhan kredit", "berapa tingkat inflasi": a figure's value is
        # asked, not a count of targets.
        (r"\bberapa(?:kah)? (?:target|sasaran|tingkat|laju|angka|rata-rata|persentase)\b", "how_much"),
        (
            # "What is Bank Indonesia's lending facility rate?": an owner ('s) and modifiers may
            # stand between "what is" and the measure's noun.
            r"\bhow much\b|\bwhat(?:'s| (?:was|is|were|are|will be)) "
            r"(?:the (?:\w+ )?|(?:the )?(?:[\w-]+ ){0,3}[\w-]+['’]s (?:(?!on |of |in |about |to )[\w-]+ ){0,3})"
            r"(?:value|amount|cost|price|size|rate|budget|percentage|turnout|share|fine|loss|losses|damage)\b",
            "how_much",
        ),
        (r"\bwhat percentage\b|\bwhat share\b", "how_much"),
        (
            r"\bberapa(?:kah)?\b|\bhow many\b|\bwhat(?:'s| (?:was|is|were|are)) the (?:\w+ )?"
            r"(?:number|total|population|score|death toll|toll|count)\b",
            "how_many",
        ),
        (r"\bhow old\b", "how_long"),
        (r"\bhow (?:deep|high|tall|far|wide|heavy)\b", "how_much"),
        # "How big a fine", "how low could the rate go", "seberapa tinggi": a figure is asked for.
        (r"\bhow (?:big|large|small|low|weak|strong|expensive|severe|full)\b", "how_much"),
        # "How fast did lending grow?" asks a rate of growth, not how long it took.
        (
            r"\bhow (?:fast|quickly) (?:\w+ ){1,5}(?:grow|grew|grown|rise|rose|risen|increase|increased|fall|fell|shrink|shrank)\b",
            "how_much",
        ),
        (r"\bseberapa lama\b", "how_long"),
        (r"\bseberapa(?:kah)?\b", "how_much"),
        (r"\bhow (?:fast|quickly|soon)\b", "how_long"),
        (r"\bwhich (?:anniversary|edition|round)\b|\bwhat (?:anniversary|edition)\b", "how_many"),
        (r"\bke-?\s?berapa\b", "how_many"),
        (r"\bmengapa\b|\bkenapa\b|\bwhy\b|\bapa (?:sebab|alasan|penyebab)\w*\b|\bfor what reason\b", "why"),
        # The other ways a reason is asked for: colloquial "kok …?" and "apa sih alasannya",
        # "karena apa" / "gara-gara apa" after the event, "apa yang membuat …", "buat apa";
        # English "how come", "what caused / led to / made …", "what's behind …".
        (
            r"\bkok\b|\bapa (?:sih |saja |aja |yang jadi )?(?:sebab|alasan|penyebab|pemicu)\w*\b"
            r"|\b(?:alasan|penyebab|sebab|pemicu)(?:nya)? apa\b|\b(?:karena|akibat|gara-gara|gara2) apa\b"
            r"|\bapa yang (?:membuat|bikin|menyebabkan|memicu|mendorong|melatarbelakangi)\b"
            r"|\b(?:untuk|buat) apa\b|\bhow come\b"
            # a purpose: "apa tujuan …", "maksudnya apa", "what was the purpose of …"
            r"|\bapa (?:tujuan|maksud)(?:nya)?\b|\b(?:tujuan|maksud)(?:nya)? apa\b|\bfor what purpose\b"
            r"|\bwhat (?:is|was|are|were) the (?:purpose|aim|goal)s? of\b"
            r"|\bwhat (?:caused|causes|led to|leads to|made|makes|prompted|triggered|drove|pushed)\b"
            r"|\bwhat(?:'s| is| was) behind\b|\bwhat (?:is|was|are|were) the (?:reasons?|causes?)\b",
            "why",
        ),
        (r"\bbagaimana(?:kah)?\b|\bgimana\b|\bhow\b", "how"),
        (r"\bapa nama\b|\bwhat (?:is|was|are|were) the names? of\b", "which"),
        (r"\byang mana\b|\b\w+ mana(?:kah)? yang\b|\bwhich\b", "which"),
        (r"\b\w+ mana(?:kah)?\b", "which"),
        (r"\bapa(?:kah)?\b|\bwhat\b", "what"),
    ]
]

_YESNO_EN = re.compile(
    r"^(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|shall|may|might|must)\b"
)
_YESNO_ID = re.compile(r"^(?:apakah|apa benar|benarkah|betulkah|adakah|bisakah|sudahkah|akankah)\b")
# Imperatives ("tell me when…", "sebutkan…"): strip them, then analyse what is left.
_IMPERATIVE = re.compile(
    r"^(?:please |tolong |coba |mohon )?(?:can you |could you )?"
    r"(?:tell me|name|list|give me|identify|state|sebutkan|jelaskan|beritahu(?:kan)?|"
    r"beri ?tahu(?: saya)?|ceritakan|explain|describe|terangkan)\b[:,]? ?"
)


def _question_type(low: str) -> tuple[str, int]:
    """(type, position of the cue) from the lower-cased question; -1 when no cue was found."""
    best: tuple[int, int, str] | None = None
    for pattern, typ in _CUES:
        m = pattern.search(low)
        if m and (best is None or (m.start(), -(m.end() - m.start())) < (best[0], -best[1])):
            best = (m.start(), m.end() - m.start(), typ)
    if best is None:
        return "other", -1
    return best[2], best[0]


def _classify(low: str) -> str:
    rest = _IMPERATIVE.sub("", low, count=1)
    yes_no = _YESNO_ID.match(rest) or _YESNO_EN.match(rest)
    if yes_no:
        # "Apakah Kim bertemu Putin?" is yes/no; "Apakah Anda tahu kapan…" still asks when.
        typ, _ = _question_type(rest[yes_no.end() :])
        return "yesno" if typ in ("other", "what") else typ
    typ, _ = _question_type(rest)
    if typ == "other" and rest == low and low.rstrip().endswith("?"):
        return "yesno"  # "Kim tiba di Beijing pada hari Minggu?"
    if typ == "other" and rest != low:
        words = [w for w in rest.split()[:2] if w not in ("the", "all", "semua", "para", "a")]
        if words and words[0] in _PERSON_NOUNS:
            return "who"
        if words and words[0] in _PLACE_NOUNS:
            return "where"
        return "which" if re.match(r"(?:please |tolong )?(?:name|list|sebutkan|identify)\b", low) else "what"
    return typ


def _expected(typ: str, low: str) -> str | None:
    expected = EXPECTED.get(typ)
    if typ in ("which", "what"):
        heads = _heads(low)
        if any(h in _PERSON_NOUNS for h in heads):  # "which country's leader" asks for a person
            return "person"
        if any(h in _PLACE_NOUNS for h in heads):
            return "place"
        if typ == "what" and any(h in _ORG_NOUNS for h in heads):
            # "Apa sumber asli berita …?", "platform apa": a name is asked for, as by "which".
            return "entity"
    return expected


def asks_organisation(q: Question) -> bool:
    """Does a which-question's head noun ask for an organisation, an outlet or an account
    ("which newspaper", "partai mana", "akun mana") rather than any named thing?"""
    return q.expected == "entity" and _asks_organisation(q.text.lower())


@lru_cache(maxsize=256)
def _asks_organisation(low: str) -> bool:
    return any(h in _ORG_NOUNS for h in _heads(low))


_TAKE_PLACE = re.compile(r"\b(?:take|takes|took|taken|taking) place\b")


def _heads(low: str) -> list[str]:
    """Candidate head nouns of "which/what …" (English: the noun phrase up to its verb,
    "which Chinese officials attended" → chinese, officials) and "… mana/apa" (Indonesian:
    the first word, "pejabat Tiongkok mana" → pejabat)."""
    heads = []
    # "What took place on 29 September?" asks what happened: "place" is no head noun there.
    low = _TAKE_PLACE.sub("happened", low)
    for m in re.finditer(r"\b(?:which|what) ((?:[\w'-]+ ?){1,4})", low):  # "state-run news agency"
        words = []
        for w in m.group(1).split():
            w = w.removesuffix("'s")
            if w in STOP_EN or w.endswith("ed"):
                break
            words.append(w)
        heads.extend(words)
    # "Apa sumber asli berita …?": the noun after a leading "apa" heads it.
    m0 = re.match(r"(?:apa(?:kah)?) ([\w-]+)", low)
    if m0 and m0.group(1) not in STOP_ID:
        heads.append(m0.group(1))
    for m in re.finditer(r"((?:[\w-]+ ){1,3})(?:yang )?(?:mana|apa)\b", low):
        words = m.group(1).split()
        while words and words[0] in STOP_ID and words[0] not in ("nama",):
            words = words[1:]
        if words:
            heads.append(words[0])
            # The noun right before "mana" heads it too ("ditujukan kepada negara mana").
            if words[-1] not in STOP_ID:
                heads.append(words[-1])
    return heads


# --- names, numbers, dates -----------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_NAME_SEQ = re.compile(
    r"[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*(?: (?:[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*|bin|binti|van|de|al))*"
)


def _names(text: str, vocabulary: Collection[str] | None) -> list[str]:
    out: list[str] = []
    for m in _NAME_SEQ.finditer(text):
        if re.search(r"\b(?:di|ter|ber|me|dipe|diper)-$", text[max(0, m.start() - 6) : m.start()]):
            continue  # "di-PHK": an acronym used as a verb, not a name
        words = m.group().split()
        # The question's first word is capitalized anyway: drop it when it is an ordinary word.
        at_start = m.start() == 0 or text[: m.start()].rstrip().endswith(("?", "!", ".", ":", '"', "“"))
        while words and (
            words[0].lower() in STOP_EN
            or words[0].lower() in STOP_ID
            or (at_start and is_common_word(words[0]) and words[0].lower() not in _KEEP_CAPS)
        ):
            words = words[1:]
            at_start = True
        while words and words[-1] in ("bin", "binti", "van", "de", "al"):
            words.pop()
        if words:
            words[-1] = re.sub(r"['’]s$", "", words[-1])
        if len(words) == 1 and (words[0].lower() in MONTHS or words[0].lower() in WEEKDAYS):
            continue
        if words:
            out.append(" ".join(words))
    if vocabulary:
        out = _vocabulary_names(text, vocabulary, out)
    return list(dict.fromkeys(out))


# Capitalized words that are names even though they are also dictionary words.
_KEEP_CAPS = {"china", "korea", "utara", "selatan", "amerika", "serikat"}


# The last vocabulary's names by their lower-case spelling and its longest name's word count:
# the vocabulary is the index's (Terms.names, one tuple per loaded generation), the same for
# every question, and building this was a seventh of a question's analysis on the seeds.
_KNOWN: list[tuple[Collection[str], dict[str, str], int]] = []


def _known_names(vocabulary: Collection[str]) -> tuple[dict[str, str], int]:
    """The vocabulary's names by lower-case spelling and the most words one has (kept for the
    last vocabulary object seen: an index generation's names)."""
    last = _KNOWN[0] if _KNOWN else None
    if last is not None and last[0] is vocabulary:
        return last[1], last[2]
    known = {" ".join(v.lower().split()): v for v in vocabulary if v.strip()}
    longest = max((len(k.split()) for k in known), default=0)
    if isinstance(vocabulary, tuple):  # immutable: safe to keep
        _KNOWN[:] = [(vocabulary, known, longest)]
    return known, longest


def _vocabulary_names(text: str, vocabulary: Collection[str], found: list[str]) -> list[str]:
    """Names written in lower case: the longest runs of words that spell a known name."""
    known, longest = _known_names(vocabulary)
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    have = {f.lower() for f in found}
    out = list(found)
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            words = [t for t, _ in tokens[i : i + n]]
            key = " ".join(w.lower() for w in words)
            if key in known and not (n == 1 and (key in STOP_EN or key in STOP_ID)):
                if key not in have and not any(key in h.split() or key in h for h in have):
                    out.append(known[key])
                    have.add(key)
                i += n
                break
        else:
            i += 1
    return out


_NUMBER_WORDS = {
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus", "seribu", "ribu", "juta",
    "miliar", "milyar", "triliun", "setengah", "puluhan", "ratusan", "ribuan", "jutaan",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "half",
}  # fmt: skip
_NUMBER = re.compile(r"\b(?:ke-)?\d+(?:[.,:/]\d+)*(?:st|nd|rd|th)?\b|\$\d+(?:[.,]\d+)*", re.IGNORECASE)

_MONTH_RE = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_RE = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_PREP = (
    r"(?:(?:pada|on|in|sejak|since|tanggal|tgl\.?|hari|pada hari|pada tanggal|during|selama|per|as of)\s+)?"
)
_DATE_PATTERNS = [
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b" + _DAY_RE + r",?\s*\(?\d{1,2}/\d{1,2}(?:/\d{2,4})?\)?",
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    r"\b(?:" + _DAY_RE + r",?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+\d{4})?\b",
    r"\b" + _MONTH_RE + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b",
    r"\b(?:awal|akhir|pertengahan|early|late|mid-?|end of|beginning of)\s*" + _MONTH_RE + r"(?:\s+\d{4})?\b",
    r"\b" + _MONTH_RE + r"\s+\d{4}\b",
    r"\b(?:tahun|year)\s+\d{4}\b",
    r"\b(?:in|pada|sejak|since|sebelum|before|after|setelah)\s+\d{4}\b",
    r"\b(?:last|this|next|past)\s+(?:week|weekend|month|year|" + _DAY_RE + r")\b",
    r"\b" + _DAY_RE + r"\s+(?:lalu|kemarin|ini|depan)\b",
    r"\b(?:earlier|later)\s+this\s+(?:week|month|year)\b",
    r"\b(?:(?:akhir\s+)?(?:minggu|pekan|bulan|tahun)\s+(?:lalu|ini|depan|kemarin)|akhir\s+pekan(?:\s+lalu)?)\b",
    r"\b(?:awal|akhir)\s+(?:bulan|tahun|pekan|minggu)\s+(?:ini|lalu)\b",
    r"\b(?:\d+|beberapa|dua|tiga)\s+(?:hari|minggu|pekan|bulan|tahun)\s+(?:lalu|terakhir)\b",
    r"\b(?:\d+|a few|few|several|two|three)\s+(?:days|weeks|months|years)\s+ago\b",
    r"\b(?:kemarin|hari ini|besok|yesterday|today|tomorrow|tonight|semalam|tadi malam)\b",
    r"\b(?:terbaru|terkini|baru-baru ini|belakangan ini|latest|most recent|recently|recent)\b",
    r"\b" + _DAY_RE + r"\b",
]
_DATE = re.compile("|".join(f"(?:{_PREP}(?:{p}))" for p in _DATE_PATTERNS), re.IGNORECASE)


# A word or digit every _DATE_PATTERNS match holds (after its optional _PREP): a question
# without one has no date span, found at a fifth of _DATE's cost (_DATE tries its 19 patterns,
# each behind _PREP, at every character: 0.35 ms a question on the bench's, 0.07 for this; two
# in three of them hold none). A pattern added to _DATE_PATTERNS adds its word here
# (test_question's test_date_trigger checks every eval question).
_DATE_TRIGGER = re.compile(
    r"\d|"
    + _MONTH_RE
    + "|"
    + _DAY_RE
    + r"|last|this|next|past|earlier|later|minggu|pekan|bulan|tahun|akhir|awal|days|weeks|months"
    r"|years|kemarin|hari ini|besok|yesterday|today|tomorrow|tonight|semalam|tadi malam|terbaru"
    r"|terkini|baru-baru ini|belakangan ini|latest|recent",
    re.IGNORECASE,
)


def _date_text(text: str) -> str | None:
    """The longest date-like span (a constraint such as "on 28 September" or "minggu lalu")."""
    if not _DATE_TRIGGER.search(text):
        return None
    spans = [m for m in _DATE.finditer(text) if m.group().strip()]
    # "Minggu" alone is Sunday or "week": only take a bare weekday when nothing better exists.
    if not spans:
        return None
    best = max(spans, key=lambda m: (len(m.group()), -m.start()))
    return best.group().strip() or None


def _numbers(text: str) -> list[str]:
    out = [m.group() for m in _NUMBER.finditer(text)]
    out += [w for w in (t.lower() for t in _TOKEN.findall(text)) if w in _NUMBER_WORDS]
    return out


_UNIT_AFTER = re.compile(
    r"\b(?:how many|berapa(?:kah)?(?: (?:banyak|jumlah|banyaknya|jumlahnya))?)\s+([^\W\d_]+(?:-[^\W\d_]+)?)",
    re.UNICODE,
)
_UNIT_CANON = {
    "hari": "day", "days": "day", "day": "day", "jam": "hour", "hours": "hour", "hour": "hour",
    "menit": "minute", "minutes": "minute", "detik": "second", "seconds": "second",
    "minggu": "week", "pekan": "week", "weeks": "week", "week": "week", "bulan": "month",
    "months": "month", "month": "month", "tahun": "year", "years": "year", "year": "year",
    "dekade": "decade", "decades": "decade", "abad": "century", "centuries": "century",
    "orang": "person", "people": "person", "persons": "person", "jiwa": "person",
    "persen": "percent", "percent": "percent", "percentage": "percent",
    "dollars": "USD", "dollar": "USD", "dolar": "USD", "rupiah": "IDR", "kali": "times",
    "times": "times", "kilometer": "km", "kilometers": "km", "km": "km", "kilometres": "km",
    "kilometre": "km", "meter": "m", "meters": "m", "metres": "m", "metre": "m", "hektare": "ha",
    "hektar": "ha", "hectares": "ha", "hectare": "ha", "ha": "ha", "kilogram": "kg", "kg": "kg",
    "kilograms": "kg", "ton": "ton", "tons": "ton", "tonnes": "ton", "basis": "bps", "bps": "bps",
}  # fmt: skip
# Units of measure: a question asking for one is not answered by a quantity in another
# ("berapa km" is not "satu gunung"; "berapa hektare" is not "Rp 48 miliar").
MEASURES = frozenset({"km", "m", "ha", "kg", "ton", "bps", "percent"})
_NOT_UNITS = STOP_EN | STOP_ID | {"yang", "did", "does", "do", "was", "were", "is", "are", "has", "have"}


def canonical_unit(word: str | None) -> str | None:
    """A unit word in either language → "day", "year", "person", "percent", "USD"…; other
    nouns come back lower-cased as they are ("tentara", "troops")."""
    if not word:
        return None
    w = word.lower()
    return _UNIT_CANON.get(w, w)


# Nouns that name a person by what they head or belong to ("kepala negara", "heads of state",
# "anggota DPR"): counted with what follows them, never alone.
# (noun, followed by "of"): Indonesian puts the headed noun straight after, English after "of".
_HEAD_NOUNS = frozenset(
    {("kepala", False), ("ketua", False), ("anggota", False)}
    | {(w, True) for w in ("heads", "head", "members", "chiefs")}
)
_HEAD_OF = re.compile(r" (of )?([^\W\d_]+)", re.UNICODE)

_MEASURE_OF = {
    "deep": "m", "high": "m", "tall": "m", "far": "km", "wide": "km", "heavy": "kg",
    "dalam": "m", "tinggi": "m", "jauh": "km", "luas": "km", "berat": "kg",
}  # fmt: skip


def _unit(typ: str, low: str) -> str | None:
    if typ == "how_long":
        m = re.search(r"\b(?:berapa(?:kah)?|how many) (" + _DURATION_UNITS + r")\b", low)
        return canonical_unit(m.group(1)) if m else None
    if typ == "how_much":
        if re.search(r"\bpersen|percent|\bturnout\b", low):
            return "percent"
        m = re.search(
            r"\b(?:how|seberapa) (deep|high|tall|far|wide|heavy|dalam|tinggi|jauh|luas|berat)\b", low
        )
        if m:  # a measure: "how deep" is metres, "how far" kilometres
            return _MEASURE_OF[m.group(1)]
        m = re.search(r"\b(dollars?|dolar|rupiah)\b", low)
        return canonical_unit(m.group(1).rstrip("s")) if m else None
    if typ == "how_many":
        m = _UNIT_AFTER.search(low)
        if not m or m.group(1) in _NOT_UNITS:
            return None
        of = _HEAD_OF.match(low, m.end(1))
        if of and of.group(2) not in _NOT_UNITS and (m.group(1), bool(of.group(1))) in _HEAD_NOUNS:
            # "berapa kepala negara", "how many heads of state": the head of something is a
            # person counted, not "kepala" as a counting word; the whole noun is the unit.
            return f"{m.group(1)} {of.group().strip()}"
        if not m.group().startswith("how many"):
            return canonical_unit(m.group(1))  # Indonesian puts the head noun first
        # English puts it last: "how many world leaders attended" → "leaders".
        words = []
        for w in re.findall(r"[a-z'-]+", low[m.start(1) :])[:3]:
            if w in _NOT_UNITS or w.endswith("ed"):
                break
            words.append(w)
        known = [w for w in words if w in _UNIT_CANON or w in EN_TO_ID or w.endswith("s")]
        # "how many more days": the first word after "how many" may already stop the noun.
        return canonical_unit((known or words)[-1]) if words else None
    return None


# --- terms ---------------------------------------------------------------------------------

WH_WORDS = {
    "siapa", "siapakah", "kapan", "kapankah", "mana", "manakah", "dimana", "mengapa", "kenapa",
    "bagaimana", "bagaimanakah", "berapa", "berapakah", "apa", "apakah", "sebutkan", "jelaskan",
    "who", "whom", "whose", "when", "where", "why", "how", "what", "which",
}  # fmt: skip


def _focus(text: str) -> list[str]:
    out = []
    for word in _TOKEN.findall(text):
        low = word.lower()
        if low in WH_WORDS or low in STOP_EN or low in STOP_ID:
            continue
        out.append(word)
    return out


def _terms(focus: list[str], lang: str) -> list[str]:
    out: list[str] = []
    for word in focus:
        low = word.lower()
        out.append(low)
        if lang == "id" and low.isalpha():
            s = stem(low)
            if s and s != low:
                out.append(s)
    return list(dict.fromkeys(out))


def detect_language(text: str, default: str = "en") -> str:
    """'id' or 'en': function words decide ("banjir di Banjar"); failing them, an Indonesian
    dictionary word that is no English word makes it Indonesian ("cara daftar BPJS online",
    "lirik lagu"), an English one English ("cold brew coffee"); ``default`` breaks ties."""
    lang = language.detect(text, default="")
    if lang:
        return lang
    ind = eng = 0
    for w in re.findall(r"[^\W\d_]+", text):
        low = w.lower()
        if low in EN_TO_ID or low in STOP_EN:
            eng += 1
        elif is_common_word(w) and (low in root_words() or stem(low) in root_words()):
            ind += 1  # not a short root such as "Kim", which is as likely a name
    if ind == eng:
        return default
    return "id" if ind > eng else "en"


# A match's score or result: "the final score", "skor akhir", "hasil akhir laga …", "how did
# the game … end", "laga … berakhir". Its answer is a scoreline ("2-1"), which no count, date
# or reason gives: "What was the final score between Persib and Persija?" was answered
# "2 minutes" (from "dua menit sebelum waktu normal habis"). "Score" as a verb ("how many goals
# did he score") asks a count.
_MATCH = r"(?:match|game|derby|clash|duel|final|tie|clasico|laga|pertandingan|derbi|partai)"
_SCORE = re.compile(
    r"\b(?:final|full[- ]time|half[- ]time|the|what|match|game)(?:'s)? score\b|\bscoreline\b"
    r"|\bskor(?:nya)?\b"
    r"|\b(?:hasil|result|outcome)(?: akhir| final)?(?:nya)? (?:of )?(?:the )?" + _MATCH + r"\b"
    r"|\bhow did (?:[\w'-]+ ){0,8}?" + _MATCH + r"\b(?: [\w'-]+){0,8}? end\b"
    r"|\b(?:laga|pertandingan)\b(?: [\w-]+){0,8}? berakhir\b"
)


def asks_score(low: str) -> bool:
    """Does the (lower-cased) question ask a match's score or result (``_SCORE``)?"""
    return bool(_SCORE.search(low))


def analyze(text: str, vocabulary: Collection[str] | None = None) -> Question:
    """Analyse one question. ``vocabulary``: known names (e.g. from the index), so that
    names typed in lower case ("kim jong un") are still found."""
    clean = " ".join(text.split())
    low = clean.lower().replace("’", "'")
    lang = detect_language(clean)
    typ = _classify(low)
    score = typ in ("how_many", "how_much", "how", "what", "other") and asks_score(low)
    if score:
        typ = "how_many"  # a scoreline is read as a figure, its unit "score" (spans.scores)
    focus = _focus(clean)
    return Question(
        text=text,
        language=lang,
        type=typ,
        expected=_expected(typ, low),
        focus=tuple(focus),
        terms=tuple(_terms(focus, lang)),
        names=tuple(_names(clean, vocabulary)),
        numbers=tuple(_numbers(clean)),
        unit="score" if score else _unit(typ, low),
        date_text=_date_text(clean),
    )


# --- English → Indonesian bridge -----------------------------------------------------------

BRIDGE_LONGEST = max(len(k.split()) for k in EN_TO_ID)


@lru_cache(maxsize=8192)  # a word's forms: bridge_terms and reader.concepts look up every n-gram
def lookup(key: str) -> tuple[str, ...]:
    """The Indonesian forms of an English word or phrase; a plural's last word may stand for
    its singular ("foreign ministers" → "foreign minister")."""
    alts = EN_TO_ID.get(key)
    if alts:
        return alts
    head, _, last = key.rpartition(" ")
    if not last:
        return ()
    one = singular(last, head)
    if one:
        return EN_TO_ID.get(f"{head} {one}".strip(), ())
    # A British spelling finds the table's American entry ("criticised", "programme").
    for variant in american(last):
        alts = EN_TO_ID.get(f"{head} {variant}".strip()) or ()
        one = singular(variant, head)
        alts = alts or (EN_TO_ID.get(f"{head} {one}".strip(), ()) if one else ())
        if alts:
            return alts
    return ()


def singular(word: str, head: str = "") -> str | None:
    """The table's singular of an English word ("ministers" → "minister"); with ``head``, of
    the phrase's last word."""
    pre = f"{head} " if head else ""
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            cand = word[: -len(suffix)] + repl
            if pre + cand in EN_TO_ID:
                return cand
    return None


# English words that are only a country or month when written so ("us" is a pronoun).
_AMBIGUOUS = {"us": {"US"}, "may": {"May"}, "march": {"March"}, "un": {"UN"}, "general": set()}


def bridge_terms(q: Question) -> list[str]:
    """Indonesian terms for an English question's words (multiword ones as phrases, e.g.
    "korea utara"); [] for an Indonesian question. For BM25 and term coverage."""
    if q.language != "en":
        return []
    originals = _TOKEN.findall(re.sub(r"['’]s\b", "", q.text))
    words = [w.lower() for w in originals]
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(BRIDGE_LONGEST, len(words) - i), 0, -1):
            key = " ".join(words[i : i + n])
            if key in _AMBIGUOUS and originals[i] not in _AMBIGUOUS[key]:
                continue
            if n == 1 and key in STOP_EN:
                continue
            alts = lookup(key)
            if alts:
                out.extend(alts)
                i += n
                break
        else:
            # A Latinate word the table lacks in its Indonesian loan form ("hegemonism" →
            # "hegemonisme"): a guess the articles don't use finds nothing, so it costs nothing.
            out.extend(loan_forms(words[i]) if words[i] not in STOP_EN else ())
            i += 1
    return list(dict.fromkeys(out))
