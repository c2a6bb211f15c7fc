"""Follow-up questions: pronouns and ellipsis resolved from the previous turns, no generative model.

"When did she become foreign minister?" after "Who is North Korea's foreign minister?"
(answered "Choe Son Hui") is retrieved as "When did Choe Son Hui become foreign minister?",
and the user is shown how it was understood. Pure: stdlib and our word tables only.

Referents, most salient first:
- he/she/him/her/his, dia/ia/beliau, "-nya": a single person — the previous short answer when it
  named one person, else the people the previous question named, else those in the answer's quote;
- they/them/their, mereka: a group — the answer's people when several, else the question's
  people, else a collective noun phrase ("tentara Korea Utara"), else the question's names;
- there, di/ke/dari sana: the previous place (with the event held there: "parade militer di Beijing");
- it/its/that, itu/tersebut: the conversation's topic — an answered entity ("KCNA") or the
  previous question's noun phrase or, failing that, its clause in brackets;
- "what about X?", "bagaimana dengan X?", "and in 2023?": the previous question with X swapped in.
Names the follow-up itself contains are never its referents ("Kim berjanji apa kepadanya?"
→ -nya is not Kim), and a subject or possessive pronoun after the question's own person is
that person's ("Did Kim bring his daughter?") and stays. "she" after "he" was resolved to X is
someone other than X. A short question that brings no new noun keeps the previous topic
("Apa saja yang dipamerkan?"); one naming a subject of its own is a new topic and stays as typed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from retrieval import language, spans
from retrieval.lexicon import EN_TO_ID, PLACES, STOP_EN, STOP_ID, root_words, stem
from retrieval.question import Question, analyze, detect_language

# Follow-ups in the seed conversations reach back at most two turns ("mereka" in a third turn
# means the troops of the first); four leaves a margin while keeping a topic from long ago
# from leaking into a new line of questions.
MAX_TURNS = 4
# A question of at most this many content words, with no names and no referring word, keeps
# the previous topic ("Apa saja yang dipamerkan?" → 1). Questions that introduce a topic of
# their own have a name or more words ("What did China and North Korea agree on?" → 3 + names).
SHORT_QUESTION = 2


@dataclass(frozen=True)
class Turn:
    """One answered question, as the caller fills it after answering."""

    text: str  # the resolved question (Resolved.text) that was retrieved with
    question: Question  # analyze(text)
    answer_text: str | None = None  # the short answer's text, None when there was none
    answer_type: str | None = None  # ShortAnswer.type: who | when | where | number | which | what
    people: tuple[str, ...] = ()  # named in the answer's lead quote
    places: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    language: str = "en"
    # Where the answer was (the quoted sentence's passage and id): a follow-up is read near it.
    chunk_id: int | None = None
    sentence_id: int | None = None
    # Names the quote gives with their short form: ("Kantor Berita Pusat Korea", "KCNA").
    acronyms: tuple[tuple[str, str], ...] = ()
    # The sentence the answer quoted: what "Who said that?" asks the speaker of.
    quote: str = ""

    @classmethod
    def of(
        cls,
        text: str,
        *,
        answer_text: str | None = None,
        answer_type: str | None = None,
        quote: str | None = "",
        vocabulary: Collection[str] | None = None,
        chunk_id: int | None = None,
        sentence_id: int | None = None,
    ) -> Turn:
        """A turn from the resolved question and the short answer (text, type, quote); any of
        the three may be missing (no short answer, nothing found)."""
        q = analyze(text, vocabulary)
        quote = quote or ""
        answer_text = answer_text.strip() if isinstance(answer_text, str) else None
        if answer_text and answer_type == "which":
            answer_text = fitting_answer(text, answer_text, quote)
            if _plural_which(text):
                answer_text = _coordinated(answer_text, quote)
        found = spans.people(quote)
        # Names with a title or of two words or more first: a lone capitalized word is more
        # often a noun at the start of a sentence ("Padi kami …") than a person.
        found.sort(key=lambda sp: not (sp.role or " " in sp.text))
        return cls(
            text=text,
            question=q,
            answer_text=answer_text or None,
            answer_type=(answer_type or None) if answer_text else None,
            people=tuple(dict.fromkeys(s.text for s in found)),
            places=tuple(dict.fromkeys(s.text for s in spans.places(quote))),
            entities=tuple(dict.fromkeys(s.text for s in spans.entities(quote))),
            language=q.language,
            chunk_id=chunk_id,
            sentence_id=sentence_id,
            acronyms=tuple((m.group(1), m.group(2)) for m in _ACRONYM.finditer(quote)),
            quote=spans.strip_dateline(" ".join(re.sub(r"\[\d+\]", " ", quote).split())).rstrip(" ."),
        )


# "Which company …?", "gunung api mana …?": what kind of thing a which-question asks for.
_ORG_ASKED = {
    "company", "firm", "startup", "agency", "bank", "club", "team", "party", "organisation",
    "organization", "outlet", "newspaper", "perusahaan", "klub", "tim", "partai", "lembaga",
    "instansi", "organisasi", "kantor",
}  # fmt: skip
_PLACE_ASKED = {"volcano", "mountain", "gunung", "regency", "district", "station", "stasiun"}


def _coordinated(answer: str, quote: str) -> str:
    """ "Pasar Senen Station" for "Which stations …?" when the quote says "Stasiun Pasar Senen
    dan Gambir": the several things asked for ("them"), as the quote joins them."""
    core = [w for w in answer.split() if w.lower() not in _FEATURES and w[:1].isupper()]
    if not core:
        return answer
    m = re.search(
        re.escape(" ".join(core)) + r"\s*,?\s+(?:dan|and|serta)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", quote
    )
    if not m or _is_person(m.group(1)):
        return answer
    return f"{answer} and {m.group(1)}"


def _asked_kind(question: str) -> tuple[str, str] | None:
    """("org" | "place", the noun) that "Which company …" / "gunung api mana …" asks for."""
    low = question.lower()
    m = re.search(r"\bwhich\s+([a-z]+)", low) or re.search(r"([a-z]+)(?:\s+[a-z]+)?\s+mana\b", low)
    if not m:
        return None
    noun = m.group(1)
    if noun in _ORG_ASKED:
        return "org", noun
    if noun in _PLACE_ASKED or noun in _PLACE_NOUNS or noun in _FEATURES:
        return "place", noun
    return None


def fitting_answer(question: str, answer: str, quote: str) -> str:
    """The which-answer, or, when it is not the kind of thing asked for (a place for "Which
    company …?", an agency for "gunung api mana …?"), the name of that kind the quote gives
    after the noun ("Perusahaan e-commerce Belanjaku", "Gunung Ile Lewotolok"): what a
    follow-up's "it" and "-nya" then mean."""
    asked = _asked_kind(question)
    if not asked:
        return answer
    kind, noun = asked
    if kind == "org" and not (_is_place(answer) or _is_person(answer)):
        return answer
    if kind == "place" and not (answer.replace(" ", "").isupper() or _is_person(answer)):
        return answer
    forms = {noun, *(f for f in EN_TO_ID.get(noun, ()) if " " not in f)}
    for form in sorted(forms, key=len, reverse=True):
        m = re.search(
            r"\b((?i:" + re.escape(form) + r"))\b(?:\s+[a-z][\w-]*){0,2}?\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)",
            quote,
        )
        if m and m.group(2)[:1].isupper() and not _same(m.group(2), answer):
            name = m.group(2)
            return f"{m.group(1)} {name}" if kind == "place" and m.group(1)[:1].isupper() else name
    return answer


# "Kantor Berita Pusat Korea (KCNA)": a name and the short form the articles also use.
_ACRONYM = re.compile(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*)+)\s*\(([A-Z][A-Z0-9-]{1,9})\)")


@dataclass(frozen=True)
class Resolved:
    text: str  # what to retrieve with
    understood_as: str | None  # set only when it differs from what the user typed
    # (the user's words, what they became); ("", topic) when a short question got the topic added.
    replaced: tuple[tuple[str, str], ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "understood_as": self.understood_as,
            "replaced": [list(p) for p in self.replaced],
        }


def understood_line(resolved: Resolved, lang: str) -> str | None:
    """ "Understood as: …" / "Dipahami sebagai: …", or None when nothing was resolved."""
    if not resolved.understood_as:
        return None
    return language.text(lang, "understood_as", text=resolved.understood_as)


# --- words ----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)

_PERSON_EN = {"he", "she", "him"}
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_POSSESSIVE_EN = {"his", "her", "its", "their"}
_GROUP_EN = {"they", "them"}
_PERSON_ID = {"dia", "ia", "beliau"}
_GROUP_ID = {"mereka"}
_EXISTENTIAL = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "'s",
    "being",
    "will",
    "would",
    "has",
    "have",
    "had",
}
_MOTION_EN = {"go", "goes", "went", "gone", "travel", "travelled", "traveled", "come", "came", "fly", "flew",
              "return", "returned", "move", "moved", "send", "sent", "get", "got", "arrive", "arrived"}  # fmt: skip
# "it" that refers to nothing ("Was it the first time…", "Is it true…").
_DUMMY_IT = re.compile(
    r"^\s+(?:the first|the last|the only|true|possible|likely|clear|known|reported|said|the case|a first|"
    r"been|take|takes|took|seems?|seemed|appears?|appeared|matters?|mattered)\b"
)
_PLACE_NOUNS = {
    "wilayah", "kota", "negara", "tempat", "lokasi", "daerah", "provinsi", "kawasan", "kabupaten",
    "desa", "pulau", "region", "city", "country", "place", "location", "province", "area",
    "town", "village", "island", "venue",
}  # fmt: skip
# Words naming a feature or a building before a proper name: the name is a place.
_FEATURES = {
    "mount", "mt", "gunung", "lake", "danau", "river", "sungai", "bukit", "teluk", "selat",
    "station", "stasiun", "bandara", "airport", "stadion", "stadium", "kecamatan", "port",
    "pelabuhan", "gedung", "istana", "palace",
}  # fmt: skip
_PERSON_NOUNS = {
    "menteri", "menlu", "presiden", "pemimpin", "tokoh", "pejabat", "orang", "minister", "president",
    "leader", "official", "man", "woman", "person",
}  # fmt: skip
# Nouns whose "-nya" is someone's, never a thing's: "kuasa hukumnya", "pengacaranya", "istrinya".
_PERSON_OWNED_ID = {
    "hukum", "pengacara", "istri", "suami", "anak", "ayah", "ibu", "keluarga", "ajudan", "bicara",
    "rekan", "mitra", "pasangan", "atasan", "bawahan", "asisten", "sekretaris", "pelatih",
}  # fmt: skip
_GROUP_NOUNS = {
    "tentara", "pasukan", "prajurit", "serdadu", "pemimpin", "menteri", "pejabat", "warga",
    "korban", "pengungsi", "delegasi", "troops", "soldiers", "forces", "leaders", "ministers",
    "officials", "residents", "victims", "delegations", "delegates", "people",
}  # fmt: skip
# Nouns for a person or a side of a story: "and the losing pair?", "kalau pelatih lawan?" ask
# the previous question of them instead of its people.
_SIDE_NOUNS = _PERSON_NOUNS | _GROUP_NOUNS | {
    "pair", "couple", "team", "side", "rival", "rivals", "opponent", "opponents", "coach",
    "pasangan", "tim", "pihak", "lawan", "pelatih", "kubu",
}  # fmt: skip
# Heads of a noun phrase for people, which "its" never means ("its staff's offices").
_PEOPLE_HEADS = _PERSON_NOUNS | _GROUP_NOUNS | {
    "staff", "employees", "workers", "karyawan", "pegawai", "pekerja", "staf", "executive", "ceo",
    "director", "chief", "head", "chairman", "spokesperson", "spokesman", "judge", "lawyer",
    "coach", "governor", "regent", "direktur", "kepala", "ketua", "hakim", "pengacara", "pelatih",
    "gubernur", "bupati",
}  # fmt: skip


def _people_head(phrase: str) -> bool:
    """Is a noun phrase's head people ("the chief executive", "the staff of Belanjaku")?"""
    words = phrase.lower().split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head in _PEOPLE_HEADS


