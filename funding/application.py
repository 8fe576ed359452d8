"""« Préparer ma candidature »: for one scheme, whether an authority of a given type may apply
with a partner in a given country, and why (from the scheme's eligibility and its sources),
then the steps of an application worked back from the deadline and the council's meetings.

The answer reads only what the scheme's record says and where it says it; the plan's margins
are advice, marked « à vérifier », except where a text of law fixes them (cited)."""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from reference.competences import holdings

from .models import EligibilityChoice, Scheme
from .one_percent import LEVER_SLUGS

# The deliberation must be executory before the dossier goes: it is once transmitted to the
# préfecture and published (CGCT, article L2131-1). The margin for that is advice.
TRANSMISSION_DAYS = 15
# The draft deliberation and its budget go out with the council's notice (3 clear days in a
# commune under 3,500 inhabitants, 5 above: amf62.fr); ready a fortnight before, as advice.
BUDGET_DAYS = 15
PARTNER_DAYS = 30
NETWORK_DAYS = 45
# The declaration of official development aid the DCTCIV's calls require (resacoop.org, call
# of 2025: « entre le 15 avril et le 31 mai »).
APD_WINDOW = ((4, 15), (5, 31))
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
ORDINALS = {"premier": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4, "dernier": -1}
HORIZON_DAYS = 730
# CGCT L2131-1 on Légifrance (its identifier as doctrine.fr gives it).
L2131_1 = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006390075"
# The notice's delays, as the AMF of Pas-de-Calais sets them out.
CONVOCATION = "https://www.amf62.fr/project/la-convocation-du-conseil-municipal"
APD_SOURCE = (
    "https://www.resacoop.org/appel-projet/"
    "appel-a-projets-generaliste-2025-soutien-a-la-cooperation-decentralisee/"
)


@dataclass
class Answer:
    verdict: str  # "yes", "if" or "no"
    # Each a (text, [(source text, source address), …]).
    reasons: list = field(default_factory=list)
    conditions: list = field(default_factory=list)
    met: list = field(default_factory=list)


def cited(text, url):
    """A record's source as a list of one, or none when it gives neither text nor address."""
    return [(text, url)] if text or url else []


def eligibility(scheme, authority_types, country, every_country_code, answers=None, territory=None):
    """Whether an authority of `authority_types` (or of any type when empty) may apply with a
    partner in `country` (or None), given the visitor's `answers` to the scheme's questions
    ({question: choice or None}) and, when the site knows it, the `territory` itself."""
    answer = Answer("yes")
    types = list(scheme.eligible_authority_types.all())
    types_source = cited(scheme.types_source, scheme.types_source_url)
    if authority_types:
        names = ", ".join(t.name for t in types)
        if types and not set(authority_types) & set(types):
            answer.verdict = "no"
            answer.reasons.append((_("It is open to: %(types)s.") % {"types": names}, types_source))
        elif types:
            text = _("It is open to your authority (%(types)s).") % {"types": names}
            answer.met.append((text, types_source))
        else:
            text = _("its source names no authority type: check with the funder")
            answer.conditions.append((text, cited(scheme.source, scheme.source_url)))
    if country is not None:
        codes = scheme.partner_country_codes(every_country_code)
        countries_source = cited(scheme.countries_source, scheme.countries_source_url)
        if codes is not None and country.code not in codes:
            answer.verdict = "no"
            text = _("A partnership in %(country)s is not among its countries.")
            answer.reasons.append((text % {"country": country.name}, countries_source))
        elif codes is not None:
            text = _("A partnership in %(country)s is among its countries.")
            answer.met.append((text % {"country": country.name}, countries_source))
    if territory is not None:
        weigh_services(answer, scheme, territory)
    if answers:
        weigh_answers(answer, answers)
    else:
        # Without questions, the scheme's conditions are each left to check.
        for item in scheme.checklist.all():
            answer.conditions.append((item.text, []))
    if answer.verdict == "yes" and answer.conditions:
        answer.verdict = "if"
    return answer


def weigh_services(answer, scheme, territory):
    """For a « 1 % » lever: who runs its service here (reference.competences), since the
    lever belongs to whoever runs it; « à vérifier » where the law leaves the choice."""
    keys = [key for key, slug in LEVER_SLUGS.items() if slug == scheme.slug]
    for holding in holdings(territory):
        if holding.key not in keys:
            continue
        sources = [(source["text"], source["url"]) for source in holding.sources]
        values = {"service": holding.name, "why": holding.why}
        if not holding.certain:
            text = _("to check who runs %(service)s here: %(why)s") % values
            answer.conditions.append((text, sources))
        elif holding.yours:
            text = _("Here your authority runs %(service)s (%(why)s).") % values
            answer.met.append((text, sources))
        else:
            values["name"] = holding.epci.name if holding.epci else ""
            text = _(
                "Here %(service)s is run by your intercommunalité, %(name)s (%(why)s): the "
                "lever is its own; talk about it with it."
            )
            answer.verdict = "no"
            answer.reasons.append((text % values, sources))


def weigh_answers(answer, answers):
    """Each answer as its rule says: met, a condition, or the reason the scheme is closed to
    the visitor; a question left unanswered is a condition, the question itself."""
    for question, choice in answers.items():
        sources = cited(question.source, question.source_url)
        if choice is None:
            text = _("to check: %(question)s") % {"question": question.text}
            answer.conditions.append((text, sources))
        elif choice.outcome == EligibilityChoice.Outcome.FAIL:
            answer.verdict = "no"
            answer.reasons.append((choice.explanation, sources))
        elif choice.outcome == EligibilityChoice.Outcome.CHECK:
            answer.conditions.append((choice.explanation, sources))
        else:
            answer.met.append((choice.explanation, sources))


