"""An answer reads the rows of its hits through indexes, never by scanning a whole table:
a scan costs nothing on the seeds and seconds a question at 1M chunks (2.8M sentences)."""

from retrieval import Berita
from tests.conftest import FakeEmbedder, make_config


def test_an_answer_scans_no_table(tmp_path, articles, model_cache):
    berita = Berita(make_config(tmp_path, articles, model_cache), embedder=FakeEmbedder())
    berita.build()
    db = berita.index._db
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    berita.ask("Who met in Beijing on 28 September?")
    db.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects
    scans = [
        (s, detail)
        for s in selects
        for *_, detail in db.execute("EXPLAIN QUERY PLAN " + s).fetchall()
        if detail.startswith("SCAN ") and "USING" not in detail
    ]
    assert scans == []
