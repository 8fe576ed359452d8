from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """The source strings are French already: a fuzzy guess from a neighbouring string is
    always wrong, so new strings start untranslated and `msgen` copies them over."""

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
