"""Machine translators send each service the language codes it expects; no network needed."""

import json

import pytest
from wagtail.models import Locale
from wagtail_localize.strings import StringValue

from editorial import machine_translation as mt
from editorial.machine_translation_settings import settings_from_environment

ZH, EN, KO = (Locale(language_code=code) for code in ("zh-hans", "en", "ko"))
HELLO = [StringValue("你好")]


def test_deepl_targets_simplified_chinese_and_british_english_explicitly():
    translator = mt.YoulinDeepLTranslator({"AUTH_KEY": "x:fx"})
    to_zh = translator.get_parameters(EN, ZH, HELLO)
    assert (to_zh["source_lang"], to_zh["target_lang"]) == ("EN", "ZH-HANS")
    to_en = translator.get_parameters(ZH, EN, HELLO)
    assert (to_en["source_lang"], to_en["target_lang"]) == ("ZH", "EN-GB")
    assert translator.get_parameters(ZH, KO, HELLO)["target_lang"] == "KO"


def test_unknown_languages_are_refused_not_guessed():
    translator = mt.YoulinDeepLTranslator({"AUTH_KEY": "x"})
    assert translator.can_translate(ZH, KO)
    assert not translator.can_translate(ZH, ZH)
    assert not translator.can_translate(ZH, Locale(language_code="zh-hant"))


class FakeResponse:
    def __init__(self, payload):
        self.payload = payload

    def raise_for_status(self):
        pass

    def json(self):
        return self.payload


@pytest.mark.parametrize(
    ("options", "chinese"),
    [({}, "zh-Hans"), ({"CHINESE_CODE": "zh"}, "zh")],
    ids=["current-server", "older-server"],
)
def test_libretranslate_sends_its_code_for_simplified_chinese(monkeypatch, options, chinese):
    sent = {}

    def post(url, data, headers, timeout):
        sent.update(json.loads(data), url=url)
        return FakeResponse({"translatedText": ["Hello"]})

    monkeypatch.setattr("wagtail_localize.machine_translators.libretranslate.requests.post", post)
    translator = mt.YoulinLibreTranslator(
        {"LIBRETRANSLATE_URL": "http://lt", "API_KEY": "", **options}
    )
    result = translator.translate(ZH, EN, HELLO)
    assert (sent["source"], sent["target"], sent["url"]) == (chinese, "en", "http://lt/translate")
    assert result[HELLO[0]].data == "Hello"
    translator.translate(EN, ZH, HELLO)
    assert sent["target"] == chinese


def test_google_sends_zh_cn_for_simplified_chinese(monkeypatch):
    calls = []

    class FakeGoogle:
        def translate(self, source_locale, target_locale, strings):
            calls.append((source_locale.language_code, target_locale.language_code))
            return {string: StringValue("안녕하세요") for string in strings}

    translator = mt.YoulinGoogleTranslator({"PROJECT_ID": "youlin"})
    monkeypatch.setattr(translator, "backend", FakeGoogle)
    translator.translate(ZH, KO, HELLO)
    translator.translate(KO, ZH, HELLO)
    assert calls == [("zh-CN", "ko"), ("ko", "zh-CN")]


def test_machine_translation_is_off_by_default():
    assert settings_from_environment({}) is None


@pytest.mark.parametrize(
    ("environ", "backend", "options"),
    [
        (
            {"MACHINE_TRANSLATION": "deepl", "DEEPL_AUTH_KEY": "k"},
            "YoulinDeepLTranslator",
            {"AUTH_KEY": "k"},
        ),
        (
            {"MACHINE_TRANSLATION": "google", "GOOGLE_CLOUD_PROJECT": "p"},
            "YoulinGoogleTranslator",
            {"PROJECT_ID": "p"},
        ),
        (
            {"MACHINE_TRANSLATION": "LibreTranslate", "LIBRETRANSLATE_URL": "http://lt/"},
            "YoulinLibreTranslator",
            {"LIBRETRANSLATE_URL": "http://lt", "API_KEY": ""},
        ),
        (
            {
                "MACHINE_TRANSLATION": "libretranslate",
                "LIBRETRANSLATE_URL": "http://lt",
                "LIBRETRANSLATE_CHINESE": "zh",
            },
            "YoulinLibreTranslator",
            {"LIBRETRANSLATE_URL": "http://lt", "API_KEY": "", "CHINESE_CODE": "zh"},
        ),
    ],
)
def test_backends_are_configured_from_the_environment(environ, backend, options):
    config = settings_from_environment(environ)
    assert config == {"CLASS": f"editorial.machine_translation.{backend}", "OPTIONS": options}


@pytest.mark.parametrize(
    ("environ", "problem"),
    [
        ({"MACHINE_TRANSLATION": "babelfish"}, "youlin.E001"),
        ({"MACHINE_TRANSLATION": "deepl"}, "youlin.E002"),
        ({"MACHINE_TRANSLATION": "deepl", "DEEPL_AUTH_KEY": " "}, "youlin.E002"),
        ({"MACHINE_TRANSLATION": "google"}, "youlin.E002"),
        ({"MACHINE_TRANSLATION": "libretranslate"}, "youlin.E002"),
    ],
)
def test_an_unusable_backend_is_off_and_reported_not_raised(environ, problem):
    reported = []
    assert settings_from_environment(environ, lambda *args: reported.append(args)) is None
    assert [args[0] for args in reported] == [problem]
