"""Bad input never stops indexing; crashes and damage lose nothing; rebuilds under load."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from bot.cli import main
from retrieval import Berita
from retrieval.build import build_index
from retrieval.errors import IndexCorruptError, IngestError
from retrieval.store import current_generation, index_root
from retrieval.store import load as load_index
from retrieval.watch import Watcher, wait_until_settled
from tests.conftest import ROOT, SEEDS, FakeEmbedder, make_config


def fake_berita(config) -> Berita:
    return Berita(config, embedder=FakeEmbedder())


def fake_build(config, **kw):
    emb = FakeEmbedder()
    return build_index(config, lambda: emb, emb.model_id, **kw)


# --- bad input -----------------------------------------------------------------


def test_every_kind_of_bad_file_is_reported_and_the_rest_indexed(tmp_path, articles, model_cache):
    (articles / "binary.txt").write_bytes(os.urandom(3000))
    (articles / "nul.md").write_bytes(b"Judul\x00\x00\x00isi")
    (articles / "empty.txt").write_text("")
    (articles / "only-boilerplate.txt").write_text("Judul\nBaca juga: sesuatu\nBagikan\n")
    (articles / "latin1.txt").write_bytes(
        "Judul Café\nKopi di café itu enak, kata pemiliknya.\n".encode("latin-1")
    )
    (articles / "big.txt").write_text("Judul\n" + "Kalimat. " * 5000)
    shutil.copy(articles / "003_46dba73b1170418d.txt", articles / "copy-of-003.txt")
    (articles / "sub").mkdir()
    (articles / "sub" / "nested.md").write_text("# Berita Bersarang\n\nIsi dari subfolder.\n")
    config = make_config(tmp_path, articles, model_cache, **{"index.max_file_bytes": 20000})
    report = fake_build(config)
    problems = {p.file: p.message for p in report.problems}
    assert set(problems) == {
        "binary.txt",
        "nul.md",
        "empty.txt",
        "only-boilerplate.txt",
        "big.txt",
        "copy-of-003.txt",
    }
    assert "binary" in problems["nul.md"] and "empty" in problems["empty.txt"]
    assert "limit" in problems["big.txt"] and "same text as 003" in problems["copy-of-003.txt"]
    files = {d.doc.file for d in load_index(config.data_dir).documents()}
    assert {"latin1.txt", "sub/nested.md"} <= files and len(files) == 7

    r = CliRunner().invoke(
        main, ["--articles-dir", str(articles), "--data-dir", str(config.data_dir), "sources", "--problems"]
    )
    assert r.exit_code == 0 and "copy-of-003.txt" in r.output and "binary" in r.output


def test_file_removed_during_a_build(tmp_path, articles, model_cache, monkeypatch):
    import retrieval.build as index_mod

    config = make_config(tmp_path, articles, model_cache)
    real_read = index_mod.read_file

    def vanishing(path, folder, max_bytes):
        if path.name.startswith("002"):
            path.unlink()
        return real_read(path, folder, max_bytes)

    monkeypatch.setattr(index_mod, "read_file", vanishing)
    report = fake_build(config)
    assert [p.file for p in report.problems] == ["002_1a0a747f783da510.txt"]
    assert "disappeared" in report.problems[0].message
    assert report.documents == 4


def test_index_exits_zero_with_problems_and_nonzero_when_it_cannot_build(tmp_path, articles, model_cache):
    (articles / "bad.txt").write_bytes(b"\x00\x01\x02")
    env = {
        "BERITA_ARTICLES_DIR": str(articles),
        "BERITA_DATA_DIR": str(tmp_path / "d"),
        "BERITA_CACHE_DIR": str(model_cache),
    }
    r = CliRunner().invoke(main, ["index"], env=env)
    assert r.exit_code == 0 and "skipped bad.txt" in r.output
    r = CliRunner().invoke(main, ["index"], env={**env, "BERITA_ARTICLES_DIR": str(tmp_path / "gone")})
    assert r.exit_code != 0 and r.output.startswith("berita: error: articles folder not found")


# --- crashes -------------------------------------------------------------------

_KILLER = r"""
import os, signal, sys
sys.path.insert(0, {root!r})
import numpy as np
import retrieval.build as ix
import retrieval.store as st
from tests.conftest import FakeEmbedder, make_config
from pathlib import Path

