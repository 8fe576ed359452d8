"""What the model deliberation's brackets become for one authority: its name as a sentence
needs it, its council and executive, the articles it cites and the court its acts go before.
Each article cited is the law's own (CGCT); the sources are named beside each.
"""

from reference import names
from reference.models import Level

# The article by which each level's assembly settles its affairs: L2121-29 (commune), L3211-1
# (département), L4221-1 (région), read on collectivites-locales.gouv.fr (« Le conseil
# municipal »), circulaires.legifrance.gouv.fr (CGCT, section of L3211-1) and legifrance.gouv.fr
# (CGCT, chapter of L4221-1); an EPCI's assembly follows the municipal council's rules
# (L5211-1, legifrance.gouv.fr) within the competences of its statutes.
COMPETENCE_VISAS = {
    Level.COMMUNE: (
        "Vu l’article L2121-29 du même code, selon lequel le conseil municipal règle par ses "
        "délibérations les affaires de la commune ;"
    ),
    Level.DEPARTEMENT: (
        "Vu l’article L3211-1 du même code, selon lequel le conseil départemental règle par ses "
        "délibérations les affaires du département dans les domaines de compétences que la loi "
        "lui attribue ;"
    ),
    Level.REGION: (
        "Vu l’article L4221-1 du même code, selon lequel le conseil régional règle par ses "
        "délibérations les affaires de la région dans les domaines de compétences que la loi "
        "lui attribue ;"
    ),
    Level.EPCI: (
        "Vu l’article L5211-1 du même code, qui applique à l’organe délibérant des "
        "établissements publics de coopération intercommunale les règles de fonctionnement du "
        "conseil municipal ;\n\nVu les statuts {of}, [arrêté préfectoral du [date]] ;"
    ),
}

# The « 1 % » articles, for the levels that may hold a lever (communes and their groupings;
# the texts do not name départements or régions): L1115-1-1 (water, sanitation, electricity
# and gas), L1115-2 (household waste), L1115-3 (mobility).
LEVER_VISA = (
    "[Si un « 1 % » finance l’action : vu l’article L1115-1-1 du même code (eau potable, "
    "assainissement, distribution d’électricité et de gaz), l’article L1115-2 (déchets des "
    "ménages) ou l’article L1115-3 (mobilité), selon le service qui la finance ;]"
)

BLANK = {
    "COLLECTIVITÉ": "[Nom de la collectivité]",
    "LA COLLECTIVITÉ": "[la collectivité]",
    "DE LA COLLECTIVITÉ": "[de la collectivité]",
    "LE CONSEIL": "[Le conseil municipal, communautaire, départemental ou régional]",
    "DU CONSEIL": "[du conseil municipal, communautaire, départemental ou régional]",
    "L’EXÉCUTIF": "[le maire ou le président]",
    "VISA DE COMPÉTENCE": "[Vu l’article du code qui fonde la compétence de votre assemblée : "
    "L2121-29 (commune), L3211-1 (département), L4221-1 (région), ou les statuts de "
    "l’intercommunalité ;]",
    "VISA DES LEVIERS": LEVER_VISA,
    "TRIBUNAL": "tribunal administratif [de Lille pour le Nord et le Pas-de-Calais, d’Amiens "
    "pour l’Aisne, l’Oise et la Somme]",
    "TYPE": "[type de collectivité]",
}


def values_for(territory):
    """The text of each bracket for `territory` (None: the blank model's hints)."""
    if territory is None:
        return dict(BLANK)
    assembly, executive = names.council(territory)
    of_territory = names.of_territory(territory)
    has_levers = territory.level in (Level.COMMUNE, Level.EPCI)
    return {
        "COLLECTIVITÉ": names.designation(territory),
        "LA COLLECTIVITÉ": names.with_article(territory),
        "DE LA COLLECTIVITÉ": of_territory,
        "LE CONSEIL": assembly[0].upper() + assembly[1:],
        "DU CONSEIL": names.of(assembly),
        "L’EXÉCUTIF": executive,
        "VISA DE COMPÉTENCE": COMPETENCE_VISAS[territory.level].format(of=of_territory),
        "VISA DES LEVIERS": LEVER_VISA if has_levers else "",
        "TRIBUNAL": names.court(territory),
        "TYPE": str(territory.get_level_display()),
    }
