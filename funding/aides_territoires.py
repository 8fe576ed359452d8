"""Aides-territoires' API, read for the watch list (manage.py watch_aides_territoires): a token
from the API key (POST /connexion/, header X-AUTH-TOKEN), then the aids open to communes,
intercommunalités, départements and regions that deal with international or decentralised
cooperation (GET /aids/, paged). Standard library only: one JSON client, no dependency."""

import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import date, datetime

from django.conf import settings
from django.utils.dateparse import parse_datetime

AUDIENCES = ["commune", "epci", "department", "region"]
SEARCHES = ["coopération décentralisée", "coopération internationale"]
MAX_PAGES = 50
# The fields kept from a record whose licence is not open: what a link needs.
LINK_ONLY = {"source_id", "name", "url", "financers", "start_date", "submission_deadline",
             "date_updated", "open_licence"}  # fmt: skip


class SourceError(Exception):
    """The API could not be read; the message says why, for the command's output."""


def _request(url, **options):
    """A request to the API's own host only: a « next » page pointing elsewhere (another
    scheme, another site) is refused."""
    base = urllib.parse.urlsplit(settings.AIDES_TERRITOIRES_API_URL)
    target = urllib.parse.urlsplit(url)
    if target.scheme not in ("http", "https") or (target.scheme, target.netloc) != (
        base.scheme,
        base.netloc,
    ):
        raise SourceError(f"refused to follow {url}: not the API's address")
    return urllib.request.Request(url, **options)  # noqa: S310 - scheme and host checked


def _call(request):
    try:
        timeout = settings.AIDES_TERRITOIRES_TIMEOUT
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            return json.loads(answer.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise SourceError(f"HTTP {error.code} at {request.full_url}") from None
    except (urllib.error.URLError, TimeoutError) as error:
        reason = getattr(error, "reason", error)
        raise SourceError(f"no answer from {request.full_url} ({reason})") from None
    except ValueError:
        raise SourceError(f"not JSON at {request.full_url}") from None


def token():
    request = _request(
        f"{settings.AIDES_TERRITOIRES_API_URL}/connexion/",
        method="POST",
        headers={"X-AUTH-TOKEN": settings.AIDES_TERRITOIRES_API_KEY, "Accept": "application/json"},
    )
    answer = _call(request)
    if not isinstance(answer, dict) or not answer.get("token"):
        raise SourceError("no token in the answer to /connexion/")
    return answer["token"]


def aids(bearer):
    """Every aid of every search, once each, as the API gives them."""
    seen = {}
    for text in SEARCHES:
        query = urllib.parse.urlencode(
            [("text", text), *(("targeted_audiences", a) for a in AUDIENCES)]
        )
        url = f"{settings.AIDES_TERRITOIRES_API_URL}/aids/?{query}"
        for _page in range(MAX_PAGES):
            headers = {"Authorization": f"Bearer {bearer}", "Accept": "application/json"}
            answer = _call(_request(url, headers=headers))
            if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
                raise SourceError(f"no list of results at {url}")
            for record in answer["results"]:
                key = record.get("id") if isinstance(record, dict) else None
                seen.setdefault(key, record)
            url = answer.get("next")
            if not url:
                break
    return list(seen.values())


def _names(value):
    if isinstance(value, list):
        return ", ".join(str(item.get("name", item) if isinstance(item, dict) else item)
                         for item in value)  # fmt: skip
    return str(value or "")


def _day(value):
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _moment(value):
    parsed = parse_datetime(str(value)) if value else None
    return parsed if isinstance(parsed, datetime) else None


def _link(value):
    value = str(value or "")
    return value if value.startswith(("https://", "http://")) else ""


def fields_of(record):
    """The watch list's fields for one API record, or None when it is malformed (no number,
    no title)."""
    if not isinstance(record, dict):
        return None
    number, name = record.get("id"), record.get("name")
    if not isinstance(number, int) or number <= 0 or not isinstance(name, str) or not name.strip():
        return None
    licence = record.get("import_share_licence")
    fields = {
        "source_id": number,
        "name": name.strip()[:500],
        "url": _link(record.get("url")),
        "financers": _names(record.get("financers"))[:500],
        "description": str(record.get("description") or ""),
        "eligibility": str(record.get("eligibility") or ""),
        "perimeter": _names(record.get("perimeter"))[:200],
        "targeted_audiences": _names(record.get("targeted_audiences"))[:500],
        "categories": _names(record.get("categories"))[:500],
        "start_date": _day(record.get("start_date")),
        "submission_deadline": _day(record.get("submission_deadline")),
        "origin_url": _link(record.get("origin_url")),
        "application_url": _link(record.get("application_url")),
        # Aides-territoires' own records are under the Licence Ouverte; an imported one says
        # its licence.
        "open_licence": licence in (None, "", "openlicence"),
        "date_updated": _moment(record.get("date_updated")),
    }
    if not fields["open_licence"]:
        fields = {key: value for key, value in fields.items() if key in LINK_ONLY}
    return fields
