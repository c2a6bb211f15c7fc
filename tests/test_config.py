"""One lookup order: flag → environment → config.toml → default."""

import re
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
