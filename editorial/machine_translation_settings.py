"""Which machine translator wagtail-localize uses, from environment variables.

Plain Python with no Django imports, so config/settings/base.py can call it.
Machine translation is off unless MACHINE_TRANSLATION names a backend; the
backends themselves live in editorial/machine_translation.py. A backend name we do
not know, or a backend without its key, turns machine translation off and is reported
through `report` (home.environment), so `manage.py check` says what to set instead of
the site failing to start.
"""

BACKENDS = {
    "deepl": "editorial.machine_translation.YoulinDeepLTranslator",
    "google": "editorial.machine_translation.YoulinGoogleTranslator",
    "libretranslate": "editorial.machine_translation.YoulinLibreTranslator",
    "dummy": "editorial.machine_translation.YoulinDummyTranslator",
}
# The variables each backend cannot work without.
REQUIRED = {
    "deepl": ("DEEPL_AUTH_KEY",),
    "google": ("GOOGLE_CLOUD_PROJECT",),
    "libretranslate": ("LIBRETRANSLATE_URL",),
    "dummy": (),
}


def _ignore(id, message, hint=""):
    pass


def settings_from_environment(environ, report=_ignore):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR for `MACHINE_TRANSLATION=deepl|google|libretranslate`.

    Returns None (machine translation off) when the variable is unset or empty, and when
    it cannot be used: then `report(id, message, hint)` is called (youlin.E001, E002).
    """
    name = environ.get("MACHINE_TRANSLATION", "").strip().lower()
    if not name:
        return None
    if name not in BACKENDS:
        report(
            "youlin.E001",
            f"MACHINE_TRANSLATION={name!r} is not a backend we know; machine translation is off.",
            f"Choose one of {', '.join(BACKENDS)}, or unset MACHINE_TRANSLATION.",
        )
        return None
    missing = [variable for variable in REQUIRED[name] if not environ.get(variable, "").strip()]
    if missing:
        report(
            "youlin.E002",
            f"MACHINE_TRANSLATION={name} needs {' and '.join(missing)}; machine translation "
            "is off.",
            f"Set {' and '.join(missing)} (see docs/editors.md), or unset MACHINE_TRANSLATION.",
        )
        return None
    return {"CLASS": BACKENDS[name], "OPTIONS": _options(name, environ)}


def _options(name, environ):
    options = {}
    if name == "deepl":
        options = {"AUTH_KEY": environ["DEEPL_AUTH_KEY"].strip()}
        if environ.get("DEEPL_FORMALITY"):
            options["FORMALITY"] = environ["DEEPL_FORMALITY"]
    elif name == "google":
        options = {"PROJECT_ID": environ["GOOGLE_CLOUD_PROJECT"].strip()}
        if environ.get("GOOGLE_APPLICATION_CREDENTIALS"):
            options["CREDENTIALS_PATH"] = environ["GOOGLE_APPLICATION_CREDENTIALS"]
    elif name == "libretranslate":
        options = {
            "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"].strip().rstrip("/"),
            "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
        }
        if environ.get("LIBRETRANSLATE_CHINESE"):
            options["CHINESE_CODE"] = environ["LIBRETRANSLATE_CHINESE"]
    return options
