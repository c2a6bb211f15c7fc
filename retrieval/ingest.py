"""Read article files: decode, strip web boilerplate, find title, date and outlet.

Paragraphs keep their character offsets in the decoded file, so a citation can
point at the exact place the passage came from.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import hashlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .dates import MONTHS, WEEKDAYS
from .errors import IngestError
from .store import Document

SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based: the n-th non-blank line of the file, title and boilerplate included
    start: int  # offsets into Article.text
    end: int
    # A line about the article rather than the story (facts.META_KINDS): "byline" (the writer
    # and date, "Willy Haryono • 29 September 2025 18:33"), "published" ("Diterbitkan pada
    # …"), "source" ("Sumber: Sputnik-OANA"), "caption" (a photo credited to an account).
    kind: str = ""


@dataclass(kw_only=True)
class Article:
    doc: Document
    text: str  # the whole decoded file
    paragraphs: list[Paragraph]
    # The lines about the article (bylines, credits, source lines): kept out of the story's
    # passages, and answerable when a question asks who wrote it, its source, its photo.
    meta: list[Paragraph] = field(default_factory=list)

    def paragraph_text(self, p: Paragraph) -> str:
        return self.text[p.start : p.end]


# --- dates -------------------------------------------------------------------

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY_DM = re.compile(
    rf"\b({'|'.join(sorted(WEEKDAYS, key=len, reverse=True))})\s*\((\d{{1,2}})/(\d{{1,2}})\)", re.I
)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first full date in ``text`` ("29 Sep 2025", "2025-09-29")."""
    m = _FULL_DATE.search(text)
    if m:
        return _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _ISO_DATE.search(text)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def date_from_weekday(paragraphs: Sequence[str], before: dt.date) -> dt.date | None:
    """Dates like "Senin (29/9)" carry no year; the weekday pins it down.

    The report's own day is the one its lead names ("…, kata Dwi di Jakarta, Jumat (2/1)"):
    the first paragraph naming such a day counts, and the latest day it names (a lead may
    name the event's day and the statement's). Later paragraphs also name days to come
    ("arus balik masih akan tinggi hingga Minggu (4/1)"), which are no publication date
    (tests/corpus/112: the latest mention of the whole article made it 4 Jan, not 2 Jan).
    The year is the most recent one, not after ``before``, in which that day fell on that
    weekday.
    """
    for text in paragraphs:
        found = []
        for m in _WEEKDAY_DM.finditer(text):
            weekday, day, month = WEEKDAYS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
            for year in range(before.year, before.year - 12, -1):
                d = _safe_date(year, month, day)
                if d and d <= before and d.weekday() == weekday:
                    found.append(d)
                    break
        if found:
            return max(found)
    return None


# --- boilerplate -------------------------------------------------------------

_BOILERPLATE = [
    re.compile(p, re.I)
    for p in (
        r"cerita yang direkomendasikan",
        r"daftar \d+ item.*",
        r"(baca juga|lihat juga|simak juga|read more|read also|baca selengkapnya)\b.*",
        r"(jangan lupa )?(ikuti|follow)\b.*",
        r".*\b(follow|ikuti)\b.*\b(akun|account|google news|instagram|twitter|whatsapp|channel)\b.*",
        r"google news\b.*",
        r"(viral!|promo\b|advertisement|iklan|scroll (to|untuk) (continue|lanjut)).*",
        r".*\bklik\s*:?\s*(https?://)?[\w-]+\.[\w.-]+.*",
        r".*info lebih lengkap.*",
        r"(waktu baca|estimasi baca|lama baca)\b.*",
        r"\d+\s*(menit|min(ute)?s?)\s*(baca|membaca|read)\b.*",
        r"(bagikan|share|tweet|salin tautan|copy link|bagikan artikel ini)\s*:?",
        r"(mungkin kamu suka|mungkin anda suka|berita terkait|artikel terkait|related( articles?| stories)?"
        r"|recommended( stories)?|terpopuler|most read)\s*:?",
        r".*\(@\w+\)",  # photo with a social-media credit
        r"\(?(foto|photo|gambar|ilustrasi|image|sumber foto)\s*:.*",
        r"\([A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3}\)",  # "(Willy Haryono)" editor credit
        r"(editor|penulis|reporter|pewarta)\s*:.*",
    )
]
_CAPTION = re.compile(r".{10,300}\(@\w+\)")  # a photo's caption credited to an account
_PUBLISHED = re.compile(r"^(diterbitkan|dipublikasikan|published|diperbarui|updated|tayang)\b", re.I)
_BYLINE = re.compile(rf"^[^\n]{{2,80}}?\s[•|·]\s.*\b\d{{1,2}}\s+({_MONTH_RE})\b.*\d{{4}}", re.I)
_SOURCE_LINE = re.compile(r"^(sumber|source)\s*:\s*(.+)$", re.I)
_DATELINE = re.compile(r"^[A-Z][\w .'-]{1,40}?\s*\(([A-Z][\w .'-]{1,30})\)\s*[-–—]\s*")
_DOMAIN = re.compile(r"\b([A-Z][\w-]*\.(?:com|co\.id|id|net|org|news))\b")
_TRAILING_CREDIT = re.compile(r"\s*\((?:[A-Z][a-z'-]+\s){1,3}[A-Z][a-z'-]+\)\s*$")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def is_boilerplate(line: str) -> bool:
    s = line.strip()
    return any(p.fullmatch(s) for p in _BOILERPLATE)


