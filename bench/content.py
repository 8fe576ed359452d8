"""Fill a database with a larger-than-life volume of content, for the benchmark.

Not part of the site: `python -m bench.content [--force]` (settings from the environment),
or `generate()` from the tests.

200 pages, 100 funding schemes with 400 calls, 300 authorities with 1,000 cooperations,
100 events, 200 news items and 100 resources (half of them files), on top of the initial
content. Deterministic (fixed seed), so runs compare.
"""

import random
import sys
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

WORDS = (
    "coopération décentralisée jeunesse eau assainissement climat patrimoine formation agents "
    "collectivité partenaire projet financement territoire solidarité internationale mobilité "
    "énergie déchets éducation citoyenneté mondiale développement durable"
).split()


# A whole one-page PDF, as a resource's file.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class DatabaseInUse(Exception):
    """The database has accounts or visitors' requests: it may be a live site."""


def generate(force=False):
    """Add the benchmark content; refuses a database in use unless `force`."""
    from contacts.models import ContactRequest
    from directory.models import Authority, Cooperation
    from events.models import Event, EventKind, Registration
    from funding.models import Call, Funder, Scheme
    from news.models import NewsItem
    from pages.models import Page
    from reference.models import AuthorityType, Country, Departement, Theme
    from resources.models import Resource

    # The content is published at once: on a live site, 300 made-up authorities would
    # show in the public directory. A live site has staff accounts or visitors' requests.
    in_use = {
        "accounts": get_user_model().objects.count(),
        "contact requests": ContactRequest.objects.count(),
        "registrations": Registration.objects.count(),
    }
    if any(in_use.values()) and not force:
        found = ", ".join(f"{name}: {count}" for name, count in in_use.items() if count)
        raise DatabaseInUse(
            f"This database is in use ({found}): benchmark content would be published on "
            "it. Run this on a fresh database, or pass --force if you really mean it."
        )
    rng = random.Random(2026)

    def text(words):
        return " ".join(rng.choice(WORDS) for _ in range(words))

    now = timezone.now()
    with transaction.atomic():
        for index in range(200):
            Page(
                title=f"Page de démonstration {index}",
                slug=f"page-demo-{index}",
                summary=text(20),
                body=f"<p>{text(120)}</p><h2>{text(4)}</h2><p>{text(80)}</p>",
                is_published=True,
                position=100 + index,
            ).save()
        funders = [Funder.objects.create(name=f"Financeur {i}", position=10 + i) for i in range(10)]
        themes = list(Theme.objects.all())
        countries = list(Country.objects.all())
        types = list(AuthorityType.objects.all())
        for index in range(100):
            scheme = Scheme(
                funder=rng.choice(funders),
                title=f"Dispositif de démonstration {index}",
                slug=f"dispositif-demo-{index}",
                kind=rng.choice([k for k, _label in Scheme.Kind.choices]),
                summary=text(30),
                description=f"<p>{text(150)}</p>",
                source="Contenu de démonstration",
                is_published=True,
            )
            scheme.save()
            scheme.themes.set(rng.sample(themes, 2))
            scheme.countries.set(rng.sample(countries, rng.choice([0, 1, 2])))
            scheme.eligible_authority_types.set(rng.sample(types, 2))
            for edition in range(4):
                opens = now + timedelta(days=rng.randint(-700, 200))
                Call.objects.create(
                    scheme=scheme,
                    is_published=True,
                    title=f"Édition {edition}",
                    opens_at=opens,
                    closes_at=opens + timedelta(days=rng.randint(20, 120)),
                )
        departements = list(Departement.objects.all())
        authorities = [
            Authority(
                name=f"Collectivité de démonstration {index}",
                slug=f"collectivite-demo-{index}",
                kind=rng.choice(types),
                departement=rng.choice(departements),
                description=text(25),
                is_published=True,
            )
            for index in range(300)
        ]
        for authority in authorities:
            authority.save()
        for index in range(1000):
            cooperation = Cooperation.objects.create(
                authority=rng.choice(authorities),
                partner_name=f"Partenaire {index}",
                country=rng.choice(countries),
                since_year=rng.randint(1970, 2025),
            )
            cooperation.themes.set(rng.sample(themes, 1))
        kind = EventKind.objects.first()
        for index in range(100):
            starts = now + timedelta(days=rng.randint(-300, 300), hours=rng.randint(0, 8))
            Event.objects.create(
                title=f"Événement de démonstration {index}",
                slug=f"evenement-demo-{index}",
                kind=kind,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place=Event.Place.ADDRESS,
                address="Lille",
                summary=text(25),
                is_published=True,
                capacity=30,
            )
        schemes = list(Scheme.objects.all())
        events = list(Event.objects.all())
        for index in range(200):
            item = NewsItem.objects.create(
                title=f"Actualité de démonstration {index}",
                slug=f"actualite-demo-{index}",
                summary=text(30),
                body=f"<p>{text(200)}</p>",
                published_at=now - timedelta(days=index, hours=rng.randint(0, 12)),
                is_published=True,
            )
            item.themes.set(rng.sample(themes, 2))
            item.schemes.set(rng.sample(schemes, 2))
            item.events.set(rng.sample(events, 1))
        kinds = [k for k, _label in Resource.Kind.choices if k != Resource.Kind.VIDEO]
        for index in range(100):
            resource = Resource(
                title=f"Ressource de démonstration {index}",
                slug=f"ressource-demo-{index}",
                kind=rng.choice(kinds),
                description=text(40),
                is_published=True,
            )
            if index % 2:
                resource.file = ContentFile(DEMO_PDF, name="demo.pdf")
            else:
                resource.url = f"https://ressources.example.org/{index}"
            resource.save()
            resource.themes.set(rng.sample(themes, 1))
            resource.schemes.set(rng.sample(schemes, 2))


def main():
    import django

    django.setup()
    try:
        generate(force="--force" in sys.argv[1:])
    except DatabaseInUse as refusal:
        sys.exit(str(refusal))
    print("benchmark content created")


if __name__ == "__main__":
    main()
