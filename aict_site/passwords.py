"""Password reset that cannot be used to flood an inbox or to learn who has an account.

Limited per client address (a 429 with a French message) and per account (silently: the
answer must not tell whether the address has an account). The email goes out from a thread
of its own, so the answer takes the same time whether an email is sent or not.
"""

import logging
import threading

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from .clients import client_network
from .ratelimit import hit

logger = logging.getLogger(__name__)

TOO_MANY = _("Too many reset requests from your connection. Try again in an hour.")


class PasswordResetForm(auth_forms.PasswordResetForm):
    def send_mail(self, *args, **kwargs):
        if not settings.SEND_MAIL_IN_BACKGROUND:
            super().send_mail(*args, **kwargs)
            return
        threading.Thread(target=self._send_quietly, args=args, kwargs=kwargs, daemon=True).start()

    def _send_quietly(self, *args, **kwargs):
        try:
            super().send_mail(*args, **kwargs)
        except Exception as error:
            # The visitor was answered already; the log keeps no address.
            logger.warning("password reset email failed (%s)", type(error).__name__)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm

    def form_valid(self, form):
        network = client_network(self.request)
        if not hit("password-reset", network, settings.PASSWORD_RESET_RATE_LIMIT):
            form.add_error("email", TOO_MANY)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        email = form.cleaned_data["email"].strip().lower()
        if not hit("password-reset-account", email, settings.PASSWORD_RESET_ACCOUNT_LIMIT):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
