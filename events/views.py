from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from aict_site.calendars import ics_response
from aict_site.publicforms import PublicFormMixin
from aict_site.publishing import StaffPreviewMixin

from . import registrations
from .calendars import calendar_of
from .forms import RegistrationForm
from .models import Event, Registration


class UpcomingView(ListView):
    template_name = "events/event_list.html"
    context_object_name = "events"

    def get_queryset(self):
        return Event.objects.upcoming().select_related("kind", "office")


class ArchiveView(TemplateView):
    template_name = "events/event_archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        past = Event.objects.past().select_related("kind")
        context["years"] = [
            (year, list(items))
            for year, items in groupby(past, key=lambda e: timezone.localtime(e.starts_at).year)
        ]
        return context


class EventDetailView(StaffPreviewMixin, PublicFormMixin, DetailView):
    template_name = "events/event_detail.html"
    spam_scope = "registration"
    context_object_name = "event"

    def get_queryset(self):
        return (
            Event.objects.published().select_related("kind", "office").prefetch_related("schemes")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        context["seats_left"] = registrations.seats_left(event)
        context["form"] = kwargs.get("form") or (
            RegistrationForm() if event.accepts_registrations() else None
        )
        context["breadcrumbs"] = [(_("Agenda"), reverse("events:upcoming")), (event.title, None)]
        return context

    def posted_form(self):
        self.object = self.get_object()
        return RegistrationForm(data=self.request.POST)

    def post(self, request, *args, **kwargs):
        self.object = event = self.get_object()
        if not event.accepts_registrations():
            return self.refuse(
                RegistrationForm(data=request.POST),
                _("Registrations for this event are closed."),
                400,
            )
        form = RegistrationForm(data=request.POST, event=event)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        refused = self.refusal(form)
        if refused:
            return refused
        data = {name: form.cleaned_data[name] for name in RegistrationForm.Meta.fields}
        try:
            registrations.register(event, data)
        except registrations.AlreadyRegistered:
            # Looked up only now, after the origin, the timestamp and the rate limit: a known
            # address gets the same page, and its registrant their link again by email.
            registrations.remind(event, data["email"])
        return self.done(form, reverse("events:received", kwargs={"slug": event.slug}))


class ReceivedView(DetailView):
    """Where every registration leads, new or not: the registrant's link comes by email, so
    that the page says nothing of who was registered before."""

    template_name = "events/received.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.published()


# A registrant's own pages: never kept by the page cache or a proxy (their status changes).
@method_decorator(never_cache, name="dispatch")
class RegisteredView(TemplateView):
    """The registrant's page: their status, the connection link once they have a seat, and
    the way to cancel."""

    template_name = "events/registered.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = registrations.from_ticket(self.kwargs["ticket"], self.kwargs["slug"])
        if registration is None:
            raise Http404
        context["registration"] = registration
        context["event"] = registration.event
        # Only a confirmed registrant gets the connection link.
        context["confirmed"] = registration.status == Registration.Status.CONFIRMED
        context["emailed"] = registration.registrant_mail_due or registration.registrant_mailed_at
        return context


@method_decorator(never_cache, name="dispatch")
class CancelView(TemplateView):
    """Cancelling from the link in the registrant's email: the link shows a question and a
    button, and only the button's POST cancels, so that a mail filter opening links does not."""

    template_name = "events/cancel.html"

    def dispatch(self, request, *args, **kwargs):
        self.registration = registrations.from_ticket(kwargs["ticket"], kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.registration is None:
            return self.render_to_response(self.get_context_data(state="gone"), status=404)
        if self.registration.event.is_over():
            return self.render_to_response(self.get_context_data(state="over"))
        return self.render_to_response(self.get_context_data(state="ask"))

    def post(self, request, *args, **kwargs):
        if self.registration is None:
            return self.render_to_response(self.get_context_data(state="gone"), status=404)
        if self.registration.event.is_over():
            return self.render_to_response(self.get_context_data(state="over"), status=400)
        registrations.cancel(self.registration)
        return self.render_to_response(self.get_context_data(state="cancelled"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration
        context["event"] = self.registration.event if self.registration else None
        return context


def upcoming_ics(request):
    events = Event.objects.upcoming().select_related("office")
    calendar = calendar_of(events, request.build_absolute_uri, _("Lianes coopération's agenda"))
    return ics_response(calendar, "agenda.ics")


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("office"), slug=slug)
    calendar = calendar_of([event], request.build_absolute_uri, event.title)
    return ics_response(calendar, f"{event.slug}.ics")
