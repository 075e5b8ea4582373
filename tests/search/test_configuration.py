"""The search backend each settings module configures, from the environment.

Each case imports a settings module in a fresh interpreter with only the given
variables set, as a server would, so a misconfiguration fails here and not in
production.
"""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.search.backends import get_search_backend

from search.configuration import search_backends

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "youlin.example"}
ES = "https://user:secret@search.example:9200"


def search_setting(module, **environ):
    """WAGTAILSEARCH_BACKENDS of config.settings.<module> (or the error it raises)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SEARCH_", "DJANGO_"))}
    env.update(environ)
    script = (
        "import json, importlib\n"
        f"m = importlib.import_module('config.settings.{module}')\n"
        "print(json.dumps(m.WAGTAILSEARCH_BACKENDS['default']))"
    )
    done = subprocess.run(  # noqa: S603 (our own interpreter and a fixed script)
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if done.returncode:
        return done.stderr.strip().splitlines()[-1]
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    ("module", "environ"), [("test", {}), ("dev", {}), ("production", PRODUCTION)]
)
def test_without_search_url_every_module_searches_the_database(module, environ):
    assert search_setting(module, **environ) == {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "simple",
    }


def test_blank_search_url_still_searches_the_database():
    assert search_setting("production", SEARCH_URL="  ", **PRODUCTION)["BACKEND"] == (
        "search.backend"
    )


def test_search_url_switches_production_to_elasticsearch_with_cjk_bigrams():
    backend = search_setting("production", SEARCH_URL=f"{ES}, https://b.example:9200", **PRODUCTION)
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == [ES, "https://b.example:9200"]
    assert backend["INDEX_PREFIX"] == "youlin_"
    analysis = backend["INDEX_SETTINGS"]["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["tokenizer"] == "standard"
    assert "youlin_cjk_bigram" in analysis["analyzer"]["default"]["filter"]
    bigram = analysis["filter"]["youlin_cjk_bigram"]
    assert bigram == {"type": "cjk_bigram", "output_unigrams": True}
    assert "youlin_english_stemmer" in analysis["analyzer"]["default_search"]["filter"]


@pytest.mark.parametrize(
    ("engine", "module"),
    [
        ("elasticsearch7", "wagtail.search.backends.elasticsearch7"),
        ("elasticsearch9", "wagtail.search.backends.elasticsearch9"),
        ("opensearch2", "wagtail.search.backends.opensearch2"),
        ("OpenSearch3", "wagtail.search.backends.opensearch3"),
    ],
)
def test_search_engine_picks_a_wagtail_backend_that_exists(engine, module):
    backend = search_setting("production", SEARCH_URL=ES, SEARCH_ENGINE=engine, **PRODUCTION)
    assert backend["BACKEND"] == module
    assert importlib.util.find_spec(module) is not None


@pytest.mark.parametrize(
    ("analyzer", "tokenizer"), [("nori", "nori_tokenizer"), ("smartcn", "smartcn_tokenizer")]
)
def test_search_analyzer_picks_a_plugin_tokenizer(analyzer, tokenizer):
    backend = search_setting("dev", SEARCH_URL=ES, SEARCH_ANALYZER=analyzer)
    analysis = backend["INDEX_SETTINGS"]["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["tokenizer"] == tokenizer
    assert "youlin_cjk_bigram" not in analysis["analyzer"]["default"]["filter"]


@pytest.mark.parametrize(
    ("environ", "message", "backend"),
    [
        ({"SEARCH_ENGINE": "solr"}, "SEARCH_ENGINE must be one of", "search.backend"),
        (
            {"SEARCH_ANALYZER": "jieba"},
            "SEARCH_ANALYZER must be one of",
            "wagtail.search.backends.elasticsearch8",
        ),
    ],
)
def test_unknown_engine_or_analyzer_is_reported_not_raised(environ, message, backend):
    # The site still starts; `manage.py check` reports it (tests/home/test_environment_checks.py).
    reported = []
    setting = search_backends({"SEARCH_URL": ES, **environ}, lambda *a: reported.append(a))
    assert setting["default"]["BACKEND"] == backend
    assert [(id, message in text) for id, text, _hint in reported] == [("youlin.E009", True)]


def test_the_running_site_uses_the_database_backend_for_its_database():
    from django.db import connection

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backend"
    backend = get_search_backend()
    expected = {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}
    assert expected[connection.vendor] in [c.__name__ for c in type(backend).__mro__]
    assert type(backend).__module__ == "search.backend"
