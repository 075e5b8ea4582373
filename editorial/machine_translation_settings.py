"""Which machine translator wagtail-localize uses, from environment variables.

Plain Python with no Django imports, so config/settings/base.py can call it.
Machine translation is off unless MACHINE_TRANSLATION names a backend; the
backends themselves live in editorial/machine_translation.py.
"""

BACKENDS = {
    "deepl": "editorial.machine_translation.YoulinDeepLTranslator",
    "google": "editorial.machine_translation.YoulinGoogleTranslator",
    "libretranslate": "editorial.machine_translation.YoulinLibreTranslator",
    "dummy": "editorial.machine_translation.YoulinDummyTranslator",
}


def settings_from_environment(environ):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR for `MACHINE_TRANSLATION=deepl|google|libretranslate`.

    Returns None (machine translation off) when the variable is unset or empty.
    """
    name = environ.get("MACHINE_TRANSLATION", "").strip().lower()
    if not name:
        return None
    if name not in BACKENDS:
        raise ValueError(f"MACHINE_TRANSLATION={name!r}: choose one of {', '.join(BACKENDS)}")
    options = {}
    if name == "deepl":
        options = {"AUTH_KEY": environ["DEEPL_AUTH_KEY"]}
        if environ.get("DEEPL_FORMALITY"):
            options["FORMALITY"] = environ["DEEPL_FORMALITY"]
    elif name == "google":
        options = {"PROJECT_ID": environ["GOOGLE_CLOUD_PROJECT"]}
        if environ.get("GOOGLE_APPLICATION_CREDENTIALS"):
            options["CREDENTIALS_PATH"] = environ["GOOGLE_APPLICATION_CREDENTIALS"]
    elif name == "libretranslate":
        options = {
            "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"].rstrip("/"),
            "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
        }
        if environ.get("LIBRETRANSLATE_CHINESE"):
            options["CHINESE_CODE"] = environ["LIBRETRANSLATE_CHINESE"]
    return {"CLASS": BACKENDS[name], "OPTIONS": options}
