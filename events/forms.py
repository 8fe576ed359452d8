from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aict_site.publicforms import AntiSpamForm
from reference.models import AuthorityType

from .models import Registration


class RegistrationForm(AntiSpamForm, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "authority_type"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email address"),
            "organisation": _("Your authority or organisation"),
            "authority_type": _("Authority type (optional)"),
        }

    ALREADY_REGISTERED = _(
        "This address is already registered for this event: one registration per person."
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["authority_type"].queryset = AuthorityType.objects.all()
        self.fields["authority_type"].empty_label = _("Not specified")

    def clean_email(self):
        email = self.cleaned_data["email"]
        if self.event is not None and self.event.registrations.filter(email__iexact=email).exists():
            raise ValidationError(self.ALREADY_REGISTERED, code="registered")
        return email
