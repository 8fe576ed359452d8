from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
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
            registration = registrations.register(event, data)
        except registrations.AlreadyRegistered:
            return self.refuse(form, RegistrationForm.ALREADY_REGISTERED, 400)
        return redirect(
            "events:registered", slug=event.slug, ticket=registrations.ticket(registration)
        )


class RegisteredView(TemplateView):
    """The registrant's confirmation: their status and, for online events, the link."""

    template_name = "events/registered.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pk = registrations.from_ticket(self.kwargs["ticket"])
        registration = (
            Registration.objects.select_related("event").filter(pk=pk).first() if pk else None
        )
        if registration is None or registration.event.slug != self.kwargs["slug"]:
            raise Http404
        context["registration"] = registration
        context["event"] = registration.event
        # Only a confirmed registrant gets the connection link.
        context["confirmed"] = registration.status == Registration.Status.CONFIRMED
        return context


def upcoming_ics(request):
    events = Event.objects.upcoming().select_related("office")
    calendar = calendar_of(events, request.build_absolute_uri, _("Lianes coopération's agenda"))
    return ics_response(calendar, "agenda.ics")


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("office"), slug=slug)
    calendar = calendar_of([event], request.build_absolute_uri, event.title)
    return ics_response(calendar, f"{event.slug}.ics")