point = {point!r}
def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
targets = {{
    "embedding": lambda: setattr(FakeEmbedder, "passages", lambda self, t, progress=None: die()),
    "sqlite": lambda: setattr(st.sqlite3, "connect", lambda *a, **k: die()),
    "vectors": lambda: setattr(st.np, "save", lambda *a, **k: die()),
    "faiss": lambda: setattr(st, "_make_faiss", lambda *a, **k: die()),
    "manifest": lambda: setattr(st, "finish", lambda *a, **k: die()),
    "fsync": lambda: setattr(st, "fsync_dir", lambda *a, **k: die()),
    "swap": lambda: setattr(st, "swap", lambda *a, **k: die()),
    "prune": lambda: setattr(st, "prune", lambda *a, **k: die()),
}}
targets[point]()
config = make_config(Path({tmp!r}), Path({articles!r}), Path({cache!r}))
emb = FakeEmbedder()
ix.build_index(config, lambda: emb, emb.model_id, rebuild=True)
"""


@pytest.mark.parametrize(
    "point", ["embedding", "sqlite", "vectors", "faiss", "manifest", "fsync", "swap", "prune"]
)
def test_sigkill_during_a_build_loses_nothing(tmp_path, articles, model_cache, point):
    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    before = current_generation(config.data_dir)
    (articles / "new.txt").write_text("Berita Baru\nSebuah fakta baru tentang pelabuhan Makassar.\n")
    code = _KILLER.format(
        root=str(ROOT), point=point, tmp=str(tmp_path), articles=str(articles), cache=str(model_cache)
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == -signal.SIGKILL, p.stderr

    # The previous index (or, if the swap already happened, the new one) loads and answers.
    berita = fake_berita(config)
    answer = berita.ask("Siapa yang bertemu di Beijing?")
    assert answer.found or answer.passages == []
    gen = current_generation(config.data_dir)
    assert gen == before or point == "prune"
    assert len(load_index(config.data_dir).documents()) == (6 if point == "prune" else 5)

    report = fake_build(config)  # the next build completes and cleans up
    assert "new.txt" in {d.doc.file for d in load_index(config.data_dir).documents()}
    assert report.documents == 6
    gens = {p.name for p in index_root(config.data_dir).glob("gen-*")}
    assert len(gens) <= 2 and current_generation(config.data_dir).name in gens


def test_damaged_files_give_one_line_and_rebuild_recovers(tmp_path, articles, model_cache):
    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    env = {
        "BERITA_ARTICLES_DIR": str(articles),
        "BERITA_DATA_DIR": str(config.data_dir),
        "BERITA_MODEL": "fake",
    }
    for name, damage in [
        ("vectors.faiss", lambda b: b[: len(b) // 3]),
        ("vectors.faiss", lambda b: b[:-64] + os.urandom(64)),
        ("chunks.sqlite", lambda b: b[:4096]),
        ("chunks.sqlite", lambda b: b[:100] + os.urandom(2000) + b[2100:]),
    ]:
        gen = current_generation(config.data_dir)
        path = gen / name
        path.write_bytes(damage(path.read_bytes()))
        r = CliRunner().invoke(main, ["sources"], env=env)
        assert r.exit_code == 5, (name, r.output)
        line = r.output.strip()
        assert "\n" not in line and line.startswith("berita: error:") and "berita index --rebuild" in line
        assert fake_build(config, rebuild=True).rebuilt
        assert len(load_index(config.data_dir).documents()) == 5


# --- serving during rebuilds -----------------------------------------------------


def test_questions_during_rebuilds_never_fail_or_mix_generations(tmp_path, model_cache):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(4):
        (folder / f"tetap{i}.txt").write_text(
            f"Berita Tetap {i}\nKalimat tetap nomor {i} tentang kota Bandung.\n"
        )
    version = {"n": 0}

    def write_version():
        n = version["n"]
        (folder / "berubah.txt").write_text(
            f"Versi {n} Judul\nPasar ikan versi{n} dibuka di Bandung pada pagi hari. Harga ikan versi{n} naik.\n"
        )

    write_version()
    config = make_config(tmp_path, folder, model_cache, **{"search.min_score": 0.0})
    berita = fake_berita(config)
    berita.build()
    errors, checked = [], {"n": 0}
    stop = threading.Event()

    def asker():
        while not stop.is_set():
            try:
                for p in berita.ask("pasar ikan Bandung harga", k=5).passages:
                    if p.doc.file == "berubah.txt":
                        n = p.doc.title.split()[1]
                        assert f"versi{n}" in p.text, (p.doc.title, p.text)
                        checked["n"] += 1
            except Exception as exc:
                errors.append(repr(exc))

    threads = [threading.Thread(target=asker) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for n in range(1, 16):
            version["n"] = n
            write_version()
            builder = fake_berita(config)
            builder.build()  # another Berita: askers pick the change up from CURRENT
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert errors == []
    assert checked["n"] > 20
    assert berita.ask("pasar ikan", k=5).passages[0].doc.title.startswith("Versi 15")


# --- watching --------------------------------------------------------------------


def test_watcher_waits_for_a_file_to_settle(tmp_path):
    p = tmp_path / "slow.txt"
    p.write_text("a")
    stop = threading.Event()

    def slow_writer():
        for _ in range(4):
            time.sleep(0.2)
            with open(p, "a") as f:
                f.write("more")

    t = threading.Thread(target=slow_writer)
    start = time.monotonic()
    t.start()
    wait_until_settled({str(p)}, 0.5, stop)
    t.join()
    assert time.monotonic() - start >= 0.8 + 0.5 - 0.1
    assert p.read_text() == "a" + "more" * 4


def test_watcher_indexes_added_changed_and_removed_files(tmp_path, model_cache):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Satu\nBerita pertama tentang Medan.\n")
    config = make_config(tmp_path, folder, model_cache)
    berita = fake_berita(config)
    berita.build()
    reports = []
    watcher = Watcher(folder, berita.build, settle_ms=200, on_report=reports.append).start()
    try:
        time.sleep(0.5)
        (folder / "b.txt").write_text("Dua\nBerita kedua tentang Padang.\n")
        (folder / "ignored.pdf").write_bytes(b"%PDF")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and {s.doc.file for s in berita.sources()} != {"a.txt", "b.txt"}:
            time.sleep(0.1)
        assert {s.doc.file for s in berita.sources()} == {"a.txt", "b.txt"}
        (folder / "a.txt").unlink()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and {s.doc.file for s in berita.sources()} != {"b.txt"}:
            time.sleep(0.1)
        assert {s.doc.file for s in berita.sources()} == {"b.txt"}
    finally:
        watcher.stop()
    assert any(r.added == ["b.txt"] for r in reports) and any(r.removed == ["a.txt"] for r in reports)


def test_berita_watch_command(tmp_path, model_cache):
    """`berita watch` as a process: a new file shows up in `berita sources`."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    env = {
        **os.environ,
        "BERITA_ARTICLES_DIR": str(folder),
        "BERITA_DATA_DIR": str(tmp_path / "data"),
        "BERITA_CACHE_DIR": str(model_cache),
    }
    exe = shutil.which("berita") or os.path.join(os.path.dirname(sys.executable), "berita")
    proc = subprocess.Popen(
        [exe, "watch"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and current_generation(tmp_path / "data") is None:
            time.sleep(0.2)
        time.sleep(1.0)
        (folder / "baru.txt").write_text("Berita Baru\nPelabuhan Makassar diperluas tahun ini.\n")
        while time.monotonic() < deadline:
            gen = current_generation(tmp_path / "data")
            if gen and "baru.txt" in {d.doc.file for d in load_index(tmp_path / "data").documents()}:
                break
            time.sleep(0.2)
        assert "baru.txt" in {d.doc.file for d in load_index(tmp_path / "data").documents()}
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert "added: baru.txt" in out
    assert "Traceback" not in err


# --- paper cuts ------------------------------------------------------------------


def test_skipped_files_are_reported_once_not_also_as_warnings(tmp_path, articles, model_cache, caplog):
    """The CLI prints each skipped file; the build must not also warn about it on stderr."""
    (articles / "empty.txt").write_text("")
    config = make_config(tmp_path, articles, model_cache)
    with caplog.at_level(logging.INFO):
        report = fake_build(config)
    assert [p.file for p in report.problems] == ["empty.txt"]
    assert [r for r in caplog.records if "empty.txt" in r.getMessage() and r.levelno >= logging.WARNING] == []
    assert any("empty.txt" in r.getMessage() for r in caplog.records)  # still there with -v


def test_a_build_without_an_articles_folder_leaves_nothing_behind(tmp_path, model_cache):
    config = make_config(tmp_path, tmp_path / "gone", model_cache)
    with pytest.raises(IngestError, match="not found"):
        fake_build(config)
    assert not index_root(config.data_dir).exists()
    r = CliRunner().invoke(
        main, ["--articles-dir", str(tmp_path / "gone"), "--data-dir", str(config.data_dir), "index"]
    )
    assert r.exit_code != 0 and not (index_root(config.data_dir) / ".lock").exists()


def test_links_out_of_the_articles_folder_are_not_indexed(tmp_path, articles, model_cache):
    outside = tmp_path / "secret.txt"
    outside.write_text("Rahasia\nKata sandi server adalah hunter2.\n")
    (articles / "passwd.txt").symlink_to(outside)
    (articles / "kept.text").write_text("Berita Lokal\nPasar baru dibuka di Bogor.\n")
    (articles / "inside.txt").symlink_to(articles / "kept.text")  # stays inside: indexed
    config = make_config(tmp_path, articles, model_cache)
    report = fake_build(config)
    problems = {p.file: p.message for p in report.problems}
    assert "passwd.txt" in problems and "outside the articles folder" in problems["passwd.txt"]
    files = {d.doc.file for d in load_index(config.data_dir).documents()}
    assert "passwd.txt" not in files and "inside.txt" in files and len(files) == 6
    assert "passwd.txt" in {p.file for p in load_index(config.data_dir).problems()}

    allowed = make_config(tmp_path, articles, model_cache, **{"index.follow_external_links": True})
    report = fake_build(allowed)
    assert "passwd.txt" in {d.doc.file for d in load_index(config.data_dir).documents()}


# --- robustness ------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path, articles, model_cache):
    with open(os.path.join(os.fsencode(articles), b"bad\xff.txt"), "wb") as f:
        f.write(b"Judul\n\nIsi.")
    config = make_config(tmp_path, articles, model_cache)
    report = fake_build(config)
    problems = {p.file: p.message for p in report.problems}
    assert problems == {"bad\ufffd.txt": "file name is not valid UTF-8; rename the file"}
    assert len(load_index(config.data_dir).documents()) == 5
    r = CliRunner().invoke(
        main, ["--articles-dir", str(articles), "--data-dir", str(config.data_dir), "sources", "--problems"]
    )
    assert r.exit_code == 0 and "UTF-8" in r.output


def test_an_unlistable_articles_folder_fails_the_build_and_keeps_the_index(
    tmp_path, articles, model_cache, monkeypatch
):
    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    gen = current_generation(config.data_dir)
    real_scandir = os.scandir

    def unlistable(path="."):
        if os.fspath(path) == str(
            articles
        ):  # what a folder without read permission does (root ignores chmod)
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", unlistable)
    with pytest.raises(IngestError, match="cannot list"):
        fake_build(config)
    monkeypatch.undo()
    assert current_generation(config.data_dir) == gen
    assert len(load_index(config.data_dir).documents()) == 5


def test_every_file_of_a_generation_is_checksummed(tmp_path, articles, model_cache):
    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    gen = current_generation(config.data_dir)
    names = sorted(p.relative_to(gen).as_posix() for p in gen.rglob("*") if p.is_file())
    assert {"chunks.sqlite", "vectors.npy", "sentences.npy", "vectors.faiss"} <= set(names)
    assert any(n.startswith("bm25/") for n in names)
    for name in names:
        if name == "manifest.json":
            continue
        path = gen / name
        good = path.read_bytes()
        path.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))
        with pytest.raises(IndexCorruptError, match="berita index --rebuild") as err:
            load_index(config.data_dir)
        assert name.split("/")[-1] in str(err.value) and "\n" not in str(err.value)
        path.write_bytes(good)
    # An incremental build does not reuse a damaged generation: it rebuilds.
    (gen / "vectors.npy").write_bytes((gen / "vectors.npy").read_bytes()[:-8] + b"\x00" * 8)
    (articles / "new.txt").write_text("Berita Baru\nSebuah fakta baru tentang pelabuhan Makassar.\n")
    assert fake_build(config).rebuilt


