"""How French writes an authority's name in a sentence: « la commune d’Amiens », « du
Touquet-Paris-Plage », « du Département du Nord », « de la Communauté d’agglomération du Pays
de Saint-Omer »; its council, its executive and the administrative court its acts go before.

The official data gives bare names (« Amiens », « Nord », « CA du Pays de Saint-Omer »): pasting
them after « de » wrote « de Amiens », « de Nord », « de CA du … ».
"""

import re
import unicodedata

from .models import Level

# The article of each département of the region: a fact of the language, not of the data.
DEPARTEMENT_ARTICLES = {
    "02": "l’",  # l’Aisne
    "59": "le ",  # le Nord
    "60": "l’",  # l’Oise
    "62": "le ",  # le Pas-de-Calais
    "80": "la ",  # la Somme
}

# The legal forms the official data abbreviates at the start of an EPCI's name.
FORM_PREFIXES = {
    "CA": "Communauté d’agglomération",
    "CC": "Communauté de communes",
    "CU": "Communauté urbaine",
}

# Administrative courts by département: the Lille court judges the acts of the Nord and the
# Pas-de-Calais (lille.tribunal-administratif.fr, « Le tribunal administratif de Lille »), the
# Amiens court those of the Aisne, the Oise and the Somme (conseil-etat.fr, « Un mois, une
# juridiction : le tribunal administratif d’Amiens »).
COURTS = {
    "59": "tribunal administratif de Lille",
    "62": "tribunal administratif de Lille",
    "02": "tribunal administratif d’Amiens",
    "60": "tribunal administratif d’Amiens",
    "80": "tribunal administratif d’Amiens",
}
# The Région's acts go before the court of its seat, Lille.
REGION_COURT = "tribunal administratif de Lille"


def starts_with_vowel(word):
    first = unicodedata.normalize("NFD", word[:1])[:1].lower()
    return first in "aeiouyœæ"


def of(phrase):
    """« de » before `phrase`, elided or contracted as French writes it: « d’Amiens », « du
    Touquet », « des Moëres », « de la Somme », « de L’Étoile », « de Lille »."""
    for article, contracted in (("le ", "du "), ("Le ", "du "), ("les ", "des "), ("Les ", "des ")):
        if phrase.startswith(article):
            # « Le Touquet » is « du Touquet »; a capital stays only where it is not an article.
            return contracted + phrase[len(article) :]
    if starts_with_vowel(phrase):
        return "d’" + phrase
    return "de " + phrase


def to(phrase):
    """« à » before `phrase`: « au Touquet », « aux Moëres », « à Amiens », « à la Somme »."""
    for article, contracted in (("le ", "au "), ("Le ", "au "), ("les ", "aux "), ("Les ", "aux ")):
        if phrase.startswith(article):
            return contracted + phrase[len(article) :]
    return "à " + phrase


def departement_name(code, name):
    """« le Nord », « l’Aisne », « la Somme »."""
    return DEPARTEMENT_ARTICLES.get(code, "") + name


def epci_name(name):
    """The EPCI's name with its legal form spelt out: « CA du Pays de Saint-Omer » is the
    « Communauté d’agglomération du Pays de Saint-Omer »."""
    prefix, _, rest = name.partition(" ")
    if prefix in FORM_PREFIXES and rest:
        return f"{FORM_PREFIXES[prefix]} {rest}"
    return name


def designation(territory):
    """The authority as a deliberation names it, without article: « Commune d’Amiens »,
    « Communauté urbaine de Dunkerque », « Département du Nord », « Région Hauts-de-France »."""
    if territory.level == Level.COMMUNE:
        return "Commune " + of(territory.name)
    if territory.level == Level.EPCI:
        return epci_name(territory.name)
    if territory.level == Level.DEPARTEMENT:
        return "Département " + of(departement_name(territory.code, territory.name))
    return "Région " + territory.name


def with_article(territory):
    """« la commune d’Amiens », « la Communauté d’agglomération du Pays de Saint-Omer », « la
    Métropole Européenne de Lille », « le Département du Nord », « la Région Hauts-de-France »."""
    text = designation(territory)
    if territory.level == Level.COMMUNE:
        return "la " + text[0].lower() + text[1:]
    if territory.level == Level.DEPARTEMENT:
        return "le " + text
    return "la " + text  # communauté, métropole, région: all feminine


def of_territory(territory):
    """« de la commune d’Amiens », « du Département du Nord »."""
    return of(with_article(territory))


COUNCILS = {
    Level.COMMUNE: ("le conseil municipal", "le maire"),
    Level.DEPARTEMENT: ("le conseil départemental", "le président du conseil départemental"),
    Level.REGION: ("le conseil régional", "le président du conseil régional"),
}


def council(territory):
    """The deliberative assembly and the executive: « le conseil municipal » and « le maire »;
    an EPCI's « conseil communautaire » (a métropole's « conseil de la métropole ») and its
    « président »."""
    if territory.level == Level.EPCI:
        if territory.legal_form == "METRO":
            return "le conseil de la métropole", "le président"
        return "le conseil communautaire", "le président"
    return COUNCILS[territory.level]


def court(territory):
    if territory.level == Level.REGION:
        return REGION_COURT
    return COURTS.get(territory.departement_id and territory.departement.code, "")


# What a sentence must never show: « de Amiens », « de Le Touquet », « à Les Moëres »,
# « de Nord », « de Hauts-de-France », « de CA du … ». (« Baie de Somme », « Val de Somme »
# are place names: a département follows « de » wrongly only after a word such as
# « engagement » or « Département ».)
MISTAKES = re.compile(
    r"\b(?:[Dd]e|[Àà]) (?:Le|Les) "
    r"|\b[Dd]e (?:[AEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŒÆ]|Hauts-de-France\b|C[ACU] )"
    r"|(?<!Baie )(?<!Val )\b[Dd]e (?:Nord|Pas-de-Calais|Somme)\b"
)


def mistakes(text):
    """The phrases of `text` French would not write (empty when none)."""
    return [m.group(0) for m in MISTAKES.finditer(text)]
