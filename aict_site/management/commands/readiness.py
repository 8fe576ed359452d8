"""`manage.py readiness`: the admin dashboard's checklist of what the public site lacks, for a
deployment script; exits with status 1 while something blocks launch."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from aict_site import dashboard


class Command(BaseCommand):
    help = "List what the public site lacks before launch; fail while something blocks it."

    def handle(self, *args, **options):
        checklist = dashboard.readiness()
        for entry in checklist:
            mark = _("BLOCKS LAUNCH") if entry.blocks_launch else _("to do")
            self.stdout.write(f"[{mark}] {entry.text}")
        blockers = sum(entry.blocks_launch for entry in checklist)
        if blockers:
            raise CommandError(
                ngettext(
                    "%(count)s item blocks launch: fill it in the admin.",
                    "%(count)s items block launch: fill them in the admin.",
                    blockers,
                )
                % {"count": blockers}
            )
        self.stdout.write(_("Nothing blocks launch."))