def test_leftovers_of_killed_builds_are_cleaned_by_every_build(tmp_path, articles, model_cache):
    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    partial = index_root(config.data_dir) / "gen-1"
    partial.mkdir()
    (partial / "chunks.sqlite").write_bytes(b"half")
    report = fake_build(config)  # nothing changed
    assert not report.changed_anything and not partial.exists()
    assert load_index(config.data_dir).documents()


# --- odd files and folders (item 5) ------------------------------------------------


def test_utf16_with_a_bom_is_decoded_not_called_binary(tmp_path, articles, model_cache):
    text = "Banjir Rob di Semarang\nAir laut menggenangi jalan di Semarang pada hari Senin.\n"
    (articles / "utf16le.txt").write_bytes(text.encode("utf-16"))  # BOM + little-endian
    (articles / "utf16be.md").write_bytes(b"\xfe\xff" + text.replace("Semarang", "Demak").encode("utf-16-be"))
    config = make_config(tmp_path, articles, model_cache)
    report = fake_build(config)
    assert report.problems == []
    docs = {d.doc.file: d.doc for d in load_index(config.data_dir).documents()}
    assert docs["utf16le.txt"].title == "Banjir Rob di Semarang"
    assert docs["utf16be.md"].title == "Banjir Rob di Demak"


