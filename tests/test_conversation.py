"""Follow-up questions resolved from the previous turns (retrieval.conversation)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.conversation import MAX_TURNS, Conversation, Resolved, Turn, understood_line
from retrieval.language import TEXTS

SEEDS = Path(__file__).parent / "eval" / "seeds_conversations.json"
# The eval's short-answer types → the reader's ShortAnswer types.
_SHORT_TYPE = {"why": "what", "yesno": "what"}


def talk(turns: list[tuple[str, str | None, str | None]], quote: str = "") -> list[Resolved]:
    """Resolve each question, then remember it with its (answer text, answer type)."""
    conv = Conversation()
    out = []
    for question, answer, kind in turns:
        resolved = conv.resolve(question)
        out.append(resolved)
        conv.remember(Turn.of(resolved.text, answer_text=answer, answer_type=kind, quote=quote))
    return out


def last(turns: list[tuple[str, str | None, str | None]], quote: str = "") -> str:
    return talk(turns, quote)[-1].text


# --- the seed conversations (resolution only) ----------------------------------------------


def _seed_ids() -> list[str]:
    return [c["id"] for c in json.loads(SEEDS.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("conv_id", _seed_ids())
def test_seed_conversations_resolve(conv_id):
    conv = next(c for c in json.loads(SEEDS.read_text(encoding="utf-8")) if c["id"] == conv_id)
    chat = Conversation()
    for turn in conv["turns"]:
        resolved = chat.resolve(turn["question"])
        for word in turn.get("resolved_must_contain") or []:
            assert word.lower() in resolved.text.lower(), (turn["question"], resolved.text)
        short = turn.get("short") or {}
        kind = _SHORT_TYPE.get(short.get("type"), short.get("type"))
        chat.remember(Turn.of(resolved.text, answer_text=short.get("text"), answer_type=kind))


# --- people: he / she / dia / ia / -nya ------------------------------------------------------


def test_she_is_the_previous_answer():
    r = talk(
        [
            ("Who is North Korea's foreign minister?", "Choe Son Hui", "who"),
            ("When did she become foreign minister?", None, None),
        ]
    )
    assert r[-1].text == "When did Choe Son Hui become foreign minister?"
    assert r[-1].understood_as == r[-1].text
    assert r[-1].replaced == (("she", "Choe Son Hui"),)


def test_her_possessive_and_object():
    turns = [("Who is North Korea's foreign minister?", "Choe Son Hui", "who")]
    assert (
        last([*turns, ("How long is her stay in China?", None, None)])
        == "How long is the stay of Choe Son Hui in China?"
    )
    assert last([*turns, ("Who welcomed her?", None, None)]) == "Who welcomed Choe Son Hui?"


def test_he_is_the_person_the_question_named_when_the_answer_is_not_a_person():
    text = last(
        [("When did Kim Jong Un leave Beijing?", "Thursday", "when"), ("Who saw him off?", None, None)]
    )
    assert text == "Who saw Kim Jong Un off?"


def test_dia_after_siapa_yang_bertemu():
    text = last(
        [
            ("Siapa yang bertemu Xi Jinping?", "Kim Jong Un", "who"),
            ("Kapan dia meninggalkan Beijing?", None, None),
        ]
    )
    assert text == "Kapan Kim Jong Un meninggalkan Beijing?"


def test_person_from_the_quote_when_the_question_named_nobody():
    quote = "Menteri Luar Negeri Tiongkok Wang Yi bertemu dengan mitranya di Beijing pada Minggu."
    text = last(
        [("When did the foreign ministers meet?", "Sunday", "when"), ("What did he say?", None, None)], quote
    )
    assert "Wang Yi" in text


def test_nya_is_not_a_name_the_question_already_has():
    turns = [("Apa kata Xi kepada Kim soal Korea Utara?", "tetangga yang baik", "what")]
    assert (
        last([*turns, ("Lalu Kim berjanji apa kepadanya?", None, None)]) == "Lalu Kim berjanji apa kepada Xi?"
    )


def test_nya_on_a_noun():
    assert last(
        [("Apa yang ditulis Trump kepada Kim?", None, "what"), ("Apa isi suratnya?", None, None)]
    ) == ("Apa isi surat Trump?")
    turns = [
        ("Kapan Choe Son Hui tiba di Beijing?", "Sabtu", "when"),
        ("Berapa lama kunjungannya?", None, None),
    ]
    assert last(turns) == "Berapa lama kunjungan Choe Son Hui?"


def test_nya_adverbs_stay():
    turns = [("Siapa menlu Korut?", "Choe Son Hui", "who"), ("Sebenarnya kapan ia menjabat?", None, None)]
    assert last(turns) == "Sebenarnya kapan Choe Son Hui menjabat?"


# --- groups: they / mereka -------------------------------------------------------------------


def test_they_are_the_people_who_met():
    turns = [
        ("Who met in Beijing on 28 September?", "Wang Yi and Choe Son-hui", "who"),
        ("Where did they meet?", None, None),
    ]
    assert last(turns) == "Where did Wang Yi and Choe Son-hui meet?"


def test_they_can_be_countries():
    turns = [
        ("How big was trade between China and North Korea?", "$2 billion", "number"),
        ("Since when have they had ties?", None, None),
    ]
    assert last(turns) == "Since when have China and North Korea had ties?"


def test_mereka_reaches_back_past_a_turn_without_a_group():
    text = last(
        [
            ("Di mana tentara Korea Utara bertempur?", "Kursk", "where"),
            ("Wilayah itu diduduki siapa?", "Ukraina", "which"),
            ("Bagaimana Putin menilai keterlibatan mereka?", None, None),
        ]
    )
    assert text == "Bagaimana Putin menilai keterlibatan tentara Korea Utara?"


# --- places: there / di sana -----------------------------------------------------------------


def test_there_is_the_previous_place_and_the_event_held_there():
    text = last(
        [
            ("Kapan parade militer di Beijing digelar?", "3 September", "when"),
            ("Siapa yang hadir di sana?", None, None),
        ]
    )
    assert text == "Siapa yang hadir di parade militer di Beijing?"
    text = last(
        [
            ("Kapan Choe Son Hui tiba di Beijing?", "Sabtu", "when"),
            ("Siapa yang dia temui di sana?", None, None),
        ]
    )
    assert text == "Siapa yang Choe Son Hui temui di Beijing?"


def test_there_in_english_and_existential_there():
    turns = [("Where did the flood hit hardest?", "Semarang", "where")]
    assert last([*turns, ("How many people died there?", None, None)]) == "How many people died in Semarang?"
    assert last([*turns, ("Who went there?", None, None)]) == "Who went to Semarang?"
    # "there is/are" points at nothing.
    assert (
        last([*turns, ("Are there any warnings there?", None, None)]) == "Are there any warnings in Semarang?"
    )


def test_place_in_the_question_language():
    assert last(
        [("Siapa yang mengunjungi Korea Utara?", "Putin", "who"), ("What happened there?", None, None)]
    ) == ("What happened in North Korea?")
    assert last(
        [("Who visited North Korea?", "Putin", "who"), ("Apa yang terjadi di sana?", None, None)]
    ) == ("Apa yang terjadi di Korea Utara?")


# --- topic: it / itu / tersebut --------------------------------------------------------------


def test_it_is_an_answered_entity():
    turns = [("Which news agency reported the meeting?", "KCNA, the Korean Central News Agency", "which")]
    assert last([*turns, ("What did it say?", None, None)]) == "What did KCNA say?"


def test_it_is_the_short_name_the_quote_gives_an_answered_entity():
    turns = [("Which news agency reported the meeting on Monday?", "Kantor Berita Pusat Korea", "which")]
    quote = "Pertemuan ini dilaporkan langsung oleh Kantor Berita Pusat Korea (KCNA), Senin (29/9)."
    assert last([*turns, ("What did it say?", None, None)], quote) == "What did KCNA say?"


def test_it_is_the_previous_noun_phrase():
    turns = [
        ("Where did the flood hit in Central Java?", "Semarang", "where"),
        ("When did it start?", None, None),
    ]
    assert last(turns) == "When did the flood start?"


def test_dummy_it_is_left_alone():
    turns = [("Which foreign ministers met in Beijing?", "Wang Yi and Choe Son Hui", "which")]
    text = last([*turns, ("Was it the first time they met?", None, None)])
    assert text == "Was it the first time Wang Yi and Choe Son Hui met?"


def test_demonstrative_noun_takes_the_earlier_modifier():
    turns = [("Berapa korban banjir di Jawa Tengah?", "12 orang", "number")]
    assert last([*turns, ("Kapan banjir itu terjadi?", None, None)]) == "Kapan banjir di Jawa Tengah terjadi?"
    assert last([*turns, ("Siapa yang mengunjungi lokasi tersebut?", None, None)]) == (
        "Siapa yang mengunjungi lokasi Jawa Tengah?"
    )


def test_short_question_keeps_the_topic():
    turns = [
        ("Kapan parade militer di Beijing digelar?", "3 September", "when"),
        ("Apa saja yang dipamerkan?", None, None),
    ]
    r = talk(turns)[-1]
    assert "parade militer di Beijing" in r.text
    assert r.text.startswith("Apa saja yang dipamerkan")


def test_a_partial_name_takes_its_full_earlier_form():
    turns = [
        ("Kapan Korut menggelar parade untuk HUT Partai Buruh Korea?", "10 Oktober", "when"),
        ("HUT yang keberapa?", None, None),
    ]
    assert last(turns) == "HUT Partai Buruh Korea yang keberapa?"


# --- ellipsis --------------------------------------------------------------------------------


def test_what_about_swaps_the_subject():
    turns = [("Who is North Korea's foreign minister?", "Choe Son Hui", "who")]
    assert last([*turns, ("What about China?", None, None)]) == "Who is the foreign minister of China?"
    turns = [("Kapan Kim meninggalkan Beijing?", "Kamis", "when")]
    assert last([*turns, ("Bagaimana dengan Putin?", None, None)]) == "Kapan Putin meninggalkan Beijing?"
    assert last([*turns, ("kalau Putin?", None, None)]) == "Kapan Putin meninggalkan Beijing?"


def test_what_about_with_a_question_after_it():
    turns = [("Apa kata Choe soal inisiatif China?", "kontribusi penting", "what")]
    text = last([*turns, ("Bagaimana dengan Wang, apa yang dia janjikan?", None, None)])
    assert text == "Apa yang Wang janjikan?"


def test_and_in_a_year_swaps_the_date():
    turns = [
        ("How many votes did Prabowo get in 2024?", "96 million", "number"),
        ("And in 2019?", None, None),
    ]
    assert last(turns) == "How many votes did Prabowo get in 2019?"
    turns = [("Who won the election?", "Prabowo Subianto", "who"), ("And in 2019?", None, None)]
    assert last(turns) == "Who won the election in 2019?"


def test_election_conversation_in_indonesian():
    r = talk(
        [
            ("Siapa pemenang pemilu presiden 2024?", "Prabowo Subianto", "who"),
            ("Berapa suara yang ia peroleh?", "96 juta", "number"),
            ("Kalau Anies?", None, None),
            ("Siapa wakilnya?", None, None),
        ]
    )
    assert r[1].text == "Berapa suara yang Prabowo Subianto peroleh?"
    assert r[2].text == "Berapa suara yang Anies peroleh?"
    assert r[3].text == "Siapa wakil Anies?"


# --- left alone ------------------------------------------------------------------------------


def test_a_question_with_its_own_subject_is_not_rewritten():
    r = talk(
        [
            ("Who is North Korea's foreign minister?", "Choe Son Hui", "who"),
            ("When did Kim Jong Un leave Beijing?", "Thursday", "when"),
            ("What did Xi say about Taiwan?", None, None),
            ("Berapa korban banjir di Semarang?", None, None),
        ]
    )
    for resolved, typed in zip(
        r[1:],
        [
            "When did Kim Jong Un leave Beijing?",
            "What did Xi say about Taiwan?",
            "Berapa korban banjir di Semarang?",
        ],
        strict=True,
    ):
        assert resolved.text == typed
        assert resolved.understood_as is None
        assert resolved.replaced == ()


@pytest.mark.parametrize(
    "question",
    ["What did it say?", "Who is she?", "Kapan dia pergi ke sana?", "Apa isi suratnya?", "What about Kim?"],
)
def test_no_history_no_change(question):
    r = Conversation().resolve(question)
    assert r == Resolved(text=question, understood_as=None)


@pytest.mark.parametrize("question", ["", "   ", "?", "!!!", "itu", "-nya"])
def test_odd_input_does_not_crash(question):
    conv = Conversation()
    assert conv.resolve(question).text == " ".join(question.split())
    conv.remember(
        Turn.of("Who is North Korea's foreign minister?", answer_text="Choe Son Hui", answer_type="who")
    )
    assert isinstance(conv.resolve(question), Resolved)


def test_no_referent_keeps_the_pronoun():
    # The previous turn named nobody: "she" stays as typed.
    r = talk(
        [
            ("What did China and North Korea agree on?", "cooperation", "what"),
            ("What did she say?", None, None),
        ]
    )[-1]
    assert "she" in r.text


def test_reset_forgets():
    conv = Conversation()
    conv.remember(
        Turn.of("Who is North Korea's foreign minister?", answer_text="Choe Son Hui", answer_type="who")
    )
    assert "Choe" in conv.resolve("When did she take office?").text
    conv.reset()
    assert conv.resolve("When did she take office?").text == "When did she take office?"
    assert conv.turns == ()


def test_only_the_last_turns_are_kept():
    conv = Conversation()
    conv.remember(
        Turn.of("Who is North Korea's foreign minister?", answer_text="Choe Son Hui", answer_type="who")
    )
    for i in range(MAX_TURNS):
        conv.remember(Turn.of(f"What was the weather {i}?", answer_text=None, answer_type=None))
    assert len(conv.turns) == MAX_TURNS
    assert conv.resolve("When did she take office?").text == "When did she take office?"


# --- showing it ------------------------------------------------------------------------------


def test_understood_line_in_both_languages():
    r = talk(
        [
            ("Who is North Korea's foreign minister?", "Choe Son Hui", "who"),
            ("When did she become minister?", None, None),
        ]
    )[-1]
    assert understood_line(r, "en") == "Understood as: When did Choe Son Hui become minister?"
    assert understood_line(r, "id") == "Dipahami sebagai: When did Choe Son Hui become minister?"
    assert understood_line(Resolved(text="x", understood_as=None), "en") is None
    assert set(TEXTS["en"]) == set(TEXTS["id"])


def test_resolved_is_json_ready():
    r = talk([("Siapa menlu Korut?", "Choe Son Hui", "who"), ("Sejak kapan ia menjabat?", None, None)])[-1]
    assert json.loads(json.dumps(r.to_dict())) == {
        "text": "Sejak kapan Choe Son Hui menjabat?",
        "understood_as": "Sejak kapan Choe Son Hui menjabat?",
        "replaced": [["ia", "Choe Son Hui"]],
    }


def test_an_event_noun_takes_the_previous_event():
    turns = [("Siapa yang bertemu Wang Yi di Beijing?", "Choe Son Hui", "who")]
    assert last([*turns, ("Di mana pertemuan itu berlangsung?", None, None)]) == (
        "Di mana pertemuan Wang Yi dan Choe Son Hui di Beijing berlangsung?"
    )
    turns = [("Who did Kim meet in Beijing?", "Xi Jinping", "who")]
    assert last([*turns, ("How long was that meeting?", None, None)]) == (
        "How long was the meeting of Kim and Xi Jinping in Beijing?"
    )


def test_they_are_the_asker_and_the_answer():
    turns = [
        ("Siapa yang ditemui Kim di Beijing?", "Xi Jinping", "who"),
        ("Apa yang keduanya bahas?", None, None),
    ]
    assert last(turns) == "Apa yang Kim dan Xi Jinping bahas?"


def test_a_filler_after_kalau_is_not_a_subject():
    turns = [
        ("Kapan Kim tiba di Beijing?", "Selasa", "when"),
        ("Kalau begitu, siapa yang menjemputnya?", None, None),
    ]
    assert last(turns) == "Kalau begitu, siapa yang menjemput Kim?"


def test_a_short_follow_up_after_a_carried_one_keeps_the_first_topic():
    r = talk(
        [
            ("Kapan parade militer di Beijing digelar?", "3 September", "when"),
            ("Apa saja yang dipamerkan?", "tank", "what"),
            ("Siapa saja yang hadir?", None, None),
        ]
    )
    assert "parade militer di Beijing" in r[-1].text


def test_its_is_a_thing_the_previous_question_named():
    turns = [
        ("Who is North Korea's foreign minister?", "Choe Son Hui", "who"),
        ("What is its capital?", None, None),
    ]
    assert last(turns) == "What is the capital of North Korea?"


@pytest.mark.parametrize("question", ["Resep rendang?", "lorem ipsum", "Are there talks?"])
def test_a_short_question_on_something_new_is_left_alone(question):
    turns = [("Kapan parade militer di Beijing digelar?", "3 September", "when"), (question, None, None)]
    assert last(turns) == question


@pytest.mark.parametrize(
    ("question", "starts"), [("Why?", "Why"), ("Who attended?", "Who attended"), ("Kenapa?", "Kenapa")]
)
def test_a_bare_follow_up_keeps_the_topic(question, starts):
    turns = [("When was the military parade in Beijing?", "3 September", "when"), (question, None, None)]
    text = last(turns)
    assert text.startswith(starts) and "military parade" in text


def test_the_area_is_the_previous_place():
    turns = [("Where did the flood hit hardest?", "Semarang", "where")]
    assert last([*turns, ("Who visited the area?", None, None)]) == "Who visited the Semarang area?"
    assert last([*turns, ("What happened in the city?", None, None)]) == "What happened in Semarang?"
    # A place of its own: left alone.
    assert (
        last([*turns, ("Who visited the area around Jakarta?", None, None)])
        == "Who visited the area around Jakarta?"
    )


@pytest.mark.parametrize(
    "question",
    [
        "Did Kim Jong Un bring his daughter to Beijing?",
        "Which officials saw Kim off when he left?",
        "What did Trump say in his post addressed to Xi?",
        "Why does North Korea say it needs its nuclear programme?",
        "How long had it been since Xi and Kim last met?",
        "Did Xi and Kim say they agreed?",
        "Trump mengunggah pesannya di platform apa?",
        "Apakah Choe juga bertemu Xi Jinping selama kunjungannya?",
    ],
)
def test_a_pronoun_of_the_questions_own_subject_is_left_alone(question):
    turns = [("Who is North Korea's foreign minister?", "Choe Son Hui", "who"), (question, None, None)]
    assert last(turns) == question


def test_she_after_he_is_someone_else():
    r = talk(
        [
            ("Who did Choe Son Hui meet in Beijing?", "Wang Yi", "who"),
            ("What did he say about the situation?", None, "what"),
            ("And what did she promise?", None, None),
        ]
    )
    assert r[1].text == "What did Wang Yi say about the situation?"
    assert r[2].text == "And what did Choe Son Hui promise?"


def test_a_pronoun_before_the_questions_own_name_points_back():
    turns = [
        ("What did Xi tell Kim?", "good neighbours", "what"),
        ("How did Kim respond?", "support", "what"),
    ]
    assert last([*turns, ("What did he promise Xi?", None, None)]) == "What did Kim promise Xi?"


def test_a_which_answer_to_a_thing_question_is_it():
    turns = [
        ("Which outlet does Willy Haryono write for?", "Metrotvnews", "which"),
        ("When did it publish the report?", None, None),
    ]
    assert last(turns) == "When did Metrotvnews publish the report?"


def test_ellipsis_name_in_the_previous_questions_language():
    turns = [
        ("How much was trade between China and North Korea?", "$2 billion", "number"),
        ("Bagaimana dengan Rusia?", None, None),
    ]
    assert last(turns) == "How much was trade between Russia and North Korea?"


def test_demonstrative_noun_of_the_salient_person():
    turns = [
        ("Berapa lama Choe berada di China?", "empat hari", "number"),
        ("Kapan kunjungan itu dimulai?", None, None),
    ]
    assert last(turns) == "Kapan kunjungan Choe dimulai?"
    turns = [
        ("Apa yang diunggah Trump tentang Xi?", "sebuah pesan", "what"),
        ("Apa tanggapan Kremlin atas hal itu?", None, None),
    ]
    assert "Trump" in last(turns)


def test_this_year_is_not_a_reference():
    turns = [("How many votes did Prabowo get in the year of the election?", "96 million", "number")]
    assert (
        last([*turns, ("What did Prabowo promise this year?", None, None)])
        == "What did Prabowo promise this year?"
    )
    turns = [("Berapa suara Prabowo pada tahun 2024?", "96 juta", "number")]
    assert last([*turns, ("Apa janji Prabowo tahun ini?", None, None)]) == "Apa janji Prabowo tahun ini?"


def test_what_about_a_pronoun():
    turns = [
        ("Who did Choe Son Hui meet in Beijing?", "Wang Yi", "who"),
        ("When did Choe arrive?", "Saturday", "when"),
    ]
    assert last([*turns, ("And what about him?", None, None)]) == "When did Wang Yi arrive?"


def test_an_answer_with_a_title_gives_the_bare_name():
    turns = [
        ("Siapa menlu Korut?", "Menteri Luar Negeri Korea Utara Choe Son Hui", "who"),
        ("Sejak kapan ia menjabat?", None, None),
    ]
    assert last(turns) == "Sejak kapan Choe Son Hui menjabat?"


# --- people, organisations and topics (invented conversations) -------------------------------


def test_he_is_the_person_not_the_portfolio_of_a_quoted_minister():
    quote = "Menteri Perdagangan Jepang Hiroshi Tanaka memimpin delegasi ke Jakarta."
    text = last(
        [("Who led the Japanese delegation?", None, None), ("How many firms did he bring?", None, None)],
        quote,
    )
    assert "Hiroshi Tanaka" in text and "Perdagangan" not in text


def test_a_court_and_its_short_name_are_not_he():
    quote = "Majelis hakim Pengadilan Negeri Medan (Tipiter) menghukum Rudi Hartanto enam tahun penjara."
    text = last(
        [("Who was sentenced in the land fraud case?", None, None), ("how long did he get?", None, None)],
        quote,
    )
    assert "Rudi Hartanto" in text and "Tipiter" not in text


def test_dateline_and_sentence_start_nouns_are_not_he():
    quote = "Garut: Padi warga rusak diterjang banjir."
    text = last(
        [("Did anyone die in the Garut flood?", "Yes", "yesno"), ("How old was he?", None, None)], quote
    )
    assert "Padi" not in text and "Garut:" not in text
    assert "Garut flood" in text  # no person anywhere: the topic goes along


def test_no_person_and_an_unrelated_topic_keeps_the_pronoun():
    text = last(
        [("What is the rice price in Bandung?", "Rp 14.000", "number"), ("What did she say?", None, None)]
    )
    assert text == "What did she say?"


def test_they_is_the_organisation_the_question_named():
    text = last(
        [
            ("What did Garuda Indonesia announce on Monday?", None, None),
            ("When's their next flight to Tokyo?", None, None),
        ]
    )
    assert "Garuda Indonesia" in text


def test_nya_after_a_place_answer_is_that_place():
    text = last(
        [
            ("Indonesia teken kerja sama energi dengan negara mana?", "Jepang", "where"),
            ("nilai kerja samanya berapa?", None, None),
        ]
    )
    assert "Jepang" in text


def test_focus_that_the_rest_never_refers_to_is_added():
    text = last(
        [
            ("siapa yang membuka pameran buku di Bandung?", "Rina Marlina", "who"),
            ("bagaimana dengan pameran Surabaya, siapa yang membuka?", None, None),
        ]
    )
    assert "Surabaya" in text and "membuka" in text


def test_lowercase_ellipsis_is_a_new_thing_on_the_same_topic():
    text = last(
        [
            ("berapa korban banjir di Kabupaten Garut?", "12 orang", "number"),
            ("terus bantuan untuk pengungsi lansia?", None, None),
        ]
    )
    assert "bantuan untuk pengungsi lansia" in text and "banjir" in text
    assert "Kabupaten bantuan" not in text


def test_turn_of_without_a_short_answer():
    turn = Turn.of("Who won?", answer_text=None, answer_type="who", quote=None)
    assert turn.answer_text is None and turn.answer_type is None and turn.people == ()
    turn = Turn.of("Who won?", answer_text="  ", answer_type="who")
    assert turn.answer_text is None


def test_that_day_is_the_date_answered_before():
    text = last(
        [
            ("kapan puncak arus mudik di Pelabuhan Merak?", "Sabtu, 6 April 2024", "when"),
            ("berapa kendaraan yang menyeberang hari itu?", None, None),
        ]
    )
    assert "6 April 2024" in text
    text = last(
        [
            ("When did the toll road see the most cars?", "Saturday, 6 April 2024", "when"),
            ("How many cars passed that day?", None, None),
        ]
    )
    assert text == "How many cars passed on Saturday, 6 April 2024?"


def test_nya_on_a_company_is_the_company_and_mereka_then_too():
    turns = talk(
        [
            ("siapa direktur utama Sentosa Logistik?", "Budi Hartanto", "who"),
            ("berapa pegawai yang di-PHK perusahaannya?", "200 pegawai", "number"),
            ("gudang mana saja yang mereka tutup?", None, None),
        ]
    )
    assert "perusahaan Sentosa Logistik" in turns[1].text
    assert "Sentosa Logistik" in turns[2].text and "PHK" not in turns[2].text.replace("di-PHK", "")


def test_mereka_is_the_group_the_question_described():
    text = last(
        [
            ("berapa warga yang mengungsi dari Kecamatan Cisarua?", "300 warga", "number"),
            ("mereka ditampung di mana?", None, None),
        ]
    )
    assert text.startswith("Warga yang mengungsi dari Kecamatan Cisarua ditampung")


def test_a_place_named_in_the_question_is_not_they():
    text = last([("What happened in Kabupaten Sigi?", None, None), ("When did they leave?", None, None)])
    assert "Kabupaten Sigi" not in text.split("(")[0]


def test_a_title_split_by_commas_leaves_the_person():
    answer = "Tourism, Culture and Sport Minister Akua Mensah"
    text = last(
        [("Who led the Ghanaian delegation?", answer, "who"), ("How many artists did she bring?", None, None)]
    )
    assert "Akua Mensah" in text


def test_them_after_a_list_of_things():
    text = last(
        [
            ("Which airports were busiest over Eid?", "Soekarno-Hatta and Juanda", "which"),
            ("how many flights left them on the peak day?", None, None),
        ]
    )
    assert "Juanda" in text


def test_possessive_becomes_of_so_the_name_stays_a_word():
    text = last(
        [
            ("What did Garuda Indonesia announce on Monday?", None, None),
            ("When's their next flight to Tokyo?", None, None),
        ]
    )
    assert text == "When's the next flight of Garuda Indonesia to Tokyo?"


def test_short_question_with_bare_verbs_keeps_the_topic():
    text = last(
        [
            ("berapa tarif tol baru ruas Cikampek?", "Rp 20.000", "number"),
            ("kapan mulai berlaku?", None, None),
        ]
    )
    assert "Cikampek" in text


def test_they_after_a_short_and_a_titled_name_is_both():
    text = last(
        [("Who met in Hanoi?", "Lee and President Park Min-jun", "who"), ("What did they sign?", None, None)]
    )
    assert "Lee" in text and "Park Min-jun" in text


# --- the antecedent's kind, and where the answer was (followups round) ------------------------


def test_who_question_without_a_short_answer_means_the_quotes_new_person():
    # The reader gave no short answer; the quote names Wang besides Choe, whom the question named.
    r = talk(
        [
            ("Siapa menlu China yang bertemu Choe Son Hui?", None, None),
            ("Bagaimana dia menggambarkan situasi internasional?", None, None),
        ],
        quote="Pernyataan disampaikan Wang Yi dalam pertemuan dengan Menlu Korut Choe Son-hui.",
    )[-1]
    assert "Wang Yi" in r.text and "Choe" not in r.text


def test_singular_pronoun_after_several_people_answered_is_the_one_asked_about():
    r = last(
        [
            ("Pejabat China siapa saja yang ikut melepas Kim pulang?", "Cai Qi dan Wang Yi", "who"),
            ("Kapan dia meninggalkan Beijing?", None, None),
        ]
    )
    assert "Kim" in r and "Cai Qi" not in r


def test_he_is_never_an_outlet():
    conv = Conversation(outlets=["Metrotvnews.com"])
    conv.remember(Turn.of("Siapa penulis laporan Metrotvnews tentang Korea Utara?", answer_text=None))
    assert "Metrotvnews kutip" not in conv.resolve("Media asing mana yang ia kutip?").text


def test_them_after_a_plural_which_answered_with_one():
    r = last(
        [
            ("Which stations were busiest during the Christmas rush?", "Pasar Senen Station", "which"),
            ("how many people went through them on the peak day?", None, None),
        ]
    )
    assert "Pasar Senen Station" in r and "Christmas on" not in r


def test_it_is_the_one_thing_the_last_question_named():
    r = last(
        [
            ("How high is Mount Ile Lewotolok?", "1,423 metres", "number"),
            ("How many residents were moved away from it?", None, None),
        ]
    )
    assert r == "How many residents were moved away from Mount Ile Lewotolok?"
    # … but not the owner of what it asked about
    r = last(
        [
            ("What anniversary was North Korea's big October parade meant to mark?", None, None),
            ("On which day was it due to be held?", None, None),
        ]
    )
    assert "was North Korea due" not in r


def test_they_are_the_residents_the_last_question_counted():
    r = last(
        [
            ("How many residents were moved away from Mount Ile Lewotolok?", "2,100", "number"),
            ("where are they being sheltered?", None, None),
        ]
    )
    assert r.startswith("where are the residents moved away from Mount Ile Lewotolok")


def test_a_question_opening_with_and_continues_the_last_person():
    r = last(
        [
            ("Who got jailed over the rice import corruption case?", "Agus Salim Harahap", "who"),
            ("And what had prosecutors asked for?", None, None),
        ]
    )
    assert "Agus Salim Harahap" in r
    # … unless it names a subject of its own
    r = last(
        [
            ("Who got jailed over the rice import corruption case?", "Agus Salim Harahap", "who"),
            ("And what did Persib do on Friday?", None, None),
        ]
    )
    assert r == "And what did Persib do on Friday?"


def test_a_verbs_object_is_not_its_subject_again():
    r = last(
        [
            ("siapa pencetak gol pertama Persib?", "Marcelo Andrade", "who"),
            ("dia mencetaknya di menit ke berapa?", None, None),
        ]
    )
    assert r == "Marcelo Andrade mencetaknya di menit ke berapa?"


def test_a_described_owner_stays_whole():
    r = last(
        [
            ("Who runs the online shop Belanjaku?", "Kevin Santoso", "who"),
            ("How many staff did his company let go?", None, None),
        ]
    )
    assert r == "How many staff did the company of Kevin Santoso let go?"


@pytest.mark.parametrize(
    ("first", "answer", "kind", "second"),
    [
        ("How many passengers did KAI carry over Christmas?", "3.9 million", "number", "Who coaches Persija?"),
        ("BI-Rate bulan Oktober ditahan di berapa persen?", "4,75 persen", "number",
         "siapa direktur imunisasi di Kementerian Kesehatan?"),
        ("Siapa menlu Korut?", "Choe Son Hui", "who", "Berapa lama Xi berbincang dengan Putin di sela parade?"),
    ],
)  # fmt: skip
def test_a_new_topic_is_taken_as_typed(first, answer, kind, second):
    r = talk([(first, answer, kind), (second, None, None)])[-1]
    assert r.understood_as is None and r.text == second


def test_the_last_answer_is_where_a_follow_up_is_read():
    conv = Conversation()
    assert conv.last_answer() is None
    conv.remember(
        Turn.of("Who is Choe?", answer_text="Choe Son Hui", answer_type="who", chunk_id=7, sentence_id=42)
    )
    conv.remember(Turn.of("What is the weather?", answer_text=None))  # declined: nothing quoted
    assert conv.last_answer() == (7, 42)


def test_it_is_the_owned_thing_and_they_are_people_not_a_region():
    r = last(
        [
            ("What anniversary was North Korea's big October parade meant to mark?", None, None),
            ("On which day was it due to be held?", None, None),
        ]
    )
    assert r == "On which day was North Korea's big October parade due to be held?"
    r = last(
        [
            ("Who won the West Sumbawa election re-run?", "Nurhasanah", "who"),
            ("What share of the vote did they get?", None, None),
        ]
    )
    assert "West Sumbawa and" not in r


def test_she_after_who_did_x_meet_is_the_first_person_answered():
    turns = [
        ("Who did Wang Yi hold talks with in Beijing?", "Choe Son Hui and Kim Jong Un", "who"),
        ("What did she say about the summit?", None, None),
    ]
    assert last(turns) == "What did Choe Son Hui say about the summit?"


def test_dia_after_a_possessive_question_stays_with_its_owner():
    turns = [
        ("siapa yang divonis 8 tahun dalam kasus impor beras?", "Agus Salim Harahap", "who"),
        ("siapa pengacaranya?", "Robert Situmeang", "who"),
        ("apakah dia akan banding?", None, None),
    ]
    r = talk(turns)
    assert r[1].text == "siapa pengacara Agus Salim Harahap?"
    assert r[2].text == "apakah Agus Salim Harahap akan banding?"


def test_a_which_answer_of_the_wrong_kind_gives_way_to_the_one_the_quote_names():
    quote = "Jakarta: Perusahaan e-commerce Belanjaku memutuskan hubungan kerja (PHK) terhadap 480 karyawan."
    turns = [
        ("Which company is laying off 480 employees?", "Jakarta", "which"),
        ("When was it founded?", None, None),
    ]
    assert last(turns, quote) == "When was Belanjaku founded?"
    quote = "PVMBG menaikkan status Gunung Ile Lewotolok di Kabupaten Lembata menjadi Level III (Siaga)."
    turns = [
        ("gunung api mana yang statusnya naik jadi Siaga?", "PVMBG", "which"),
        ("tingginya berapa?", None, None),
    ]
    assert last(turns, quote) == "Tinggi Gunung Ile Lewotolok berapa?"


def test_nya_is_the_thing_asked_about_before_someone_only_the_quote_named():
    quote = "Sekitar 310.000 orang menggunakan KRL pada Rabu (31/12), termasuk pengunjung di kawasan Monas."
    turns = [
        ("Berapa orang yang naik KRL pada malam tahun baru?", "Sekitar 310.000 orang", "number"),
        ("sampai jam berapa keretanya beroperasi?", None, None),
    ]
    assert last(turns, quote) == "sampai jam berapa kereta KRL beroperasi?"


def test_them_after_a_plural_which_are_the_things_the_quote_joins():
    quote = "Stasiun Pasar Senen dan Gambir di Jakarta menjadi stasiun tersibuk pada hari itu."
    turns = [
        ("Which stations were busiest during the Christmas rush?", "Pasar Senen Station", "which"),
        ("how many people went through them on the peak day?", None, None),
    ]
    assert (
        last(turns, quote) == "how many people went through Pasar Senen Station and Gambir on the peak day?"
    )


def test_apa_katanya_is_what_the_person_said():
    turns = [("Siapa menteri luar negeri China?", "Wang Yi", "who")]
    assert last([*turns, ("Apa katanya tentang Amerika Serikat?", None, None)]) == (
        "Apa kata Wang Yi tentang Amerika Serikat?"
    )
    assert last([*turns, ("Katanya, Kim akan datang?", None, None)]) == "Katanya, Kim akan datang?"


def test_and_the_other_side_is_asked_the_previous_question():
    turns = [
        ("Who won the West Sumbawa election re-run?", "Arif Mahendra and Siti Rohana", "who"),
        ("What share of the vote did they get?", "52.4%", "number"),
        ("and the losing pair?", None, None),
    ]
    r = talk(turns)
    assert r[1].text == "What share of the vote did Arif Mahendra and Siti Rohana get?"
    assert r[2].text.startswith("What share of the vote did the losing pair get")


# --- someone the question did not name -------------------------------------------------------


def test_he_after_did_anybody_is_the_one_described():
    assert (
        last([("Did anybody die in the flood in Kudus?", None, None), ("How old was he?", None, None)])
        == "How old was the man who died in the flood in Kudus?"
    )


def test_she_after_was_anyone_keeps_the_participle():
    r = talk(
        [("Was anyone injured at the Solo concert?", None, None), ("Where is she being treated?", None, None)]
    )
    assert r[-1].text == "Where is the woman who was injured at the Solo concert being treated?"


def test_he_after_anyone_with_a_phrase_before_the_verb():
    r = talk(
        [
            ("Did anyone at the finance ministry comment on the budget?", None, None),
            ("What did he warn about?", None, None),
        ]
    )
    assert r[-1].text == "What did the man at the finance ministry who commented on the budget warn about?"


def test_dia_after_apakah_ada_yang_is_the_one_described():
    assert (
        last(
            [
                ("Apakah ada pejabat bank yang ditangkap di Medan?", None, None),
                ("Di mana dia ditahan?", None, None),
            ]
        )
        == "Di mana pejabat bank yang ditangkap di Medan ditahan?"
    )
    assert (
        last(
            [
                ("Apakah ada yang tewas dalam kebakaran pasar Cepu?", None, None),
                ("Dia berusia berapa?", None, None),
            ]
        )
        == "Orang yang tewas dalam kebakaran pasar Cepu berusia berapa?"
    )


def test_the_someone_the_quote_names_is_preferred_to_the_description():
    r = talk(
        [
            ("Did anyone get jailed over the sugar import case?", None, None),
            ("How long did he get?", None, None),
        ],
        quote="Hakim menjatuhkan vonis enam tahun penjara kepada mantan direktur Budi Santoso.",
    )
    assert "Budi Santoso" in r[-1].text


def test_a_capitalized_opener_is_not_the_questions_own_person():
    r = talk(
        [
            ("Who chairs the election commission in Bima?", "Ratna Dewi", "who"),
            ("Since when has she led it?", None, None),
        ]
    )
    assert "Ratna Dewi" in r[-1].text


def test_its_after_the_questions_own_noun_is_that_nouns():
    r = talk(
        [
            ("Did anyone at the labour ministry comment on the layoffs?", None, None),
            ("Since when did he say the company had reported its plan?", None, None),
        ]
    )
    assert r[-1].text.endswith("the company had reported its plan?")


# --- "and how many X?" -------------------------------------------------------------------------


def test_and_how_many_x_asks_the_previous_count_of_x():
    assert (
        last(
            [
                ("How many flights has the airline cancelled this week?", "40", "number"),
                ("And how many routes?", None, None),
            ]
        )
        == "How many routes has the airline cancelled this week?"
    )


def test_dan_berapa_x_asks_the_previous_count_of_x():
    assert (
        last([("Berapa kursi yang diraih Partai Hijau?", "12", "number"), ("dan berapa persen?", None, None)])
        == "Berapa persen yang diraih Partai Hijau?"
    )


def test_berapa_lama_is_not_a_count_to_swap_in():
    assert not last(
        [("Berapa pemimpin yang hadir di KTT Bali?", "20", "number"), ("dan berapa lama?", None, None)]
    ).startswith("Berapa lama yang")


# --- the people a follow-up is about, for reading near the last answer ----------------------------


def test_referred_people_are_those_a_pronoun_became():
    from retrieval.conversation import referred_people

    assert referred_people([("they", "Ani Lestari and Budi Santoso")]) == ("Ani Lestari", "Budi Santoso")
    assert referred_people([("", "the flood in Kudus")]) == ()


def test_a_sentence_naming_only_other_people_is_about_others():
    from retrieval.conversation import about_others

    pair = ["Ani Lestari", "Budi Santoso"]
    assert about_others("Rivalnya, pasangan Joko Widodo dan Rina Sari, memperoleh 40 persen.", pair)
    assert not about_others("Pasangan nomor urut 2 itu meraih 60 persen suara.", pair)
    assert not about_others("Budi mengatakan Rina Sari sudah mengucapkan selamat.", pair)


# --- "<role/organisation noun> itu" (convo2) -------------------------------------------------


def test_role_itu_is_the_person_the_question_named_not_the_answer():
    # The judge was asked for; "terdakwa itu" is the defendant the question named, and the
    # talk stays on him ("hukumannya").
    turns = [
        ("Siapa hakim yang mengadili Budi Santoso Lubis?", "Rina Marlina", "who"),
        ("Berapa tahun tuntutan jaksa untuk terdakwa itu?", "9 tahun", "number"),
        ("Apa yang meringankan hukumannya?", None, None),
    ]
    got = [r.text for r in talk(turns)]
    assert "Budi Santoso Lubis" in got[1] and "itu" not in got[1]
    assert "Budi Santoso Lubis" in got[2]


def test_perusahaan_itu_is_the_organisation_named_before():
    got = last(
        [
            ("Berapa karyawan yang dipecat Belanjaku?", "300", "number"),
            ("Kantor mana yang ditutup perusahaan itu?", None, None),
        ]
    )
    assert "perusahaan Belanjaku" in got


def test_continues_about_an_opening_pronoun_after_the_referent():
    from retrieval.conversation import continues_about

    before = "Menurut Wang, penting untuk menjaga perdamaian."
    assert continues_about("Ia bahkan menyebut persahabatan itu aset.", before, ["Wang Yi"])
    assert continues_about(
        "He called it a gift.", "Coach Hendrik spoke after the match.", ["Hendrik van Dijk"]
    )
    assert not continues_about("Ia bahkan menyebut persahabatan itu aset.", before, ["Choe Son Hui"])
    assert not continues_about("Wang menyebut momen itu spesial.", before, ["Wang Yi"])


def test_a_phrase_opening_with_a_preposition_completes_the_previous_question():
    got = last(
        [
            ("Berapa lama Budi berkunjung ke Jepang?", "tiga hari", "number"),
            ("Atas undangan siapa?", None, None),
        ]
    )
    assert "Budi berkunjung ke Jepang" in got
    got = last([("Who did Wang Yi meet in Beijing?", "Choe Son Hui", "who"), ("For how long?", None, None)])
    assert "Wang Yi" in got


def test_a_fragment_after_and_keeps_the_names_it_was_about():
    got = last(
        [
            ("How many years have Laos and Vietnam had diplomatic relations?", "60 years", "number"),
            ("And how much trade in 2023?", None, None),
        ]
    )
    assert "Laos and Vietnam" in got


def test_acara_itu_is_the_event_held_where_the_talk_was():
    got = last(
        [
            ("Apa yang dipamerkan tentara dalam parade di Hanoi?", None, None),
            ("Siapa yang berpidato dalam acara itu?", None, None),
        ]
    )
    assert "parade di Hanoi" in got
    got = last(
        [
            ("What did the army show at the parade in Hanoi?", None, None),
            ("Who spoke at that event?", None, None),
        ]
    )
    assert "parade in Hanoi" in got


def test_and_a_phrase_swaps_the_previous_questions_last_phrase():
    got = last(
        [
            ("What turnout did the commission report for the re-run?", "78 percent", "number"),
            ("And in the first vote?", None, None),
        ]
    )
    assert got == "What turnout did the commission report in the first vote?"


def test_kalau_x_nya_berapa_counts_x_as_the_previous_question_did():
    got = last(
        [
            ("Berapa ton beras yang dikirim pemerintah?", "8 ton", "number"),
            ("Kalau selimutnya berapa lembar?", None, None),
        ]
    )
    assert got == "Berapa lembar selimut yang dikirim pemerintah?"


def test_continues_about_a_pointing_noun_phrase_or_their_words():
    from retrieval.conversation import continues_about

    before = "KPU menetapkan pasangan Arif Mahendra dan Siti Rohana sebagai pemenang."
    pair = ["Arif Mahendra", "Siti Rohana"]
    assert continues_about("Pasangan nomor urut 2 itu meraih 41.876 suara.", before, pair)
    assert continues_about(
        '"Gol itu hadiah untuk suporter," katanya.',
        "Pelatih Persib, Hendrik van Dijk, memuji pemainnya.",
        ["Hendrik van Dijk"],
    )
    assert not continues_about(
        "Rivalnya, pasangan Jamaluddin dan Bayu, memperoleh 38.039 suara.", before, pair
    )


def test_and_the_x_of_the_same_head_noun_swaps_it():
    got = last(
        [
            ("At what level did the central bank keep the policy rate in May?", "5 percent", "number"),
            ("And the deposit facility rate?", None, None),
        ]
    )
    assert got == "At what level did the central bank keep the deposit facility rate in May?"


def test_a_name_that_lost_a_middle_part_is_given_in_the_articles_fuller_form():
    conv = Conversation(vocabulary=("Choe Hui", "Choe Son Hui", "Choe Son-hui", "Wang Yi", "Kim"))
    conv.remember(
        Turn.of("Who did Wang Yi hold talks with?", answer_text="Choe Hui", answer_type="who", quote="")
    )
    assert conv.resolve("What did she say about the summit?").text == (
        "What did Choe Son Hui say about the summit?"
    )


def test_after_who_did_it_the_carried_clause_names_the_answer():
    turns = [
        ("Who scored Persija's goal against Persib?", "Fadli Ramadhan", "who"),
        ("In what minute?", None, None),
    ]
    assert last(turns) == "In what minute (Fadli Ramadhan scored Persija's goal against Persib)?"
    turns = [
        ("Siapa yang mencetak gol kemenangan Persib?", "Rafael Siregar", "who"),
        ("terus menitnya?", None, None),
    ]
    assert last(turns) == "menit (Rafael Siregar mencetak gol kemenangan Persib)?"


def test_it_acting_on_something_is_the_topics_organisation():
    turns = [
        ("When is BI's next board meeting?", None, None),
        ("How many times has it cut rates this year?", None, None),
    ]
    assert last(turns) == "How many times has BI cut rates this year?"


def test_kalau_x_nya_asks_the_same_of_x_and_a_lawyer_is_a_persons():
    turns = [
        ("Berapa uang pengganti yang harus dibayar Agus Salim Harahap?", "Rp 37,5 miliar", "number"),
        ("Kalau dendanya?", "Rp 500 juta", "number"),
        ("Siapa kuasa hukumnya?", None, None),
    ]
    got = [r.text for r in talk(turns)]
    assert got[1] == "Berapa denda yang harus dibayar Agus Salim Harahap?"
    assert got[2] == "Siapa kuasa hukum Agus Salim Harahap?"


def test_bagaimana_dengan_x_nya_is_of_both_things_asked_before():
    turns = [
        ("Berapa nilai perdagangan China dan Korea Utara pada 2023?", "$2 miliar", "number"),
        ("Bagaimana dengan hubungan diplomatiknya, sudah berapa tahun?", None, None),
    ]
    assert last(turns) == "Sudah berapa tahun (hubungan diplomatik China dan Korea Utara)?"


def test_a_reaction_with_no_object_is_to_the_last_question():
    turns = [("What did Trump post about Xi?", None, None), ("How did the Kremlin react?", None, None)]
    assert last(turns) == "How did the Kremlin react (Trump post about Xi)?"
    turns = [
        ("Apa yang Trump tulis kepada Xi?", None, None),
        ("Bagaimana tanggapan Kremlin atas unggahan itu?", None, None),
    ]
    assert "Trump tulis" not in last(turns)


def test_a_subjects_own_possessive_and_object_stay():
    turns = [
        ("Which Persija defender was sent off?", "Yudha Saputra", "who"),
        ("When did he get his marching orders?", None, None),
    ]
    assert last(turns) == "When did Yudha Saputra get his marching orders?"
    turns = [
        ("siapa pencetak gol pertama Persib?", None, None),
        ("dia mencetaknya di menit ke berapa?", None, None),
    ]
    assert "mencetak pencetak" not in last(turns)


# --- "who said that?" and "what about X at a date?" (convo4) -------------------------------


@pytest.mark.parametrize(
    "question",
    ["Who said that?", "And who said so?", "Siapa yang bilang begitu?", "Siapa yang mengatakannya?"],
)
def test_who_said_that_asks_for_the_speaker_of_the_last_quote(question):
    quote = "Jakarta (KABARIN) - Ketinggian air di Kecamatan Astambul mencapai 1,5 meter. [1]"
    turns = [("Berapa tinggi air Sungai Martapura?", "1,5 meter", "number"), (question, None, None)]
    text = last(turns, quote)
    assert "Ketinggian air di Kecamatan Astambul mencapai 1,5 meter" in text
    assert "KABARIN" not in text and "[1]" not in text
    assert text.startswith("Who said that " if question[0] in "WA" else "Siapa yang mengatakan ")


def test_who_said_something_else_is_not_the_quote():
    turns = [
        ("Berapa tinggi air Sungai Martapura?", "1,5 meter", "number"),
        ("Who said Kim would come?", None, None),
    ]
    assert "1,5 meter" not in last(turns, "Ketinggian air mencapai 1,5 meter.")


@pytest.mark.parametrize(
    ("first", "followup", "expected"),
    [
        (
            "For how many years have China and North Korea had diplomatic relations?",
            "What about their trade in 2023?",
            "How much was the trade of China and North Korea in 2023?",
        ),
        (
            "Berapa target perdagangan Indonesia dan Afrika Selatan pada 2028?",
            "Bagaimana dengan nilai perdagangannya tahun lalu?",
            "Berapa nilai perdagangan Indonesia dan Afrika Selatan tahun lalu?",
        ),
    ],
)
def test_what_about_a_thing_at_a_date_keeps_the_thing(first, followup, expected):
    """The date does not replace the previous question's: the new noun is what is asked."""
    assert last([(first, None, None), (followup, None, None)]) == expected