def other_schemes(scheme, authority_types, country):
    """The schemes that fit when this one does not, as the finder finds them."""
    found = Scheme.objects.published().exclude(pk=scheme.pk).exclude(kind=Scheme.Kind.LEGAL)
    if authority_types:
        found = found.filter(eligible_authority_types__in=authority_types) | found.filter(
            eligible_authority_types__isnull=True
        )
    if country is not None:
        found = found.open_to_country(country)
    return list(found.distinct().order_by("title")[:5])


@dataclass
class Deadline:
    day: date
    call: object = None
    estimate_from: object = None  # the past edition an estimate is made from

    def next_edition(self):
        """The edition after this one, a year later: an estimate from this one's call."""
        return Deadline(a_year_later(self.day), estimate_from=self.call or self.estimate_from)


def a_year_later(day):
    """The same day a year later; 29 February becomes the 28th in a common year."""
    year = day.year + 1
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def deadline(scheme, today):
    """The open or announced call's closing day; else next year's date of the last edition's
    closing, as an estimate."""
    now = timezone.now()
    grouped = scheme.calls_by_state(now)
    for call in grouped["open"] + grouped["upcoming"]:
        if call.closes_at:
            return Deadline(timezone.localtime(call.closes_at).date(), call=call)
    past = [c for c in grouped["closed"] if c.closes_at]
    if not past:
        return None
    last = timezone.localtime(past[0].closes_at).date()
    estimate = last
    while estimate <= today:
        estimate = a_year_later(estimate)
    return Deadline(estimate, estimate_from=past[0])


def parse_days(text, today):
    """The dates staff typed (« 12/02/2027, 15/03/2027 »), from today on, sorted; None when
    one of them is not a date."""
    days = []
    for piece in text.replace(";", ",").replace(" ", ",").split(","):
        if not piece.strip():
            continue
        try:
            day = datetime.strptime(piece.strip(), "%d/%m/%Y").date()
        except ValueError:
            return None
        if day >= today:
            days.append(day)
    return sorted(set(days))


def monthly_days(ordinal, weekday, today):
    """Every « premier jeudi » (or other) of the coming two years."""
    days = []
    year, month = today.year, today.month
    while len(days) < 30:
        weeks = calendar.monthcalendar(year, month)
        column = [week[weekday] for week in weeks if week[weekday]]
        day = date(year, month, column[ordinal if ordinal < 0 else ordinal - 1])
        if today <= day <= today + timedelta(days=HORIZON_DAYS):
            days.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if date(year, month, 1) > today + timedelta(days=HORIZON_DAYS):
            break
    return days


@dataclass
class Step:
    day: date
    title: str
    why: str
    prepare: str
    source: str = ""
    late: bool = False


def plan(scheme, limit, councils, today):
    """The steps, in order, worked back from `limit` (a Deadline) and the council's meetings;
    None for the council when no meeting falls in time."""
    last_day = limit.day - timedelta(days=TRANSMISSION_DAYS)
    in_time = [day for day in councils if day <= last_day]
    council = in_time[-1] if in_time else None
    steps = []
    if council:
        steps += [
            Step(
                max(today, council - timedelta(days=NETWORK_DAYS)),
                _("First contact with Lianes coopération"),
                _("To check the project against the call and meet those who applied before."),
                _("The idea of the project, the partner, a first budget."),
            ),
            Step(
                council - timedelta(days=PARTNER_DAYS),
                _("The partner's agreement"),
                _("The dossier asks for the partner authority's commitment."),
                _("A letter of intent signed by the partner authority."),
            ),
            Step(
                council - timedelta(days=BUDGET_DAYS),
                _("The budget and the draft deliberation"),
                _(
                    "They go out with the council's notice, 3 clear days before a commune's "
                    "council under 3,500 inhabitants, 5 above. Margin to check: %(days)s days."
                )
                % {"days": BUDGET_DAYS},
                _("The financing plan, your authority's share, the draft deliberation."),
                source=CONVOCATION,
            ),
            Step(
                council,
                _("The council adopts the deliberation"),
                _(
                    "The deliberation must be executory before the dossier goes: it is once "
                    "transmitted to the préfecture (CGCT L2131-1). Margin to check: "
                    "%(days)s days."
                )
                % {"days": TRANSMISSION_DAYS},
                _("The deliberation, with the figured commitment."),
                source=L2131_1,
            ),
        ]
    if "DCTCIV" in (scheme.funder.short_name or "") + scheme.funder.name:
        # The last declaration window that closes before the deadline.
        year = (
            limit.day.year
            if date(limit.day.year, *APD_WINDOW[1]) <= limit.day
            else (limit.day.year - 1)
        )
        start = date(year, *APD_WINDOW[0])
        steps.append(
            Step(
                start,
                _("Declare your official development aid (15 April – 31 May)"),
                _("The DCTCIV's calls are open to authorities that declare it every year."),
                _("The amounts your authority gave last year, on the declaration platform."),
                source=APD_SOURCE,
            )
        )
    steps.append(
        Step(
            limit.day,
            _("Submit the dossier"),
            _("The call closes that day."),
            _("The dossier on the funder's portal, with the deliberation."),
        )
    )
    for step in steps:
        step.late = step.day < today
    return sorted(steps, key=lambda step: step.day), council