def test_links_that_lead_nowhere_and_folders_named_like_files_are_problems(tmp_path, articles, model_cache):
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    (articles / "a.md").symlink_to(articles / "b.md")
    (articles / "b.md").symlink_to(articles / "a.md")
    (articles / "dangling.txt").symlink_to(articles / "gone.txt")
    (articles / "2025.txt").mkdir()
    (articles / "2025.txt" / "inside.txt").write_text("Berita Dalam\nPasar baru dibuka di Bogor.\n")
    os.mkfifo(articles / "pipe.txt")  # reading it would block the build for ever
    config = make_config(tmp_path, articles, model_cache)
    report = fake_build(config)
    problems = {p.file: p.message for p in report.problems}
    assert set(problems) == {"loop.txt", "a.md", "b.md", "dangling.txt", "2025.txt", "pipe.txt"}
    assert all("loop" in problems[f] for f in ("loop.txt", "a.md", "b.md"))
    assert "broken link" in problems["dangling.txt"] and "gone.txt" in problems["dangling.txt"]
    assert "is a folder" in problems["2025.txt"] and "not a regular file" in problems["pipe.txt"]
    files = {d.doc.file for d in load_index(config.data_dir).documents()}
    assert files == {p.name for p in SEEDS.glob("*.txt")} | {"2025.txt/inside.txt"}
    r = CliRunner().invoke(
        main, ["--articles-dir", str(articles), "--data-dir", str(config.data_dir), "sources", "--problems"]
    )
    assert r.exit_code == 0 and "broken link" in r.output and "loop" in r.output


