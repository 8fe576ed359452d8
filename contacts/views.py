from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from aict_site import notifying
from aict_site.publicforms import PublicFormMixin, same_origin_only

from . import notifications
from .forms import ContactForm
from .models import ContactRequest, ContactSubject, Partner


@same_origin_only  # the page is served from the page cache (aict_site.publicforms)
class ContactView(PublicFormMixin, FormView):
    """Validate, save in its own transaction, notify staff after commit, redirect."""

    form_class = ContactForm
    template_name = "contacts/contact.html"
    spam_scope = "contact"

    def get_initial(self):
        """A link may choose the subject: /contact/?objet=accessibilite."""
        initial = super().get_initial()
        code = self.request.GET.get("objet", "")
        if code:
            subject = ContactSubject.objects.published().filter(slug=code).first()
            if subject:
                initial["subject"] = subject
        return initial

    def form_valid(self, form):
        refused = self.refusal(form)
        if refused:
            return refused
        with transaction.atomic():
            contact_request = form.save(commit=False)
            contact_request.office = notifications.route(contact_request)
            contact_request.save()
            # A failure to notify is logged and retried later, never shown to the visitor.
            notifying.notify_after_commit(ContactRequest, contact_request.pk)
        return self.done(form, reverse("contacts:thanks"))


class ThanksView(TemplateView):
    template_name = "contacts/thanks.html"


class PartnerListView(ListView):
    template_name = "contacts/partner_list.html"
    context_object_name = "partners"

    def get_queryset(self):
        return Partner.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners = context["partners"]
        groups = [
            (label, [p for p in partners if p.kind == kind]) for kind, label in Partner.Kind.choices
        ]
        groups.append((_("Other partners"), [p for p in partners if not p.kind]))
        context["groups"] = [(label, members) for label, members in groups if members]
        return context
