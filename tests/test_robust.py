"""Bad input never stops indexing; crashes and damage lose nothing; rebuilds under load."""

from __future__ import annotations

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
from retrieval.index import build_index, current_generation, index_root, load_index
from retrieval.watch import Watcher, wait_until_settled
from tests.conftest import ROOT, SEEDS, FakeEmbedder, make_config


def fake_berita(config) -> Berita:
    berita = Berita(config)
    berita._embedder = FakeEmbedder()
    return berita


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
    files = {d.file for d in load_index(config.data_dir).documents()}
    assert {"latin1.txt", "sub/nested.md"} <= files and len(files) == 7

    r = CliRunner().invoke(
        main, ["--articles-dir", str(articles), "--data-dir", str(config.data_dir), "sources", "--problems"]
    )
    assert r.exit_code == 0 and "copy-of-003.txt" in r.output and "binary" in r.output


def test_file_removed_during_a_build(tmp_path, articles, model_cache, monkeypatch):
    import retrieval.index as index_mod

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
import retrieval.index as ix
from tests.conftest import FakeEmbedder, make_config
from pathlib import Path

point = {point!r}
def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
targets = {{
    "embedding": lambda: setattr(FakeEmbedder, "passages", lambda self, t, progress=None: die()),
    "sqlite": lambda: setattr(ix.sqlite3, "connect", lambda *a, **k: die()),
    "vectors": lambda: setattr(ix.np, "save", lambda *a, **k: die()),
    "faiss": lambda: setattr(ix, "_make_faiss", lambda *a, **k: die()),
    "fsync": lambda: setattr(ix, "_fsync_dir", lambda *a, **k: die()),
    "swap": lambda: setattr(ix.os, "replace", lambda *a, **k: die()),
    "prune": lambda: setattr(ix, "_prune", lambda *a, **k: die()),
}}
targets[point]()
config = make_config(Path({tmp!r}), Path({articles!r}), Path({cache!r}))
emb = FakeEmbedder()
ix.build_index(config, lambda: emb, emb.model_id, rebuild=True)
"""


@pytest.mark.parametrize("point", ["embedding", "sqlite", "vectors", "faiss", "fsync", "swap", "prune"])
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
    assert "new.txt" in {d.file for d in load_index(config.data_dir).documents()}
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
                    if p.file == "berubah.txt":
                        n = p.title.split()[1]
                        assert f"versi{n}" in p.text, (p.title, p.text)
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
    assert berita.ask("pasar ikan", k=5).passages[0].title.startswith("Versi 15")


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
        while time.monotonic() < deadline and {s.file for s in berita.sources()} != {"a.txt", "b.txt"}:
            time.sleep(0.1)
        assert {s.file for s in berita.sources()} == {"a.txt", "b.txt"}
        (folder / "a.txt").unlink()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and {s.file for s in berita.sources()} != {"b.txt"}:
            time.sleep(0.1)
        assert {s.file for s in berita.sources()} == {"b.txt"}
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
            if gen and "baru.txt" in {d.file for d in load_index(tmp_path / "data").documents()}:
                break
            time.sleep(0.2)
        assert "baru.txt" in {d.file for d in load_index(tmp_path / "data").documents()}
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert "added: baru.txt" in out
    assert "Traceback" not in err