def test_files_in_hidden_folders_are_ignored(tmp_path, articles, model_cache):
    for hidden in (".git", ".cache/deep", "sub/.trash"):
        (articles / hidden).mkdir(parents=True)
        (articles / hidden / "note.txt").write_text("Catatan Tersembunyi\nIni bukan berita sama sekali.\n")
    (articles / "sub" / "kept.txt").write_text("Berita Sub\nPasar baru dibuka di Bogor.\n")
    config = make_config(tmp_path, articles, model_cache)
    report = fake_build(config)
    assert report.problems == []
    files = {d.doc.file for d in load_index(config.data_dir).documents()}
    assert "sub/kept.txt" in files and not any("note" in f for f in files)


# --- damage the checksums can't catch, and unwritable data (item 9) ----------------


def _rechecksum(gen):
    """Re-write the manifest to match the files: damage the checksum check can't see."""
    import json

    from retrieval.store import sha256_file

    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["checksums"] = {name: sha256_file(gen / name) for name in manifest["checksums"]}
    (gen / "manifest.json").write_text(json.dumps(manifest))


def _one_line(r, code, *words):
    line = r.output.strip()
    assert r.exit_code == code, r.output
    assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit), r.exception
    assert "\n" not in line and line.startswith("berita: error:"), line
    assert all(w in line for w in words), line


