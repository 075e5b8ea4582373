"""Timing helper shared by the bench scripts (they set up Django before calling it)."""

import statistics
import time


def measure(client, url, runs):
    """Median milliseconds of `runs` GETs of `url` after one warm-up, and the query count."""
    times, queries = timings(client, url, runs)
    return statistics.median(times) * 1000, queries


def timings(client, url, runs):
    """Seconds each of `runs` GETs of `url` took after one warm-up, and the query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured.captured_queries)
    return times, queries
