"""Fill the admin's « À examiner » from Aides-territoires (funding.aides_territoires): new
aids come in as « nouvelle », changed ones as « modifiée » with what changed; nothing is
published. Without AIDES_TERRITOIRES_API_KEY it says so and does nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from funding import aides_territoires
from funding.models import WatchedAid

# Changes staff should hear about; a new description alone is not news.
TRACKED = ["name", "financers", "start_date", "submission_deadline", "url", "open_licence"]


class Command(BaseCommand):
    help = "Met à jour la liste « À examiner » depuis l’API d’Aides-territoires."

    def handle(self, *args, **options):
        if not settings.AIDES_TERRITOIRES_API_KEY:
            self.stdout.write("AIDES_TERRITOIRES_API_KEY is not set: nothing to watch.")
            return
        try:
            records = aides_territoires.aids(aides_territoires.token())
        except aides_territoires.SourceError as error:
            raise CommandError(f"Aides-territoires could not be read: {error}") from None
        counts = {"new": 0, "changed": 0, "same": 0, "malformed": 0}
        for record in records:
            fields = aides_territoires.fields_of(record)
            if fields is None:
                counts["malformed"] += 1
                continue
            counts[self.keep(fields)] += 1
        self.stdout.write(
            "{new} new, {changed} changed, {same} unchanged, {malformed} malformed".format(**counts)
        )

    def keep(self, fields):
        aid = WatchedAid.objects.filter(source_id=fields["source_id"]).first()
        if aid is None:
            WatchedAid.objects.create(**fields)
            return "new"
        changed = [
            name for name in TRACKED if name in fields and getattr(aid, name) != fields[name]
        ]
        for name, value in fields.items():
            setattr(aid, name, value)
        if changed:
            with translation.override(settings.LANGUAGE_CODE):  # as staff read it
                labels = [str(WatchedAid._meta.get_field(name).verbose_name) for name in changed]
            aid.what_changed = ", ".join(labels)[:500]
            if aid.status != WatchedAid.Status.NEW:
                aid.status = WatchedAid.Status.CHANGED
        aid.save()
        return "changed" if changed else "same"