@pytest.fixture
def built(tmp_path, articles, model_cache):
    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    env = {
        "BERITA_ARTICLES_DIR": str(articles),
        "BERITA_DATA_DIR": str(config.data_dir),
        "BERITA_MODEL": "fake",
    }
    return config, env


@pytest.mark.parametrize("name", ["sentences.npy", "vectors.npy"])
@pytest.mark.parametrize("damage", ["empty", "truncated", "header"])
def test_damaged_vectors_behind_a_matching_manifest_give_one_line(built, name, damage):
    config, env = built
    gen = current_generation(config.data_dir)
    good = (gen / name).read_bytes()
    bad = {"empty": b"", "truncated": good[: len(good) // 2], "header": b"\x93NUMPY\x01\x00zz" + good[10:]}
    (gen / name).write_bytes(bad[damage])
    _rechecksum(gen)
    for command in (["sources"], ["timeline"], ["sources", "--problems"]):
        _one_line(CliRunner().invoke(main, command, env=env), 5, "berita index --rebuild")
    # `berita index` (incremental) does not trip over it either: it rebuilds.
    assert fake_build(config).rebuilt
    assert len(load_index(config.data_dir).documents()) == 5


@pytest.mark.parametrize("content", [b"", b"[]", b"{}", b'{"chunks": "x"}', b'{"chunks": 1, "names": []}'])
def test_damaged_terms_behind_a_matching_manifest_give_one_line(built, content):
    config, env = built
    gen = current_generation(config.data_dir)
    (gen / "terms.json").write_bytes(content)
    _rechecksum(gen)
    for command in (["sources"], ["timeline"]):
        _one_line(CliRunner().invoke(main, command, env=env), 5, "berita index --rebuild", "terms.json")


def test_sqlite_damage_behind_a_matching_manifest_gives_one_line(built):
    config, env = built
    gen = current_generation(config.data_dir)
    db = bytearray((gen / "chunks.sqlite").read_bytes())
    db[len(db) // 2 :] = b"\xa5" * (len(db) - len(db) // 2)  # the pages past the schema
    (gen / "chunks.sqlite").write_bytes(bytes(db))
    _rechecksum(gen)
    for command in (["sources"], ["timeline"], ["sources", "--problems"]):
        _one_line(CliRunner().invoke(main, command, env=env), 5, "berita index --rebuild")
    assert fake_build(config, rebuild=True).rebuilt
    assert len(load_index(config.data_dir).documents()) == 5


@pytest.mark.parametrize("kind", ["binary", "folder", "path", "empty"])
def test_a_damaged_current_gives_one_line_and_rebuild_fixes_it(built, kind):
    config, env = built
    current = index_root(config.data_dir) / "CURRENT"
    current.unlink()
    if kind == "folder":
        current.mkdir()
        (current / "x").write_text("x")
    else:
        current.write_bytes({"binary": b"\xff\xfe\x00\x9c", "path": b"../../etc\n", "empty": b""}[kind])
    for command in (["sources"], ["timeline"]):
        _one_line(CliRunner().invoke(main, command, env=env), 5, "berita index --rebuild", "CURRENT")
    assert fake_build(config, rebuild=True).rebuilt
    assert len(load_index(config.data_dir).documents()) == 5


def _cli_line(capsys, code, *words, run):
    """``run`` inside the CLI's own error mapping: one line on stderr and its exit code."""
    from bot.cli import reported_errors

    with pytest.raises(SystemExit) as exited, reported_errors():
        run()
    line = capsys.readouterr().err.strip()
    assert exited.value.code == code, line
    assert "\n" not in line and line.startswith("berita: error:") and all(w in line for w in words), line


def test_a_data_folder_that_is_not_a_folder_gives_one_line(built, tmp_path, capsys):
    config, env = built
    for data in ("/dev/null", str(next(iter(sorted(SEEDS.glob("*.txt")))))):
        for command in (["sources"], ["timeline"], ["ask", "Siapa?"]):
            _one_line(CliRunner().invoke(main, command, env={**env, "BERITA_DATA_DIR": data}), 2, data)
        r = CliRunner().invoke(main, ["chat"], env={**env, "BERITA_DATA_DIR": data}, input="Siapa?\n")
        _one_line(r, 2, data)
        bad = make_config(tmp_path, config.articles_dir, config["model.cache_dir"], data_dir=data)
        _cli_line(capsys, 7, "cannot write the index", data, run=lambda c=bad: fake_build(c))


@pytest.mark.parametrize("error", ["sqlite", "faiss", "oserror"])
def test_a_full_disk_gives_one_line_and_keeps_the_index(built, monkeypatch, capsys, error):
    import sqlite3

    import faiss

    import retrieval.store as st

    config, _ = built
    before = current_generation(config.data_dir)
    exc = {
        "sqlite": sqlite3.OperationalError("database or disk is full"),
        "faiss": RuntimeError(
            "Error in faiss::FileIOWriter: 'ret == (n)' failed: write error in vectors.faiss: 1 != 8 "
            "(No space left on device)"
        ),
        "oserror": OSError(28, "No space left on device"),
    }[error]

    def full(*a, **k):
        raise exc

    if error == "faiss":
        monkeypatch.setattr(faiss, "write_index", full)
    else:
        monkeypatch.setattr(st, "write_tables" if error == "sqlite" else "finish", full)
    for rebuild in (False, True):
        (config.articles_dir / "new.txt").write_text(f"Berita Baru\nFakta baru {rebuild} di Makassar.\n")
        _cli_line(capsys, 7, "cannot write the index", run=lambda r=rebuild: fake_build(config, rebuild=r))
    monkeypatch.undo()
    assert current_generation(config.data_dir) == before
    assert {p.name for p in index_root(config.data_dir).glob("gen-*")} == {before.name}
    assert len(load_index(config.data_dir).documents()) == 5


# --- rebuilds and readers (item 10) --------------------------------------------------


def test_a_rebuild_keeps_the_generation_a_reader_just_read(tmp_path, articles, model_cache):
    from retrieval.store import Generation

    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    read = current_generation(config.data_dir)  # a reader read CURRENT …
    assert fake_build(config, rebuild=True).rebuilt  # … a rebuild swaps and prunes …
    assert current_generation(config.data_dir) != read
    assert len(Generation(read).documents()) == 5  # … and what it read still opens
    fake_build(config, rebuild=True)
    gens = sorted(p.name for p in index_root(config.data_dir).glob("gen-*"))
    assert len(gens) == 2 and read.name not in gens


def test_loading_while_rebuilding_never_fails(tmp_path, articles, model_cache):
    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    errors, loads = [], {"n": 0}
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                assert len(load_index(config.data_dir).documents()) == 5
                loads["n"] += 1
            except Exception as exc:
                errors.append(repr(exc))

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        for _ in range(12):
            fake_build(config, rebuild=True)
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert errors == [] and loads["n"] > 12


def test_every_build_cleans_generations_no_reader_can_need(tmp_path, articles, model_cache):
    config = make_config(tmp_path, articles, model_cache)
    fake_build(config)
    fake_build(config, rebuild=True)
    root = index_root(config.data_dir)
    live = current_generation(config.data_dir)
    previous = next(p for p in root.glob("gen-*") if p != live)
    older = root / "gen-1"  # left by a build killed while pruning
    never_live = root / f"gen-{int(live.name[4:]) + 1}"  # finished, killed before the swap
    unfinished = root / "gen-2"
    for copy in (older, never_live):
        shutil.copytree(live, copy)
    unfinished.mkdir()
    report = fake_build(config)  # nothing changed: still cleans up
    assert not report.changed_anything
    assert {p.name for p in root.glob("gen-*")} == {live.name, previous.name}
    assert current_generation(config.data_dir) == live


# --- what is printed is printed literally -----------------------------------------------


def test_titles_sentences_and_file_names_are_printed_literally(tmp_path, model_cache):
    import io

    from rich.console import Console

    from bot.console import render_report

    folder = tmp_path / "articles"
    folder.mkdir()
    evil = "\x1b[31m:x:"
    name = f"merah{evil}.txt"
    (folder / name).write_text(
        f"Judul {evil} Merah\nPada 3 September 2025 pasar {evil} dibuka di Bogor oleh wali kota.\n"
    )
    (folder / f"kosong{evil}.txt").write_text("")
    config = make_config(tmp_path, folder, model_cache)
    out = io.StringIO()
    render_report(Console(file=out, width=300, emoji=False, highlight=False), fake_build(config), folder)
    env = {
        "BERITA_ARTICLES_DIR": str(folder),
        "BERITA_DATA_DIR": str(config.data_dir),
        "BERITA_MODEL": "fake",
    }
    outputs = {"index": out.getvalue()}
    for command in (["timeline"], ["timeline", "pasar"], ["sources"], ["sources", "--problems"]):
        r = CliRunner().invoke(main, command, env=env, terminal_width=300)
        assert r.exit_code == 0, r.output
        outputs[" ".join(command)] = r.output
    r = CliRunner().invoke(main, ["timeline", f"tidak ada {evil}"], env=env, terminal_width=300)
    outputs["timeline none"] = r.output
    for command, printed in outputs.items():
        assert "\x1b" not in printed and "\u274c" not in printed, (command, printed)
        assert "\\x1b[31m:x:" in printed, (command, printed)


def test_error_lines_print_names_literally(tmp_path):
    gone = tmp_path / "artikel\x1b[31m:x:"
    r = CliRunner().invoke(main, ["--articles-dir", str(gone), "--data-dir", str(tmp_path / "d"), "index"])
    assert r.exit_code == 6 and "\x1b" not in r.output and "artikel\\x1b[31m:x:" in r.output, r.output


def test_a_failure_after_the_swap_keeps_the_generation_current_names(built, monkeypatch, capsys):
    import retrieval.store as st

    config, _ = built
    real_fsync_dir, calls = st.fsync_dir, {"swap": False}
    real_swap = st.swap

    def swap(root, gen):
        calls["swap"] = True
        real_swap(root, gen)

    def failing_fsync_dir(path):
        if calls["swap"]:
            raise OSError(5, "Input/output error")
        real_fsync_dir(path)

    monkeypatch.setattr(st, "swap", swap)
    monkeypatch.setattr(st, "fsync_dir", failing_fsync_dir)
    _cli_line(capsys, 7, "cannot write the index", run=lambda: fake_build(config, rebuild=True))
    monkeypatch.undo()
    assert len(load_index(config.data_dir).documents()) == 5
