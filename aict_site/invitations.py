"""« Inviter un collègue »: an administrator gives a name, an address and a role; the site
makes the staff account and mails a link where the colleague chooses a password — one screen
instead of two forms and a raw list of permissions, and no password passed around."""

import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .roles import ROLES


class InvitationForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("Email"))
    role = forms.ChoiceField(
        label=gettext_lazy("Role"),
        choices=[(name, name) for name in ROLES],
        help_text=gettext_lazy(
            "Rédaction: the content. Accueil: the requests and registrations. Administration: "
            "everything, accounts and site settings included."
        ),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account already uses this address."))
        return email


def invite(request, form):
    """The account, in its role, with a password nobody knows until the colleague sets one;
    then the mail. Returns the link, for the message when the mail could not leave."""
    data = form.cleaned_data
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            username=data["email"],
            email=data["email"],
            password=secrets.token_urlsafe(32),
            first_name=data["first_name"],
            last_name=data["last_name"],
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=data["role"]))
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = request.build_absolute_uri(reverse("password_reset_confirm", args=[uid, token]))
    context = {
        "user": user,
        "role": data["role"],
        "link": link,
        "inviter": request.user.get_full_name() or request.user.get_username(),
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        "admin": request.build_absolute_uri(reverse("admin:index")),
    }
    body = render_to_string("admin/auth/user/invitation_email.txt", context).strip() + "\n"
    subject = _("Your account on the Lianes coopération site")
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:
        return user, link
    return user, None


def invitation_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, unsent = invite(request, form)
        if unsent:
            text = _(
                "The account of %(name)s is made, but the mail could not be sent: give them "
                "this link to choose a password: %(link)s"
            )
            messages.warning(request, text % {"name": user.get_full_name(), "link": unsent})
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s: the account opens once a password is chosen.")
                % {"email": user.email},
            )
        return redirect("admin:auth_user_change", user.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Invite a colleague"),
        "form": form,
    }
    return TemplateResponse(request, "admin/auth/user/invite.html", context)
