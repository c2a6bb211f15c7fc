"""One lookup order: flag → environment → config.toml → default."""

import os
import re
import threading
from pathlib import Path

import pytest

from retrieval.config import SETTINGS, load_config
from retrieval.errors import ConfigError
from tests.conftest import ROOT


def test_precedence(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('articles_dir = "from-file"\ndata_dir = "d"\n[search]\ntop_k = 7\n')
    env = {"BERITA_CONFIG": str(cfg), "BERITA_ARTICLES_DIR": "/from/env"}
    c = load_config(env=env)
    assert c.articles_dir == Path("/from/env")
    assert c.data_dir == tmp_path / "d"  # relative to the config file
    assert c["search.top_k"] == 7
    assert c["answer.max_sentences"] == 2  # default
    c = load_config(flags={"articles_dir": "/from/flag"}, env=env)
    assert c.articles_dir == Path("/from/flag")


def test_config_toml_in_working_folder_is_read(tmp_path):
    (tmp_path / "config.toml").write_text('data_dir = "here"\n')
    assert load_config(env={}).data_dir == tmp_path / "here"


def test_env_values_are_typed():
    c = load_config(env={"BERITA_OFFLINE": "0", "BERITA_TOP_K": "3"})
    assert c["model.offline"] is False and c["search.top_k"] == 3
    with pytest.raises(ConfigError, match="BERITA_TOP_K"):
        load_config(env={"BERITA_TOP_K": "many"})


def test_bad_config_files_give_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = not [toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(env={"BERITA_CONFIG": str(bad)})
    unknown = tmp_path / "u.toml"
    unknown.write_text("[search]\ntopk = 3\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(config_path=unknown, env={})
    with pytest.raises(ConfigError, match="not found"):
        load_config(config_path=tmp_path / "missing.toml", env={})


def test_example_config_documents_every_setting():
    text = (ROOT / "config.example.toml").read_text()
    load_config(config_path=ROOT / "config.example.toml", env={})  # it parses and is all known keys
    section, keys = "", set()
    for line in text.splitlines():
        if m := re.match(r"^\[(\w+)\]", line):
            section = m.group(1) + "."
        elif m := re.match(r"^(\w+)\s*=", line):
            keys.add(section + m.group(1))
    assert keys == {s.key for s in SETTINGS}
    for s in SETTINGS:
        if s.env:
            assert s.env in text, s.env


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[search]\ntop_k = 0\n", "search.top_k must be at least 1, got 0"),
        ("[search]\ntop_k = -3\n", "search.top_k must be at least 1"),
        ("[search]\ntop_k = 3.7\n", "search.top_k must be an integer, got 3.7"),
        ("[search]\ntop_k = true\n", "search.top_k must be an integer"),
        ("[model]\nbatch_size = 0\n", "model.batch_size must be at least 1"),
        ("[search]\nmin_score = 1.5\n", "search.min_score must be at most 1"),
        ("[search]\nmin_score = -0.1\n", "search.min_score must be at least 0"),
        ("[search]\nmin_score = nan\n", "search.min_score must be a number, got nan"),
        ("[telegram]\nwebhook_port = 70000\n", "telegram.webhook_port must be at most 65535"),
        ("[telegram]\nallowed_ids = [1, 2.5]\n", "telegram.allowed_ids must be a list of integer ids"),
        ('[model]\nname = ["a"]\n', "model.name must be a string"),
    ],
)
def test_settings_are_range_and_type_checked(tmp_path, toml, message):
    path = tmp_path / "c.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(config_path=path, env={})


def test_whole_floats_are_integers_and_env_is_checked_too():
    assert load_config(env={"BERITA_TOP_K": "4"})["search.top_k"] == 4
    with pytest.raises(
        ConfigError, match=re.escape("BERITA_TOP_K: search.top_k must be an integer, got '2.5'")
    ):
        load_config(env={"BERITA_TOP_K": "2.5"})
    with pytest.raises(
        ConfigError, match=re.escape("BERITA_WEBHOOK_PORT: telegram.webhook_port must be at least 1")
    ):
        load_config(env={"BERITA_WEBHOOK_PORT": "0"})


def test_a_config_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "c.toml"
    path.write_bytes("\ufeff[search]\ntop_k = 3\n".encode())
    assert load_config(config_path=path, env={})["search.top_k"] == 3


def test_devices_and_fifos_are_refused_at_once(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        result: list = []
        thread = threading.Thread(target=lambda p=path, r=result: r.append(_error_of(p)), daemon=True)
        thread.start()
        thread.join(10)
        assert not thread.is_alive(), f"reading {path} never ended"
        assert result == [f"config file {path} is not a regular file"]


def _error_of(path: str) -> str:
    try:
        load_config(env={"BERITA_CONFIG": path})
    except ConfigError as exc:
        return str(exc)
    return "no error"


def test_today_is_a_date_or_a_clear_error(tmp_path):
    import datetime as dt

    from retrieval import Berita

    def berita(today: str) -> Berita:
        return Berita(load_config(flags={"data_dir": str(tmp_path)}, env={"BERITA_TODAY": today}))

    assert berita("2025-10-29")._today() == dt.date(2025, 10, 29)
    assert berita("")._today() is None
    with pytest.raises(ConfigError, match=r"answer\.today"):
        berita("29/10/2025")._today()
