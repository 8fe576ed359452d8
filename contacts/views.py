from functools import partial

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from aict_site.clients import client_ip
from aict_site.ratelimit import hit

from . import notifications
from .forms import ContactForm, SpamRefused
from .models import Office, Partner, Person


class ContactView(FormView):
    """Validate, save in its own transaction, notify staff after commit, redirect."""

    form_class = ContactForm
    template_name = "contacts/contact.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = list(Person.objects.published())
        context["offices"] = list(Office.objects.published())
        return context

    def form_valid(self, form):
        try:
            form.check_not_spam()
        except SpamRefused:
            return self.refuse(
                form,
                _("Votre message n’a pas pu être envoyé. Relisez-le, puis envoyez-le à nouveau."),
                status=400,
            )
        if not hit("contact", client_ip(self.request), settings.CONTACT_RATE_LIMIT):
            return self.refuse(
                form,
                _(
                    "Vous avez envoyé beaucoup de messages en peu de temps. Réessayez dans une "
                    "heure, ou appelez-nous : votre message est conservé ci-dessous."
                ),
                status=429,
            )
        with transaction.atomic():
            contact_request = form.save(commit=False)
            contact_request.office = notifications.route(contact_request)
            contact_request.save()
            # robust: a failure to notify is logged and retried later, never shown to the visitor.
            transaction.on_commit(partial(notifications.notify, contact_request.pk), robust=True)
        return redirect("contacts:thanks")

    def refuse(self, form, message, status):
        """Show the form again with what the visitor typed, and a fresh timestamp."""
        fresh = ContactForm(data=self.request.POST)
        fresh.data = fresh.data.copy()
        fresh.data["shown_at"] = ContactForm().initial["shown_at"]
        fresh.data["website"] = ""
        fresh.is_valid()
        fresh.add_error(None, message)
        response = self.render_to_response(self.get_context_data(form=fresh))
        response.status_code = status
        return response


class ThanksView(TemplateView):
    template_name = "contacts/thanks.html"


class PartnerListView(ListView):
    template_name = "contacts/partner_list.html"
    context_object_name = "partners"

    def get_queryset(self):
        return Partner.objects.published()
