"""The one flow of every public form (contact, registration): hardened fields, and what keeps
robots out without bothering people — a honeypot field, a signed single-use timestamp (a
person takes a few seconds to fill a form in, and sends it once) and a rate limit per address.

A refused post stores nothing; the form comes back with what the person typed, with a French
message and a 4xx status (PublicFormMixin).

A form page can be served from the page cache: the page holds a placeholder where the
timestamp goes, and FormTimestampMiddleware writes a fresh signed timestamp in each response,
cached or not (a view showing such a form uses PublicFormMixin, which marks its response for
the middleware). Such a form carries no CSRF token (which would make the page one visitor's):
the views that drop it (`same_origin_only`) refuse a post another site made a browser send, by
its Origin header, or its Referer where a browser sends no Origin — the check Django's CSRF
middleware makes besides the token.
"""

import functools
import hashlib
import secrets
import time
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from . import counters
from .clients import client_network
from .ratelimit import hit

TIMESTAMP_SALT = "aict_site.form-shown-at"
MAX_AGE_SECONDS = 24 * 3600


# Single-line fields that go into email headers and CSV cells: no line break, no control code.
SINGLE_LINE_FIELDS = ("name", "organisation")
AUTOCOMPLETE = {"name": "name", "email": "email", "organisation": "organization"}


def no_control_characters(value):
    if any(ord(char) < 32 for char in value):
        raise ValidationError(_("This field cannot contain a line break."))


class SpamRefused(Exception):
    """A submission a person would not send."""


@functools.lru_cache(maxsize=16)
def _signer(key, fallback_keys, scope):
    return signing.Signer(
        key=key, fallback_keys=list(fallback_keys), salt=f"{TIMESTAMP_SALT}:{scope}"
    )


def signer(scope):
    """The signer of one kind of form (`spam_scope`): a timestamp made for the contact form is
    no timestamp of the alerts form. Made once per key: a signer checks its settings when made,
    a cost paid per form served."""
    return _signer(settings.SECRET_KEY, tuple(settings.SECRET_KEY_FALLBACKS), scope)


def timestamp(scope, seconds_ago=0):
    # The nonce makes two forms shown in the same instant two different tokens. A plain signed
    # string, not signing.dumps: it is made for every form page served, cached or not, and
    # costs a quarter as much without the JSON and the signer's own timestamp.
    shown_at = time.time() - seconds_ago
    return signer(scope).sign(f"{shown_at:.3f}:{secrets.token_hex(8)}")


def shown_at(token, scope):
    """When the form of kind `scope` holding `token` was shown; BadSignature for a forged or
    malformed one, or one made for another form."""
    value = signer(scope).unsign(token)
    try:
        return float(value.split(":", 1)[0])
    except ValueError:
        raise signing.BadSignature("not a timestamp") from None


# What a rendered form holds until a response leaves: never a valid signed value.
TIMESTAMP_PLACEHOLDER = "form-shown-at-filled-when-served"
_PLACEHOLDER_BYTES = TIMESTAMP_PLACEHOLDER.encode()
# Set by the views that show a form (PublicFormMixin) to the form's kind, kept with the page in
# the cache: only those responses are searched for placeholders, not every page of the site.
HAS_FORM_HEADER = "X-Form-Timestamp"


NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"


