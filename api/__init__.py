"""The public, read-only JSON API for the community's app, mini-programs and aggregators.

A django-ninja API of the project's own under /api/v3/ (`urls.py`): events by occurrence
(`events.py`) and the directory (`directory.py`), each answer in the requested language,
with ETag/Last-Modified, CORS and 400s that name the parameter (`http.py`, `params.py`).
It reads through the calendar's and the directory's own querysets; no app imports it.
"""
