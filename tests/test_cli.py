"""The console front end: commands, JSON, one-line errors."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.conftest import SEEDS


@pytest.fixture
def env(tmp_path, model_cache):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return {
        "BERITA_ARTICLES_DIR": str(folder),
        "BERITA_DATA_DIR": str(tmp_path / "data"),
        "BERITA_CACHE_DIR": str(model_cache),
    }


def run(env, *args, input=None):
    return CliRunner().invoke(main, list(args), env=env, input=input)


def test_index_ask_sources(env):
    r = run(env, "index")
    assert r.exit_code == 0, r.output
    assert "5 added" in r.output and "5 articles" in r.output
    r = run(env, "index")
    assert "up to date" in r.output

    r = run(env, "ask", "--json", "Who met in Beijing on 28 September?")
    assert r.exit_code == 0, r.output
    a = json.loads(r.output)
    assert a["found"] is True and a["language"] == "en" and "Choe Son" in a["answer"]
    for p in a["passages"]:
        assert {"n", "text", "score", "file", "title", "date", "source", "paragraph"} <= set(p)
    assert any(p["file"].startswith(("001", "002", "003")) for p in a["passages"])
    assert len(a["citations"]) == len(a["passages"])

    r = run(env, "ask", "--json", "-k", "2", "Siapa yang bertemu di Beijing pada 28 September?")
    assert len(json.loads(r.output)["passages"]) == 2

    r = run(env, "ask", "What is the capital of Brazil?")
    assert r.exit_code == 0 and "couldn't find" in r.output

    r = run(
        env,
        "ask",
        "--json",
        "-",
        input="Siapa yang bertemu di Beijing?\n\n   \nWhat is the capital of Brazil?\n",
    )
    lines = [json.loads(x) for x in r.output.splitlines()]
    assert [x.get("found") for x in lines] == [True, None, None, False]  # one line out per line in
    assert lines[1] == {"question": "", "error": "Please type a question."}

    r = run(env, "sources", "--json")
    assert {s["file"] for s in json.loads(r.output)} == {p.name for p in SEEDS.iterdir()}
    r = run(env, "sources")
    assert "Metrotvnews.com" in r.output and "KABARIN" in r.output
    r = run(env, "sources", "--problems")
    assert "No problems" in r.output

    r = run(env, "chat")  # stdin is not a terminal: one sample question
    assert r.exit_code == 0 and "Choe Son" in r.output


def test_user_mistakes_are_one_line(env, tmp_path):
    r = run(env, "ask", "anything")
    assert (
        r.exit_code == 4
        and r.output.strip()
        == "berita: error: no index in " + env["BERITA_DATA_DIR"] + "; run `berita index` first"
    )
    run(env, "index")
    r = run(env, "ask", "   ")
    assert r.exit_code == 2 and r.output.strip() == "berita: error: Please type a question."
    r = run(env, "ask", "x" * 5000)
    assert r.exit_code == 2 and "too long" in r.output and len(r.output.splitlines()) == 1
    r = run({**env, "BERITA_ARTICLES_DIR": str(tmp_path / "nope")}, "index")
    assert r.exit_code == 6 and "articles folder not found" in r.output
    r = run({**env, "BERITA_MODEL": str(tmp_path / "no-such-model")}, "index", "--rebuild")
    assert r.exit_code == 3 and "model folder not found" in r.output
    r = run({**env, "BERITA_MODEL": "nobody/no-such-model-xyz"}, "index", "--rebuild")
    assert r.exit_code == 3 and "downloads are off" in r.output and len(r.output.splitlines()) == 1


def test_real_process_has_no_traceback(env):
    """Run the installed console script itself, as a user would."""
    full_env = {**os.environ, **env}
    exe = shutil.which("berita") or os.path.join(os.path.dirname(sys.executable), "berita")
    p = subprocess.run([exe, "ask", "hello"], env=full_env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 4
    assert "Traceback" not in p.stderr and p.stderr.strip().startswith("berita: error:")
    p = subprocess.run(
        [exe, "ask", "--json", "-"], env=full_env, capture_output=True, text=True, input="", timeout=120
    )
    assert p.returncode == 4 and "Traceback" not in p.stderr


def test_empty_articles_folder(tmp_path, model_cache):
    folder = tmp_path / "empty"
    folder.mkdir()
    env = {
        "BERITA_ARTICLES_DIR": str(folder),
        "BERITA_DATA_DIR": str(tmp_path / "data"),
        "BERITA_CACHE_DIR": str(model_cache),
    }
    r = run(env, "index")
    assert r.exit_code == 0 and "No articles indexed" in r.output
    r = run(env, "ask", "--json", "Who met in Beijing?")
    assert r.exit_code == 0 and json.loads(r.output)["found"] is False
    r = run(env, "sources", "--json")
    assert r.exit_code == 0 and json.loads(r.output) == []


def test_unwritable_data_folder_is_one_line(tmp_path, articles, model_cache):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    env = {
        "BERITA_ARTICLES_DIR": str(articles),
        "BERITA_DATA_DIR": str(blocker / "data"),
        "BERITA_CACHE_DIR": str(model_cache),
    }
    r = run(env, "index")
    assert r.exit_code == 7
    assert r.output.startswith("berita: error: cannot write the index") and len(r.output.splitlines()) == 1
