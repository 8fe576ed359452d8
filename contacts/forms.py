import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AuthorityType, ContactRequest, ContactSubject, Departement

TIMESTAMP_SALT = "contacts.form-shown-at"
MAX_AGE_SECONDS = 24 * 3600


class SpamRefused(Exception):
    """A submission a person would not send: stored nowhere, answered politely."""


def no_control_characters(value):
    if any(ord(char) < 32 for char in value):
        raise ValidationError(_("Ce champ ne peut pas contenir de saut de ligne."))


class ContactForm(forms.ModelForm):
    # A field hidden from people; bots fill it in.
    website = forms.CharField(required=False, label=_("Ne pas remplir ce champ"))
    shown_at = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = ContactRequest
        fields = [
            "name", "email", "organisation", "authority_type", "departement", "subject", "message",
        ]  # fmt: skip
        labels = {
            "name": _("Votre nom"),
            "email": _("Votre adresse électronique"),
            "organisation": _("Votre collectivité ou organisation"),
            "authority_type": _("Type de collectivité (facultatif)"),
            "departement": _("Votre département (facultatif)"),
            "subject": _("Objet de votre demande"),
            "message": _("Votre message"),
        }
        help_texts = {
            "email": _("Pour vous répondre, par exemple : prenom.nom@mairie.fr"),
            "message": _("5 000 caractères au plus."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = ContactSubject.objects.published()
        self.fields["subject"].required = True
        self.fields["subject"].empty_label = _("Choisissez un objet")
        self.fields["authority_type"].queryset = AuthorityType.objects.all()
        self.fields["authority_type"].empty_label = _("Non précisé")
        self.fields["departement"].queryset = Departement.objects.all()
        self.fields["departement"].empty_label = _("Non précisé")
        self.fields["name"].validators.append(no_control_characters)
        self.fields["organisation"].validators.append(no_control_characters)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["message"].widget.attrs["maxlength"] = 5000
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial["shown_at"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)

    def check_not_spam(self):
        """Raise SpamRefused for a filled honeypot or a form posted faster than a person can."""
        if self.data.get("website"):
            raise SpamRefused("honeypot")
        try:
            shown_at = signing.loads(
                self.data.get("shown_at", ""), salt=TIMESTAMP_SALT, max_age=MAX_AGE_SECONDS
            )
        except signing.BadSignature:
            raise SpamRefused("timestamp") from None
        if time.time() - float(shown_at) < settings.CONTACT_MIN_SECONDS:
            raise SpamRefused("too fast")
