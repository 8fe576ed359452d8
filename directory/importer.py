"""Import authorities and cooperations from a CSV file, all or nothing.

Every row is checked before anything is written; a file with one bad row writes nothing and
names each row and its problem, so staff can fix the file and try again.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from aict_site.controls import single_line
from reference.models import AuthorityType, Country, Departement, Territory, Theme

from .models import Authority, Cooperation

COLUMNS = ["collectivite", "type", "departement", "population", "code_insee_siren", "site_web",
           "partenaire_du_reseau", "collectivite_partenaire", "pays_code", "themes", "depuis",
           "en_cours", "lien"]  # fmt: skip
REQUIRED = ["collectivite", "type"]
MAX_ROWS = 5000
TRUE = {"1", "oui", "true", "vrai", "x"}
CODE = re.compile(r"^(\d[\dAB]\d{3}|\d{9})$")


@dataclass
class Plan:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def authorities(self):
        return len({row["collectivite"] for row in self.rows})

    @property
    def cooperations(self):
        return sum(1 for row in self.rows if row["collectivite_partenaire"])


def decoded(data):
    """The text of an uploaded CSV file: UTF-8 (with or without Excel's mark), else Windows-1252,
    which Excel uses for « CSV (séparateur : point-virgule) » on a French Windows; None when
    neither reads it."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read(text):
    """Check every row of `text`; the returned plan has either errors or rows to write."""
    plan = Plan()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=sniff(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        plan.errors.append(_("Missing columns: %(cols)s.") % {"cols": ", ".join(missing)})
        return plan
    kinds = {k.name.lower(): k for k in AuthorityType.objects.all()}
    departements = {d.code: d for d in Departement.objects.all()}
    countries = {c.code: c for c in Country.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()} | {
        t.name.lower(): t for t in Theme.objects.all()
    }
    url = URLValidator(schemes=["http", "https"])
    # Codes are checked against the official data once it is loaded (load_territories).
    known_codes = {
        code for pair in Territory.objects.values_list("code", "siren") for code in pair if code
    }
    for number, raw in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            plan.errors.append(_("More than %(max)s lines: split the file.") % {"max": MAX_ROWS})
            break
        cells = {name: raw.get(name) or "" for name in COLUMNS}
        has_null = "\x00" in "".join(cells.values())
        # Names and texts on one line, without the control or right-to-left characters a
        # spreadsheet may hold unseen.
        row = {name: single_line(value) for name, value in cells.items()}
        problems = []
        if not row["collectivite"]:
            problems.append(_("the authority's name is missing"))
        kind = kinds.get(row["type"].lower())
        if kind is None:
            problems.append(_("unknown type “%(value)s”") % {"value": row["type"]})
        departement = None
        if row["departement"]:
            departement = departements.get(row["departement"].zfill(2))
            if departement is None:
                problems.append(
                    _("unknown département “%(value)s” (02, 59, 60, 62 or 80)")
                    % {"value": row["departement"]}
                )
        country = None
        if row["collectivite_partenaire"] or row["pays_code"]:
            code = row["pays_code"].upper()
            if len(code) != 2 or not code.isalpha():
                problems.append(
                    _("malformed country code “%(value)s” (two letters, ISO 3166-1)")
                    % {"value": row["pays_code"]}
                )
            elif code not in countries:
                problems.append(
                    _("country “%(value)s” not in the list of countries") % {"value": code}
                )
            else:
                country = countries[code]
            if not row["collectivite_partenaire"]:
                problems.append(_("the partner authority is missing"))
        row_themes = []
        for name in filter(None, (t.strip() for t in row["themes"].split("|"))):
            theme = themes.get(name) or themes.get(name.lower())
            if theme is None:
                problems.append(_("unknown theme “%(value)s”") % {"value": name})
            else:
                row_themes.append(theme)
        if row["code_insee_siren"] and not CODE.match(row["code_insee_siren"]):
            problems.append(
                _("invalid code “%(value)s” (5 INSEE characters or 9 SIREN digits)")
                % {"value": row["code_insee_siren"]}
            )
        elif row["code_insee_siren"] and known_codes and row["code_insee_siren"] not in known_codes:
            problems.append(
                _("code “%(value)s” unknown: no authority of the region has it")
                % {"value": row["code_insee_siren"]}
            )
        numbers = {}
        for column in ("population", "depuis"):
            if row[column]:
                try:
                    numbers[f"{column}_number"] = int(row[column].replace(" ", ""))
                except ValueError:
                    problems.append(
                        _("“%(value)s” is not a number (%(column)s)")
                        % {"value": row[column], "column": column}
                    )
        for column in ("site_web", "lien"):
            if row[column]:
                try:
                    url(row[column])
                except ValidationError:
                    problems.append(_("invalid web address “%(value)s”") % {"value": row[column]})
        if has_null:
            problems.append(_("null character (0x00) not accepted"))
        else:
            problems += database_limits(row, kind, departement, numbers)
        if problems:
            plan.errors.append(
                _("Line %(number)s: %(problems)s.")
                % {"number": number, "problems": " ; ".join(problems)}
            )
            continue
        plan.rows.append({**row, "kind": kind, "departement_obj": departement, "country": country,
                          "theme_objs": row_themes, **numbers})  # fmt: skip
    if not plan.rows and not plan.errors:
        plan.errors.append(_("The file holds no line."))
    return plan


def database_limits(row, kind, departement, numbers):
    """What the database would refuse at confirmation, said now: the models' own limits
    (lengths, integer ranges, year bounds, formats), checked on unsaved records."""
    authority = Authority(
        name=row["collectivite"], slug="preview", kind=kind, departement=departement,
        population=numbers.get("population_number"), code=row["code_insee_siren"],
        website=row["site_web"],
    )  # fmt: skip
    records = [(authority, ["slug", "kind", "departement", "logo"])]
    if row["collectivite_partenaire"]:
        cooperation = Cooperation(
            partner_name=row["collectivite_partenaire"],
            since_year=numbers.get("depuis_number"),
            link=row["lien"],
        )
        records.append((cooperation, ["authority", "country", "scheme"]))
    problems = []
    for record, exclude in records:
        try:
            record.clean_fields(exclude=exclude)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                label = record._meta.get_field(name).verbose_name
                problems += [f"{label} : {message}" for message in messages]
    return problems


def sniff(text):
    first = text.splitlines()[0] if text else ""
    return ";" if first.count(";") > first.count(",") else ","


@transaction.atomic
def write(plan):
    """Create or update authorities (matched by name) and add their cooperations."""
    authorities = {}
    for row in plan.rows:
        authority = authorities.get(row["collectivite"])
        if authority is None:
            authority = Authority.objects.filter(name=row["collectivite"]).first() or Authority(
                name=row["collectivite"], slug=unique_slug(row["collectivite"]), is_published=True
            )
            authority.kind = row["kind"]
            authority.departement = row["departement_obj"]
            authority.population = row.get("population_number", authority.population)
            authority.code = row["code_insee_siren"] or authority.code
            authority.website = row["site_web"] or authority.website
            authority.is_partner = row["partenaire_du_reseau"].lower() in TRUE
            authority.full_clean(exclude=["logo"])
            authority.save()
            authorities[row["collectivite"]] = authority
        if row["collectivite_partenaire"]:
            cooperation = Cooperation.objects.create(
                authority=authority,
                partner_name=row["collectivite_partenaire"],
                country=row["country"],
                since_year=row.get("depuis_number"),
                is_current=row["en_cours"].lower() in TRUE or not row["en_cours"],
                link=row["lien"],
            )
            cooperation.themes.set(row["theme_objs"])
    return len(authorities), plan.cooperations


def unique_slug(name):
    base = slugify(name)[:190] or "collectivite"
    slug, suffix = base, 2
    while Authority.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug
