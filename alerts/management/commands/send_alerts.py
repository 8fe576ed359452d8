from django.core.management.base import BaseCommand, CommandError

from alerts.digests import send_digests
from alerts.subscriptions import purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Envoie à chaque abonné dont le tour est venu (quotidien ou hebdomadaire) le résumé "
        "des nouveautés qui correspondent à ses critères ; supprime les inscriptions non "
        "confirmées depuis 7 jours. Sans danger lancé deux fois, même en même temps."
    )

    def handle(self, *args, **options):
        purged = purge_unconfirmed()
        sent, failed = send_digests()
        self.stdout.write(
            f"{sent} résumé(s) envoyé(s), {purged} inscription(s) non confirmée(s) supprimée(s)"
        )
        if failed:
            raise CommandError(
                f"{failed} résumé(s) non envoyé(s) : le serveur de courrier a refusé ou ne répond "
                "pas. Ils partiront au prochain passage."
            )
