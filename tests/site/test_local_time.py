"""Every date and time the site writes is Paris time, whether a template or Python code writes
it (feeds, alert digests, emails): a call opening at midnight is not dated the day before, an
event at 14:00 is not announced at 13:00, on either side of a change of daylight saving time."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from aict_site.templatetags.french import day
from events.alerts import EventSource
from tests.events.builders import make_event
from tests.funding.builders import make_call, make_scheme

PARIS = ZoneInfo("Europe/Paris")
UTC = ZoneInfo("UTC")


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("moment", "written"),
    [
        (paris(2024, 3, 1, 0, 0), "vendredi 1er mars 2024, 00:00"),  # 29 Feb, 23:00 UTC
        (paris(2025, 3, 30, 14, 0), "dimanche 30 mars 2025, 14:00"),  # summer time began at 2:00
        (paris(2025, 10, 26, 14, 0), "dimanche 26 octobre 2025, 14:00"),  # it ended at 3:00
        (paris(2025, 10, 26, 0, 30), "dimanche 26 octobre 2025, 00:30"),  # 25 Oct, 22:30 UTC
    ],
)
def test_a_moment_is_written_in_paris_time_from_python(moment, written):
    assert day(moment.astimezone(UTC), "l j F Y, H:i") == written


@pytest.mark.django_db
def test_the_calls_feed_dates_an_opening_at_midnight_on_its_own_day(client):
    scheme = make_scheme("Appel généraliste")
    make_call(scheme, "Édition 2024", opens_at=paris(2024, 3, 1), closes_at=paris(2024, 5, 31))
    feed = client.get("/financements/flux/").content.decode()
    assert "Ouverture\u00a0: 1er mars 2024." in feed
    assert "29 février" not in feed


@pytest.mark.django_db
@pytest.mark.parametrize(
    "starts_at",
    [paris(2027, 3, 28, 14, 0), paris(2027, 10, 31, 14, 0), paris(2027, 1, 12, 14, 0)],
)
def test_an_alert_digest_announces_an_event_at_its_paris_hour(starts_at):
    made = make_event("Atelier FICOL", starts_at=starts_at, ends_at=starts_at.replace(hour=16))
    event = type(made).objects.get(pk=made.pk)  # as the digest reads it: in UTC
    detail = EventSource().item(event).detail
    assert "14:00" in detail and "13:00" not in detail and "12:00" not in detail
    assert timezone.localtime(event.starts_at).hour == 14