class FormTimestampMiddleware:
    """Each response that carries a form gets its own fresh timestamp, after the page cache
    (which keeps the placeholder), so that a cached page is still one single-use token per
    visitor. Such a response must not be kept by the browser or a proxy either."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        scope = response.get(HAS_FORM_HEADER)
        if scope is None:
            return response
        del response[HAS_FORM_HEADER]
        if response.streaming:
            return response
        parts = response.content.split(_PLACEHOLDER_BYTES)
        if len(parts) > 1:
            filled = [parts[0]]
            for part in parts[1:]:
                filled += (timestamp(scope).encode(), part)
            response.content = b"".join(filled)
            if response.has_header("Content-Length"):
                # Set for the page with its placeholder: a server sends only that many bytes.
                response["Content-Length"] = str(len(response.content))
            # The page cache's ETag names the page with its placeholder: no longer these bytes.
            del response["ETag"]
            # What add_never_cache_headers writes, without parsing the header it replaces.
            response["Cache-Control"] = NEVER_CACHE
            response["Expires"] = http_date()
        return response


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def first_use(token):
    """True the first time a token is spent; a replay of the same form is refused."""
    return counters.increment(f"form-token:{_digest(token)}", MAX_AGE_SECONDS + 60) == 1


def _sent(data):
    """What a post held, as a digest: the same form sent again is the same post only if
    nothing in it changed (the browser's back button keeps the token with edited text)."""
    fields = sorted((name, data.getlist(name)) for name in data if name != "csrfmiddlewaretoken")
    return hashlib.sha256(repr(fields).encode()).hexdigest()


def mark_done(data, url):
    """Remember where the post of `data` (a form's QueryDict) led, once it is stored."""
    cache.set(f"form-done:{_digest(data.get('shown_at', ''))}", (_sent(data), url), MAX_AGE_SECONDS)


def done_url(data, wait_seconds=None):
    """Where the same post (`data`, its token and every value) led when it was stored,
    waiting a little when it is still being stored (a double click sends the second post
    while the first is saved); None if none was stored, or it held something else."""
    wait_seconds = DONE_WAIT_SECONDS if wait_seconds is None else wait_seconds
    deadline = time.monotonic() + wait_seconds
    key = f"form-done:{_digest(data.get('shown_at', ''))}"
    while True:
        done = cache.get(key)
        if done or time.monotonic() >= deadline:
            break
        time.sleep(0.1)
    return done[1] if done and done[0] == _sent(data) else None


# How long a second post waits for the first one of the same form to be stored.
DONE_WAIT_SECONDS = 3


class AntiSpamForm(forms.Form):
    # A field hidden from people (display: none); robots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    shown_at = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial["shown_at"] = TIMESTAMP_PLACEHOLDER
        for name, field in self.fields.items():
            if name in SINGLE_LINE_FIELDS:
                field.validators.append(no_control_characters)
            if name in AUTOCOMPLETE:
                field.widget.attrs["autocomplete"] = AUTOCOMPLETE[name]

    def check_not_spam(self, scope):
        """Raise SpamRefused for a filled honeypot, or a timestamp that is not one of this kind
        of form's, or a form posted faster than a person can or after a day. The timestamp is
        not spent here (`spend_timestamp`)."""
        if self.data.get("website"):
            raise SpamRefused("honeypot")
        token = self.data.get("shown_at", "")
        try:
            age = time.time() - shown_at(token, scope)
        except signing.BadSignature:
            raise SpamRefused("timestamp") from None
        if age > MAX_AGE_SECONDS:
            raise SpamRefused("expired")
        if age < settings.FORM_MIN_SECONDS:
            raise SpamRefused("too fast")

    def spend_timestamp(self):
        """Raise SpamRefused for a timestamp already spent: the same form sent twice."""
        if not first_use(self.data.get("shown_at", "")):
            raise SpamRefused("replayed")

    def fresh_copy(self, message):
        """The same form, with what was typed, a new timestamp and `message` on top."""
        data = self.data.copy()
        data["shown_at"] = TIMESTAMP_PLACEHOLDER
        data["website"] = ""
        fresh = type(self)(data=data)
        fresh.is_valid()
        fresh.add_error(None, message)
        return fresh


REFUSED = _("Your message could not be sent. Read it again, then send it again.")
# A refusal that is no refusal: the form was sent already, and stored.
AGAIN = "again"
TOO_MANY = _(
    "You have sent many messages in a short time. Try again in an hour, or call us: what you "
    "wrote is kept below."
)


FOREIGN = _(
    "Your message could not be sent: your browser says it comes from another site. Open this "
    "page at its own address and send it again, or call us: what you wrote is kept below."
)


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else "null"


def same_origin(request):
    """False for a post a page of another site made the browser send. Browsers say so in
    Sec-Fetch-Site, and name the page's site in Origin; where one sends no Origin, its Referer
    tells, and over HTTPS it must."""
    if request.META.get("HTTP_SEC_FETCH_SITE") == "cross-site":
        return False
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin in allowed
    referer = request.META.get("HTTP_REFERER")
    if referer:
        return origin_of(referer) in allowed
    return not request.is_secure()


# For a form served from the page cache: no CSRF token, the origin checked instead (screen).
same_origin_only = method_decorator(csrf_exempt, name="dispatch")


def screen(request, form, scope):
    """None when the post may be stored, else (message, HTTP status) for the refusal. The
    origin was checked before the form was read (PublicFormMixin.dispatch); the rate limit is
    counted before the timestamp is spent, so that a refused post spends nothing."""
    try:
        form.check_not_spam(scope)
    except SpamRefused:
        return REFUSED, 400
    if not hit(scope, client_network(request), settings.FORM_RATE_LIMIT):
        return TOO_MANY, 429
    try:
        form.spend_timestamp()
    except SpamRefused:
        # The same form sent twice (a double click, a reload): where the first post led,
        # never « not sent » and never a second record.
        url = done_url(form.data)
        return (AGAIN, url) if url else (REFUSED, 400)
    return None


class PublicFormMixin:
    """For the view of a public form: a post another site made a browser send is refused
    before anything else (403, the form shown again with what was typed); `refusal(form)`
    screens a valid form (None when it may be stored), `refuse()` shows the form again with
    what was typed and a message."""

    spam_scope = None

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            if not same_origin(request):
                return self.refuse(self.posted_form(), FOREIGN, 403)
            # The same form sent again after it was stored: where it led, before anything
            # is read (a registration's address would be « already registered » by then).
            url = done_url(request.POST, wait_seconds=0)
            if url:
                return HttpResponseRedirect(url)
        return super().dispatch(request, *args, **kwargs)

    def posted_form(self):
        """The form with what was posted, unread, to show again."""
        return self.get_form()

    def refusal(self, form):
        refused = screen(self.request, form, self.spam_scope)
        if refused and refused[0] is AGAIN:
            return HttpResponseRedirect(refused[1])
        if refused:
            message, status = refused
            return self.refuse(form, message, status)
        return None

    def done(self, form, url):
        """The post is stored: `url` is where it leads, now and if it is sent again."""
        mark_done(form.data, url)
        return HttpResponseRedirect(url)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response.headers[HAS_FORM_HEADER] = self.spam_scope
        return response

    def refuse(self, form, message, status):
        response = self.render_to_response(self.get_context_data(form=form.fresh_copy(message)))
        response.status_code = status
        return response
