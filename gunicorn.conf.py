"""gunicorn's settings for production: `gunicorn config.wsgi` reads this file by itself.

The timeout is set on purpose. A request that takes longer than TIMEOUT seconds (30) is
killed and its worker replaced, so one slow request cannot hold a worker for minutes. The
slowest legitimate request is publishing a page, which makes its pictures' renditions: uploads
are limited to IMAGE_MAX_MEGAPIXELS (40) so each stays at a second or two (a 121-megapixel
photo took ~5 s and 1.1 GB per rendition before the limit), and publishing starts no new
picture after a third of TIMEOUT (home/renditions.py). Raise both together, never one alone.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Behind a reverse proxy that buffers slow clients; keep-alive only to the proxy.
keepalive = 5
# Recycle workers now and then so a leak in an image library cannot grow without bound.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
