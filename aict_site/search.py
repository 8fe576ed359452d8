"""Site-wide search: each app registers a function that finds its own published content.

Text is matched through a normalised copy (lower case, accents removed) kept on each
record, so "developpement durable" finds "Développement Durable". On PostgreSQL that copy
is searched with French full-text search; elsewhere with a plain substring match.
"""

import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, FloatField, Value, Window

MAX_QUERY_LENGTH = 200
EXCERPT_CHARS = 220

_sources = []


@dataclass
class Result:
    rank: float
    source: "Source"
    row: dict
    title: str = ""
    kind: str = ""
    url: str = ""
    text: str = ""
    query: str = ""

    @property
    def excerpt(self):
        return excerpt(self.text, self.query)


class Source:
    """One kind of record the site search finds, registered by the app that owns it.

    Finding reads a few columns of every match; only the results shown are then read whole,
    one query per source, for their address and excerpt. A query can match hundreds of
    records, and building them, reversing URLs and stripping rich text cost more than
    finding them.
    """

    columns = ("title",)

    def queryset(self):
        raise NotImplementedError

    def matches_queryset(self):
        """Where matches are looked for: the records the search may show."""
        return self.queryset()

    def kind(self, row):
        raise NotImplementedError

    def title(self, row):
        return row["title"]

    def find(self, query, limit):
        """The best `limit` matches (a cheap part of each), and how many match in all."""
        matches = matching(self.matches_queryset(), query)
        rows, total = first_rows(matches, limit, "rank", *self.columns)
        return [Result(row["rank"], self, row) for row in rows], total

    def records(self, keys):
        return self.queryset().in_bulk(keys)

    def url(self, record):
        return record.get_absolute_url()

    def text(self, record):
        raise NotImplementedError

    def complete(self, results):
        records = self.records([result.row["pk"] for result in results])
        for result in results:
            record = records[result.row["pk"]]
            result.title = self.title(result.row)
            result.kind = self.kind(result.row)
            result.url = self.url(record)
            result.text = self.text(record)


def first_rows(queryset, limit, *columns):
    """The first `limit` rows of `queryset` (pk and `columns`) and how many rows it has in all,
    in one query: the count is a window over the whole result, taken before the limit."""
    rows = list(
        queryset.annotate(total_rows=Window(Count("pk"))).values("pk", "total_rows", *columns)[
            :limit
        ]
    )
    return rows, rows[0]["total_rows"] if rows else 0


def register(source):
    if not any(type(known) is type(source) for known in _sources):
        _sources.append(source)


def search(query, limit):
    """The `limit` best matches for `query`, complete, and how many there are in all."""
    found, total = [], 0
    for source in _sources:
        results, count = source.find(query, limit)
        found.extend(results)
        total += count
    found.sort(key=lambda result: -result.rank)
    shown = found[:limit]
    for source in _sources:
        mine = [result for result in shown if result.source is source]
        if mine:
            source.complete(mine)
    for result in shown:
        result.query = query
    return shown, total


class _Folding(dict):
    """Each character's accent-free lower-case form, worked out once, then looked up in C
    by str.translate (a per-character Python loop cost 40 ms on a long page)."""

    def __missing__(self, codepoint):
        char = chr(codepoint)
        folded = self[codepoint] = (unicodedata.normalize("NFKD", char)[:1] or char).lower()
        return folded


_FOLDING = _Folding()


def normalize(text):
    """Lower case without accents, one character for one, so offsets still match the original."""
    return (text or "").translate(_FOLDING)


def terms(query):
    return [term for term in normalize(query).split() if len(term) > 1]


def matching(queryset, query, field="search_text"):
    """Filter `queryset` to the records whose normalised text matches every word of `query`."""
    words = terms(query)
    if not words:
        return queryset.none()
    if connection.vendor == "postgresql":
        search_query = SearchQuery(" ".join(words), config="french", search_type="plain")
        vector = SearchVector(field, config="french")
        # `@@` on the same expression as search_index(), so PostgreSQL can use the index.
        return (
            queryset.annotate(search_vector=vector)
            .filter(search_vector=search_query)
            .annotate(rank=SearchRank(vector, search_query))
            .order_by("-rank", "pk")
        )
    for word in words:
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset.annotate(rank=Value(0.0, output_field=FloatField()))


def search_index(model_label, field="search_text"):
    """A migration operation adding, on PostgreSQL only, the full-text index `matching` uses.

    Written as SQL because Django's GinIndex would also be created on SQLite, which has no
    such index; the expression is the one SearchVector(field, config="french") compiles to.
    """
    from django.db import migrations

    def names(apps):
        table = apps.get_model(model_label)._meta.db_table
        return table, f"{table}_{field}_fts"

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            table, index = names(apps)
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {index} ON {table} "
                f"USING gin (to_tsvector('french'::regconfig, COALESCE({field}, '')))"
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {names(apps)[1]}")

    return migrations.RunPython(create, drop)


def excerpt(text, query):
    """The passage of `text` around the first word of the query found in it."""
    text = " ".join((text or "").split())
    haystack = normalize(text)
    positions = [haystack.find(word) for word in terms(query)]
    positions = [p for p in positions if p >= 0]
    # Stemmed matches on PostgreSQL may not contain the word as typed: show the start.
    start = max(0, min(positions) - EXCERPT_CHARS // 3) if positions else 0
    if start:
        # Begin at a word, not in the middle of one.
        start = text.find(" ", start) + 1 or start
    passage = text[start : start + EXCERPT_CHARS]
    prefix = "… " if start else ""
    suffix = " …" if start + EXCERPT_CHARS < len(text) else ""
    return f"{prefix}{passage}{suffix}"
