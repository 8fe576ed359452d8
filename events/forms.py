from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from aict_site.antispam import AntiSpamForm
from contacts.forms import no_control_characters
from contacts.models import AuthorityType

from .models import Registration


class RegistrationForm(AntiSpamForm, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "authority_type"]
        labels = {
            "name": _("Votre nom"),
            "email": _("Votre adresse électronique"),
            "organisation": _("Votre collectivité ou organisation"),
            "authority_type": _("Type de collectivité (facultatif)"),
        }

    ALREADY_REGISTERED = _(
        "Cette adresse est déjà inscrite à cet événement : une seule inscription par personne."
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["authority_type"].queryset = AuthorityType.objects.all()
        self.fields["authority_type"].empty_label = _("Non précisé")
        self.fields["name"].validators.append(no_control_characters)
        self.fields["organisation"].validators.append(no_control_characters)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_email(self):
        email = self.cleaned_data["email"]
        if self.event is not None and self.event.registrations.filter(email__iexact=email).exists():
            raise ValidationError(self.ALREADY_REGISTERED, code="registered")
        return email
