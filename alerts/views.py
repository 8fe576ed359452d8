from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from aict_site.publicforms import PublicFormMixin, same_origin_only

from . import links, subscriptions
from .forms import CriteriaForm, SubscriptionForm
from .models import Subscriber

# The finder's and the scheme page's links pass their filters under these names.
PREFILL = {"collectivite": "authority_type", "pays": "country", "dispositif": "scheme"}


@same_origin_only  # the page is served from the page cache (aict_site.publicforms)
class SubscribeView(PublicFormMixin, FormView):
    template_name = "alerts/subscribe.html"
    form_class = SubscriptionForm
    spam_scope = "alerts"

    def get_initial(self):
        """From the finder (« Être alerté pour cette recherche ») or a scheme's page."""
        query = self.request.GET
        initial = {}
        if any(name in query for name in [*PREFILL, "theme"]):
            initial["calls"] = True
        for name, field in PREFILL.items():
            if query.get(name):
                initial[field] = query.get(name)[:100]
        if query.get("theme"):
            initial["call_themes"] = [value[:100] for value in query.getlist("theme")]
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(_("Alerts"), None)]
        return context

    def form_valid(self, form):
        refused = self.refusal(form)
        if refused:
            return refused
        data = form.cleaned_data
        subscriptions.subscribe(data["email"], data["frequency"], form.criteria())
        return self.done(form, reverse("alerts:thanks"))


class ThanksView(TemplateView):
    template_name = "alerts/thanks.html"


def refused_link(request):
    return render(request, "alerts/link_refused.html", status=400)


class SignedLinkView(View):
    """A page reached from a link of an email: never cached, never indexed."""

    purpose = ""

    @method_decorator(never_cache)
    def dispatch(self, request, token):
        try:
            self.subscriber = links.subscriber_for(token, self.purpose)
        except links.BadLink:
            return refused_link(request)
        except Subscriber.DoesNotExist:
            return render(request, "alerts/gone.html", status=404)
        return super().dispatch(request, token)


class ConfirmView(SignedLinkView):
    """A mail filter opening the link confirms nothing: the button does."""

    purpose = "confirm"

    def get(self, request, token):
        return render(request, "alerts/confirm.html", {"subscriber": self.subscriber})

    def post(self, request, token):
        subscriptions.confirm(self.subscriber)
        return render(
            request,
            "alerts/confirmed.html",
            {"manage_url": links.path(self.subscriber, "manage")},
        )


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(SignedLinkView):
    """One click from the email, or one POST from the mail client (RFC 8058), with no
    cookie: the signed link is the proof."""

    purpose = "unsubscribe"

    def get(self, request, token):
        return render(request, "alerts/unsubscribe.html", {"subscriber": self.subscriber})

    def post(self, request, token):
        subscriptions.unsubscribe(self.subscriber)
        return render(request, "alerts/unsubscribed.html")


class ManageView(SignedLinkView):
    purpose = "manage"

    def get(self, request, token, form=None):
        subscriber = self.subscriber
        form = form or CriteriaForm(
            initial=CriteriaForm.initial_from(subscriber.criteria, subscriber.frequency)
        )
        return render(
            request,
            "alerts/manage.html",
            {
                "form": form,
                "subscriber": subscriber,
                "unsubscribe_url": links.path(subscriber, "unsubscribe"),
                "saved": request.GET.get("enregistre"),
            },
            status=400 if form.errors else 200,
        )

    def post(self, request, token):
        form = CriteriaForm(data=request.POST)
        if not form.is_valid():
            return self.get(request, token, form=form)
        Subscriber.objects.filter(pk=self.subscriber.pk).update(
            criteria=form.criteria(), frequency=form.cleaned_data["frequency"]
        )
        return redirect(request.path + "?enregistre=1")
