"""Shared page trees built once per test process and replayed as rows in later tests.

Publishing a page runs Wagtail's whole machinery (revisions, translations, the
reference index, occurrences, feeds invalidation); a fixture like `calendar` publishes
24 pages. The first time a fixture runs in a process it is built for real, inside the
test's transaction, and the rows it inserted, changed and deleted are recorded. Later
tests that start from the same database state get those rows written back with plain
SQL (a few dozen milliseconds) and the fixture's objects fetched again by primary key;
the test's rollback removes them as usual. The database a test sees is the same either
way, row for row and id for id.

A recording is only replayed when it fits: the tables it writes hold the same number of
rows up to the same highest id as when it was made, and the rows it changes or deletes
are unchanged. Otherwise (a test created pages under the home page first, say) the
fixture is built for real again. Transactional tests (live server, demo) replay too, from
recordings made in transactional tests: their rows are committed, and the flush after the
test removes them.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.utils import timezone

# SQLite's full-text table (and its shadow tables) is kept by triggers on the search index
# entries, so replaying those rows fills it.
FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


@dataclass
class Table:
    name: str
    key: str  # primary key column ("rowid" for tables without one)
    columns: list


@dataclass
class Recording:
    before: dict  # table -> its row count before the fixture ran, for each table written
    deleted: dict  # table -> {key: row as it was}
    updated: dict  # table -> {key: (row before, row after)}
    inserted: dict  # table -> [rows]
    result: object  # the fixture's value with model instances as references


@dataclass(frozen=True)
class Ref:
    model: str
    pk: object


_tables = {}  # database name -> [Table]
_recordings = {}  # (database name, fixture name, search auto-update) -> [Recording]


def _quote(name):
    return connection.ops.quote_name(name)


def tables():
    """Every table of the test database with its key and columns (read once per process)."""
    name = connection.settings_dict["NAME"]
    if name in _tables:
        return _tables[name]
    found = []
    with connection.cursor() as cursor:
        table_names = connection.introspection.table_names(cursor)
        virtual = set()
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = {row[0] for row in cursor.fetchall()}
        for table in table_names:
            if (
                table.startswith("sqlite_")
                or table in virtual
                or any(table == f"{v}{suffix}" for v in virtual for suffix in FTS_SHADOWS)
            ):
                continue
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            key = connection.introspection.get_primary_key_column(cursor, table)
            if key is None:
                if connection.vendor != "sqlite":
                    continue  # nothing of ours: every Django table has a primary key
                key = "rowid"
                columns = ["rowid", *columns]
            found.append(Table(table, key, columns))
    _tables[name] = found
    return found


def _select(table, where="", params=()):
    if connection.vendor == "postgresql":
        # As text, so that every type (jsonb, tsvector, arrays) goes back in as it came out.
        columns = ", ".join(f"{_quote(c)}::text" for c in table.columns)
    else:
        # "+column" has no declared type, so sqlite3 hands back the stored value unconverted.
        columns = ", ".join("rowid" if c == "rowid" else f"+{_quote(c)}" for c in table.columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {_quote(table.name)} {where}", params)  # noqa: S608
        return cursor.fetchall()


def _key_index(table):
    return table.columns.index(table.key)


def _dump():
    """{table: {key: row}} of the whole database."""
    return {table.name: _dump_table(table) for table in tables()}


def _key_sql(table):
    key = "rowid" if table.key == "rowid" else _quote(table.key)
    return f"{key}::text" if connection.vendor == "postgresql" else key


def _counts(checks):
    """{table: (row count, how many of `keys` it holds)} for {table: keys}, in one query."""
    by_name = {t.name: t for t in tables()}
    parts, params = [], []
    for name, keys in checks.items():
        if keys:
            present = f"COALESCE(SUM(CASE WHEN {_key_sql(by_name[name])} IN ({', '.join(['%s'] * len(keys))}) THEN 1 ELSE 0 END), 0)"  # noqa: E501
        else:
            present = "0"
        parts.append(f"SELECT %s, COUNT(*), {present} FROM {_quote(name)}")  # noqa: S608
        params += [name, *keys]
    if not parts:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return {name: (int(count), int(present)) for name, count, present in cursor.fetchall()}


def _freeze(value):
    if isinstance(value, models.Model):
        return Ref(value._meta.label, value.pk)
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{k: _freeze(v) for k, v in vars(value).items()})
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_freeze(v) for v in value)
    if value is None or isinstance(
        value, (str, int, float, bool, Decimal, datetime.date, datetime.time)
    ):
        return value
    raise TypeError(f"cannot replay a fixture value of type {type(value).__name__}")


def _thaw(value, found):
    if isinstance(value, Ref):
        return found[value]
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{k: _thaw(v, found) for k, v in vars(value).items()})
    if isinstance(value, dict):
        return {k: _thaw(v, found) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_thaw(v, found) for v in value)
    return value


def _refs(value, into):
    if isinstance(value, Ref):
        into.setdefault(value.model, set()).add(value.pk)
    elif isinstance(value, SimpleNamespace):
        for v in vars(value).values():
            _refs(v, into)
    elif isinstance(value, dict):
        for v in value.values():
            _refs(v, into)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _refs(v, into)
    return into


def _fetch(result):
    found = {}
    for label, pks in _refs(result, {}).items():
        model = apps.get_model(label)
        for obj in model._default_manager.filter(pk__in=pks):
            found[Ref(label, obj.pk)] = obj
    return _thaw(result, found)


def _record(build):
    before = _dump()
    result = build()
    after = _dump()
    deleted, updated, inserted = {}, {}, {}
    for table in tables():
        old, new = before[table.name], after[table.name]
        gone = {k: row for k, row in old.items() if k not in new}
        changed = {k: (old[k], row) for k, row in new.items() if k in old and old[k] != row}
        added = [row for k, row in new.items() if k not in old]
        if gone:
            deleted[table.name] = gone
        if changed:
            updated[table.name] = changed
        if added:
            inserted[table.name] = added
    touched = set(deleted) | set(updated) | set(inserted)
    counts = {name: len(before[name]) for name in touched}
    return result, Recording(counts, deleted, updated, inserted, _freeze(result))


def _fits(recording):
    by_name = {t.name: t for t in tables()}
    new_keys = {
        name: [row[_key_index(by_name[name])] for row in recording.inserted.get(name, ())]
        for name in recording.before
    }
    expected_counts = {name: (count, 0) for name, count in recording.before.items()}
    if _counts(new_keys) != expected_counts:
        return False
    by_name = {t.name: t for t in tables()}
    expected = {}
    for name, rows in recording.deleted.items():
        expected.setdefault(name, {}).update(rows)
    for name, rows in recording.updated.items():
        expected.setdefault(name, {}).update({k: old for k, (old, _new) in rows.items()})
    for name, rows in expected.items():
        table = by_name[name]
        keys = list(rows)
        placeholders = ", ".join(["%s"] * len(keys))
        current = _select(table, f"WHERE {_key_sql(table)} IN ({placeholders})", keys)
        index = _key_index(table)
        if {row[index]: row for row in current} != rows:
            return False
    return True


def _write(recording):
    by_name = {t.name: t for t in tables()}
    with connection.cursor() as cursor:
        for name, rows in recording.deleted.items():
            cursor.executemany(
                f"DELETE FROM {_quote(name)} WHERE {_key_sql(by_name[name])} = %s",  # noqa: S608
                [(k,) for k in rows],
            )
        for name, rows in recording.updated.items():
            table = by_name[name]
            columns = [c for c in table.columns if c != table.key]
            assignments = ", ".join(f"{_quote(c)} = %s" for c in columns)
            indexes = [table.columns.index(c) for c in columns]
            cursor.executemany(
                f"UPDATE {_quote(name)} SET {assignments} WHERE {_key_sql(table)} = %s",  # noqa: S608
                [[new[i] for i in indexes] + [k] for k, (_old, new) in rows.items()],
            )
        for name, rows in recording.inserted.items():
            table = by_name[name]
            columns = ", ".join("rowid" if c == "rowid" else _quote(c) for c in table.columns)
            placeholders = ", ".join(["%s"] * len(table.columns))
            cursor.executemany(
                f"INSERT INTO {_quote(name)} ({columns}) VALUES ({placeholders})",  # noqa: S608
                rows,
            )


def search_indexing_on():
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("AUTO_UPDATE", True)


def replayed(name, build):
    """`build()`'s value, built for real or replayed from this process's recording."""
    # Fixtures date their events from today: a recording is only good for its own day. A
    # transactional test (no atomic block around it) builds with every commit's hooks run
    # (wagtail-localize's, say), a plain test without: each replays only its own kind.
    key = (
        connection.settings_dict["NAME"],
        name,
        search_indexing_on(),
        timezone.localdate(),
        connection.in_atomic_block,
    )
    for recording in _recordings.get(key, ()):
        if _fits(recording):
            # Foreign keys are checked at the end, as in a plain test's transaction.
            with transaction.atomic():
                _write(recording)
            # Caches that a real build would have invalidated (site root paths, feeds).
            cache.clear()
            return _fetch(recording.result)
    result, recording = _record(build)
    if recording is not None:
        _recordings.setdefault(key, []).append(recording)
    return result


def dump_database():
    """Every row of every table Django flushes, for `write_database` after a flush."""
    flushed = set(connection.introspection.django_table_names(only_existing=True))
    return {
        table.name: list(rows.values())
        for table in tables()
        if table.name in flushed and (rows := _dump_table(table))
    }


def write_database(rows):
    """Write back what `dump_database` returned, into a database just flushed."""
    _write(Recording({}, {}, {}, rows, None))


def _dump_table(table):
    index = _key_index(table)
    return {row[index]: row for row in _select(table)}
