"""What a subscriber follows: calls (narrowed like the finder), events (by département or
kind), news (by theme), and how often. The same fields subscribe and change one's criteria."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aict_site import alerting
from aict_site.caching.memory import remembered
from aict_site.publicforms import AntiSpamForm
from reference.models import AuthorityType, Country, Departement, Theme

from .models import Subscriber
from .subscriptions import consent_text


def _pairs(queryset, value, label="name"):
    return [(str(getattr(o, value)), getattr(o, label)) for o in queryset]


def vocabularies():
    """Every list the form offers, read once per content version in each worker (six
    queries otherwise, for a page the page cache now serves)."""
    sources = alerting.sources()
    return {
        "themes": [(t.slug, t.name) for t in Theme.objects.all()],
        "scheme": sources["calls"].choices().get("scheme", []) if "calls" in sources else [],
        "event_kind": sources["events"].choices().get("kind", []) if "events" in sources else [],
        "authority_type": _pairs(AuthorityType.objects.all(), "pk"),
        "country": _pairs(Country.objects.all(), "code"),
        "departement": _pairs(Departement.objects.all(), "code"),
    }


class CriteriaForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    calls = forms.BooleanField(label=_("New calls for projects"), required=False)
    authority_type = forms.ChoiceField(label=_("For the type of authority"), required=False)
    call_themes = forms.MultipleChoiceField(
        label=_("On the themes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    country = forms.ChoiceField(label=_("With a partner in"), required=False)
    scheme = forms.ChoiceField(label=_("Of one scheme only"), required=False)
    events = forms.BooleanField(label=_("New events"), required=False)
    departement = forms.ChoiceField(label=_("In the département"), required=False)
    event_kind = forms.ChoiceField(label=_("Of the kind"), required=False)
    news = forms.BooleanField(label=_("News"), required=False)
    news_themes = forms.MultipleChoiceField(
        label=_("On the themes"), required=False, widget=forms.CheckboxSelectMultiple
    )

    # Form field → (source, facet) of the criteria (aict_site.alerting).
    FACETS = {
        "authority_type": ("calls", "types"),
        "call_themes": ("calls", "themes"),
        "country": ("calls", "countries"),
        "scheme": ("calls", "scheme"),
        "departement": ("events", "departement"),
        "event_kind": ("events", "kind"),
        "news_themes": ("news", "themes"),
    }
    SOURCES = {"calls": "calls", "events": "events", "news": "news"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lists = remembered(vocabularies)
        self.fields["call_themes"].choices = lists["themes"]
        self.fields["news_themes"].choices = lists["themes"]
        for name in ("authority_type", "country", "scheme", "departement", "event_kind"):
            self.fields[name].choices = [("", _("All")), *lists[name]]

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in self.SOURCES):
            raise ValidationError(_("Choose at least one thing to follow: calls, events or news."))
        return data

    def criteria(self):
        data = self.cleaned_data
        chosen = {source: {} for name, source in self.SOURCES.items() if data.get(name)}
        for name, (source, facet) in self.FACETS.items():
            if source in chosen:
                value = data.get(name)
                values = value if isinstance(value, list) else [value] if value else []
                chosen[source][facet] = values
        return chosen

    @classmethod
    def initial_from(cls, criteria, frequency):
        initial = {"frequency": frequency}
        for name, source in cls.SOURCES.items():
            initial[name] = source in criteria
        for name, (source, facet) in cls.FACETS.items():
            values = criteria.get(source, {}).get(facet, [])
            multiple = isinstance(cls.base_fields[name], forms.MultipleChoiceField)
            initial[name] = values if multiple else (values[0] if values else "")
        return initial


class SubscriptionForm(CriteriaForm, AntiSpamForm):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    consent = forms.BooleanField(label="", required=True)

    field_order = ["email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text()
        self.fields["consent"].error_messages["required"] = _(
            "Tick the box to agree: without it no alert can be sent."
        )
