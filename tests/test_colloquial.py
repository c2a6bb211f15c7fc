"""Colloquial Indonesian questions are asked in the articles' standard words."""

from __future__ import annotations

import pytest

from retrieval.colloquial import formal

ARTICLE_WORDS = {"bertemu", "yang", "membuat", "krl", "ulang", "tahun", "pekan", "lalu", "ia"}
ARTICLE_WORDS |= {"meninggalkan", "mengadakan", "dibatalkan", "menulis"}


@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ("kapan Wang Yi ketemu Choe?", "kapan Wang Yi bertemu Choe?"),
        ("Ketemu di mana?", "Bertemu di mana?"),  # the capital is kept
        ("sawah yg gagal panen", "sawah yang gagal panen"),
        ("korut mau bikin parade buat ultah partai", "korut mau membuat parade buat ulang tahun partai"),
        # words the articles use are theirs, whatever the slang table says
        ("krl beroperasi sampai jam berapa", "krl beroperasi sampai jam berapa"),
        # standard words, units, pronouns, acronyms as typed and two-letter content words stay
        ("siapa yang datang pekan lalu", "siapa yang datang pekan lalu"),
        ("radius aman berapa km", "radius aman berapa km"),
        ("kapan ia jadi menteri", "kapan ia jadi menteri"),
        ("berapa penumpang MRT", "berapa penumpang MRT"),
        ("berita dr Metrotvnews", "berita dr Metrotvnews"),
        # Jakarta affixes, when the articles use the standard form
        ("kapan kim ninggalin beijing", "kapan kim meninggalkan beijing"),
        ("siapa yg ngadain pembicaraan", "siapa yang mengadakan pembicaraan"),
        ("kapan rapat dibatalin", "kapan rapat dibatalkan"),
        ("siapa yang nulis", "siapa yang menulis"),
        ("siapa yang mimpin", "siapa yang mimpin"),  # "memimpin" is not an article word here
        # news short forms basa lacks
        ("Eks Dirut itu divonis berapa tahun?", "Mantan Dirut itu divonis berapa tahun?"),
    ],
)
def test_colloquial_words_the_articles_do_not_use_become_standard(typed, standard):
    assert formal(typed, ARTICLE_WORDS.__contains__) == standard


@pytest.mark.slow
def test_a_colloquial_question_is_answered_and_says_how_it_was_read(seeded):
    a = seeded.ask("kapan Wang Yi ketemu Choe Son Hui?")
    assert a.found, a.reason
    assert a.understood_as == "kapan Wang Yi bertemu Choe Son Hui?"
    assert a.question == "kapan Wang Yi ketemu Choe Son Hui?"
    plain = seeded.ask("Kapan Wang Yi bertemu Choe Son Hui?")
    assert plain.understood_as is None