# --- decoding ----------------------------------------------------------------


def decode(data: bytes) -> str:
    """Bytes → text, or ValueError with the reason the file is not an article.

    UTF-16 when it starts with its byte-order mark (Notepad's "Unicode"), else
    UTF-8 first; cp1252 only when the result reads like prose (it decodes
    nearly anything, so a bad guess must be caught).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data = data.decode("utf-16").encode("utf-8")  # the BOM says which byte order
        except UnicodeDecodeError:
            raise ValueError("starts with a UTF-16 byte-order mark but is not UTF-16 text") from None
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        # Prose in a Latin script is mostly ASCII letters and spaces, with a few
        # accents and curly quotes; random bytes are not.
        odd = sum(1 for c in text if (ord(c) < 32 and c not in "\r\n\t") or 0x7F <= ord(c) < 0xA0)
        non_ascii = sum(1 for c in text if ord(c) > 0x7F)
        spaces = text.count(" ")
        if odd > len(text) * 0.01 or non_ascii > len(text) * 0.1 or spaces < len(text) * 0.05:
            raise ValueError("not UTF-8 text, and not clearly cp1252/latin-1 either") from None
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    if bad > max(2, len(text) * 0.01):
        raise ValueError("binary file (control characters)")
    return text


# --- parsing -----------------------------------------------------------------


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line from ``start``, trimmed of spaces."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text[start:]):
        s, e = m.start() + start, m.end() + start
        raw = text[s:e]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    meta = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, m.end()


def _short_title(line: str, limit: int = 120) -> str:
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def parse_article(file: str, text: str, sha256: str, modified: dt.date | None = None) -> Article:
    """Split one decoded file into metadata and a clean body."""
    meta, body_start = _front_matter(text)
    lines = _lines(text, body_start)
    if not lines:
        raise ValueError("no text after front matter")

    title = meta.get("title")
    first = text[lines[0][0] : lines[0][1]]
    if not title:
        title = _MD_HEADING.sub("", first).strip()
        # A long first line is the story's lead, not a headline: keep it in the body too.
        if len(first) <= 160 or _MD_HEADING.match(first):
            lines = lines[1:]
        title = _short_title(title)

    date = parse_date(meta["date"]) if meta.get("date") else None
    source = meta.get("source") or meta.get("outlet")
    source_credit = None
    boiler_text = []
    kept: list[tuple[int, int]] = []
    meta_lines: list[tuple[int, int, str]] = []
    for s, e in lines:
        line = text[s:e]
        if _MD_HEADING.sub("", line).strip() == title:
            continue  # the headline repeated
        if _PUBLISHED.match(line) or _BYLINE.match(line):
            date = date or parse_date(line)
            meta_lines.append((s, e, "published" if _PUBLISHED.match(line) else "byline"))
            continue
        m = _SOURCE_LINE.match(line)
        if m:
            source_credit = m.group(2).strip()
            meta_lines.append((s, e, "source"))
            continue
        if is_boilerplate(line):
            boiler_text.append(line)
            if _CAPTION.fullmatch(line.strip()):
                meta_lines.append((s, e, "caption"))
            continue
        kept.append((s, e))

    # Numbered as a reader counts them in the file (a citation must be findable
    # there), not over the cleaned body.
    line_number = {s: n for n, (s, _) in enumerate(_lines(text, 0), start=1)}
    paragraphs: list[Paragraph] = []
    for s, e in kept:
        line = text[s:e]
        m = _DATELINE.match(line)
        if m and not paragraphs:
            source = source or m.group(1).strip()
        c = _TRAILING_CREDIT.search(line)
        if c and c.start() > 0:
            e = s + c.start()
        paragraphs.append(Paragraph(number=line_number[s], start=s, end=e))
    if not paragraphs:
        raise ValueError("no article text left after removing boilerplate")

    if not source:
        for line in boiler_text:
            m = _DOMAIN.search(line)
            if m:
                source = m.group(1)
                break
    source = source or source_credit
    if date is None:
        head = " ".join(text[p.start : p.end] for p in paragraphs[:1])
        date = parse_date(head) if _FULL_DATE.search(head[:200]) else None
    if date is None:
        date = date_from_weekday([text[p.start : p.end] for p in paragraphs], modified or dt.date.today())
    doc = Document(
        file=file,
        sha256=sha256,
        title=title,
        date=date.isoformat() if date else None,
        source=source,
        url=meta.get("url"),
    )
    about = [Paragraph(number=line_number[s], start=s, end=e, kind=kind) for s, e, kind in meta_lines]
    return Article(doc=doc, text=text, paragraphs=paragraphs, meta=about)


def check_folder(folder: Path) -> None:
    """IngestError unless ``folder`` is a folder (checked before a build touches anything)."""
    if not folder.exists():
        raise IngestError(f"articles folder not found: {folder}")
    if not folder.is_dir():
        raise IngestError(f"articles folder is not a folder: {folder}")


def outside_link(path: Path, folder: Path) -> bool:
    """True if ``path`` is (or goes through) a symlink whose target is outside ``folder``."""
    try:
        return not path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return True


def list_files(folder: Path) -> list[Path]:
    """Every entry under ``folder`` named like an article (symlinked folders are not entered).

    Hidden names (a path component starting with ".": ``.git/``, ``.cache/``,
    editors' ``.swp``) are ignored. Entries that are not readable files (a folder
    named ``x.txt``, a broken link, a link loop, a pipe) are listed too, so the
    build reports them (``not_a_file``) instead of dropping them unseen.

    A folder that can't be listed is an error, not an empty folder: read as
    empty, every article in it would be dropped from the index.
    """
    check_folder(folder)

    def unlistable(exc: OSError) -> None:
        raise IngestError(f"cannot list {exc.filename or folder}: {exc.strerror or exc}")

    found = []
    for top, dirs, names in os.walk(folder, onerror=unlistable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # pruned: never walked into
        for name in names + dirs:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(top) / name)
    return sorted(found)


def not_a_file(path: Path) -> str | None:
    """Why ``path`` (named like an article) is not a file that can be read, if it isn't."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f"broken link: its target {target} does not exist"
        return "file disappeared while indexing"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: the link never reaches a file"
        return f"cannot read file: {exc.strerror or exc}"
    if stat.S_ISDIR(st.st_mode):
        if path.is_symlink():
            return "is a link to a folder, not a file (linked folders are not entered)"
        return "is a folder, not a file (the articles inside it are indexed)"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a pipe, socket or device)"
    return None


def file_name_problem(rel: str) -> str | None:
    """Why a (relative) file name can't be indexed, if it can't: it must be stored and shown."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8; rename the file"
    return None


def printable_name(rel: str) -> str:
    """A file name that can be stored and shown, bad bytes replaced by U+FFFD."""
    return os.fsencode(rel).decode("utf-8", "replace")


def read_file(path: Path, folder: Path, max_bytes: int) -> tuple[bytes, str]:
    """Raw bytes and their hash; ValueError says why the file can't be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ValueError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValueError("file disappeared while indexing") from None
    except OSError as exc:
        raise ValueError(f"cannot read file: {exc.strerror}") from None
    return data, hashlib.sha256(data).hexdigest()


def load_article(path: Path, folder: Path, data: bytes, sha256: str) -> Article:
    rel = path.relative_to(folder).as_posix()
    try:
        modified = dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        modified = None
    return parse_article(rel, decode(data), sha256, modified)
