"""Machine translation backends with the language codes each service really expects.

wagtail-localize's own backends derive the codes from ours crudely: DeepL turns
"zh-hans" into its legacy "ZH" (and wants "EN-GB"/"EN-US", not "EN", as a target),
LibreTranslate cuts everything to the part before the dash ("zh", which current
LibreTranslate servers call "zh-Hans"), and Google passes
"zh-hans" through although it expects "zh-CN". These subclasses map each of our
locales explicitly and refuse a language they do not know rather than guess.

Which backend runs is chosen from environment variables by
`machine_translation_settings.py` (see docs/editors.md); by default there is none.
"""

from types import SimpleNamespace

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator

# Our locale code -> the service's code. Source and target differ only for DeepL.
DEEPL_SOURCE = {"zh-hans": "ZH", "en": "EN", "ko": "KO"}
DEEPL_TARGET = {"zh-hans": "ZH-HANS", "en": "EN-GB", "ko": "KO"}
GOOGLE = {"zh-hans": "zh-CN", "en": "en", "ko": "ko"}
# LibreTranslate 1.6+ (and libretranslate.com) call Simplified Chinese "zh-Hans"; older
# self-hosted servers "zh" (set LIBRETRANSLATE_CHINESE=zh for those).
LIBRETRANSLATE = {"zh-hans": "zh-Hans", "en": "en", "ko": "ko"}


def _mapped(locale, codes):
    """A stand-in for `locale` whose language_code is the service's own code."""
    return SimpleNamespace(language_code=codes[locale.language_code], pk=locale.pk)


class MappedCodesMixin:
    """Translate only between locales in `source_codes`/`target_codes`, under their mapped codes."""

    source_codes: dict
    target_codes: dict

    def can_translate(self, source_locale, target_locale):
        return (
            source_locale.language_code in self.source_codes
            and target_locale.language_code in self.target_codes
            and source_locale.language_code != target_locale.language_code
        )


class YoulinDeepLTranslator(MappedCodesMixin, DeepLTranslator):
    source_codes = DEEPL_SOURCE
    target_codes = DEEPL_TARGET

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        parameters["source_lang"] = self.source_codes[source_locale.language_code]
        parameters["target_lang"] = self.target_codes[target_locale.language_code]
        return parameters


class YoulinLibreTranslator(MappedCodesMixin, LibreTranslator):
    source_codes = target_codes = LIBRETRANSLATE

    def __init__(self, options):
        super().__init__(options)
        if options.get("CHINESE_CODE"):
            self.source_codes = self.target_codes = {
                **LIBRETRANSLATE,
                "zh-hans": options["CHINESE_CODE"],
            }

    def language_code(self, code):
        # wagtail-localize's hook for the code sent, which it otherwise cuts at the dash.
        return self.source_codes[code]


class YoulinGoogleTranslator(MappedCodesMixin, BaseMachineTranslator):
    """Google Cloud Translation; needs the google-cloud-translate package when used."""

    display_name = "Google Translate"
    source_codes = target_codes = GOOGLE

    def backend(self):
        # Imported on use: google-cloud-translate is only installed where Google is configured.
        from wagtail_localize.machine_translators.google import GoogleCloudTranslator

        return GoogleCloudTranslator(self.options)

    def translate(self, source_locale, target_locale, strings):
        return self.backend().translate(
            _mapped(source_locale, self.source_codes),
            _mapped(target_locale, self.target_codes),
            strings,
        )


class YoulinDummyTranslator(MappedCodesMixin, DummyTranslator):
    """Reverses the words: for trying the workflow and for tests, never for real content."""

    source_codes = target_codes = LIBRETRANSLATE
