"""Index and query terms for Chinese, Korean and English (pure functions, no database)."""

import re

import pytest

from search.text import (
    MAX_QUERY_LENGTH,
    MAX_QUERY_TERMS,
    bigrams,
    highlight,
    index_text,
    match_spans,
    parse_query,
    strip_particle,
)


def matches(query, text, synonyms=None):
    """What the database does with our terms: every group has an alternative all indexed."""
    indexed = set(index_text(text).split())
    parsed = parse_query(query, synonyms=synonyms)
    return bool(parsed.groups) and all(
        any(all(term in indexed for term in alternative) for alternative in group.alternatives)
        for group in parsed.groups
    )


def is_phrase(query, text):
    """The page has the query's terms in order: it ranks above one with the words apart."""
    indexed = index_text(text).split()
    terms = parse_query(query).terms
    return any(indexed[i : i + len(terms)] == terms for i in range(len(indexed)))


def test_han_runs_become_overlapping_bigrams():
    assert bigrams("英语沙龙") == ["英语", "语沙", "沙龙"]
    assert index_text("英语沙龙").split()[:3] == ["英语", "语沙", "沙龙"]


def test_two_character_chinese_word_is_found_inside_a_sentence():
    assert matches("英语沙龙", "詹叔英语沙龙每周六举行")
    assert matches("沙龙", "詹叔英语沙龙每周六举行")


def test_longer_chinese_query_finds_its_words_apart_and_the_phrase_ranks_higher():
    assert matches("签证延期", "外国人签证如何申请延期")
    assert not is_phrase("签证延期", "外国人签证如何申请延期")
    assert is_phrase("签证延期", "办理签证延期手续")


def test_a_character_after_a_word_stays_with_it():
    # 中文课 is a class, not any page with 中文 and 课 somewhere.
    assert not matches("中文课", "中文说明：本课程暂停")
    assert matches("中文课", "外国人中文课每周三")


def test_unknown_names_stay_whole():
    assert [g.terms for g in parse_query("詹叔英语沙龙").groups] == [
        ("詹叔",),
        ("英语",),
        ("沙龙",),
    ]


def test_traditional_characters_are_folded_to_simplified():
    assert matches("簽證", "签证和居留许可咨询")
    assert matches("签证", "簽證和居留許可諮詢")
    assert matches("英語沙龍", "詹叔英语沙龙每周六举行")


def test_question_words_are_not_required():
    assert matches("where can I see a doctor", "A doctor who speaks English")
    assert matches("在哪里看病", "看病指南")
    assert matches("병원은 어디", "영어 진료가 가능한 병원")


def test_single_chinese_character_is_found():
    assert matches("药", "社区药店营业时间")


def test_korean_noun_matches_with_a_particle_attached():
    assert matches("서울", "서울에서 온 친구")


def test_korean_query_particle_is_dropped():
    assert strip_particle("서울에서") == "서울"
    assert strip_particle("영어로") == "영어"
    assert matches("서울에서", "서울 사람")


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("도서관에서", "도서관 이용 안내"),
        ("센터의", "국제이웃서비스센터 운영 시간"),
        ("수업을", "중국어 수업 안내"),
        ("센터에서는", "서비스센터 안내"),
        ("학교에서도", "국제 학교 안내"),
        ("선생님께", "선생님 소개"),
        ("선생님께서", "선생님 소개"),
        ("학생들에게는", "학생 할인"),
        ("학생들", "학생 할인"),
        ("수업으로도", "중국어 수업"),
        ("공원에서의", "청수하 예술 공원"),
        ("한국어로는", "한국어 안내"),
        ("센터마다", "서비스센터 안내"),
        ("영어밖에", "영어 살롱"),
        ("사람한테서", "사람 찾기"),
        ("친구들과", "친구 모임"),
        ("이웃과의", "이웃 축제"),
    ],
)
def test_korean_query_with_common_particles_finds_the_bare_noun(query, text):
    assert matches(query, text)


def test_short_korean_words_keep_their_last_syllable():
    # 요가 (yoga) is not 요 + particle 가.
    assert strip_particle("요가") == "요가"
    assert not matches("요가", "요일")


