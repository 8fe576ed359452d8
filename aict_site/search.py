"""Site-wide search: each app registers a Source that finds its own published content.

Text is matched through a normalised copy (lower case, accents removed) kept on each
record, so "developpement durable" finds "Développement Durable". Each database searches
that copy with its own full-text engine, each word of the query matching the words of the
text it begins: on PostgreSQL, French full-text search (stemmed) through a vector a trigger
keeps from it; on SQLite, an FTS5 index (aict_site.fulltext).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, FloatField, Value, Window
from django.db.models.expressions import RawSQL
from django.urls import reverse

from . import fulltext
from .caching.fragments import kept_each
from .caching.memory import remembered

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

    Every source's matches are found by one query for all of them (`search`); only the
    results shown are then read whole, one query per kind shown, for their address and
    excerpt. A query can match hundreds of records, and building them, reversing URLs and
    stripping rich text cost more than finding them.

    A source that finds its records another way (`united = False`) has its own
    `find(query, limit)`, returning (results, how many match).
    """

    united = True
    # What a shown record reads (besides pk), as dicts: `columns` for its title and kind,
    # `record_fields` for its address and text.
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

    def records(self, keys):
        fields = dict.fromkeys(("pk", *self.columns, *self.record_fields))
        rows = self.queryset().filter(pk__in=keys).values(*fields)
        return {row["pk"]: row for row in rows}

    def read_rows(self, results):
        """Each result's row, read whole (finding read its key and rank only)."""
        records = self.records([result.row["pk"] for result in results])
        for result in results:
            result.row = records[result.row["pk"]]

    def url(self, record):
        return reverse(self.url_name, kwargs={"slug": record["slug"]})

    def text(self, record):
        raise NotImplementedError

    def complete(self, results):
        self.read_rows(results)
        for result in results:
            result.title = self.title(result.row)
            result.kind = self.kind(result.row)
            result.url = self.url(result.row)
            result.text = self.text(result.row)


def register(source):
    if not any(type(known) is type(source) for known in _sources):
        _sources.append(source)


# Stand for the words of a query while the query finding every source is compiled.
_PLACEHOLDER = "aictword{}x"


def finding_sql(count, limit):
    """SQL and parameters of one query returning, for every source, its best `limit`
    matches (source's index, pk, rank) and how many match in all, for `count` words
    standing as placeholders. Building and compiling ten ORM querysets cost about 15 ms a
    search; the result is kept (`united_query`)."""
    sources = _united()
    words = [_PLACEHOLDER.format(index) for index in range(count)]
    parts, params = [], []
    for index, source in enumerate(sources):
        queryset = (
            matching_words(source.matches_queryset(), words)
            .annotate(total_rows=Window(Count("pk")))
            .values("pk", "rank", "total_rows")[:limit]
        )
        sql, part_params = queryset.query.sql_with_params()
        # Only the ORM's SQL and an index go in: what a visitor typed is a parameter.
        parts.append(
            f'SELECT {index} AS "source", ROW_NUMBER() OVER () AS "position", "pk", "rank", '  # noqa: S608
            f'"total_rows" FROM ({sql}) AS "found{index}"'
        )
        params.extend(part_params)
    # No ORDER BY over the union: merging ten sorted parts costs SQLite more than sorting
    # three hundred short rows here.
    return " UNION ALL ".join(parts), params


def _united():
    return [source for source in _sources if source.united]


def united_query(words, limit):
    """The compiled finding query with `words` put in. Kept per content version, and at most
    a clock period, as the querysets compare dates with the time they were built at
    (scheduled publication): a scheduled record is found within that time of being due."""
    sql, params = remembered(finding_sql, len(words), limit, clock=True)
    filled = []
    for param in params:
        if isinstance(param, str) and "aictword" in param:
            for index, word in enumerate(words):
                param = param.replace(_PLACEHOLDER.format(index), word)
        filled.append(param)
    return sql, filled


def search(query, limit):
    """The `limit` best matches for `query`, complete, and how many there are in all."""
    words = query_words(query)
    if not query.strip():
        return [], 0
    united = _united()
    by_source, totals = {}, {}
    # A query of signs alone (« 1 % ») matches no indexed word, but a source of its own may.
    if words:
        with connection.cursor() as cursor:
            cursor.execute(*united_query(words, limit))
            for index, _position, pk, rank, total_rows in sorted(cursor.fetchall()):
                by_source.setdefault(united[index], []).append(
                    Result(rank, united[index], {"pk": pk})
                )
                totals[index] = total_rows
    found, total = [], sum(totals.values())
    for source in _sources:
        if source.united:
            found.extend(by_source.get(source, []))
        else:
            results, count = source.find(query, limit)
            found.extend(results)
            total += count
    found.sort(key=lambda result: -result.rank)
    shown = found[:limit]
    for source in _sources:
        mine = [result for result in shown if result.source is source]
        if mine:
            completed(source, mine)
    for result in shown:
        result.query = query
    return shown, total


def completed(source, results):
    """Each result's title, kind, address and text, kept per record like a card: a search
    then reads and builds only the records it has not shown lately (a shown page's address
    and its body's plain text cost more than finding it). Kept a clock period at most: an
    address may name a page scheduled to appear."""
    label = f"{type(source).__module__}.{type(source).__qualname__}"

    def complete(missing):
        source.complete(missing)
        return [(result.title, result.kind, result.url, result.text) for result in missing]

    values = kept_each(
        f"search:{label}", results, lambda result: (result.row["pk"],), complete, clock=True
    )
    for result, (title, kind, url, text) in zip(results, values, strict=True):
        result.title, result.kind, result.url, result.text = title, kind, url, text


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


# What SQLite's FTS5 tokenizer (unicode61) takes as a word: letters and digits.
_TOKEN = re.compile(r"[^\W_]+")


def query_words(query):
    """The words the databases' engines match, split as their indexes split the text
    (« d'eau », « st-omer »: two words each): only letters and digits, never syntax of
    either engine."""
    return [token for word in terms(query) for token in _TOKEN.findall(word) if len(token) > 1]


def matching(queryset, query):
    """Filter `queryset` to the records whose normalised text matches every word of `query`."""
    words = query_words(query)
    if not words:
        return queryset.none()
    return matching_words(queryset, words)


def matching_words(queryset, words):
    """`words` as `query_words` gives them."""
    if connection.vendor == "postgresql":
        # The vector the trigger keeps (search_index): indexed, and parsed once, at save.
        # Each word a prefix, as on SQLite: « zanzi » finds Zanzibar.
        search_query = SearchQuery(
            " & ".join(f"{word}:*" for word in words), config="french", search_type="raw"
        )
        return (
            queryset.filter(search_vector=search_query)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "pk")
        )
    # Each word a quoted prefix: every word of the query begins a word of the text.
    index = fulltext.index_table(queryset.model)
    found = RawSQL(  # noqa: S611 - the words are a parameter
        f'SELECT rowid FROM "{index}" WHERE "{index}" MATCH %s',  # noqa: S608 - a table name
        [" ".join(f'"{word}"*' for word in words)],
    )
    return queryset.filter(pk__in=found).annotate(rank=Value(0.0, output_field=FloatField()))


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
