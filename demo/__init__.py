"""The demo site: its content as data (content/*.toml) and `manage.py load_demo`, which builds it.

Installed only by the development and test settings; no production app imports it.
"""
