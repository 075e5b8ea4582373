"""WAGTAILSEARCH_BACKENDS from the environment (imported by config/settings; no Django here).

Without `SEARCH_URL` the site searches its own database (search.backend). With
`SEARCH_URL=https://user:pass@host:9200` it uses Wagtail's Elasticsearch 8 backend
(`SEARCH_ENGINE=elasticsearch7|elasticsearch8|elasticsearch9|opensearch2|opensearch3`
picks another), with analyzers for our three languages in one index:

* `bigram` (default, no plugin): standard tokenizer, full/half-width folding,
  lowercase, CJK bigrams of Han and Hangul (with unigrams), English possessives,
  stop words and stemming. Han, Hangul and Latin text need no per-field setup.
* `smartcn` / `nori` (`SEARCH_ANALYZER=`): the tokenizer of the analysis-smartcn
  or analysis-nori plugin instead, for a site whose content is mostly Chinese or
  mostly Korean; English words still get the English filters.
"""

ENGINES = {
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}

TOKENIZERS = {
    "bigram": {"tokenizer": "standard", "cjk": ["cjk_width", "lowercase", "youlin_cjk_bigram"]},
    "smartcn": {"tokenizer": "smartcn_tokenizer", "cjk": ["cjk_width", "lowercase"]},
    "nori": {
        "tokenizer": "nori_tokenizer",
        "cjk": ["cjk_width", "lowercase", "nori_part_of_speech"],
    },
}

ENGLISH = ["youlin_english_possessive", "youlin_english_stop", "youlin_english_stemmer"]


def analysis(analyzer="bigram"):
    """INDEX_SETTINGS["settings"]["analysis"] for `analyzer` (bigram, smartcn or nori)."""
    choice = TOKENIZERS[analyzer]
    text = {
        "type": "custom",
        "tokenizer": choice["tokenizer"],
        "filter": [*choice["cjk"], *ENGLISH],
    }
    return {
        "analyzer": {
            # Wagtail maps SearchFields as plain `text`, so the index's default analyzer applies.
            "default": text,
            "default_search": text,
            "edgengram_analyzer": {
                "type": "custom",
                "tokenizer": choice["tokenizer"],
                "filter": [*choice["cjk"], "asciifolding", "edgengram"],
            },
        },
        "filter": {
            "youlin_cjk_bigram": {"type": "cjk_bigram", "output_unigrams": True},
            "youlin_english_possessive": {"type": "stemmer", "language": "possessive_english"},
            "youlin_english_stop": {"type": "stop", "stopwords": "_english_"},
            "youlin_english_stemmer": {"type": "stemmer", "language": "english"},
        },
    }


DATABASE = {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"}


def _ignore(id, message, hint=""):
    pass


def search_backends(environ, report=_ignore):
    """The WAGTAILSEARCH_BACKENDS setting for these environment variables.

    An unknown SEARCH_ENGINE keeps the database backend and an unknown SEARCH_ANALYZER
    the bigram one; either is passed to `report(id, message, hint)` (home.environment)
    as youlin.E009, for `manage.py check`, instead of stopping the site.
    """
    url = environ.get("SEARCH_URL", "").strip()
    if not url:
        return {"default": dict(DATABASE)}
    engine = environ.get("SEARCH_ENGINE", "elasticsearch8").strip().lower()
    analyzer = environ.get("SEARCH_ANALYZER", "bigram").strip().lower()
    if engine not in ENGINES:
        report(
            "youlin.E009",
            f"SEARCH_ENGINE must be one of {', '.join(ENGINES)}, not {engine!r}; "
            "searching the database instead.",
            "Set SEARCH_ENGINE to the server's kind and major version.",
        )
        return {"default": dict(DATABASE)}
    if analyzer not in TOKENIZERS:
        report(
            "youlin.E009",
            f"SEARCH_ANALYZER must be one of {', '.join(TOKENIZERS)}, not {analyzer!r}; "
            "using bigram.",
            "bigram needs no plugin; smartcn and nori need the search server's plugin.",
        )
        analyzer = "bigram"
    return {
        "default": {
            "BACKEND": ENGINES[engine],
            "URLS": [u.strip() for u in url.split(",") if u.strip()],
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "youlin_"),
            "TIMEOUT": 5,
            "INDEX_SETTINGS": {"settings": {"analysis": analysis(analyzer)}},
        }
    }
