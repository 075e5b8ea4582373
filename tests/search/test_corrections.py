"""Synonyms, Chinese words and typo corrections (pure functions, no database)."""

from search.chinese import segment, to_simplified
from search.synonyms import Synonyms, split_words
from search.text import correct_word, edit_distance, normalise_word, parse_query
from tests.search.test_text import matches

SYNONYMS = Synonyms(
    [
        "看病, 就诊, 就医",
        "中文课，汉语课",
        "ping pong, table tennis",
        "doctor => hospital",
        "진료, 병원",
    ]
)


def test_chinese_runs_are_cut_into_words():
    assert segment("签证延期") == ["签证", "延期"]
    assert segment("外国人临时住宿登记") == ["外国人", "临时", "住宿", "登记"]
    assert segment("乒乓球") == ["乒乓球"]


def test_traditional_is_folded_character_for_character():
    assert to_simplified("簽證 英語沙龍") == "签证 英语沙龙"
    assert to_simplified("salon") == "salon"


def test_a_chinese_synonym_finds_the_page_with_the_other_word():
    assert matches("看病", "有英语服务的医院：就诊流程", SYNONYMS)
    assert not matches("看病", "有英语服务的医院：就诊流程")
    assert matches("我要看病", "就医指南", SYNONYMS)
    assert matches("中文课", "外国人汉语课", SYNONYMS)


def test_a_phrase_synonym_matches_whole_words_only():
    assert matches("ping pong", "Neighbourhood table tennis", SYNONYMS)
    assert matches("ping pong tonight", "table tennis tonight", SYNONYMS)
    assert not matches("ping", "Neighbourhood table tennis", SYNONYMS)


def test_synonyms_are_compared_as_search_compares_words():
    assert matches("Doctors", "Hospitals with English-speaking staff", SYNONYMS)
    assert matches("진료를", "영어 병원", SYNONYMS)


def test_an_arrow_makes_a_list_one_way():
    assert matches("doctor", "Hospitals with English-speaking staff", SYNONYMS)
    assert not matches("hospital", "Ask a doctor", SYNONYMS)


def test_synonym_lists_take_commas_of_every_script():
    assert split_words("看病，就诊、就医; see a doctor\nclinic") == [
        "看病",
        "就诊",
        "就医",
        "see a doctor",
        "clinic",
    ]


def test_synonyms_are_highlighted():
    parsed = parse_query("看病", synonyms=SYNONYMS)
    assert "就诊" in parsed.fragments


def test_edit_distance_counts_a_swap_as_one():
    assert edit_distance("bakrey", "bakery", 2) == 1
    assert edit_distance("hospital", "hostel", 1) == 2  # over the limit: limit + 1


VOCABULARY = {
    normalise_word(word): 2
    for word in ["hospital", "hostel", "registration", "register", "residence", "festival", "salon"]
}


def test_a_typo_is_corrected_to_the_word_of_the_index():
    assert correct_word("hosptal", VOCABULARY) == ("hospit", "hospital")
    assert correct_word("regstration", VOCABULARY) == ("registr", "registration")
    assert correct_word("salom", VOCABULARY) == ("salon", "salon")


def test_short_words_known_words_and_other_scripts_are_not_corrected():
    assert correct_word("salo", VOCABULARY) is None  # too short to guess
    assert correct_word("hospital", VOCABULARY) is None
    assert correct_word("xylophone", VOCABULARY) is None
    assert correct_word("医院", VOCABULARY) is None
