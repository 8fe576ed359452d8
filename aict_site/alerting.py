"""What subscribers to alerts can follow: each app registers a Source of the items it
publishes (calls, events, news), so the alerts app names no app.

An item carries facets, the values a subscriber's criteria are compared with (an authority
type, themes, countries, a département…). A facet an item does not restrict (a scheme open to
every type, an online event) is None: it matches any choice.
"""

from dataclasses import dataclass, field


@dataclass
class Item:
    source: str
    pk: int
    title: str
    url: str
    # One line under the title: the deadline, the date, the day it was published.
    detail: str
    # When it became news for a subscriber: published or last changed.
    changed_at: object
    facets: dict = field(default_factory=dict)


class Source:
    """The items of one kind published or changed since a moment, still worth telling."""

    key = ""

    def new_items(self, since):
        raise NotImplementedError

    def choices(self):
        """{facet: [(value, label)]} for the facets the shared vocabularies do not hold."""
        return {}


_sources = {}


def register(source):
    _sources[source.key] = source


def sources():
    return dict(_sources)


def matches(item, criteria):
    """True when, for each facet the criteria choose, the item has one of the chosen values
    or does not restrict that facet."""
    for facet, wanted in criteria.items():
        have = item.facets.get(facet)
        if wanted and have is not None and not set(map(str, wanted)) & set(map(str, have)):
            return False
    return True