# Events held on one day, whose day "that day"/"hari itu" can mean.
_DAY_EVENTS_EN = r"(?:parade|summit|meeting|ceremony|match|game|election|vote|event|rally)"
_DAY_EVENTS_ID = r"(?:parade|pertemuan|upacara|pertandingan|laga|pemungutan|acara|rapat|sidang)"
# Verbs whose "-nya" is the organisation or thing made ("Kapan didirikannya?": the company,
# not its founder): what is founded, set up or launched is no person.
_FOUNDED_ID = {
    "didirikan", "mendirikan", "dirikan", "berdiri", "dibentuk", "membentuk", "diluncurkan", "meluncurkan",
}  # fmt: skip
# Nouns whose "-nya" means an organisation ("perusahaannya" = the company's).
_ORG_NOUNS = {"perusahaan", "kantor", "klub", "tim", "partai", "lembaga", "organisasi", "instansi", "bank"}
# Nouns for any event: "acara itu"/"that event" is the event held where the talk was.
_EVENT_NOUNS = {"acara", "kegiatan", "event", "occasion", "ceremony", "upacara"}
# Nouns of time that "itu"/"that" turn into the date answered before ("hari itu", "that day").
_WHEN_NOUNS = {"hari", "tanggal", "saat", "waktu", "day", "date", "time"}
# Words that ask about people without naming them.
_SOMEONE = {
    "anybody", "anyone", "someone", "somebody", "who", "victim", "victims", "man", "woman",
    "siapa", "seseorang", "korban", "pria", "wanita", "perempuan", "laki-laki", "penduduk",
    "karyawan", "pekerja", "employees", "workers", "penumpang", "passengers", "pemain", "players",
    "he", "she", "him", "her", "dia", "ia", "beliau",
}  # fmt: skip
# Words ending in "-nya" that are adverbs or fixed words, not "noun + his/her/its".
_NYA_FIXED = {
    "akhirnya", "biasanya", "rupanya", "katanya", "tampaknya", "agaknya", "misalnya", "hanya",
    "punya", "nya", "sebenarnya", "sebelumnya", "selanjutnya", "sesudahnya", "setelahnya",
    "seharusnya", "sesungguhnya", "sepertinya", "umumnya", "khususnya", "lainnya", "berikutnya",
    "terutamanya", "mestinya", "semestinya", "kiranya", "adanya", "bagaimananya", "apanya",
    "siapanya", "kapannya", "manakah", "caranya", "jumlahnya", "banyaknya", "lamanya",
}  # fmt: skip
# Nouns that only stand for "the matter" ("hal itu" = it), not for a thing of someone's.
_GENERIC_ID = {"hal", "soal", "masalah", "kasus", "peristiwa", "kejadian", "informasi", "berita", "kabar"}
_PREPOSITIONS_EN = {
    "to",
    "about",
    "on",
    "of",
    "for",
    "with",
    "against",
    "from",
    "in",
    "at",
    "by",
    "over",
    "into",
}
_PREPOSITIONS_ID = {"kepada", "pada", "untuk", "dengan", "bagi", "terhadap", "oleh", "dari", "tentang", "atas",
                    "bersama", "antara", "soal", "ke", "di"}  # fmt: skip
# Prepositions whose "-nya" is a person ("kepadanya" = to him/her), not a thing.
_TO_SOMEONE_ID = {"kepada", "pada", "untuk", "dengan", "bagi", "terhadap", "oleh", "bersama"}
# Words that refer back; one left unresolved means the question depends on a lost context.
_REFERRING = {
    "he",
    "she",
    "him",
    "her",
    "his",
    "they",
    "them",
    "their",
    "it",
    "its",
    "dia",
    "ia",
    "beliau",
    "mereka",
}
# Words that open a question without being a name, though capitalized there.
_OPENERS = {"since", "until", "till", "according", "besides", "sejak", "semenjak", "menurut", "selain"}
_WH_EN = {"who", "whom", "whose", "what", "when", "where", "why", "how", "which"}
_WH_ID = {"siapa", "siapakah", "kapan", "kapankah", "mana", "manakah", "dimana", "mengapa", "kenapa",
          "bagaimana", "bagaimanakah", "berapa", "berapakah", "apa", "apakah", "gimana"}  # fmt: skip
_AUX_EN = {"did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "would",
           "can", "could", "should", "many", "much", "long", "big", "old", "the", "a", "an"}  # fmt: skip
_LEAD_ID = {"yang", "saja", "sih", "lagi", "lalu", "terus", "dan", "kah", "sudah", "telah", "akan", "di", "ke",
            "dari", "pada", "tanggal", "hari", "tahun", "bulan", "lama", "banyak", "jumlah"}  # fmt: skip
# Indonesian verbs without a prefix, which a noun phrase cannot contain.
_BARE_VERBS_ID = {
    "tiba", "pergi", "datang", "pulang", "tinggal", "hadir", "masuk", "keluar", "lahir", "tewas",
    "mati", "jatuh", "naik", "turun", "tidur", "duduk", "bangun", "lari", "kembali", "singgah",
    "mampir", "menang", "kalah", "makan", "minum", "terjadi", "ikut", "mau", "ingin", "suka",
    "mulai", "selesai", "buka", "tutup", "habis", "usai",
}  # fmt: skip
# English verbs that follow a subject noun ("the flood hit"), ending a noun phrase.
_VERBS_EN = {
    "hit", "met", "won", "lost", "took", "left", "made", "held", "said", "began", "saw", "gave",
    "came", "went", "sent", "struck", "led", "ran", "became", "broke", "fell", "rose", "got",
    "kept", "told", "paid", "spent", "built", "meet", "win", "take", "leave", "hold", "say",
    "start", "end", "happen", "begin", "kill", "cause", "affect", "last", "cost", "strike",
    "attend", "show", "shown", "mean", "do", "lose", "die", "agree", "sign", "come",
    "go", "react", "respond", "vote", "decide", "announce", "report", "think", "want", "need",
    "get", "gets", "become", "grow", "fall", "rise", "drop", "climb", "close", "open", "weaken",
    "strengthen", "reach", "stand", "finish", "let", "lay", "laid", "fire", "fired", "shut", "cut",
    "stays", "remains", "operates", "continues",
}  # fmt: skip
_VERB_PREFIX = re.compile(r"^(?:me|mem|men|meng|meny|ber|be|di|ter|per)[a-z]{3,}$")

_ELLIPSIS_EN = re.compile(
    r"^(?:and|but|so|ok(?:ay)?|then)?[\s,]*(?:what|how) about\s+(?P<x>[^,?]+?)\s*(?:(?P<rest>,\s*.+)|\??)$",
    re.IGNORECASE,
)
_ELLIPSIS_ID = re.compile(
    r"^(?:lalu|terus|dan|nah|oke)?[\s,]*(?:bagaimana|gimana) (?:dengan|kalau|soal)\s+(?P<x>[^,?]+?)\s*"
    r"(?:(?P<rest>,\s*.+)|\??)$|^(?:lalu |terus |dan |nah )?kalau\s+(?P<x2>[^,?]+?)\s*(?:(?P<rest2>,\s*.+)|\??)$",
    re.IGNORECASE,
)
# "And how many deaths?", "dan berapa persen?": a bare count asked like the previous one.
_RECOUNT_EN = re.compile(
    r"^(?:and|so|then|but)?[\s,]*how (?P<wh>many|much)\s+(?P<x>[a-z][\w\s-]*?)\s*\??$", re.I
)
_RECOUNT_ID = re.compile(r"^(?:dan|lalu|terus|kalau)?[\s,]*berapa\s+(?P<x>[a-z][\w\s-]*?)\s*\??$", re.I)
_NOUN_BERAPA_ID = re.compile(
    r"^(?:dan|lalu|terus|kalau)[\s,]+(?P<n>[a-z][\w-]*?)(?:nya)?\s+berapa(?:\s+(?P<u>[a-z]+))?\s*\??$", re.I
)
_AUX_AFTER_COUNT = r"(?:does|did|do|has|have|had|is|are|was|were|will|would|can|could)\b"
# "berapa lama", "berapa kali": how long, how often — not a count of another thing.
_NOT_COUNTED_ID = {
    "lama",
    "kali",
    "banyak",
    "lagi",
    "jauh",
    "besar",
    "tinggi",
    "yang",
    "usia",
    "umur",
    "hari",
}
# A reaction, and what says what it is to ("tanggapan … atas unggahan itu", "react to the post").
_REACTION = re.compile(
    r"\b(?:tanggapan|tanggapi|menanggapi|ditanggapi|reaksi|respons|respon|merespons|merespon|"
    r"react|reacted|reaction|respond|responded|response)\b",
    re.IGNORECASE,
)
_REACTION_OBJECT = re.compile(r"\b(?:atas|terhadap|soal|tentang|mengenai|to|about|on)\b", re.IGNORECASE)
# "Who said that?", "Siapa yang bilang begitu?", "Siapa yang mengatakannya?": the speaker of
# the last answer's sentence, and nothing else. A figure is given, announced or reported the
# same way ("Who gave that figure?", "Siapa yang menyampaikan angka itu?"): its source.
_WHO_SAID = re.compile(
    r"^(?:(?:and|so|then|dan|lalu|terus|trus|jadi)[\s,]+)?(?:"
    r"who\s+(?:said|says|say|told|stated|claimed|wrote|gave|announced|reported|cited|mentioned|revealed)"
    r"\s+(?:that|this|it|so|(?:that|this|the|those|these)\s+(?:figures?|numbers?|data|statistics?))"
    r"(?:\s+to\s+\w+)?"
    r"|siapa(?:kah)?\s+yang\s+(?:(?:bilang|mengatakan|menyatakan|menyebut|berkata|ngomong|menyampaikan"
    r"|mengumumkan|memberikan|memberi|mencatat)"
    r"(?:\s+(?:begitu|gitu|itu|demikian|hal\s+itu|hal\s+tersebut|(?:angka|data)\s+(?:itu|tersebut)))?"
    r"|mengatakannya|menyatakannya|menyebutnya|menyampaikannya|mengumumkannya)"
    r")\s*[?!.]*$",
    re.IGNORECASE,
)
# "According to whom?", "Menurut kantor berita mana?", "Kata siapa?": the source of the last
# answer's sentence, asked with that sentence.
_SOURCE_OF = re.compile(
    r"^(?:(?:and|so|dan|lalu|terus|trus)[\s,]+)?(?P<ask>(?:according\s+to|menurut|kata)\s+"
    r"(?:whom|who|siapa(?:kah)?|(?:which|what)(?:\s+[a-z]+){1,2}|(?:[a-z]+\s+){1,2}(?:mana|apa)))\s*[?!.]*$",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"^(?:and|so|then|dan|lalu|terus|trus)\b[\s,]+\w", re.IGNORECASE)
_AND_X = re.compile(r"^(?:and|dan|lalu|terus|or|atau)\s+(?P<x>[^?]+?)\s*\??$", re.IGNORECASE)


# "what about X" with X a filler ("kalau begitu, …" = "in that case, …"), not a new subject.
_NOT_SUBJECT = {
    "begitu", "gitu", "demikian", "itu", "ini", "sekarang", "now", "that", "this", "it", "so", "not",
    "tidak", "bukan", "else", "lainnya", "lagi", "yes", "no", "ya", "then", "also", "juga",
}  # fmt: skip
# "… in 2023", "… pada tahun lalu": the word that puts a thing at a date.
_DATE_PREPOSITIONS = {"in", "on", "at", "during", "for", "pada", "di", "dalam", "selama"}
_DETERMINER_EN = {"their", "its", "his", "her", "the"}  # dropped before "the NOUN of OWNERS"
# "this year", "minggu ini": the present, not something said before.
_TIME_NOUNS = {
    "year", "month", "week", "weekend", "day", "morning", "evening", "time", "tahun", "bulan",
    "minggu", "pekan", "hari", "pagi", "siang", "sore", "malam", "kali", "waktu",
}  # fmt: skip


# "And in the first vote?", "dan untuk sektor perumahan?": an ellipsis that is a phrase of
# time or circumstance, which takes the place of the previous question's last such phrase.
_PP_WORDS = r"(?:in|for|at|during|on|pada|dalam|untuk|saat|selama)"
_PP = re.compile(rf"^{_PP_WORDS}\s+\S", re.IGNORECASE)
_PP_IN = re.compile(rf"\s{_PP_WORDS}\s", re.IGNORECASE)


def _ellipsis(text: str, lang: str) -> tuple[str, str | None, str] | None:
    """(X, the question after "what about X," or None, the lead-in as typed)."""
    m = (_ELLIPSIS_EN if lang == "en" else _ELLIPSIS_ID).match(text)
    if m:
        groups = m.groupdict()
        x = (groups.get("x") or groups.get("x2") or "").strip()
        rest_group = "rest" if groups.get("rest") else "rest2" if groups.get("rest2") else None
        if x and x.lower() not in _NOT_SUBJECT:
            if rest_group is None:
                return x, None, text
            return x, m.group(rest_group).lstrip(", "), text[: m.start(rest_group)].rstrip(", ")
        return None
    m = _AND_X.match(text)
    if m and not ({w.lower() for w in _words(m.group("x"))} & (_WH_EN | _WH_ID | _REFERRING)):
        x = m.group("x").strip()
        if len(x.split()) <= 6 and x.lower() not in _NOT_SUBJECT:
            return x, None, text
    return None


