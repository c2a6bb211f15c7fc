"""Indonesian or English? Decides the language of every fixed text we show."""

from __future__ import annotations

import re

# fmt: off
_ID = set(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "pada",
        "untuk",
        "dengan",
        "ini",
        "itu",
        "apa",
        "siapa",
        "kapan",
        "mengapa",
        "kenapa",
        "bagaimana",
        "berapa",
        "dimana",
        "mana",
        "adalah",
        "akan",
        "tidak",
        "bukan",
        "juga",
        "sudah",
        "telah",
        "oleh",
        "dalam",
        "tentang",
        "bertemu",
        "apakah",
        "kah",
        "saja",
        "atau",
        "sebagai",
        "karena",
        "bahwa",
        "para",
        "kepada",
        "antara",
        "negara",
        "menteri",
        "luar",
        "negeri",
        "kata",
        "mereka",
        "ia",
        "ada",
        "bisa",
        "dapat",
        "harus",
        "sedang",
        "lalu",
        "tahun",
        "bulan",
        "hari",
        "tanggal",
        "september",
        "oktober",
        "agustus",
        "desember",
        "mei",
        "juni",
        "juli",
        "januari",
        "februari",
        "maret",
        "april",
        "nopember",
        "november",
        "minggu",
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "tolong",
        "jelaskan",
        "sebutkan",
        "berita",
        "artikel",
        "sumber",
    ]
)
_EN = set(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "who",
        "what",
        "when",
        "where",
        "why",
        "how",
        "which",
        "whom",
        "whose",
        "did",
        "do",
        "does",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "about",
        "from",
        "by",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "they",
        "them",
        "their",
        "he",
        "she",
        "his",
        "her",
        "met",
        "meeting",
        "said",
        "say",
        "says",
        "tell",
        "me",
        "please",
        "between",
        "during",
        "after",
        "before",
        "than",
        "as",
        "or",
        "not",
        "any",
        "many",
        "much",
    ]
)
# fmt: on
_WORD = re.compile(r"[a-zA-Z']+")


def detect(text: str, default: str = "en") -> str:
    """'id' or 'en' by counting function words; ``default`` breaks ties."""
    words = [w.lower() for w in _WORD.findall(text)]
    ind = sum(w in _ID for w in words)
    eng = sum(w in _EN for w in words)
    if ind == eng:
        return default
    return "id" if ind > eng else "en"


TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "not_found": "I couldn't find that in the indexed articles.",
        "not_mentioned": "The articles don't mention {what}.",
        "nothing_matches": "Nothing in the question appears in the articles.",
        "nothing_on": "The articles report nothing on {when}.",
        "nothing_for": "The articles don't say that for {when}.",
        "no_future": "The articles don't say when that will happen.",
        "not_stated": "The articles don't say: where they report on it, they don't mention “{what}”.",
        "not_counted": "The articles don't give a number of {what}.",
        "not_whether": "The articles don't say whether that is so: they don't mention {what}.",
        "undecided": "The articles don't say yes or no: they report it is not decided yet.",
        "not_said": "The articles don't report what {who} said about that.",
        "date_unknown": "{words} (the article has no date, so the day can't be worked out)",
        "sources": "Sources",
        "paragraph": "paragraph",
        "score": "score",
        "no_date": "undated",
        "empty_question": "Please type a question.",
        "too_long": "That question is too long ({n} characters; the limit is {limit}).",
        "error": "Sorry, something went wrong while answering. Please try again.",
        "more": "More passages",
        "passage": "Passage",
        "rate_limited": "You're asking quickly — please wait {s} seconds and try again.",
        "not_allowed": "Sorry, this bot is private.",
        "admins_only": "Only admins can do that.",
        "reindex_done": "Index updated: {added} added, {changed} changed, {removed} removed, "
        "{documents} articles, {chunks} passages.",
        "reindex_same": "Index already up to date: {documents} articles, {chunks} passages.",
        "reindex_started": "Re-indexing…",
        "ask_usage": "Usage: /ask <question>",
        "gone": "That passage is no longer in the index. Ask again for fresh sources.",
        "index_missing": "The article index isn't ready yet. Please try again later.",
        "help": (
            "I answer questions about {articles} news articles ({dates}), with the passages "
            "that support each answer and where they come from.\n\nExamples:\n{examples}\n\n"
            "Commands: /ask, /timeline, /sources, /new, /help"
        ),
        "no_articles": "No articles are indexed yet.",
        "sources_title": "Indexed articles",
        "chunks": "passages",
        "understood_as": "Understood as: {text}",
        "differ": "The articles differ: {claims}",
        "new_conversation": "New conversation: earlier questions are forgotten.",
        "timeline_articles": "{n} articles",
        "timeline_inferred": "(date inferred)",
        "timeline_expected": "(upcoming)",
        "timeline_none": "No dated events found.",
        "timeline_none_for": "No dated events mention {query}.",
        "timeline_title": "Timeline",
    },
    "id": {
        "not_found": "Saya tidak menemukan jawabannya di artikel yang terindeks.",
        "not_mentioned": "Artikel-artikel tidak menyebut {what}.",
        "nothing_matches": "Tidak ada kata dari pertanyaan ini yang muncul di artikel.",
        "nothing_on": "Artikel-artikel tidak memberitakan apa pun pada {when}.",
        "nothing_for": "Artikel-artikel tidak menyebutkannya untuk {when}.",
        "no_future": "Artikel-artikel tidak menyebut kapan hal itu akan terjadi.",
        "not_stated": "Artikel-artikel tidak menyebutkannya: beritanya tidak memuat “{what}”.",
        "not_counted": "Artikel-artikel tidak menyebut jumlah {what}.",
        "not_whether": "Artikel-artikel tidak menyebut apakah demikian: beritanya tidak memuat {what}.",
        "undecided": "Artikel-artikel tidak menyebut ya atau tidak: menurut beritanya, hal itu belum diputuskan.",
        "not_said": "Artikel-artikel tidak memuat apa yang dikatakan {who} soal itu.",
        "date_unknown": "{words} (artikel tidak bertanggal, jadi harinya tidak bisa dipastikan)",
        "sources": "Sumber",
        "paragraph": "paragraf",
        "score": "skor",
        "no_date": "tanpa tanggal",
        "empty_question": "Silakan ketik pertanyaan.",
        "too_long": "Pertanyaan terlalu panjang ({n} karakter; batasnya {limit}).",
        "error": "Maaf, terjadi kesalahan saat menjawab. Silakan coba lagi.",
        "more": "Kutipan lainnya",
        "passage": "Kutipan",
        "rate_limited": "Anda bertanya terlalu cepat — tunggu {s} detik lalu coba lagi.",
        "not_allowed": "Maaf, bot ini bersifat pribadi.",
        "admins_only": "Hanya admin yang dapat melakukan itu.",
        "reindex_done": "Indeks diperbarui: {added} ditambah, {changed} diubah, {removed} dihapus, "
        "{documents} artikel, {chunks} kutipan.",
        "reindex_same": "Indeks sudah mutakhir: {documents} artikel, {chunks} kutipan.",
        "reindex_started": "Mengindeks ulang…",
        "ask_usage": "Cara pakai: /ask <pertanyaan>",
        "gone": "Kutipan itu sudah tidak ada di indeks. Silakan bertanya lagi.",
        "index_missing": "Indeks artikel belum siap. Silakan coba lagi nanti.",
        "help": (
            "Saya menjawab pertanyaan tentang {articles} artikel berita ({dates}), beserta "
            "kutipan pendukung dan sumbernya.\n\nContoh:\n{examples}\n\n"
            "Perintah: /ask, /timeline, /sources, /new, /help"
        ),
        "no_articles": "Belum ada artikel yang terindeks.",
        "sources_title": "Artikel terindeks",
        "chunks": "kutipan",
        "understood_as": "Dipahami sebagai: {text}",
        "differ": "Artikel-artikel berbeda: {claims}",
        "new_conversation": "Percakapan baru: pertanyaan sebelumnya dilupakan.",
        "timeline_articles": "{n} artikel",
        "timeline_inferred": "(tanggal diperkirakan)",
        "timeline_expected": "(akan datang)",
        "timeline_none": "Tidak ada peristiwa bertanggal.",
        "timeline_none_for": "Tidak ada peristiwa bertanggal yang menyebut {query}.",
        "timeline_title": "Linimasa",
    },
}

EXAMPLES = {
    "en": ["Who met in Beijing on 28 September?", "What did China and North Korea agree on?"],
    "id": [
        "Siapa yang bertemu di Beijing pada 28 September?",
        "Apa yang disepakati Tiongkok dan Korea Utara?",
    ],
}

_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
}


def text(lang: str, key: str, **kw) -> str:
    value = TEXTS.get(lang, TEXTS["en"])[key]
    return value.format(**kw) if kw else value


def format_date(iso: str | None, lang: str) -> str:
    if not iso:
        return text(lang, "no_date")
    y, m, d = iso.split("-")
    return f"{int(d)} {_MONTHS.get(lang, _MONTHS['en'])[int(m) - 1]} {y}"