def test_what_about_a_bare_date_still_redates_the_question():
    turns = [
        ("How much did trade between China and North Korea reach in 2023?", None, None),
        ("And in 2019?", None, None),
    ]
    assert last(turns) == "How much did trade between China and North Korea reach in 2019?"


def test_kepadanya_is_the_person_talked_about_not_the_answered_place():
    turns = [
        ("Di kota mana Wang Yi dan Choe Son Hui bertemu?", "Beijing", "where"),
        ("Apa yang dikatakan Wang kepadanya?", None, None),
    ]
    assert last(turns) == "Apa yang dikatakan Wang kepada Choe Son Hui?"


def test_is_that_after_a_count_is_the_count():
    turns = [
        ("How many employees did Belanjaku lay off?", "480 employees", "number"),
        ("What share of its staff is that?", None, None),
    ]
    text = last(turns)
    assert text.endswith("is 480 employees?") and "Belanjaku" in text


def test_of_form_ends_the_noun_phrase_at_a_preposition():
    from retrieval.conversation import _of_form

    assert _of_form("Was that Kim's first trip abroad since meeting Putin?") == (
        "Was that the first trip abroad of Kim since meeting Putin?"
    )


def test_they_is_the_organisation_the_question_made_its_subject():
    turns = [
        ("What did Bank Indonesia decide about the BI-Rate at its October board meeting?", None, None),
        ("Why?", None, None),
        ("When do they meet next?", None, None),
    ]
    assert last(turns) == "When do Bank Indonesia meet next?"


def test_kalau_lawannya_is_the_other_side_of_the_people_asked_about():
    turns = [
        ("Berapa persen suara Arif Mahendra?", "52,4 persen", "number"),
        ("Kalau lawannya?", None, None),
    ]
    assert last(turns) == "Berapa persen suara lawan Arif Mahendra?"


def test_source_of_the_last_answer():
    """'Who gave that figure?', 'According to whom?', 'Menurut kantor berita mana?': the last
    answer's sentence, asked for its source."""
    quote = "PT KAI mencatat sebanyak 3,9 juta penumpang selama libur Natal"
    turns = [("How many passengers did KAI carry?", "3,9 juta penumpang", "number")]
    assert last([*turns, ("Who gave that figure?", None, None)], quote) == f"Who said that {quote}?"
    assert last([*turns, ("According to whom?", None, None)], quote) == f"Who said that {quote}?"
    assert last([*turns, ("According to which outlet?", None, None)], quote) == (
        f"Which outlet reported that {quote}?"
    )
    id_turns = [("Berapa penumpang KAI?", "3,9 juta penumpang", "number")]
    assert last([*id_turns, ("Menurut kantor berita mana?", None, None)], quote) == (
        f"Menurut kantor berita mana, {quote}?"
    )


def test_a_holiday_is_no_one():
    turns = [("How many passengers did KAI carry over Christmas and New Year?", "3,9 juta", "number")]
    assert "New Year say" not in last([*turns, ("What did she say about it?", None, None)])


def test_its_and_founded_are_the_organisation():
    turns = [("Who is the chief executive of Belanjaku?", None, None)]
    assert last([*turns, ("When was it set up?", None, None)]) == "When was Belanjaku set up?"
    id_turns = [("Berapa pendanaan Seri C yang dihimpun Belanjaku?", "$85 juta", "number")]
    assert last([*id_turns, ("Kapan didirikannya?", None, None)]) == "Kapan didirikan Belanjaku?"


def test_that_day_is_the_day_described():
    turns = [("Berapa penumpang yang diberangkatkan KAI pada hari puncak Nataru?", "248.000", "number")]
    assert last([*turns, ("Stasiun mana yang paling sibuk hari itu?", None, None)]) == (
        "Stasiun mana yang paling sibuk hari puncak Nataru?"
    )
    en = [("Who stood beside Kim at the military parade in Beijing?", "Xi Jinping", "who")]
    assert last([*en, ("What did Xi praise that day?", None, None)]) == (
        "What did Xi praise on the day of the military parade?"
    )