def _stems(word: str, lang: str) -> set[str]:
    """Indonesian stems of a word ("pertemuan", "bertemu" → temu; English via the word table:
    "meeting", "met" → temu)."""
    low = word.lower()
    if low in STOP_ID or low in STOP_EN or len(low) < 3:
        return set()
    if lang == "en":
        return {stem(t) for t in EN_TO_ID.get(low, ()) if " " not in t}
    return {stem(low)}


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _norm(text: str) -> set[str]:
    # Brackets are no part of a word: "dia (pencetak gol pertama Persib)" names "persib".
    return {w for w in re.split(r"[\s\-–'’,()]+", text.lower()) if w}


def _content(text: str) -> set[str]:
    return {w for w in _norm(text) if w not in STOP_ID and w not in STOP_EN}


def _part_of(part: str, whole: str) -> bool:
    """ "HUT" in "HUT Partai Buruh Korea": a shorter mention of a name said before."""
    x, y = _norm(part), _norm(whole)
    return bool(x) and x < y


def _same(a: str, b: str) -> bool:
    """Do two names overlap ("Kim" and "Kim Jong Un", "Choe Son-hui" and "Choe Son Hui")?"""
    x, y = _norm(a), _norm(b)
    return bool(x and y and (x <= y or y <= x))


def _is_place(name: str) -> bool:
    return name.lower() in PLACES


# A name ending so is a holiday or a period: "over Christmas and New Year" names no one.
_HOLIDAY_ENDS = {"year", "day", "eve", "christmas", "natal", "baru", "lebaran", "ramadan", "ramadhan"}


def _is_person(name: str) -> bool:
    """A person's name, as far as the name alone tells: not a place, an acronym or an
    organisation ("Partai Buruh Korea"); "Ganjar Pranowo" counts though "Ganjar" is a word."""
    if not name[:1].isupper() or _is_place(name) or name.replace(" ", "").isupper():
        return False
    if name.split()[0].lower() in _PLACE_NOUNS | _FEATURES:
        return False  # "Mount Ile Lewotolok", "Stasiun Gambir"
    if {w.lower() for w in name.split()} & _COMPASS and " " in name:
        return False  # "West Sumbawa", "Sumbawa Barat": a region
    if name.split()[-1].lower() in _HOLIDAY_ENDS:
        return False  # "New Year", "Christmas", "Tahun Baru": a time, not someone "she" can be
    return bool(spans.people(name))


def _is_organisation(name: str, text: str) -> bool:
    """A name that is neither a person nor a place: not "Kabupaten Lembata", nor a name
    after "di/ke/dari/in/to/from"."""
    if _kind(name) != "other" or name.split()[0].lower() in _PLACE_NOUNS | _FEATURES | {"kota", "kabupaten"}:
        return False
    return not re.search(r"\b(?:di|ke|dari|in|to|from|at)\s+" + re.escape(name), text)


def _kind(name: str) -> str:
    return "place" if _is_place(name) else "person" if _is_person(name) else "other"


def _name_key(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-‐]+", name.lower()) if t]


def fuller_name(name: str, vocabulary: Collection[str]) -> str:
    """The articles' fuller form of a person's name that lost a middle part ("Choe Hui", a
    translation's "putra Choe Hui" for "Choe Son Hui"): the one name of the vocabulary with the
    same first and last word and more between, so a follow-up asks about them as the other
    articles name them. A one-word name ("Kim") stays: its fuller forms may be anyone."""
    key = _name_key(name)
    if len(key) < 2:
        return name
    wanted = set(key)
    longer: dict[str, str] = {}
    for k, v in _by_ends(tuple(vocabulary)).get((key[0], key[-1]), ()):
        if len(k) > len(key) and wanted <= set(k):
            longer.setdefault(" ".join(k), v)
    return next(iter(longer.values())) if len(longer) == 1 else name


@lru_cache(maxsize=4)
def _by_ends(vocabulary: tuple[str, ...]) -> dict[tuple[str, str], list[tuple[list[str], str]]]:
    """The vocabulary's names by their first and last word, in vocabulary order: split once per
    index, not once per pronoun resolved."""
    out: dict[tuple[str, str], list[tuple[list[str], str]]] = {}
    for v in vocabulary:
        if k := _name_key(v):
            out.setdefault((k[0], k[-1]), []).append((k, v))
    return out


