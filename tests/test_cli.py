"""The console front end: commands, JSON, one-line errors."""

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from retrieval.store import current_generation
from tests.conftest import ROOT, SEEDS
from tests.helpers import wait_until


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
    two = json.loads(r.output)
    assert [p["n"] for p in two["passages"]] == [1, 2]  # k passages; reporters cite what is shown
    assert {rep["n"] for rep in two["reported_by"]} <= {1, 2, None}

    r = run(env, "ask", "What is the capital of Brazil?")
    declined = json.loads(run(env, "ask", "--json", "What is the capital of Brazil?").output)
    assert r.exit_code == 0 and declined["found"] is False
    assert r.output.strip() == declined["answer"]  # the reason, or "I couldn't find that …"

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


def berita_process(env, *args, input=None, **kw):
    """`python -m bot.cli` from this tree, as a separate process (bytes in, text out)."""
    full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    p = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=full_env,
        capture_output=True,
        input=input,
        timeout=120,
        **kw,
    )
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def test_config_errors_are_one_line_with_the_config_exit_code(env, tmp_path):
    r = run({**env, "BERITA_CONFIG": str(tmp_path / "nope.toml")}, "ask", "x")
    assert r.exit_code == 2
    assert r.output == f"berita: error: config file not found: {tmp_path / 'nope.toml'}\n"
    r = run({**env, "BERITA_TOP_K": "many"}, "sources")
    assert r.exit_code == 2
    assert r.output == "berita: error: BERITA_TOP_K: search.top_k must be an integer, got 'many'\n"


def test_cli_imports_heavy_modules_only_in_commands_that_need_them():
    code = (
        "import sys\nfrom bot.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'torch', 'sentence_transformers', 'faiss', 'telegram', 'rich'} & set(sys.modules)\n"
        "print(sorted(heavy), file=sys.stderr)"
    )
    p = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.stderr.strip() == "[]"


def test_telegram_help_names_the_token_and_settings(env):
    r = run(env, "telegram", "--help")
    assert r.exit_code == 0
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "allowed_ids",
        "admin_ids",
        "rate_limit",
        "webhook_url",
        "webhook_secret",
    ):
        assert name in r.output


def test_ask_full_shows_whole_passages(env):
    run(env, "index")
    cut = run(env, "ask", "Who met in Beijing on 28 September?").output
    full = run(env, "ask", "--full", "Who met in Beijing on 28 September?").output
    answer = json.loads(run(env, "ask", "--json", "Who met in Beijing on 28 September?").output)
    longest = max((p["text"] for p in answer["passages"]), key=len)
    assert len(longest) > 240
    squashed = "".join(full.split())
    assert "".join(longest.split()) in squashed
    assert "".join(longest.split()) not in "".join(cut.split())


def test_non_utf8_questions_lose_nothing(env):
    run(env, "index")
    code, out, err = berita_process(env, "ask", "--json", "-", input=b"Who met?\nWho \xff?\n\nSiapa?\n")
    lines = [json.loads(x) for x in out.splitlines()]
    assert "Traceback" not in err and len(lines) == 4
    assert lines[1]["question"] == "Who \ufffd?" and lines[2] == {
        "question": "",
        "error": "Please type a question.",
    }
    assert "found" in lines[0] and "found" in lines[3]
    code, out, err = berita_process(env, "ask", "--json", b"Who met \xff in Beijing?")
    assert code == 0 and err == "" and json.loads(out)["question"] == "Who met \ufffd in Beijing?"


def test_article_text_is_printed_literally(env, tmp_path):
    folder = Path(env["BERITA_ARTICLES_DIR"])
    # The ingester refuses control characters inside files; file names can still carry them.
    (folder / "evil\x1b[2J\x1b]0;pwned\x07.txt").write_text(
        "Harga beras root:x:0:0 :x: [bold]naik[/bold]\n\n"
        "Harga beras di pasar Cianjur naik menjadi Rp 15.000 per kilogram pada Senin, kata pedagang "
        "root:x:0:0 :x: [red]setempat[/red] kepada wartawan.\n"
    )
    outputs = [run(env, "index").output, run(env, "sources").output]
    outputs.append(run(env, "ask", "--full", "Berapa harga beras di pasar Cianjur?").output)
    for out in outputs:
        assert "\x1b" not in out and "\x07" not in out and "❌" not in out
        assert "\\x1b" in out
    assert "root:x:0:0 :x: [red]setempat[/red]" in outputs[2]


def test_chat_keeps_going_on_empty_lines_and_shows_passages(seeded, tmp_path):
    from rich.console import Console

    from bot.console import chat

    lines = iter(
        [
            "Siapa yang bertemu di Beijing pada 28 September?",
            "",
            "   ",
            "show 2",
            "/show 99",
            "/help",
            "/quit",
            "never",
        ]
    )
    out = io.StringIO()
    chat(Console(file=out, width=100), seeded, tmp_path / "h", None, read=lambda: next(lines))
    text = out.getvalue()
    assert "Choe Son" in text and "skor" in text and " score " not in text
    shown = len(seeded.ask("Siapa yang bertemu di Beijing pada 28 September?").passages)
    assert "[2]" in text.split("Sumber")[1] and f"No passage 99: the last answer has {shown}." in text
    assert "'help' shows this" in text and text.count("Choe Son") == text.split("berita — ask")[0].count(
        "Choe Son"
    )
    assert next(lines) == "never"  # '/quit' ended the session; the empty lines did not


