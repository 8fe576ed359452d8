"""Models moved between apps (to reference/ and directory/) keep every row and every link.

A database is migrated as it stood before the moves, filled through the historical models,
then migrated forward; the current models must read the same records, and the moved content
types (hence permissions and revisions) must follow. (Back to the old layout and forward again
was checked by hand on the benchmark content, on both databases.)
"""

import pytest

from tests.helpers import fresh_database, manage

pytestmark = pytest.mark.both_databases

# The last migration of each app whose models moved, before the moves.
BEFORE_THE_MOVES = [
    ("contacts", "0006_contactrequest_notification_claimed_at"),
    ("funding", "0002_search_indexes"),
    ("events", "0003_one_registration_per_address"),
]

FILL = """
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
loader = MigrationExecutor(connection).loader
assert ("reference", "0001_initial") not in loader.applied_migrations
get = loader.project_state(list(loader.applied_migrations)).apps.get_model
kind = get("contacts", "AuthorityType").objects.create(name="Commune", position=1)
dep = get("contacts", "Departement").objects.get(code="59")
theme = get("funding", "Theme").objects.create(name="Eau", slug="eau")
country = get("funding", "Country").objects.create(code="SN", name="Sénégal")
funder = get("funding", "Funder").objects.create(name="Ministère")
scheme = get("funding", "Scheme").objects.create(
    funder=funder, title="Appel", slug="appel", kind="call", summary="Résumé.")
scheme.themes.add(theme); scheme.countries.add(country); scheme.eligible_authority_types.add(kind)
authority = get("contacts", "Authority").objects.create(
    name="Ville de Lille", slug="lille", kind=kind, departement=dep, is_published=True)
cooperation = get("contacts", "Cooperation").objects.create(
    authority=authority, partner_name="Saint-Louis", country=country, scheme=scheme)
cooperation.themes.add(theme)
office = get("contacts", "Office").objects.create(name="Bureau", postal_code="59000", city="Lille")
office.departements.add(dep)
get("contacts", "ContactRequest").objects.create(
    name="Anne", email="anne@example.org", organisation="Mairie", message="Bonjour",
    authority_type=kind, departement=dep)
"""

CHECK = """
from django.contrib.auth.models import Permission
from contacts.models import ContactRequest, Office
from directory.models import Authority
from funding.models import Scheme
authority = Authority.objects.get(slug="lille")
assert (authority.kind.name, authority.departement.code) == ("Commune", "59")
cooperation = authority.cooperations.get()
assert (cooperation.partner_name, cooperation.country.code) == ("Saint-Louis", "SN")
assert [t.slug for t in cooperation.themes.all()] == ["eau"]
assert cooperation.scheme.slug == "appel"
scheme = Scheme.objects.get(slug="appel")
assert [t.slug for t in scheme.themes.all()] == ["eau"]
assert [c.code for c in scheme.countries.all()] == ["SN"]
assert [k.name for k in scheme.eligible_authority_types.all()] == ["Commune"]
assert [d.code for d in Office.objects.get().departements.all()] == ["59"]
request = ContactRequest.objects.get()
assert (request.authority_type.name, request.departement.code) == ("Commune", "59")
labels = {p.content_type.app_label for p in Permission.objects.filter(
    codename__in=["change_authority", "change_cooperation", "change_theme", "change_departement"])}
assert labels == {"directory", "reference"}, labels
print("all rows kept")
"""


# One child process, migrated straight to the state before the moves: a process and a full
# migration per step cost a minute and a half on a busy two-core machine.
JOURNEY = f"""
import django; django.setup()
from django.core.management import call_command
for app, target in {BEFORE_THE_MOVES!r}:
    call_command("migrate", app, target, verbosity=0, interactive=False)
{FILL}
call_command("migrate", verbosity=0, interactive=False)
{CHECK}
"""


def test_moving_models_to_reference_and_directory_keeps_every_row_and_link(tmp_path):
    env = {"DEBUG": "1", "DATABASE_URL": fresh_database(tmp_path, "moves")}
    result = manage("shell", "-c", JOURNEY, **env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "all rows kept" in result.stdout
