"""Site-wide search: each app registers a function that finds its own published content.

Text is matched through a normalised copy (lower case, accents removed) kept on each
record, so "developpement durable" finds "Développement Durable". On PostgreSQL that copy
is searched with French full-text search; elsewhere with a plain substring match.
"""

import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection

MAX_QUERY_LENGTH = 200
EXCERPT_CHARS = 220

_providers = []


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    kind: str
    text: str
    query: str
    rank: float = 0.0

    @property
    def excerpt(self):
        """Computed only for the results shown, not for every match."""
        return excerpt(self.text, self.query)


def register(provider):
    if provider not in _providers:
        _providers.append(provider)


def normalize(text):
    """Lower case without accents, one character for one, so offsets still match the original."""
    return "".join((unicodedata.normalize("NFKD", char)[:1] or char).lower() for char in text or "")


def terms(query):
    return [term for term in normalize(query).split() if len(term) > 1]


def search(query):
    results = []
    for provider in _providers:
        results.extend(provider(query))
    return sorted(results, key=lambda result: -result.rank)


def matching(queryset, query, field="search_text"):
    """Filter `queryset` to the records whose normalised text matches every word of `query`."""
    words = terms(query)
    if not words:
        return queryset.none()
    if connection.vendor == "postgresql":
        search_query = SearchQuery(" ".join(words), config="french", search_type="plain")
        vector = SearchVector(field, config="french")
        return (
            queryset.annotate(rank=SearchRank(vector, search_query))
            .filter(rank__gt=0)
            .order_by("-rank")
        )
    for word in words:
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset


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