def test_chat_uses_a_line_editor_with_history(seeded, tmp_path):
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from rich.console import Console

    from bot.console import chat, prompt_reader

    out = io.StringIO()
    history = tmp_path / "history"
    with create_pipe_input() as pipe:
        pipe.send_text("Who met in Beijing on 28 September?\n\nexit\n")
        reader = prompt_reader(history, input=pipe, output=DummyOutput())
        chat(Console(file=out, width=100, force_terminal=True), seeded, history, None, read=reader)
    assert "Who met in Beijing on 28 September?" in history.read_text()
    assert "Loading the model" in out.getvalue()  # a status while the first question loads


def test_ctrl_c_ends_watch_quietly(env):
    data = Path(env["BERITA_DATA_DIR"])
    full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "watch"],
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until(lambda: current_generation(data), timeout=120, what="the first build")
        time.sleep(2.0)  # watching now
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err.decode() == ""


@pytest.fixture
def seeded_env(seeded):
    """The CLI over the session's seeded index (no build of its own)."""
    return {
        "BERITA_ARTICLES_DIR": str(seeded.config.articles_dir),
        "BERITA_DATA_DIR": str(seeded.config.data_dir),
        "BERITA_CACHE_DIR": str(seeded.config["model.cache_dir"]),
    }


def test_answer_shows_short_answer_then_the_quote_then_who_reports_it(seeded_env):
    out = run(seeded_env, "ask", "-k", "2", "When did Kim Jong Un leave Beijing?").output
    short, quote = out.index("Thursday, 4 September 2025"), out.index("\u201cKCNA juga mengkonfirmasi")
    reported, sources = out.index("Reported by 1 of 5 articles"), out.index("Sources")
    assert short < quote < reported < sources
    assert "[1]" in out[quote:reported]
    declined = run(seeded_env, "ask", "Does the article mention Taiwan?")
    assert declined.exit_code == 0 and declined.output.strip() == "The articles don't mention Taiwan."
    a = json.loads(run(seeded_env, "ask", "--json", "When did Kim Jong Un leave Beijing?").output)
    assert a["short_answer"]["date"] == "2025-09-04" and a["reported_by"] and a["articles"] == 5
    assert {"answer", "passages", "citations", "cited", "understood_as", "reason"} <= set(a)


def test_ask_conversation_from_stdin(seeded_env):
    lines = (
        "Who is North Korea's foreign minister?\n"
        "When did she become foreign minister?\n"
        "\n"  # a new conversation: "she" means nobody now
        "When did she become foreign minister?\n"
    )
    r = run(seeded_env, "ask", "--json", "--conversation", "-", input=lines)
    assert r.exit_code == 0, r.output
    out = [json.loads(x) for x in r.output.splitlines()]
    assert len(out) == 3  # the empty line printed nothing
    assert out[0]["understood_as"] is None and out[0]["short_answer"]["text"] == "Choe Son Hui"
    assert out[1]["understood_as"] == "When did Choe Son Hui become foreign minister?"
    assert out[1]["question"] == "When did she become foreign minister?"
    assert out[1]["short_answer"]["date"] == "2022-06"
    assert out[2]["understood_as"] is None
    # Without --conversation each line stands alone.
    r = run(seeded_env, "ask", "--json", "-", input=lines)
    alone = [json.loads(x) for x in r.output.splitlines()]
    assert len(alone) == 4 and alone[1]["understood_as"] is None and "error" in alone[2]
    r = run(seeded_env, "ask", "--conversation", "--json", "Who met?")
    assert r.exit_code == 2 and "--conversation reads the questions from stdin" in r.output


def test_chat_understands_follow_ups_until_a_new_conversation(seeded, tmp_path):
    from rich.console import Console

    from bot.console import chat

    lines = iter(
        [
            "Who is North Korea's foreign minister?",
            "When did she become foreign minister?",
            "new",
            "When did she become foreign minister?",
            "quit",
        ]
    )
    out = io.StringIO()
    chat(Console(file=out, width=200), seeded, tmp_path / "h", None, read=lambda: next(lines))
    text = out.getvalue()
    before, after = text.split("New conversation")
    assert "Understood as: When did Choe Son Hui become foreign minister?" in before
    assert "June 2022" in before.split("Understood as")[1]
    assert "Understood as" not in after


def test_timeline_lines_and_json(seeded_env):
    r = run(seeded_env, "timeline")
    assert r.exit_code == 0, r.output
    assert "Thursday, 4 September 2025" in r.output and "June 2022" in r.output
    assert re.search(r"·\s+4\s+articles", r.output)  # the meeting on 28 Sep (rich may wrap the line)
    first_lines = r.output.splitlines()
    assert first_lines[0].startswith("June 2022")  # oldest first
    r = run(seeded_env, "timeline", "--json")
    events = [json.loads(x) for x in r.output.splitlines()]
    assert len(events) > 5 and [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert {"date", "text", "file", "reported_by", "granularity", "inferred", "expected"} <= set(events[0])
    r = run(seeded_env, "timeline", "--json", "Beijing")
    found = [json.loads(x) for x in r.output.splitlines()]
    assert found and all(
        "Beijing" in e["text"] or any("Beijing" in rep["title"] for rep in e["reported_by"]) for e in found
    )
    r = run(seeded_env, "timeline", "pertemuan")  # one Indonesian word: Indonesian dates
    assert r.exit_code == 0 and "Minggu, 28 September 2025" in r.output and "Sunday" not in r.output
    r = run(seeded_env, "timeline", "Kim", "--lang", "id")
    assert "Kamis, 4 September 2025" in r.output and "Thursday" not in r.output
    r = run(seeded_env, "timeline", "Taiwan")
    assert r.exit_code == 0 and r.output.strip() == "No dated events mention Taiwan."