def _split_names(text: str) -> list[str]:
    """ "Wang Yi and Choe Son Hui" → both; "Cai Qi dan Wang Yi" → both."""
    parts = re.split(r"\s*(?:,|\band\b|\bdan\b|&|\bserta\b)\s*", text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _join(names: Sequence[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    word = "dan" if lang == "id" else "and"
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def _in_language(name: str, lang: str) -> str:
    """A place named in the other language, as the question's language writes it."""
    canon = PLACES.get(name.lower())
    if not canon:
        return name
    if lang == "en":
        return canon
    if name.lower() in EN_TO_ID and name.lower() not in ("china",):
        return " ".join(w.capitalize() for w in EN_TO_ID[name.lower()][0].split())
    return name


_OWNER = re.compile(r"\b((?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*)['’]s?\s+")


# Words that end a possessive's noun phrase ("Kim's first trip abroad | since meeting Putin").
_NP_END_EN = {"because", "since", "till", "until", "while", "without"}  # the rest are in STOP_EN


def _of_form(text: str) -> str:
    """ "Bank Indonesia's next meeting" → "the next meeting of Bank Indonesia": the name
    stays a word of its own, which whole-word matching (and the reader's lexical search)
    needs; a possessive glued to a name hides it."""
    out: list[str] = []
    pos = 0
    for m in _OWNER.finditer(text):
        owner = m.group(1).split()
        while owner and owner[0].lower() in _WH_EN | _AUX_EN | STOP_EN:
            owner = owner[1:]
        if m.start() < pos or not owner:
            continue
        start = m.end(1) - len(" ".join(owner))
        words = list(re.finditer(r"[\w-]+", text[m.end() :]))
        run: list[re.Match[str]] = []
        for w in words[:4]:
            low = w.group().lower()
            gap = text[m.end() + (run[-1].end() if run else 0) : m.end() + w.start()]
            if (
                low in STOP_EN
                or low in _VERBS_EN
                or low in _NP_END_EN
                or w.group()[:1].isupper()
                or gap.strip()
            ):
                break
            run.append(w)
        if not run:
            continue
        if len(run) < len(words) and words[len(run)].group()[:1].isupper() and len(run) < 4:
            continue  # "North Korea's big October parade": "the big of North Korea …" says nothing
        noun = text[m.end() : m.end() + run[-1].end()]
        owner_text = " ".join(owner)
        # "the online shop Belanjaku's offices": the words before the name are part of the owner
        described = re.search(r"\bthe\s+(?:[a-z]+\s+){1,3}$", text[pos:start])
        if described and not any(w in STOP_EN or w in _VERBS_EN for w in described.group().split()[1:]):
            start = pos + described.start()
            owner_text = described.group() + owner_text
        lead = "the " if not text[:start].rstrip().lower().endswith(("the", "a", "an")) else ""
        out.append(text[pos:start])
        out.append(f"{lead}{noun} of {owner_text}")
        pos = m.end() + run[-1].end()
    out.append(text[pos:])
    new = "".join(out)
    return new[:1].upper() + new[1:] if text[:1].isupper() or not out[0] else new


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


# People named by what was done to them: ter- nouns, not verbs ("terdakwa itu" = the defendant).
_ROLES_TER = {"terdakwa", "tersangka", "terpidana", "tergugat", "terlapor", "terperiksa"}


def _is_verb_id(word: str) -> bool:
    """A prefixed Indonesian verb ("menuntut", "diduduki"); per-…-an is a noun ("perusahaan",
    "pertemuan"), and so are the ter- roles ("terdakwa")."""
    w = word.lower()
    if w in _ROLES_TER or (w.startswith("per") and w.endswith("an") and not w.endswith("kan")):
        return False
    return bool(_VERB_PREFIX.match(w)) and stem(w) != w


# --- what a turn offers as referents ----------------------------------------------------------


def _question_people(turn: Turn) -> list[str]:
    return [n for n in turn.question.names if _is_person(n)]


def _question_places(turn: Turn) -> list[str]:
    return [n for n in turn.question.names if _is_place(n)]


def _answer_people(turn: Turn) -> list[str]:
    if not turn.answer_text or turn.answer_type not in ("who", "which"):
        return []
    names = _split_names(turn.answer_text)
    if len(names) > 4:
        return []
    if turn.answer_type == "who":  # the reader found people: trust it unless it is a place
        # "Menteri Luar Negeri Korea Utara Choe Son Hui" → the name without its title
        found = [spans.people(n) for n in names]
        bare = [f[-1].text if f and f[-1].role else n for n, f in zip(names, found, strict=True)]
        named = [n for n in bare if n[:1].isupper() and not _is_place(n)]
        # "Trade, Industry and Competition Minister Thandiwe Nkosi": the commas split a title.
        titled = [f[-1].text for f in found if f and (f[-1].role or " " in f[-1].text)]
        people = [n for n, f in zip(bare, found, strict=True) if f and n in named]
        if len(people) == len(named):
            return people
        return titled or people or named
    return [n for n in names if _is_person(n)]


def _person(turn: Turn) -> list[str]:
    """A turn's people, most salient first: a one-person answer, the people the question
    named, a several-people answer, the people in the answer's quote."""
    answer = _answer_people(turn)
    asked = _question_people(turn)
    if turn.question.expected == "person":
        # "Who did Wang Yi meet?": the people the answer brought in are what the talk is now
        # about, before the one the question named (even with no short answer: then the
        # quote's people the question did not name).
        # Several people answered are "they"; "he"/"she" stays with the one the question named.
        # The short answer's first person leads even when it named several: the question
        # asked for them ("Who did Wang Yi hold talks with?" — "Choe Son Hui and Kim Jong Un":
        # "she" is Choe); several people asked for ("siapa saja …") or only in the quote leave
        # the one the question named.
        new = [n for n in answer or list(turn.people) if not any(_same(n, a) for a in asked)]
        lead = new if len(new) == 1 or not asked else new[:1] if answer and not _plural_who(turn.text) else []
        ordered = lead + asked + answer + list(turn.people)
    else:
        ordered = (answer if len(answer) == 1 else []) + asked + answer + list(turn.people)
    out: list[str] = []
    for name in ordered:
        if not any(_same(name, o) for o in out):
            out.append(name)
    return out


def _collective(turn: Turn) -> str | None:
    """ "tentara Korea Utara", "North Korean troops": a group of people named by a noun."""
    words = turn.text.rstrip("?!. ").split()
    for i, w in enumerate(words):
        low = w.lower()
        if low not in _GROUP_NOUNS:
            continue
        if turn.language == "id":
            j = i + 1
            while j < len(words) and words[j][:1].isupper():
                j += 1
            if j > i + 1:
                return " ".join(words[i:j])
            if j < len(words) and words[j].lower() == "yang":
                # "warga yang dievakuasi dari Kabupaten Lembata": the group and what befell it
                return " ".join(words[i:])
        else:
            j = i
            while j > 0 and words[j - 1][:1].isupper() and words[j - 1].lower() not in _WH_EN | _AUX_EN:
                j -= 1
            if j < i:
                return " ".join(words[j : i + 1])
            if i + 2 < len(words) and words[i + 1].lower() in ("were", "was", "are", "is", "got"):
                # "How many residents were moved away from Mount X?" → "the residents moved
                # away from Mount X"
                return " ".join(["the", words[i], *words[i + 2 : i + 10]])
    return None


_SUBJECT_EN = re.compile(
    r"^(?i:what|how|why|when|where|which\s+\w+)\s+(?i:did|does|do|will|would|has|have|had|is|are|was|were|can|could)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+[a-z]"
)


def _subject_organisation(turn: Turn) -> str | None:
    """The organisation an English question made its subject ("What did Bank Indonesia
    decide …?"), if it named one there."""
    m = _SUBJECT_EN.match(turn.text)
    if not m:
        return None
    name = m.group("name")
    if any(n == name for n in turn.question.names) and _is_organisation(name, turn.text):
        return name
    return None


def _group(turn: Turn) -> list[str] | str | None:
    answer = _answer_people(turn)
    if len(answer) >= 2:
        return answer
    if turn.answer_type == "which" and turn.answer_text:
        things = _split_names(turn.answer_text)  # "Pasar Senen and Gambir": "them"
        if 2 <= len(things) <= 4 and all(t[:1].isupper() for t in things):
            return things
        if len(things) == 1 and things[0][:1].isupper() and _plural_which(turn.text):
            # "Which stations were busiest?" answered with one of them: "them" is the stations.
            return things[0]
    collective = _collective(turn)  # "tentara Korea Utara", "North Korean soldiers"
    if collective:
        return collective
    # "Who did Kim meet?" — "Xi Jinping": they are Kim and Xi.
    people = _question_people(turn)
    people += [a for a in answer if not any(_same(a, p) for p in people)]
    if len(people) >= 2:
        return people
    actor = _subject_organisation(turn)
    if actor and not people:
        # "What did Bank Indonesia decide about the BI-Rate?" — "When do they meet next?": the
        # organisation that acted, not it and the thing it acted on.
        return actor
    if len(turn.question.names) >= 2:
        return list(turn.question.names)
    # "What did Bank Indonesia decide?" — "When's their next meeting?": an organisation is "they".
    orgs = [n for n in turn.question.names if _is_organisation(n, turn.text)]
    if len(orgs) == 1 and not people:
        return orgs[0]
    if len(turn.people) >= 2:
        return list(turn.people)
    return None


# "Did anybody die in the Banjar flood?", "Apakah ada pejabat Kremlin yang menanggapi …?":
# a yes/no question about someone it does not name.
_SOMEONE_EN = re.compile(
    r"^(?P<aux>did|was|were|is|are|has|have|had|will)\s+(?:anybody|anyone|someone|somebody)\s+"
    r"(?P<rest>[^?]+?)\s*\??$",
    re.IGNORECASE,
)
_SOMEONE_ID = re.compile(
    r"^(?:apakah\s+|apa\s+)?ada(?:kah)?\s+(?:(?P<np>[^?]+?)\s+)?yang\s+(?P<vp>[^?]+?)\s*\??$", re.IGNORECASE
)
_PAST = {
    "get": "got", "go": "went", "win": "won", "lose": "lost", "take": "took", "make": "made",
    "give": "gave", "come": "came", "see": "saw", "leave": "left", "hold": "held", "say": "said",
    "tell": "told", "fall": "fell", "run": "ran", "find": "found", "break": "broke", "hit": "hit",
    "hurt": "hurt", "put": "put", "send": "sent", "speak": "spoke", "meet": "met", "lead": "led",
    "pay": "paid", "buy": "bought", "bring": "brought", "think": "thought", "become": "became",
    "begin": "began", "write": "wrote", "flee": "fled", "keep": "kept", "sell": "sold",
    "know": "knew", "fight": "fought", "stand": "stood", "sit": "sat", "catch": "caught",
}  # fmt: skip
_SOMEONE_NOUN = {"m": "the man", "f": "the woman"}


def _past(verb: str) -> str:
    low = verb.lower()
    if low in _PAST:
        return _PAST[low]
    if low.endswith("e"):
        return verb + "d"
    if len(low) > 2 and low.endswith("y") and low[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _someone(text: str, gender: str | None, lang: str) -> str | None:
    """Whom "he"/"she"/"dia" means after a yes/no question about an unnamed someone: "Did
    anybody die in the Banjar flood?" → "the man who died in the Banjar flood", "Apakah ada
    pejabat Kremlin yang menanggapi …?" → "pejabat Kremlin yang menanggapi …". The articles
    describe such a person instead of naming them ("Seorang pria berusia 67 tahun …"), and the
    description finds them where the story's topic alone does not."""
    if lang == "id":
        m = _SOMEONE_ID.match(text)
        if not m:
            return None
        return f"{(m.group('np') or 'orang').strip()} yang {m.group('vp').strip()}"
    m = _SOMEONE_EN.match(text)
    if not m:
        return None
    noun = _SOMEONE_NOUN.get(gender or "", "the person")
    aux, words = m.group("aux").lower(), m.group("rest").split()
    if aux != "did":  # "Was anyone hurt in …?" → "the man who was hurt in …"
        return f"{noun} who {aux} {' '.join(words)}"
    # "Did anyone at the labour ministry comment on …?": a prepositional phrase may come before
    # the verb, which is then the first plain word followed by a preposition or an article.
    verb = 0
    if words[0].lower() in _PREPOSITIONS_EN:
        verb = next(
            (
                j
                for j in range(2, len(words))
                if words[j].isalpha()
                and words[j].islower()
                and words[j - 1].lower() not in {"the", "a", "an"} | _PREPOSITIONS_EN
                and j + 1 < len(words)
                and words[j + 1].lower() in {"the", "a", "an"} | _PREPOSITIONS_EN
            ),
            0,
        )
        if not verb:
            return None
    before = " ".join(words[:verb])
    return " ".join(p for p in (noun, before, "who", _past(words[verb]), *words[verb + 1 :]) if p)


_PEOPLE_WORDS = _PERSON_EN | _GROUP_EN | _PERSON_ID | _GROUP_ID | {"her", "his", "their", "keduanya"}


def referred_people(replaced: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The people a follow-up's pronouns were resolved to ("they" → "Arif Mahendra and Siti
    Rohana" gives both), for reading the sentences near the last answer (api)."""
    out: list[str] = []
    for typed, became in replaced:
        low = typed.lower()
        if low in _PEOPLE_WORDS or (low.endswith("nya") and low not in _NYA_FIXED):
            names = _split_names(became.removesuffix("'s").removesuffix("'"))
            out += [n for n in names if n[:1].isupper() and not _is_place(n)]
    return tuple(dict.fromkeys(out))


def about_others(sentence: str, people: Sequence[str]) -> bool:
    """Does the sentence name people, none of them ``people`` (by any word of their names)?"""
    found = spans.people(sentence)
    if not found:
        return False
    words = _name_words(people)
    return not any(w.lower() in words for w in _words(sentence))


def _name_words(people: Sequence[str]) -> set[str]:
    """The words of people's names that identify them (not "Al", "bin")."""
    return {w.lower() for p in people for w in _words(p) if len(w) > 2}


# A sentence whose subject is the previous sentence's: it opens with a pronoun ("Ia bahkan
# menyebut …"), or a noun phrase pointing back ("Pasangan nomor urut 2 itu meraih …"), or it
# is said by them ("…," katanya / ujarnya).
_OPENING_PRONOUN = re.compile(r"^\W*(?:ia|dia|beliau|he|she|they|mereka)\b", re.IGNORECASE)
_OPENING_BACK = re.compile(r"^\W*(?:[\w-]+\s+){1,4}(?:itu|tersebut|ini)\b", re.IGNORECASE)
_SAID_BY_THEM = re.compile(
    r"\b(?:katanya|ujarnya|tuturnya|imbuhnya|tambahnya|jelasnya|ucapnya|tegasnya)\b", re.I
)


_PERSON_HEADS = _PERSON_NOUNS | {"pria", "wanita"}


def _back_subject(sentence: str, people: Sequence[str]) -> bool:
    """Does the sentence open with a noun phrase pointing back as its subject: "Pria itu …",
    or, for two or more people, "Pasangan nomor urut 2 itu …"?"""
    back = _OPENING_BACK.match(sentence)
    if not back:
        return False
    head = _words(back.group())
    if any(_is_verb_id(w) for w in head):
        return False  # "Wang menyebut momen itu …": "itu" ends the object, not the subject
    return len(people) >= 2 or head[0].lower() in _PERSON_HEADS  # a pair is not "he"


def continues_about(sentence: str, before: str, people: Sequence[str]) -> bool:
    """Does the sentence go on about someone the one before named (``people``, the follow-up's
    referents), without naming them ("Menurut Wang, …" — "Ia bahkan menyebut …")?"""
    if not people:
        return False
    if not (
        _OPENING_PRONOUN.match(sentence) or _SAID_BY_THEM.search(sentence) or _back_subject(sentence, people)
    ):
        return False
    words = _name_words(people)
    if any(w.lower() in words for w in _words(sentence)):
        return False  # it names them itself
    return any(w.lower() in words for w in _words(before))


def _outlet_key(name: str) -> str:
    """ "Metrotvnews.com", "Metrotvnews" → "metrotvnews"."""
    return re.sub(r"\.(?:com|id|co|net|org)\b.*$", "", name.strip().lower()).replace(" ", "")


def _plural_who(text: str) -> bool:
    """ "Pejabat China siapa saja …", "Who were …", "Which officials …": several people asked."""
    low = text.lower()
    return _plural_which(text) or bool(re.search(r"\bsiapa\s+saja\b|\bwho\s+(?:are|were)\b", low))


def _plural_which(text: str) -> bool:
    """ "Which stations …", "stasiun mana saja …": the question asks for several things."""
    low = text.lower()
    return bool(re.search(r"\bwhich\s+\w+s\b", low) or re.search(r"\bmana\s+saja\b", low))


def _place(turn: Turn) -> tuple[str, str | None] | None:
    """(place, the event held there or None)."""
    if turn.answer_type == "where" and turn.answer_text and len(turn.answer_text.split()) <= 4:
        return turn.answer_text, None
    places = _question_places(turn)
    if not places:
        m = re.search(r"\b(?:di|ke|dari|in|at|to|from)\s+([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*)", turn.text)
        if m and not _is_person(m.group(1)):
            places = [m.group(1)]
    if places:
        return places[0], _event_at(turn, places[0])
    if turn.places:
        return turn.places[0], None
    return None


def _event_at(turn: Turn, place: str) -> str | None:
    """The noun phrase right before "di/in <place>" ("parade militer", "the military parade")."""
    m = re.search(r"((?:[\w'’-]+\s+){1,4})(?:di|in|at)\s+" + re.escape(place), turn.text)
    if not m:
        return None
    words = m.group(1).split()
    if turn.language == "id":
        run: list[str] = []
        for w in reversed(words):
            low = w.lower()
            if (
                low in STOP_ID
                or low in _WH_ID
                or _is_verb_id(low)
                or low in _BARE_VERBS_ID
                or w[:1].isupper()
            ):
                break
            run.insert(0, w)
        preceding = turn.text[: m.start(1)].split() + words[: len(words) - len(run)]
        if run and len(preceding) > 1 and preceding[-1][:1].isupper():
            return None  # "Choe tiba di Beijing": a predicate after its subject, not an event
        return " ".join(run) if run else None
    for k in range(len(words)):
        rest = [x.lower() for x in words[k + 1 :]]
        if words[k].lower() in ("the", "a", "an") and not any(x in STOP_EN or x in _VERBS_EN for x in rest):
            return " ".join(words[k:]) if len(words) > k + 1 else None
    return None


def _noun_phrase(turn: Turn) -> str | None:
    """The previous question's topic as a noun phrase, or None when it has no plain one."""
    words = turn.text.rstrip("?!. ").split()
    if turn.language == "id":
        i = 0
        while i < len(words) and (words[i].lower() in _WH_ID or words[i].lower() in _LEAD_ID):
            i += 1
        run: list[str] = []
        while i < len(words):
            low = words[i].lower()
            if low in STOP_ID or low in _WH_ID or _is_verb_id(low):
                break
            run.append(words[i])
            i += 1
        if not run or all(w[:1].isupper() for w in run):
            return None
        if i + 1 < len(words) and words[i].lower() == "di" and words[i + 1][:1].isupper():
            j = i + 1
            while j < len(words) and words[j][:1].isupper():
                j += 1
            run += words[i:j]
        return " ".join(run)
    m = re.search(r"\b(?:the|a|an)\s+((?:[\w'’-]+\s*){1,4})", turn.text.rstrip("?!. "))
    if not m:
        return _owned(turn.text.rstrip("?!. "))
    run = []
    for w in m.group(1).split():
        low = w.lower()
        if low in STOP_EN or low in _VERBS_EN or (low.endswith("ed") and len(low) > 4):
            break
        run.append(w)
    return "the " + " ".join(run) if run else None


_PREDICATES_EN = {"meant", "due", "set", "supposed", "going", "about", "able", "likely"}
_COMPASS = {"west", "east", "north", "south", "central", "barat", "timur", "utara", "selatan", "tengah"}


def _owned(text: str) -> str | None:
    """ "North Korea's big October parade": a noun phrase with its owner, which "it" can mean."""
    m = re.search(r"\b((?:[A-Z][\w-]*\s)*[A-Z][\w-]*)['’]s\s+((?:[\w'’-]+\s*){1,4})", text)
    if not m:
        return None
    owner = m.group(1).split()
    while owner and owner[0].lower() in _WH_EN | _AUX_EN | STOP_EN:
        owner = owner[1:]
    run = []
    for w in m.group(2).split():
        low = w.lower()
        if (
            low in STOP_EN
            or low in _VERBS_EN
            or low in _PREDICATES_EN
            or (low.endswith("ed") and len(low) > 4)
        ):
            break
        run.append(w)
    if not owner or not run or run[-1][:1].isupper() or run[-1].lower() in _PERSON_NOUNS:
        return None
    return f"{' '.join(owner)}'s {' '.join(run)}"


def _clause(turn: Turn) -> str:
    """The previous question without its question words: "Trump post about Xi, Putin and Kim"."""
    words = turn.text.rstrip("?!. ").split()
    skip = _WH_EN | _AUX_EN | _WH_ID | _LEAD_ID
    i = 0
    while i < len(words) - 1 and words[i].lower() in skip:
        i += 1
    clause = " ".join(words[i:])
    low = [w.lower() for w in words[:2]]
    answered = _answer_people(turn)
    if (
        len(answered) == 1
        and len(words) > 2
        and (
            (low[0] == "who" and low[1] not in _AUX_EN)
            or (low[0] in ("siapa", "siapakah") and low[1] == "yang")
        )
    ):
        # "Who scored Persija's goal against Persib?" — "Fadli Ramadhan": what the talk goes
        # on about is "Fadli Ramadhan scored Persija's goal …" ("In what minute?").
        return f"{answered[0]} {clause}"
    return clause


def _answer_entity(turn: Turn) -> str | None:
    """A short answer that is a thing (KCNA, a treaty), which "it" then means."""
    if not turn.answer_text or turn.answer_type not in ("which", "what"):
        return None
    first = _split_names(turn.answer_text)[0] if turn.answer_text else ""
    if not first or len(first.split()) > 5 or not first[:1].isupper():
        return None
    if turn.question.expected == "person" or (turn.question.expected is None and _is_person(first)):
        return None
    for long, short in turn.acronyms:
        # The articles' own short name ("KCNA"), which every report uses, whatever language
        # the short answer was put in.
        if _same(first, long) or _same(first, short):
            return short
    return first


# --- the conversation -----------------------------------------------------------------------


@dataclass
class _Memory:
    turn: Turn
    topic: str | None  # a noun phrase "it" means, or None
    clause: str  # the fallback for "it" when there is no noun phrase
    # The person a possessive of the question meant ("siapa pengacaranya?" → Agus): the
    # answer (the lawyer) is someone of theirs, and the talk stays on them.
    owner: str | None = None
    # The question only had the talk's topic added ("Why?" → "Why (the BI-Rate)?"): its names
    # are the topic's, not people or organisations it was about.
    carried: bool = False


class Conversation:
    """The last few turns of one chat; resolves follow-ups against them."""

    def __init__(self, vocabulary: Collection[str] | None = None, outlets: Collection[str] = ()) -> None:
        """``outlets``: the articles' sources ("Metrotvnews.com"), never what he/she/dia mean."""
        self.vocabulary = vocabulary
        self.outlets = frozenset(_outlet_key(o) for o in outlets if o)
        self._memory: list[_Memory] = []
        self._followup = self._carried = False  # how the last resolve() went, for remember()
        self._owner: str | None = None
        self._genders: dict[str, str] = {}

    def reset(self) -> None:
        self._memory.clear()
        self._followup = self._carried = False
        self._genders = {}

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(m.turn for m in self._memory)

    def last_answer(self) -> tuple[int, int] | None:
        """(passage id, sentence id) of the last answer that quoted a sentence: a follow-up
        most often continues in that article, near that sentence."""
        for m in reversed(self._memory):
            if m.turn.chunk_id is not None and m.turn.sentence_id is not None:
                return m.turn.chunk_id, m.turn.sentence_id
        return None

    def remember(self, turn: Turn) -> None:
        """Record an answered turn (its text being what ``resolve`` returned)."""
        entity = _answer_entity(turn)
        previous = self._memory[-1] if self._memory else None
        topic: str | None
        if entity:
            topic = clause = entity
        elif self._carried and previous is not None:
            # "Apa saja yang dipamerkan (parade …)?" adds nothing to talk about.
            topic, clause = previous.topic, previous.clause
        elif self._followup and previous is not None:
            # A follow-up stays on the conversation's topic; its own clause is the freshest.
            topic, clause = previous.topic or _noun_phrase(turn), _clause(turn)
        else:
            topic, clause = _noun_phrase(turn), _clause(turn)
        self._memory.append(
            _Memory(turn=turn, topic=topic, clause=clause, owner=self._owner, carried=self._carried)
        )
        del self._memory[:-MAX_TURNS]
        self._followup = self._carried = False
        self._owner = None

    def resolve(self, question: str) -> Resolved:
        """What to retrieve with: ``question`` with its references to earlier turns filled in."""
        typed = " ".join(question.split())
        self._followup = self._carried = False
        if not typed or not self._memory:
            return Resolved(text=typed, understood_as=None)
        lang = detect_language(typed, default=self._memory[-1].turn.language)
        resolver = _Resolver(self._memory, lang, self.vocabulary, self._genders, self.outlets)
        text = resolver.run(typed)
        self._genders = resolver.genders
        self._followup = bool(resolver.replaced)
        self._carried = resolver.carried
        self._owner = resolver.owner
        if text == typed:
            return Resolved(text=typed, understood_as=None)
        if lang == "en":
            text = _of_form(text)
        return Resolved(text=text, understood_as=text, replaced=tuple(resolver.replaced))


class _Resolver:
    def __init__(
        self,
        memory: list[_Memory],
        lang: str,
        vocabulary: Collection[str] | None,
        genders: dict[str, str],
        outlets: frozenset[str] = frozenset(),
    ) -> None:
        self.outlets = outlets
        self.memory = list(reversed(memory))  # most recent first
        self.genders = dict(genders)  # "m"/"f" → whom he/she last meant
        self.lang = lang
        self.vocabulary = vocabulary
        self.replaced: list[tuple[str, str]] = []
        self.own: tuple[str, ...] = ()
        self.focus: str | None = None  # "What about China, …": who the rest is about
        self.unresolved = False  # a referring word nothing earlier could fill
        self.carried = False  # the previous topic was added to a short question
        self.owner: str | None = None  # the person a possessive ("his", "-nya") was taken to mean

    # -- referents --

    def _free(self, name: str) -> bool:
        return not any(_same(name, own) for own in self.own)

    def person(self, gender: str | None = None, *, named: bool = False) -> str | None:
        """The salient person; "she" after "he" meant X is not X again (and the other way).
        ``named``: only people a question or a short answer named, not those the quote did."""
        if self.focus and _is_person(self.focus):
            return self.focus
        bound = self.genders.get(gender or "")
        if bound and self._free(bound):
            return bound
        other = self.genders.get({"m": "f", "f": "m"}.get(gender or "", ""), "")
        owner = self.memory[0].owner if self.memory else None
        if owner and self._free(owner) and not (other and _same(owner, other)):
            # "siapa pengacaranya?" (Agus's) — "Robert Situmeang" — "apakah dia akan banding?":
            # the one whose lawyer was asked for is still who the talk is about.
            return self._bind(gender, owner)
        for m in self.memory:
            for name in _person(m.turn):
                if named and not any(
                    _same(name, n) for n in _question_people(m.turn) + _answer_people(m.turn)
                ):
                    continue
                if _outlet_key(name) in self.outlets:
                    continue  # "Media asing mana yang ia kutip?": not the outlet the report was in
                if self._free(name) and not (other and _same(name, other)):
                    return self._bind(gender, name)
        return None

    def someone(self, gender: str | None) -> str | None:
        """After "Did anybody die in …?": the one the quote named that the question did not,
        else the question's description of them (``_someone``)."""
        if not self.memory:
            return None
        turn = self.memory[0].turn
        if turn.language != self.lang:
            return None
        desc = _someone(turn.text, gender, self.lang)
        if not desc:
            return None
        for name in _answer_people(turn) or list(turn.people):
            if (
                not any(_same(name, a) for a in turn.question.names)
                and _outlet_key(name) not in self.outlets
                and self._free(name)
            ):
                return self._bind(gender, name)
        return self._bind(gender, desc)

    def _bind(self, gender: str | None, name: str) -> str:
        name = fuller_name(name, self.vocabulary or ())
        if gender:
            self.genders[gender] = name
        return name

    def group(self) -> str | None:
        for m in self.memory:
            if m.carried:
                continue
            found = _group(m.turn)
            if isinstance(found, str):
                return _in_language(found, self.lang) if self.lang == "en" else found
            if found:
                if any(_is_person(n) for n in found):
                    found = [n for n in found if not _is_place(n)]  # "they" are people, not a place
                free = [_in_language(n, self.lang) for n in found if self._free(n)]
                if len(free) >= 2:
                    return _join(free, self.lang)
        return None

    def place(self) -> tuple[str, str | None] | None:
        for m in self.memory:
            found = _place(m.turn)
            if found and self._free(found[0]):
                return _in_language(found[0], self.lang), found[1]
        return None

    def topic(self) -> tuple[str, bool] | None:
        """(the topic, is it a noun phrase)."""
        if self.focus:
            return self.focus, True
        if not self.memory:
            return None
        m = self.memory[0]
        if m.topic:
            return m.topic, True
        return (m.clause, False) if m.clause else None

    def salient(self) -> str | None:
        """What "-nya" on a noun means: the last answer when it named a place or a thing
        ("Afrika Selatan" → "target perdagangannya"), else a person, else the previous topic."""
        if self.memory:
            last = self.memory[0].turn
            if (
                last.answer_text
                and last.answer_type in ("where", "which")
                and len(last.answer_text.split()) <= 4
                and not _answer_people(last)
                and self._free(last.answer_text)
            ):
                return _in_language(last.answer_text, self.lang)
        who = self.person(named=True)
        if not who and self.memory and self.memory[0].turn.question.expected == "person":
            # "Siapa petani yang …?" answered by a sentence naming "Saiful Rahman" (the short
            # answer only "seorang petani …"): "kerugiannya" is that person's, not the place's.
            who = self.person()
        if who:
            return who
        t = self.topic()
        if t and t[1] and not (len(t[0].split()) == 1 and t[0].lower() in _PERSON_NOUNS | _GROUP_NOUNS):
            return t[0]  # not a bare "orang" ("Berapa orang yang naik KRL …?")
        for m in self.memory:
            names = [n for n in m.turn.question.names if self._free(n)]
            joined = _join(names, m.turn.language) if len(names) > 1 else ""
            if joined and joined in m.turn.text:
                return joined  # "hubungan diplomatiknya" after "… China dan Korea Utara …": both's
            if names:
                return names[0]
        # Someone only the quote named comes last: "keretanya" after "Berapa orang yang naik
        # KRL …?" (quoted "… di kawasan Bundaran HI dan Monas") is the KRL's.
        return self.person() or (t[0] if t and t[1] else None)

    # -- rewriting --

    def note(self, typed: str, became: str) -> str:
        self.replaced.append((typed, became))
        return became

    def who_said(self, typed: str) -> str | None:
        """ "Who said that?" → "Who said that <the last answer's sentence>?": that sentence, asked
        for its speaker, is found again and read for who said it (in it or just before it)."""
        if not self.memory or not self.memory[0].turn.quote:
            return None
        said = self.memory[0].turn.quote
        source = _SOURCE_OF.match(typed)
        if source:
            # "According to which outlet?" → "Which outlet reported that …?" ("According" reads
            # as a name); "Menurut kantor berita mana, …?" reads as it is.
            who = re.sub(r"^(?:according\s+to|menurut|kata)\s+", "", source.group("ask"), flags=re.I)
            if who.lower() in ("whom", "who", "siapa", "siapakah"):
                text = f"Who said that {said}?" if self.lang == "en" else f"Siapa yang mengatakan {said}?"
            elif self.lang == "en":
                text = f"{who[:1].upper()}{who[1:]} reported that {said}?"
            else:
                text = f"{source.group('ask')[:1].upper()}{source.group('ask')[1:]}, {said}?"
            return self.note(typed, text)
        if not _WHO_SAID.match(typed):
            return None
        text = f"Who said that {said}?" if self.lang == "en" else f"Siapa yang mengatakan {said}?"
        return self.note(typed, text)

    def run(self, typed: str) -> str:
        said = self.who_said(typed)
        if said:
            return said
        if self.lang == "id" and _NOUN_BERAPA_ID.match(typed):
            recounted = self.recount(typed)  # "Kalau selimutnya berapa lembar?": a count, not "kalau X"
            if recounted != typed:
                return recounted
        found = _ellipsis(typed, self.lang)
        if found and found[1] is None:
            return self.ellipsis(typed, found[0])
        text = typed
        if found:
            # "What about China, what does its rivalry … cover?": the rest is about X.
            x, rest, lead = found
            assert rest is not None
            if self.lang == "id" and x == x.lower() and re.search(r"\w{3,}nya\b", x):
                # "Bagaimana dengan hubungan diplomatiknya, …?": X's own "-nya" is the talk's.
                x = self.pronouns(x)
                self.replaced.clear()
            self.focus = x
            text = rest[:1].upper() + rest[1:]
            self.note(lead, x)
        # A capitalized opener is not a name of the question's own ("Since when did he …?").
        first = (_words(text) or [""])[0]
        self.own = tuple(
            n
            for n in analyze(text, self.vocabulary).names
            if not (n == first and n.lower() in _WH_EN | _WH_ID | _AUX_EN | _OPENERS | STOP_EN | STOP_ID)
        )
        if self.focus:
            self.own = tuple(n for n in self.own if not _same(n, self.focus))
        text = self.pronouns(text)
        if self.focus and len(self.replaced) == 1:
            # "bagaimana dengan gol Persija, siapa yang mencetak?": nothing in the rest referred
            # to X, so X is added to it.
            text = f"{text.rstrip('?!. ')} ({self.focus})?"
        if not self.replaced and not self.unresolved:
            text = self.reaction(text)
        if not self.replaced and not self.unresolved:
            text = self.recount(text)
        if not self.replaced and not self.unresolved:
            text = self.carry(text)
        if not self.replaced and not self.unresolved:
            text = self.continued(text)
        return text

    def reaction(self, text: str) -> str:
        """ "Bagaimana tanggapan Kremlin?", "How did Beijing react?": a reaction with no object
        is to what the last turn asked about, which it gets in brackets."""
        m = _REACTION.search(text)
        if not m or not self.memory or not self.memory[0].clause or _REACTION_OBJECT.search(text[m.end() :]):
            return text
        if _content(self.memory[0].clause) & _content(text) - _content(m.group()):
            return text  # it names what was reacted to itself
        clause = self.memory[0].clause
        self.note("", clause)
        return f"{text.rstrip('?!. ')} ({clause})?"

    def continued(self, text: str) -> str:
        """ "And what had prosecutors asked for?": a question opening with "and/then" ("dan",
        "lalu", "terus") goes on about the last turn's person or topic, which it gets in brackets
        unless it names a subject of its own."""
        m = _CONTINUES.match(text)
        if not m or analyze(text, self.vocabulary).names:
            return text
        ref = self.person()
        if not ref:
            t = self.topic()
            ref = t[0] if t and t[1] else None
        if not ref and self.memory:
            # "And how much trade in 2023?" after "How many years have China and North Korea
            # had diplomatic relations?": with no person or topic, the names it was about.
            names = [_in_language(n, self.lang) for n in self.memory[0].turn.question.names if self._free(n)]
            ref = _join(names, self.lang) if names else None
        if not ref or _content(ref) & _content(text):
            return text
        self.note("", ref)
        return f"{text.rstrip('?!. ')} ({ref})?"

    def ellipsis(self, typed: str, x: str) -> str:
        """ "What about Kim?" / "Bagaimana dengan Kim?" / "And in 2023?" → the previous question
        with X in place of its subject (or its date)."""
        low = x.lower()
        self.own = self.memory[0].turn.question.names  # "him" is someone the question did not ask about
        if low in _PERSON_EN | _PERSON_ID | {"her"}:  # "What about him?"
            x = self.person(_GENDER.get(low)) or x
        elif low in _GROUP_EN | _GROUP_ID:
            x = self.group() or x
        prev = self.memory[0].turn
        base = prev.text
        xq = analyze(x, self.vocabulary)
        year = re.fullmatch(r"\d{4}", x)
        old_year = re.search(r"\b\d{4}\b", prev.question.date_text or "")
        if year and old_year:  # "And 2019?" after "… in 2024?"
            text = base.replace(old_year.group(), x, 1)
            self.note(typed, text)
            return text
        if year:
            xq = analyze(("in " if self.lang == "en" else "pada tahun ") + x, self.vocabulary)
        if xq.date_text and not xq.names:
            thing = " ".join(x.replace(xq.date_text, " ").split()) if xq.date_text in x else ""
            if _content(thing) - _TIME_NOUNS:
                # "What about their trade in 2023?", "Bagaimana dengan nilai perdagangannya tahun
                # lalu?": another thing of the talk at a date, not the last question re-dated.
                return self.thing_of_talk(typed, x, xq.date_text)
            if prev.question.date_text and prev.question.date_text in base:
                text = base.replace(prev.question.date_text, xq.date_text, 1)
            else:
                text = base.rstrip("?!. ") + " " + xq.date_text + "?"
            self.note(typed, text)
            return text
        people = [n for n in _question_people(prev) if n in base]
        sides = {w.lower() for w in _words(x)}
        owned_side = self.lang == "id" and any(w.endswith("nya") and w[:-3] in _SIDE_NOUNS for w in sides)
        if not xq.names and x == x.lower() and people and (sides & _SIDE_NOUNS or owned_side):
            # "and the losing pair?" after "What share of the vote did Arif Mahendra and Siti
            # Rohana get?": the other people of the story, asked the same question; "Kalau
            # lawannya?" is theirs ("lawan Arif Mahendra").
            joined = _join(people, prev.language)
            swapped = joined if joined in base else people[0]
            them = re.sub(r"\b(\w+)nya\b", lambda m: f"{m.group(1)} {swapped}", x) if owned_side else x
            text = base.replace(swapped, them, 1)
            t = self.topic()
            if t and t[1] and not _content(t[0]) & _content(text):
                text = f"{text.rstrip('?!. ')} ({t[0]})?"  # the story they are a side of
            self.note(typed, text)
            return text
        head = _words(x)[-1].lower() if _words(x) else ""
        if (
            self.lang == "en" == prev.language
            and not xq.names
            and len(_words(x)) >= 2
            and head not in STOP_EN
        ):
            # "And the lending facility rate?" after "… keep the BI-Rate in October?": another
            # thing of the same head noun, swapped for the previous question's.
            found = re.search(rf"\b{re.escape(head)}s?\b", base, re.IGNORECASE)
            if found:
                # the noun phrase it heads: back over its modifiers to "the"/"a"
                start = found.start()
                for w in reversed(list(_TOKEN.finditer(base[: found.start()]))):
                    if w.group().lower() in ("the", "a", "an"):
                        start = w.start()
                        break
                    if w.group().lower() in STOP_EN | _VERBS_EN | _AUX_EN or w.group().lower() in _WH_EN:
                        break
                    start = w.start()
                if base[start : found.end()].lower() != x.lower():
                    text = base[:start] + x + base[found.end() :]
                    self.note(typed, text)
                    return text
        pp = _PP.match(x)
        if pp and not xq.names and prev.language == self.lang:
            # "And in the first vote?" after "What turnout did Nurhasanah report for the
            # re-run?": the previous question with its last phrase of that kind swapped.
            last_pp = list(_PP_IN.finditer(base.rstrip("?!. ")))
            text = (base[: last_pp[-1].start()].rstrip() if last_pp else base.rstrip("?!. ")) + f" {x}?"
            self.note(typed, text)
            return text
        if not xq.names and x == x.lower() and len(_content(x)) >= 2:
            # "terus bantuan buat rumah rusak berat?": a new thing about the same topic, not
            # a name to swap into the previous question.
            t = self.topic()
            if t:
                text = f"{x} ({t[0]})?"
                self.note(typed, text)
                return text
        x = _in_language(x, prev.language)
        names = list(prev.question.names)
        # Swap the name of the same kind (a person for a person, a place for a place); with
        # none, the question is asked again about X.
        same = [
            n
            for n in names
            if _kind(n) == _kind(x) and n in base and (x[:1].isupper() or _kind(x) != "other")
        ]
        target = same[0] if same else None
        asked = re.match(r"^((?:berapa|apa|siapa)(?:kah)?\s+)(\S.*?)(\s+yang\s)", base, re.IGNORECASE)
        if (
            not target
            and asked
            and self.lang == "id" == prev.language
            and not xq.names
            and x == x.lower()
            and len(_words(x)) <= 2
        ):
            # "Kalau dendanya?" after "Berapa uang pengganti yang harus dibayar Agus …?": the
            # same question of another thing ("Berapa denda yang harus dibayar Agus …?").
            thing = x[:-3] if x.endswith("nya") and len(x) > 5 else x
            text = base[: asked.end(1)] + thing + base[asked.start(3) :]
            self.note(typed, text)
            return text
        clause = self.memory[0].clause
        if not target and not xq.names and x == x.lower() and clause and clause[:1].isupper():
            # "terus menitnya?" after "Siapa yang mencetak gol …?" — "Rafael Siregar": the
            # thing of what the answer did ("menit (Rafael Siregar mencetak gol …)").
            thing = x[:-3] if self.lang == "id" and x.endswith("nya") and len(x) > 5 else x
            text = f"{thing} ({clause})?"
            self.note(typed, text)
            return text
        text = base.replace(target, x, 1) if target else base.rstrip("?!. ") + f" ({x})?"
        self.note(typed, text)
        return text

    def thing_of_talk(self, typed: str, x: str, date_text: str) -> str:
        """ "What about their trade in 2023?" → "What about the trade of China and North Korea in
        2023?": X's own noun is what it asks for; whose it is ("their", "-nya", or nothing said)
        are the names the last question asked about, else its topic."""
        at = x.find(date_text)
        thing, when = x[:at].split(), x[at:].strip()
        while thing and thing[-1].lower() in _DATE_PREPOSITIONS:
            when = f"{thing.pop()} {when}"
        if thing and thing[0].lower() in _DETERMINER_EN:
            thing.pop(0)
        if self.lang == "id" and thing and thing[-1].lower().endswith("nya") and len(thing[-1]) > 5:
            thing[-1] = thing[-1][:-3]
        prev = self.memory[0].turn
        names = [_in_language(n, self.lang) for n in prev.question.names if not _same(n, date_text)]
        t = self.topic()
        owners = _join(names, self.lang) if names else (t[0] if t and t[1] else "")
        if not thing or not owners or _content(owners) & _content(" ".join(thing)):
            return typed
        noun = " ".join(thing)
        # A count asked before is asked again of the new thing ("Berapa …?"): its answer is
        # then read for a number, as the last one was.
        counted = re.match(r"^(?:for\s+)?how\s+(?:many|much)\b|^berapa\b", prev.text, re.IGNORECASE)
        if self.lang == "en":
            lead = "How much was" if counted else "What about"
            text = f"{lead} the {noun} of {owners} {when}?"
        else:
            lead = "Berapa" if counted else "Bagaimana dengan"
            text = f"{lead} {noun} {owners} {when}?"
        return self.note(typed, text)

    def pronouns(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        tokens = list(_TOKEN.finditer(text))
        skip_until = -1
        for k, tok in enumerate(tokens):
            if tok.start() < skip_until:
                continue
            word = tok.group()
            low = word.lower()
            after = text[tok.end() :]
            nxt = tokens[k + 1].group().lower() if k + 1 < len(tokens) else ""
            prev_word = tokens[k - 1].group().lower() if k > 0 else ""
            new, start, end = self.rewrite(word, low, after, nxt, prev_word, tokens, k, text)
            if new is None or start < pos:
                self.unresolved |= new is None and low in _REFERRING
                if new is not None:  # overlaps a replacement already made: take back its note
                    self.replaced.pop()
                continue
            if start == 0 or text[:start].rstrip().endswith((".", "?", "!")):
                new = new[:1].upper() + new[1:]
            out.append(text[pos:start])
            out.append(new)
            pos = end
            skip_until = end
        out.append(text[pos:])
        return "".join(out)

    def rewrite(self, word, low, after, nxt, prev_word, tokens, k, text) -> tuple[str | None, int, int]:
        """(replacement or None, start, end) for the token at ``k``."""
        tok = tokens[k]
        start, end = tok.start(), tok.end()
        # A subject or possessive pronoun in a question naming its own person means that person
        # ("Did Kim bring his daughter?", "Trump mengunggah pesannya…"); an object pronoun
        # ("Kim berjanji apa kepadanya?") and "they" beside one name point back to earlier turns.
        before = text[:start]
        own = [] if self.focus else [n for n in self.own if n in before]  # "What did he promise Xi?": after
        own_people = [n for n in own if _is_person(n)]
        own_things = [n for n in own if not _is_person(n)]
        if self.lang == "en":
            if low in ("he", "she") and own_people:
                return None, start, end
            if low in _PERSON_EN or (low == "her" and not self._possessive_her(nxt, after)):
                who = self.someone(_GENDER.get(low)) or self.person(_GENDER.get(low))
                return (self.note(word, who), start, end) if who else self.about_topic(word, start, end)
            if low in _POSSESSIVE_EN:
                if (low == "their" and len(own_people) >= 2) or (low in ("his", "her") and own_people):
                    return None, start, end
                if low == "its" and (own_things or re.search(r"\bthe\s+[a-z]", before)):
                    return None, start, end  # "… had the company reported its plan?": the company's
                if low == "their":
                    ref = self.group()
                else:
                    ref = self.topic_np() if low == "its" else self.person(_GENDER.get(low))
                    if ref and low != "its":
                        self.owner = ref
                if ref and low != "their" and any(_same(ref, b) for _, b in self.replaced):
                    return None, start, end  # "did he get his marching orders": the subject's own
                return (self.note(word, _possessive(ref)), start, end) if ref else (None, start, end)
            if low in _GROUP_EN:
                if len(own_people) >= 2:
                    return None, start, end
                ref = self.group()
                return (self.note(word, ref), start, end) if ref else self.about_topic(word, start, end)
            if low == "it" and own_things and prev_word not in _PREPOSITIONS_EN:
                return None, start, end  # "Why does North Korea say it needs…"
            if low == "it" and not _DUMMY_IT.match(after):
                if prev_word in _AUX_EN and k + 2 < len(tokens) and (org := self._actor_of_topic()):
                    # "How many times has it cut rates?" after "When is BI's next board
                    # meeting?": what acts on something is the topic's organisation (BI), not
                    # the topic (the meeting).
                    return self.note(word, org), start, end
                return self.it(word, start, end)
            if (
                low in ("that", "this")
                and prev_word in ("is", "was", "are", "were")
                and re.match(r"^\s*[?!.]*\s*$", after)
                and self.memory
                and self.memory[0].turn.answer_text
                and (
                    self.memory[0].turn.answer_type == "number"
                    or (self.memory[0].turn.answer_type == "who" and tokens[0].group().lower() == "who")
                )
            ):
                # "What share of its staff is that?" after a count, "Who is that?" after a
                # person: the last answer itself (480 employees, Cai Qi), not its topic ("What
                # day was that?" is the event's).
                return self.note(word, self.memory[0].turn.answer_text), start, end
            if low in ("that", "this") and re.match(r"^\s*[?!.]*\s*$", after) and k > 0:
                return self.it(word, start, end)
            if low == "that" and nxt in _WHEN_NOUNS and k + 1 < len(tokens) and (when := self.when()):
                # "How many travelled that day?" after "When was the peak?" → that date
                phrase = when if prev_word in ("on", "in", "at") else f"on {when}"
                return self.note(f"{word} {tokens[k + 1].group()}", phrase), start, tokens[k + 1].end()
            if low == "that" and nxt in _WHEN_NOUNS and k + 1 < len(tokens) and (day := self.day_named(nxt)):
                # "Which station was busiest that day?" after "… on the peak day?" → the peak day
                phrase = day if prev_word in ("on", "in", "at") else f"on {day}"
                return self.note(f"{word} {tokens[k + 1].group()}", phrase), start, tokens[k + 1].end()
            if low in ("that", "this") and nxt and nxt not in _TIME_NOUNS and k + 1 < len(tokens):
                return self.demonstrative(word, tok, tokens[k + 1])
            if (
                low == "the"
                and nxt in _PLACE_NOUNS
                and not re.match(r"^\s+\w+\s+of\b", after)
                and not any(_is_place(n) for n in self.own)
            ):  # "Who visited the area?" — the place just talked about
                return self.demonstrative(word, tok, tokens[k + 1])
            if low == "there" and nxt not in _EXISTENTIAL and prev_word not in ("is", "are", "was", "were"):
                return self.there(word, prev_word, start, end)
            if low == "there" and prev_word in ("were", "was") and re.match(r"^\s*[?!.]*\s*$", after):
                return self.there(word, "", start, end)  # "How many leaders were there?"
            return None, start, end
        # Indonesian
        if low in _PERSON_ID:
            if own_people and not (_is_verb_id(prev_word) or prev_word in _PREPOSITIONS_ID):
                return None, start, end  # "Kapan Xi bilang dia akan datang?"
            who = self.someone(None) or self.person()
            return (self.note(word, who), start, end) if who else self.about_topic(word, start, end)
        if low in _GROUP_ID or low == "keduanya":
            if len(own_people) >= 2:
                return None, start, end
            ref = self.group()
            return (self.note(word, ref), start, end) if ref else self.about_topic(word, start, end)
        if low in ("sana", "situ", "disana", "kesana", "darisana", "disitu", "kesitu"):
            prep = (
                {"di": "di", "ke": "ke", "dari": "dari"}.get(prev_word) if low in ("sana", "situ") else None
            )
            if low in ("sana", "situ") and prep is None:
                return None, start, end
            if prep is None:
                prep = re.match(r"(di|ke|dari)", low).group(1)  # type: ignore[union-attr]
            else:
                start = tokens[k - 1].start()
            found = self.place()
            if not found:
                return None, start, end
            place, event = found
            phrase = f"{prep} {event} di {place}" if event and prep == "di" else f"{prep} {place}"
            return self.note(text[start:end], phrase), start, end
        if low in ("itu", "tersebut") and k > 0 and prev_word in _WHEN_NOUNS:
            when = self.when()  # "hari itu" after "puncaknya kapan?" → that date
            if when:
                start = tokens[k - 1].start()
                return self.note(text[start:end], f"{prev_word} {when}"), start, end
            named = self.day_named(prev_word)
            if named:
                start = tokens[k - 1].start()
                return self.note(text[start:end], named), start, end
        if low in ("itu", "tersebut", "ini"):
            if k > 0 and prev_word in _GENERIC_ID:  # "hal itu", "masalah tersebut": it
                t = self.topic()
                if not t:
                    return None, start, end
                start = tokens[k - 1].start()
                phrase = t[0] if t[1] else f"{text[start:end]} ({t[0]})"
                return self.note(text[start:end], phrase), start, end
            if (
                k > 0
                and prev_word not in STOP_ID
                and prev_word not in _WH_ID
                and prev_word not in _TIME_NOUNS
                and (k == 1 or not tokens[k - 1].group()[:1].isupper())
            ):
                return self.demonstrative_id(tokens[k - 1], tok, text)
            if k == 0 or prev_word in ("tentang", "soal", "terhadap", "dengan", "dari", "untuk", "atas"):
                return self.it(word, start, end)
            return None, start, end
        if low == "katanya" and (
            prev_word in ("apa", "bagaimana", "gimana") or nxt in ("apa", "soal", "tentang")
        ):
            # "Apa katanya tentang Amerika Serikat?": what he/she said, not "reportedly".
            if own_people:
                return None, start, end
            who = self.person()
            return (self.note(word, f"kata {who}"), start, end) if who else (None, start, end)
        if low.endswith("nya") and low not in _NYA_FIXED and not word[:1].isupper() and len(low) > 5:
            base = low[:-3]
            if base in root_words() or stem(base) in root_words():
                on_noun = not (_is_verb_id(base) or base in _BARE_VERBS_ID or base in _PREPOSITIONS_ID)
                if on_noun and own_people:
                    return None, start, end  # "Apakah Choe bertemu Xi selama kunjungannya?"
                ref = (
                    (self.organisation() if base in _ORG_NOUNS | _FOUNDED_ID else None)
                    or (self.someone_named() if base in _PERSON_OWNED_ID else None)
                    # "kepadanya", "dengannya": to/with him or her, whom the talk was about,
                    # not the place the last answer gave ("Beijing", "Korut").
                    or (self.person() if base in _TO_SOMEONE_ID else None)
                    or self.salient()
                )
                if ref and on_noun and (_is_person(ref) or ref == self.person()):
                    self.owner = ref
                if ref and not on_noun and any(_same(ref, b) for _, b in self.replaced):
                    # "dia mencetaknya": a verb's object is not its subject again (the goal)
                    return None, start, end
                if ref:
                    return self.note(word, f"{word[:-3]} {ref}"), start, end
        return None, start, end

    def someone_named(self) -> str | None:
        """Whose "kuasa hukumnya" is: a person the talk named, or a name of the last question
        that is no place ("Agus Salim Harahap", which the people tagger misses; a company has
        lawyers too), never a thing ("uang pengganti")."""
        who = self.person(named=True)
        if who:
            return who
        for m in self.memory[:1]:
            for name in m.turn.question.names:
                words = name.split()
                if (
                    _kind(name) == "other"
                    and self._free(name)
                    and not any(w.isupper() and len(w) > 1 for w in words)  # "PSU Sumbawa Barat"
                    and not {w.lower() for w in words} & _COMPASS
                ):
                    return name
        return self.person()  # someone the last answer's quote named ("pasangan Arif Mahendra …")

    def _possessive_her(self, nxt: str, after: str) -> bool:
        return bool(nxt) and nxt not in STOP_EN and not re.match(r"^\s*[?!.,]", after)

    def topic_np(self) -> str | None:
        """What "its" means: the topic when it is a noun phrase, else a thing or place the
        previous question named ("What is its capital?" after a question on North Korea)."""
        t = self.topic()
        if t and t[1]:
            # "its" is one thing's: "Which of its offices …?" after "What share of its staff is
            # that?" is the company's, not the staff's (people are "their").
            if not _people_head(t[0]) or not (org := self.organisation()):
                return t[0]
            return org
        for m in self.memory[:1]:
            for name in (*m.turn.question.names, *m.turn.entities):
                if not _is_person(name) and self._free(name):
                    return _in_language(name, self.lang)
        return None

    def role_person(self, noun: str) -> str | None:
        """Whom "<role> itu" means: after a who-question that asked for someone by another
        role ("Siapa hakim ketua dalam sidang vonis Agus …?" — "terdakwa itu"), the person the
        question named, not the answer; otherwise the salient person."""
        if self.memory:
            last = self.memory[0].turn
            # (a name the people tagger misses, "Agus Salim Harahap", still names someone)
            asked = _question_people(last) or [n for n in last.question.names if _kind(n) == "other"]
            if (
                last.question.expected == "person"
                and noun not in _content(last.text)
                and noun not in _PERSON_NOUNS
                and asked
                and self._free(asked[0])
            ):
                self.owner = asked[0]  # the talk is on them now ("hukumannya" next)
                return asked[0]
        return self.person()

    def organisation(self) -> str | None:
        """The organisation the last turns named ("perusahaannya" after "siapa CEO Belanjaku?")."""
        for m in self.memory:
            for name in m.turn.question.names:
                if self._free(name) and _is_organisation(name, m.turn.text):
                    return name
        return None

    def day_named(self, noun: str) -> str | None:
        """The day the last question named by a description ("pada hari puncak Nataru", "on
        the peak day"), for "hari itu"/"that day" when no date was answered."""
        if not self.memory or self.memory[0].turn.language != self.lang:
            return None
        last = self.memory[0].turn.text
        if self.lang == "en":
            m = re.search(rf"\bthe\s+((?:[a-z]+\s+){{1,2}}){noun}\b", last)
            if m and not set(m.group(1).split()) & STOP_EN:
                return f"the {m.group(1)}{noun}"
            # "What did Xi praise that day?" after "… at the military parade in Beijing?"
            m = re.search(rf"\b(?:at|in|during)\s+the\s+((?:[\w-]+\s+){{0,3}}{_DAY_EVENTS_EN})\b", last)
            return f"the day of the {m.group(1)}" if m and noun == "day" else None
        m = re.search(rf"\b{noun}\s+([a-z][\w-]*(?:\s+[\w-]+){{0,2}})", last)
        if not m and noun == "hari":  # "Apa yang dipuji Xi hari itu?" after "… dalam parade militer …?"
            m = re.search(rf"\b(?:dalam|saat|selama|pada)\s+({_DAY_EVENTS_ID}(?:\s+[\w-]+){{0,3}})", last)
        if not m:
            return None
        words: list[str] = []
        for w in m.group(1).split():  # "hari puncak Nataru", "hari terakhir tahun 2025"
            if w.lower() in STOP_ID | {"itu", "ini", "tersebut", "apa"}:
                break
            words.append(w)
        return f"{noun} {' '.join(words)}" if words else None

    def when(self) -> str | None:
        """The date the last turn answered ("Rabu, 24 Desember 2025"), for "hari itu"/"that day"."""
        for m in self.memory[:2]:
            if m.turn.answer_type == "when" and m.turn.answer_text and len(m.turn.answer_text) <= 40:
                return m.turn.answer_text
        return None

    def about_topic(self, word: str, start: int, end: int) -> tuple[str | None, int, int]:
        """ "How old was he?" when the last turns named nobody ("Did anyone die in the flood?"
        answered "yes"): the pronoun stays and the conversation's topic is added in brackets,
        so retrieval still looks in the right place."""
        if not self.memory or not self._asked_about_someone(self.memory[0].turn):
            return None, start, end  # the topic is about something else: the pronoun stays
        t = self.topic()
        if not t or any(b == t[0] or f"({t[0]})" in b for _, b in self.replaced):
            return None, start, end
        return self.note(word, f"{word} ({t[0]})"), start, end

    @staticmethod
    def _asked_about_someone(turn: Turn) -> bool:
        """Did the question ask about people without naming them ("Did anybody die…?",
        "berapa warga yang dievakuasi?")?"""
        words = {w.lower() for w in _words(turn.text)}
        return turn.question.expected == "person" or bool(words & (_SOMEONE | _GROUP_NOUNS | _PERSON_NOUNS))

    def it(self, word: str, start: int, end: int) -> tuple[str | None, int, int]:
        t = self.topic()
        if not t:
            return None, start, end
        phrase, is_np = t
        if is_np and _people_head(phrase):
            # "When was it set up?" after "Who is the chief executive of Belanjaku?": "it" is
            # no person, so the organisation the talk named.
            org = self.organisation()
            if org:
                return self.note(word, org), start, end
        if is_np:
            return self.note(word, phrase), start, end
        thing = self._named_thing()
        if thing:  # "How high is Mount Ile Lewotolok?" — "it" is the mountain, not the clause
            return self.note(word, thing), start, end
        return self.note(word, f"{word} ({phrase})"), start, end

    def _actor_of_topic(self) -> str | None:
        """The organisation (no person, no place) the topic is of ("BI's next board meeting",
        "the next board meeting of BI" → BI), if any."""
        t = self.topic()
        if not t or not t[1] or not self.memory:
            return None
        for name in self.memory[0].turn.question.names:
            if _is_person(name) or _is_place(name) or t[0] == name or not self._free(name):
                continue
            if re.search(rf"\b(?:of|dari) {re.escape(name)}$|^{re.escape(name)}['’]s\s", t[0]):
                return name
        return None

    def _named_thing(self) -> str | None:
        """The one name of a thing (not a person) the previous question asked about, when it
        named no person: what "it" then means."""
        if not self.memory:
            return None
        turn = self.memory[0].turn
        names = [n for n in turn.question.names if self._free(n)]
        things = [n for n in names if not _is_person(n)]
        if len(things) != 1 or len(names) != 1 or turn.question.expected == "person":
            return None
        if re.search(re.escape(things[0]) + r"['’]", turn.text):
            return None  # "North Korea's parade": the owner is not what "it" is
        return _in_language(things[0], self.lang)

    def demonstrative(
        self, word: str, dem: re.Match[str], noun_tok: re.Match[str]
    ) -> tuple[str | None, int, int]:
        """ "that region" → "the Kursk region"; "that meeting" → the meeting asked about before."""
        noun = noun_tok.group()
        typed = f"{word} {noun}"
        phrase = None
        if noun.lower() in _PLACE_NOUNS:
            found = self.place()
            if found and noun.lower() in ("country", "city", "town", "place", "location", "venue"):
                phrase = found[0]  # "the country" → "North Korea"
            else:
                phrase = f"the {found[0]} {noun}" if found else None
        elif noun.lower() in _PERSON_NOUNS:
            who = self.person()
            phrase = f"the {noun} {who}" if who else None
        elif noun.lower() in _EVENT_NOUNS and (held := self.held()):
            phrase = held  # "that event" after "… at the parade in Beijing?" → that parade
        else:
            phrase = self.expand(noun) or self.event(noun)
        if not phrase:
            return None, dem.start(), dem.end()
        return self.note(typed, phrase), dem.start(), noun_tok.end()

    def demonstrative_id(
        self, noun_tok: re.Match[str], dem: re.Match[str], text: str
    ) -> tuple[str | None, int, int]:
        """ "Wilayah itu" → "Wilayah Kursk"; "parade tersebut" → "parade militer di Beijing"."""
        noun = noun_tok.group()
        phrase = None
        if noun.lower() in _PLACE_NOUNS:
            found = self.place()
            phrase = f"{noun} {found[0]}" if found else None
        elif noun.lower() in _PERSON_NOUNS or noun.lower() in _ROLES_TER:
            who = self.role_person(noun.lower())
            phrase = f"{noun} {who}" if who else None
        elif noun.lower() in _ORG_NOUNS and (org := self.organisation()):
            phrase = f"{noun} {org}"  # "perusahaan itu" after "… yang dihimpun Belanjaku?"
        elif noun.lower() in _EVENT_NOUNS and (held := self.held()):
            phrase = held  # "acara itu" after "… dalam parade di Beijing?" → that parade
        else:
            phrase = self.expand(noun) or self.event(noun)
            if (
                not phrase and noun.lower() not in _GENERIC_ID and not _is_verb_id(noun)
            ):  # "kunjungan itu" ≈ "kunjungannya"
                ref = self.salient()
                phrase = f"{noun} {ref}" if ref and not any(ref in b for _, b in self.replaced) else None
            if phrase and noun[:1].isupper():
                phrase = phrase[:1].upper() + phrase[1:]
        if not phrase:
            return None, dem.start(), dem.end()
        return self.note(text[noun_tok.start() : dem.end()], phrase), noun_tok.start(), dem.end()

    def expand(self, noun: str) -> str | None:
        """A noun the previous turns used with a modifier: "HUT" → "HUT Partai Buruh Korea"."""
        if noun.lower() in _TIME_NOUNS:
            return None
        for m in self.memory:
            words = m.turn.text.rstrip("?!. ").split()
            for i, w in enumerate(words):
                if w.lower().strip(",") != noun.lower():
                    continue
                j = i + 1
                if m.turn.language == "id":
                    while j < len(words) and (
                        words[j][:1].isupper()
                        or (
                            words[j].lower() not in STOP_ID
                            and words[j].lower() not in _WH_ID
                            and not _is_verb_id(words[j])
                        )
                    ):
                        j += 1
                    if j + 1 < len(words) and words[j].lower() == "di" and words[j + 1][:1].isupper():
                        j += 2
                        while j < len(words) and words[j][:1].isupper():
                            j += 1
                else:
                    while j + 1 < len(words) and words[j].lower() in ("of", "between", "in", "with", "for"):
                        k = j + 1
                        while k < len(words) and (words[k][:1].isupper() or words[k].lower() == "and"):
                            k += 1
                        if k == j + 1:
                            break
                        j = k
                if j > i + 1:
                    phrase = " ".join(words[i:j]).rstrip(",")
                    return phrase if m.turn.language == "id" else "the " + phrase
        return None

    def held(self) -> str | None:
        """The event the last turns held somewhere ("parade militer di Beijing"), which a
        generic "acara itu"/"that event" means."""
        found = self.place()
        if not found or not found[1]:
            return None
        place, event = found
        return f"{event} in {place}" if self.lang == "en" else f"{event} di {place}"

    def event(self, noun: str) -> str | None:
        """ "pertemuan itu" / "that meeting" after "Siapa yang bertemu Wang Yi di Beijing?":
        the noun names the previous question's event, so it gets its people and place."""
        if not self.memory:
            return None
        turn = self.memory[0].turn
        if not _stems(noun, self.lang) & {s for w in _words(turn.text) for s in _stems(w, turn.language)}:
            return None
        who = self.group() or self.person()
        if not who:
            return None
        found = self.place()
        where = found[0] if found and not _same(found[0], who) else None
        if self.lang == "en":
            return f"the {noun} of {who}" + (f" in {where}" if where else "")
        return f"{noun} {who}" + (f" di {where}" if where else "")

    def there(self, word: str, prev_word: str, start: int, end: int) -> tuple[str | None, int, int]:
        found = self.place()
        if not found:
            return None, start, end
        place, event = found
        if event:
            phrase = f"to {event} in {place}" if prev_word in _MOTION_EN else f"at {event} in {place}"
        else:
            phrase = f"to {place}" if prev_word in _MOTION_EN else f"in {place}"
        return self.note(word, phrase), start, end

    def _new_word(self, word: str) -> bool:
        """A content word that is neither a verb nor something the previous turns used."""
        low = word.lower()
        said = set()
        for m in self.memory:
            for w in _words(m.turn.text):
                said.add(w.lower())
                said |= _stems(w, m.turn.language)
        if low in said or _stems(low, self.lang) & said:
            return False
        if self.lang == "id":
            return not (_is_verb_id(low) or low in _BARE_VERBS_ID)
        return not (low in _VERBS_EN or re.search(r"(?:ed|en|ing)$", low))

    def recount(self, text: str) -> str:
        """ "And how many deaths?" after "How many measles cases has the ministry confirmed?" (or
        "dan berapa persen?" after "Berapa suara yang diraih …?"): the same question of another
        count, its noun swapped in, as in "what about X?"."""
        prev = self.memory[0].turn if self.memory else None
        if prev is None:
            return text
        if self.lang == "en":
            m = _RECOUNT_EN.match(text)
            x = m.group("x") if m else ""
            if not m or any(w.lower() in _VERBS_EN | _AUX_EN | _EXISTENTIAL for w in _words(x)):
                return text
            asked = re.search(
                rf"\bhow {m.group('wh')}\s+(?P<y>[\w\s-]+?)\s+(?={_AUX_AFTER_COUNT})", prev.text, re.I
            )
        else:
            m = _RECOUNT_ID.match(text)
            x = m.group("x") if m else ""
            inverted = _NOUN_BERAPA_ID.match(text) if not m else None
            if inverted and inverted.group("n").lower() not in STOP_ID:
                # "Kalau selimutnya berapa lembar?" = "berapa lembar selimut?"
                m, x = inverted, " ".join(filter(None, (inverted.group("u"), inverted.group("n"))))
            if not m or any(
                w.lower() in _NOT_COUNTED_ID | _BARE_VERBS_ID or _is_verb_id(w) for w in _words(x)
            ):
                return text
            asked = re.search(
                r"\bberapa\s+(?P<y>[\w-]+(?:\s+[\w-]+)??)(?=\s+yang\b|\s*[?!.]*$)", prev.text, re.I
            )
        if not asked or len(_words(x)) > 3 or _same(asked.group("y"), x):
            return text
        new = prev.text[: asked.start("y")] + x + prev.text[asked.end("y") :]
        self.note(text, new)
        return new

    def carry(self, text: str) -> str:
        """A very short question with no names keeps the previous topic."""
        q = analyze(text, self.vocabulary)
        known = [n for m in self.memory for n in m.turn.question.names]
        if q.numbers or any(not any(_part_of(n, k) for k in known) for n in q.names):
            return text  # it names a subject of its own: a new topic
        if not _words(text):
            return text  # "?", "...": nothing asked
        content = [w for w in q.focus if w.lower() not in STOP_ID and w.lower() not in STOP_EN]
        # A noun the previous turn qualified: "HUT yang keberapa?" → "HUT Partai Buruh Korea".
        for w in content:
            expanded = self.expand(w)
            if expanded:
                expanded = (
                    expanded.removeprefix("the ") if text.lower().find("the " + w.lower()) < 0 else expanded
                )
                new = re.sub(r"\b" + re.escape(w) + r"\b", expanded.replace("\\", "\\\\"), text, count=1)
                if new != text:
                    self.note(w, expanded)
                    return new
        words = [w.lower() for w in _words(text)]
        if (
            words[0] in (_PREPOSITIONS_ID if self.lang == "id" else _PREPOSITIONS_EN)
            and words[1:2] != ["mana"]  # "Di mana …?" asks where
            and len(content) <= SHORT_QUESTION
            and not any(_is_verb_id(w) or w in _BARE_VERBS_ID or w in _VERBS_EN for w in words)
            and self.memory
            and self.memory[0].clause
        ):
            # "Atas undangan siapa?", "With whom?": a phrase with no clause of its own, even
            # on a new noun, completes the previous question's ("Choe Son-hui berkunjung ke
            # China"), not a new topic.
            clause = self.memory[0].clause
            self.carried = True
            self.note("", clause)
            return f"{text.rstrip('?!. ')} ({clause})?"
        if len(content) > SHORT_QUESTION or any(self._new_word(w) for w in content):
            return text  # "Resep rendang?": a noun the conversation never had is a new topic
        t = self.topic()
        if not t or _content(t[0]) & _content(text):
            return text
        self.carried = True
        body = text.rstrip("?!. ")
        self.note("", t[0])
        return f"{body} ({t[0]})?"
