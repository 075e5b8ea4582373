"""Settings: base.py holds everything; dev, test and production adjust it."""
