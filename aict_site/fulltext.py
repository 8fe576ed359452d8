"""SQLite's own full-text engine (FTS5) for the site search: an index of each searchable
table's `search_text` (the accent-free lower-case copy every such model keeps), so that a
search reads an index instead of scanning every text with LIKE. PostgreSQL has its stored
`tsvector` instead (aict_site.search.search_index).

Kept in step by triggers on the table, whoever writes (admin, loaders, bulk updates, a
restore). Made after every `migrate` (post_migrate), not in a migration: SQLite rebuilds a
table when a migration alters it, which drops its triggers; re-made and re-indexed after
each migrate, they cannot be lost that way. Any model with a `search_text` field is covered,
without being named here.
"""

from django.apps import apps
from django.db import connections

SUFFIX = "_fts"


def searchable_models():
    return [
        model
        for model in apps.get_models()
        if any(field.name == "search_text" for field in model._meta.concrete_fields)
    ]


def index_table(model):
    return model._meta.db_table + SUFFIX


def statements(model):
    # Names of the project's own tables and columns only: nothing typed goes in.
    table, fts, key = model._meta.db_table, index_table(model), model._meta.pk.column
    insert = f'INSERT INTO "{fts}"(rowid, search_text) VALUES (new."{key}", new.search_text);'  # noqa: S608
    delete = (
        f'INSERT INTO "{fts}"("{fts}", rowid, search_text) '  # noqa: S608
        f"VALUES ('delete', old.\"{key}\", old.search_text);"
    )
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5(search_text, '
        f"content='{table}', content_rowid='{key}', tokenize='unicode61 remove_diacritics 2')",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_insert" AFTER INSERT ON "{table}" BEGIN {insert} END',
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_delete" AFTER DELETE ON "{table}" BEGIN {delete} END',
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_update" AFTER UPDATE OF search_text ON "{table}" '
        f"BEGIN {delete} {insert} END",
        # From the table itself: whatever was written while the triggers were missing.
        f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')',  # noqa: S608
    ]


def ensure(using="default", **kwargs):
    """post_migrate: every searchable table has its index and triggers, and the index is
    rebuilt from the table."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for model in searchable_models():
            table = model._meta.db_table
            # A migrate to an earlier state leaves some tables, or their column, to come.
            if table not in tables or "search_text" not in {
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            }:
                continue
            for statement in statements(model):
                cursor.execute(statement)
