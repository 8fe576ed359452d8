"""What the logs may hold of an address: the path alone, percent-encoded as received, with no
secret and no character that could forge a line. Used by gunicorn's access log
(gunicorn.conf.py) and by Django's own request warnings (« Not Found: … »)."""

import logging
import re

# Secrets that travel in a path: a registrant's ticket, a password-reset token, the signed
# links of the alerts (confirm, manage, unsubscribe).
SECRET_IN_PATH = re.compile(
    r"(/inscription/|/reinitialiser/[^/]+/|/alertes/(?:confirmer|gerer|desabonnement)/)[^/\s]+"
)
# What a log line must not hold as it is: control characters, and the backslash that escapes
# them, written as \xNN.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\\]")


def printable(text):
    return UNPRINTABLE.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


def without_secrets(url):
    """The path alone: no query string (staff search the inbox by email address), no ticket
    or token, no control character."""
    if not url or url == "-":
        return url
    return SECRET_IN_PATH.sub(r"\1…", printable(url.split("?", 1)[0]))


class WithoutSecrets(logging.Filter):
    """For Django's request warnings, which name the path they refused: the same masking."""

    def filter(self, record):
        message = record.getMessage()
        record.msg = SECRET_IN_PATH.sub(r"\1…", printable(message))
        record.args = ()
        return True