def test_english_is_stemmed_and_case_folded():
    assert matches("Saturdays", "every saturday")
    assert matches("salons", "Uncle Zhan's English SALON")
    assert matches("FESTIVAL", "festivals")


def test_full_width_and_accented_letters_are_folded():
    assert matches("ABC cafe", "ＡＢＣ Café")


def test_mixed_script_query_keeps_each_script():
    parsed = parse_query("English 沙龙")
    assert parsed.terms == ["english", "沙龙"]


def test_korean_and_chinese_never_share_a_bigram():
    assert "国어" not in index_text("中国어")


@pytest.mark.parametrize(
    "hostile",
    ['"', "*", "NEAR", "%", "'; DROP TABLE wagtailcore_page; --", "a AND NOT b", "😀🎉", "\x00"],
)
def test_terms_are_only_letters_and_digits(hostile):
    for term in parse_query(hostile).terms + index_text(hostile).split():
        assert re.fullmatch(r"\w+", term) and "_" not in term


def test_emoji_only_query_has_no_terms():
    assert not parse_query("😀🎉")
    assert not parse_query("   ")


def test_query_length_and_terms_are_capped():
    parsed = parse_query("长" * 5000)
    assert len(parsed.text) == MAX_QUERY_LENGTH
    assert len(parse_query(" ".join(f"w{n}" for n in range(100))).terms) == MAX_QUERY_TERMS


def test_partial_query_keeps_the_last_korean_word_whole():
    assert parse_query("서울에", partial=True).terms == ["서울", "울에"]


def test_match_spans_cover_chinese_phrase_and_english_stems():
    text = "Join the salons at 詹叔英语沙龙"
    spans = match_spans(text, parse_query("salon 英语沙龙"))
    assert [text[a:b] for a, b in spans] == ["salons", "英语沙龙"]


def test_highlight_cuts_around_the_first_match():
    text = "开头" * 100 + "英语沙龙" + "结尾" * 100
    segments = highlight(text, parse_query("沙龙"), width=40)
    assert segments[0] == ("…", False) and segments[-1] == ("…", False)
    assert ("沙龙", True) in segments
    assert sum(len(t) for t, _ in segments[1:-1]) == 40


def test_highlight_returns_text_unchanged_when_nothing_matches():
    assert highlight("<b>hello</b>", parse_query("world")) == [("<b>hello</b>", False)]


def snippet_text(segments):
    return "".join(text for text, _match in segments)


def test_snippet_cuts_english_at_word_boundaries():
    words = [f"word{n}" for n in range(60)]
    text = " ".join([*words[:30], "salon", *words[30:]])
    segments = highlight(text, parse_query("salon"), width=60)
    inner = snippet_text(segments[1:-1])
    assert segments[0] == ("…", False) and segments[-1] == ("…", False)
    assert ("salon", True) in segments
    assert inner == inner.strip()
    assert all(word in text.split() for word in inner.split())
    assert len(inner) <= 60


def test_snippet_cuts_korean_at_spaces():
    text = "안녕하세요 " * 30 + "영어 살롱에서 만나요 " + "감사합니다 " * 30
    inner = snippet_text(highlight(text, parse_query("살롱"), width=50)[1:-1])
    assert all(word in text.split() for word in inner.split())


def test_snippet_cuts_chinese_between_characters_and_marks_the_hit():
    text = "社区活动" * 40 + "詹叔英语沙龙每周六举行" + "欢迎参加" * 40
    segments = highlight(text, parse_query("英语沙龙"), width=30)
    assert ("英语沙龙", True) in segments
    inner = snippet_text(segments[1:-1])
    assert inner in text and 0 < len(inner) <= 30


def test_snippet_does_not_start_with_a_space_or_punctuation():
    text = "x" * 10 + ", " + "y " * 80 + "salon " + "z " * 80
    inner = snippet_text(highlight(text, parse_query("salon"), width=40)[1:-1])
    assert inner[0].isalnum() and inner[-1].isalnum()


def test_a_long_run_of_one_character_makes_a_small_query():
    parsed = parse_query("英" * 5000)
    assert sum(len(a) for g in parsed.groups for a in g.alternatives) <= MAX_QUERY_TERMS * 2
