"""Site-wide search: each app registers a Source that finds its own published content.

Text is matched through a normalised copy (lower case, accents removed) kept on each
record, so "developpement durable" finds "Développement Durable". On PostgreSQL that copy
is searched with French full-text search, through a vector a trigger keeps from it;
elsewhere with a plain substring match.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, FloatField, Value, Window
from django.urls import reverse

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

    # What every match reads (besides pk and rank), and what a shown record reads, as dicts.
    columns = ("title",)
    record_fields = ("slug",)
    url_name = ""

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
        rows = self.queryset().filter(pk__in=keys).values("pk", *self.record_fields)
        return {row["pk"]: row for row in rows}

    def url(self, record):
        return reverse(self.url_name, kwargs={"slug": record["slug"]})

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
        # The vector the trigger keeps (search_index): indexed, and parsed once, at save.
        search_query = SearchQuery(" ".join(words), config="french", search_type="plain")
        return (
            queryset.filter(search_vector=search_query)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "pk")
        )
    for word in words:
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset.annotate(rank=Value(0.0, output_field=FloatField()))


def search_index(model_label):
    """A migration operation that, on PostgreSQL only, keeps `search_vector` from
    `search_text` with a trigger and indexes it, so that searching and ranking read a
    stored vector instead of parsing every matching text again (tens of ms a query).

    SQL, because SQLite has no tsvector, full-text functions or GIN indexes; there the column
    stays empty and `matching` uses search_text. A trigger, not save(), so that every write
    (admin, loaders, bulk_create, restore) keeps the vector right.
    """
    from django.db import migrations

    def table_of(apps):
        return apps.get_model(model_label)._meta.db_table

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = table_of(apps)
        for statement in (
            "CREATE OR REPLACE FUNCTION aict_search_vector() RETURNS trigger AS $$ BEGIN "
            "NEW.search_vector := to_tsvector('french', COALESCE(NEW.search_text, '')); "
            "RETURN NEW; END $$ LANGUAGE plpgsql",
            f"CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE OF search_text "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION aict_search_vector()",
            f"CREATE INDEX {table}_search_vector ON {table} USING gin (search_vector)",
            f"UPDATE {table} SET search_vector = to_tsvector('french', COALESCE(search_text, ''))",  # noqa: S608 - a model's table, not input
        ):
            schema_editor.execute(statement)

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            table = table_of(apps)
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search_vector ON {table}")
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_vector")

    return migrations.RunPython(create, drop)


# What an accent-free letter of a query may be in French text. Matching the text as it is,
# rather than folding a whole page to find a word, keeps excerpts cheap.
_VARIANTS = {
    "a": "aàâäáã", "c": "cç", "e": "eéèêë", "i": "iîïíì", "o": "oôöóò",
    "u": "uùûüú", "y": "yÿý", "n": "nñ",
}  # fmt: skip


@lru_cache(maxsize=64)
def words_pattern(words):
    """A pattern finding any of `words` (normalised) in text written with accents and capitals."""
    if not words:
        return re.compile(r"(?!)")
    alternatives = (
        "".join(f"[{_VARIANTS[char]}]" if char in _VARIANTS else re.escape(char) for char in word)
        for word in words
    )
    return re.compile("|".join(alternatives), re.IGNORECASE)


def excerpt(text, query):
    """The passage of `text` around the first word of the query found in it."""
    text = " ".join((text or "").split())
    found = words_pattern(tuple(terms(query))).search(text)
    # Stemmed matches on PostgreSQL may not contain the word as typed: show the start.
    start = max(0, found.start() - EXCERPT_CHARS // 3) if found else 0
    if start:
        # Begin at a word, not in the middle of one.
        start = text.find(" ", start) + 1 or start
    passage = text[start : start + EXCERPT_CHARS]
    prefix = "… " if start else ""
    suffix = " …" if start + EXCERPT_CHARS < len(text) else ""
    return f"{prefix}{passage}{suffix}"
