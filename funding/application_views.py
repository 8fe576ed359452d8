"""« Préparer ma candidature » (funding.application): the page, answering in the address
(plain GET, nothing kept), and its plan as an iCalendar file with reminders."""

from datetime import timedelta

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from icalendar import Alarm, Event

from aict_site.calendars import ics_response, new_calendar, serialised
from reference.authority_types import authority_types_of
from reference.models import AuthorityType, Country, Territory

from . import application
from .models import Scheme

ORDINAL_CHOICES = [
    ("", "—"),
    ("premier", gettext_lazy("first")),
    ("deuxieme", gettext_lazy("second")),
    ("troisieme", gettext_lazy("third")),
    ("quatrieme", gettext_lazy("fourth")),
    ("dernier", gettext_lazy("last")),
]
WEEKDAY_CHOICES = [("", "—")] + [(str(i), name) for i, name in enumerate(application.WEEKDAYS)]


class ApplicationForm(forms.Form):
    # From a brief (« Ma collectivité »): the territory's code, so that its type, its
    # intercommunalité and its levers are not asked again.
    territoire = forms.CharField(required=False, max_length=9, widget=forms.HiddenInput)
    collectivite = forms.ModelChoiceField(
        label=gettext_lazy("Your authority"),
        queryset=AuthorityType.objects.all(),
        required=False,
        empty_label=gettext_lazy("Choose"),
    )
    pays = forms.ModelChoiceField(
        label=gettext_lazy("Partner country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("Choose"),
    )
    conseils = forms.CharField(
        label=gettext_lazy("Dates of your next council meetings"),
        help_text=gettext_lazy("As 12/02/2027, separated by commas."),
        required=False,
        max_length=300,
    )
    rang = forms.ChoiceField(
        label=gettext_lazy("Or every"), choices=ORDINAL_CHOICES, required=False
    )
    jour = forms.ChoiceField(
        label=gettext_lazy("day of the month"), choices=WEEKDAY_CHOICES, required=False
    )
    # « Aim at the next edition »: the plan for the edition a year after this deadline.
    edition = forms.ChoiceField(
        choices=[("", ""), ("suivante", "suivante")], required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, questions=(), territory=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        if territory is not None:
            del self.fields["collectivite"]
        # A question without answers is not a rule yet: it is not asked.
        self.questions = [question for question in questions if question.choices.all()]
        for question in self.questions:
            choices = [("", _("I don't know yet"))]
            choices += [(str(choice.pk), choice.label) for choice in question.choices.all()]
            self.fields[question.field_name] = forms.ChoiceField(
                label=question.text,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial="",
            )
        names = [question.field_name for question in self.questions]
        self.order_fields(["collectivite", "pays", *names])

    def clean_territoire(self):
        code = self.cleaned_data["territoire"]
        if code and self.territory is None:
            raise forms.ValidationError(
                _("No authority of the region has the code %(code)s: choose its type below."),
                params={"code": code},
            )
        return code

    def authority_types(self):
        if self.territory is not None:
            return authority_types_of(self.territory)
        chosen = self.cleaned_data.get("collectivite")
        return [chosen] if chosen else []

    def answers(self):
        """{question: the choice picked, or None}."""
        picked = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.field_name)
            choices = question.choices.all()
            picked[question] = next((c for c in choices if str(c.pk) == value), None)
        return picked

    def council_days(self, today):
        data = self.cleaned_data
        if data.get("conseils"):
            days = application.parse_days(data["conseils"], today)
            if days is None:
                self.add_error("conseils", _("Write each date as 12/02/2027."))
                return []
            return days
        if data.get("rang") and data.get("jour"):
            ordinal = application.ORDINALS[data["rang"]]
            return application.monthly_days(ordinal, int(data["jour"]), today)
        return []


def known_territory(code):
    """The current territory of that code (commune's INSEE, EPCI's SIREN…), or None."""
    code = code.strip()[:9]
    if not code.isalnum():
        return None
    return Territory.objects.select_related("epci").filter(code=code, is_current=True).first()


def prepared(request, slug):
    """The scheme, the form and, when the form says enough, the answer and the plan."""
    scheme = get_object_or_404(
        Scheme.objects.published().select_related("funder"),
        slug=slug,
    )
    questions = scheme.questions.prefetch_related("choices")
    territory = known_territory(request.GET.get("territoire", ""))
    form = ApplicationForm(request.GET or None, questions=questions, territory=territory)
    result = {"scheme": scheme, "form": form, "territory": territory}
    if not form.is_bound or not form.is_valid():
        return result
    today = timezone.localdate()
    authority_types, country = form.authority_types(), form.cleaned_data["pays"]
    every_code = Country.objects.values_list("code", flat=True)
    answer = application.eligibility(
        scheme, authority_types, country, every_code, form.answers(), territory
    )
    result.update(answer=answer, authority_types=authority_types, country=country)
    # The first type names the authority's level (« Département ») for « instead ».
    result["authority_type"] = authority_types[0] if authority_types else None
    if answer.verdict == "no":
        result["others"] = application.other_schemes(scheme, authority_types, country)
        return result
    if scheme.kind == Scheme.Kind.LEGAL:
        return result  # a lever has no call and no deadline: no plan
    limit = application.deadline(scheme, today)
    if limit and form.cleaned_data["edition"] == "suivante":
        limit = limit.next_edition()
    councils = form.council_days(today)
    result.update(deadline=limit, councils=councils)
    if limit and councils and form.is_valid():
        steps, council = application.plan(scheme, limit, councils, today)
        result.update(steps=steps, council=council)
    return result


class PrepareView(TemplateView):
    template_name = "funding/prepare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(prepared(self.request, self.kwargs["slug"]))
        scheme = context["scheme"]
        context["breadcrumbs"] = [
            (_("Funding"), reverse("funding:scheme-list")),
            (scheme.title, scheme.get_absolute_url()),
            (_("Prepare my application"), None),
        ]
        context["query"] = self.request.GET.urlencode()
        # For the other schemes: the same authority, partner and council, not these answers.
        kept = {"territoire", "collectivite", "pays", "conseils", "rang", "jour"}
        base = self.request.GET.copy()
        for name in list(base):
            if name not in kept:
                del base[name]
        context["base_query"] = base.urlencode()
        context["question_names"] = [q.field_name for q in context["form"].questions]
        return context


def prepare_ics(request, slug):
    """The plan's steps as all-day events, each with reminders a week and a day before."""
    result = prepared(request, slug)
    scheme = result["scheme"]
    calendar = new_calendar("-//Lianes coopération//Préparer ma candidature//FR", scheme.title)
    page = request.build_absolute_uri(scheme.get_absolute_url())
    for number, step in enumerate(result.get("steps", [])):
        event = Event()
        event.add("uid", f"candidature-{scheme.slug}-{number}-{step.day.isoformat()}@lianes")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", step.day)
        event.add("dtend", step.day + timedelta(days=1))
        event.add("summary", f"{step.title} — {scheme.title}")
        event.add("description", f"{step.why}\n{step.prepare}\n{page}")
        event.add("url", page)
        for before in (timedelta(days=7), timedelta(days=1)):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", step.title)
            alarm.add("trigger", -before)
            event.add_component(alarm)
        calendar.add_component(event)
    return ics_response(serialised(calendar), f"candidature-{scheme.slug}.ics")
