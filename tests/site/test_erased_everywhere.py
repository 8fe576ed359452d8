"""After an erasure or the purge, no table of the site holds the person: not the records, not
a revision of the event they registered for (the event admin no longer follows registrations
into its revisions, and a migration deleted the copies made before), not the admin's log."""

from datetime import timedelta

import pytest
import reversion
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from aict_site import personal_data
from events.models import Registration
from tests.events.builders import make_event, make_registration

NAME, EMAIL = "Dominique Effacée", "dominique.effacee@mairie-exemple.fr"


def tables_holding(*needles):
    """Every model and text column where one of `needles` appears."""
    found = []
    for model in apps.get_models():
        columns = [
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, models.CharField | models.TextField)
            and not getattr(field, "primary_key", False)
        ]
        for column in columns:
            for needle in needles:
                if model._default_manager.filter(**{f"{column}__icontains": needle}).exists():
                    found.append(f"{model._meta.label}.{column}")
    return found


def staff_history(event, registration, user):
    """What staff do with the event: edit it (a revision, as the admin makes one) and change
    the registration (an admin log entry naming the person)."""
    with reversion.create_revision():
        reversion.set_user(user)
        event.summary = "Résumé revu par l’équipe."
        event.save()
    LogEntry.objects.log_actions(
        user.pk, [registration], CHANGE, change_message="Statut modifié", single_object=True
    )


@pytest.mark.django_db
def test_an_erased_registrant_is_in_no_table(initial_content, django_user_model):
    import aict_site.admin_site  # noqa: F401 - the admin registers the models with reversion

    user = django_user_model.objects.create_superuser("equipe", "equipe@example.org", "x" * 20)
    event = make_event(capacity=20)
    registration = make_registration(event, name=NAME, email=EMAIL)
    staff_history(event, registration, user)
    assert tables_holding(EMAIL), "the test sees the address where it is"
    registration_type = ContentType.objects.get_for_model(Registration)
    assert not reversion.models.Version.objects.filter(content_type=registration_type).exists()

    personal_data.erase([EMAIL], user)

    assert tables_holding(EMAIL, NAME) == []
    assert reversion.models.Version.objects.get_for_object(event).exists(), "the event's kept"


@pytest.mark.django_db
def test_the_purge_leaves_no_copy_of_an_expired_registration(
    initial_content, django_user_model, settings
):
    user = django_user_model.objects.create_superuser("equipe", "equipe@example.org", "x" * 20)
    event = make_event(capacity=20)
    registration = make_registration(event, name=NAME, email=EMAIL)
    staff_history(event, registration, user)
    old = timezone.now() - timedelta(days=settings.VISITOR_DATA_RETENTION_DAYS + 1)
    Registration.objects.filter(pk=registration.pk).update(created_at=old)

    personal_data.purge_expired()

    assert tables_holding(EMAIL, NAME) == []


@pytest.mark.django_db
def test_the_migration_deletes_the_registrations_revisions_already_made(initial_content):
    import importlib

    event = make_event(capacity=20)
    registration = make_registration(event, name=NAME, email=EMAIL)
    # A revision as the admin made them before: the registration followed into it.
    registered_here = not reversion.is_registered(Registration)
    if registered_here:
        reversion.register(Registration)
    try:
        with reversion.create_revision():
            reversion.add_to_revision(event)
            reversion.add_to_revision(registration)
    finally:
        if registered_here:
            reversion.unregister(Registration)
    assert tables_holding(EMAIL)
    migration = importlib.import_module("events.migrations.0009_registrations_out_of_revisions")
    migration.forget(apps, None)
    assert [table for table in tables_holding(EMAIL) if "Version" in table] == []


@pytest.mark.django_db
def test_staff_login_records_are_purged_after_the_retention_the_privacy_page_states(
    client, initial_content, settings
):
    from axes.models import AccessAttempt, AccessLog
    from django.core.management import call_command

    from tests.helpers import squashed

    settings.STAFF_LOGIN_RECORDS_DAYS = 180
    old = timezone.now() - timedelta(days=181)
    for model, extra in ((AccessLog, {}), (AccessAttempt, {"failures_since_start": 1})):
        for name in ("redaction", "ancienne"):
            model.objects.create(username=name, ip_address="203.0.113.7", user_agent="Firefox",
                                 path_info="/gestion/login/", **extra)  # fmt: skip
        model.objects.filter(username="ancienne").update(attempt_time=old)
    call_command("purge_visitor_data", verbosity=0)
    assert set(AccessLog.objects.values_list("username", flat=True)) == {"redaction"}
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"redaction"}
    privacy = squashed(client.get("/donnees-personnelles/").content.decode())
    assert "sont conservées 180 jours pour détecter les attaques" in privacy
