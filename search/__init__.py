"""Site search in Chinese, Korean and English (see docs/search.md).

`text` turns text and queries into index terms (pure Python), `backend` makes
Wagtail's database search backend index and query those terms, `queries`
builds the visitor's search, `views` serves the results page and suggestions.
"""
