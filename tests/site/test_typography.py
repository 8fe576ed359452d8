"""French spacing is set at output on the text people read, never on code or on what a
visitor typed."""

from aict_site.typography import NBSP, NNBSP, french_markup


def test_double_signs_and_guillemets_get_their_non_breaking_spaces():
    assert french_markup("Pourquoi ? Parce que ; enfin ! Note : « un jumelage »") == (
        f"Pourquoi{NNBSP}? Parce que{NNBSP}; enfin{NNBSP}! Note{NBSP}: «{NBSP}un jumelage{NBSP}»"
    )
    # What is already right, and colons that are not punctuation, stay as they are.
    for text in (f"Note{NBSP}:", "à 17:00", "https://example.org/?q=1&a=b", "Bonjour."):
        assert french_markup(text) == text


def test_only_text_and_readable_attributes_change():
    markup = (
        '<p title="Et pour ma collectivité ?">Comprendre : pourquoi ?</p>'
        '<input name="q" placeholder="Son nom ?" value="Bonjour ! ça va ?">'
        "<textarea>Mon message : « tel quel » ?</textarea>"
        '<script type="application/ld+json">{"a": "b ?"}</script>'
        "<style>a :hover { color: red }</style><code>a ? b : c</code>"
    )
    assert french_markup(markup) == (
        f'<p title="Et pour ma collectivité{NNBSP}?">Comprendre{NBSP}: pourquoi{NNBSP}?</p>'
        f'<input name="q" placeholder="Son nom{NNBSP}?" value="Bonjour ! ça va ?">'
        "<textarea>Mon message : « tel quel » ?</textarea>"
        '<script type="application/ld+json">{"a": "b ?"}</script>'
        "<style>a :hover { color: red }</style><code>a ? b : c</code>"
    )


def test_a_label_split_by_a_tag_is_spaced_too():
    assert (
        french_markup("<strong>Adresse</strong> : 5 rue")
        == f"<strong>Adresse</strong>{NBSP}: 5 rue"
    )


def test_the_emails_the_site_writes_have_french_spacing_and_keep_their_addresses():
    from aict_site.typography import french_text

    text = "Quand : mardi\nLien : https://visio.example.org/salle?x=1\nMerci ! « Atelier »"
    assert french_text(text) == (
        "Quand\u00a0: mardi\nLien\u00a0: https://visio.example.org/salle?x=1\n"
        "Merci\u202f! «\u00a0Atelier\u00a0»"
    )


def test_a_mailbox_is_counted_once_whatever_its_tag_or_case():
    from aict_site.ratelimit import mailbox

    assert mailbox("Camille+Alertes@Mairie.FR") == "camille@mairie.fr"
    assert mailbox("camille@mairie.fr") == mailbox("CAMILLE+x+y@mairie.fr")
    assert mailbox("a+b@c.d") != mailbox("b@c.d")
