"""A schematic map of the five départements of Hauts-de-France, drawn as inline SVG.

The outlines are hand-simplified from approximate coordinates (longitude, latitude) of each
département's borders, enough to recognise the region and click a département: they are not
survey data. Shared borders use the same points, so the shapes tile without gaps.
"""

from django.utils.translation import gettext_lazy as _

WEST, NORTH = 1.35, 51.15
SCALE_X, SCALE_Y = 140, 200  # about the same ground distance per unit at 50° N

# Shared border points.
A = (3.1, 50.1)  # Nord, Pas-de-Calais, Somme
B = (3.2, 49.95)  # Nord, Somme, Aisne
C = (3.1, 49.7)  # Somme, Oise, Aisne
D = (1.7, 49.7)  # Somme, Oise (west)
E = (2.1, 51.0)  # Nord, Pas-de-Calais (coast)
NORD_62 = [(2.3, 50.8), (2.6, 50.7), (2.8, 50.6), (2.9, 50.45), (3.0, 50.25)]
SOMME_62 = [(2.5, 50.12), (2.2, 50.2), (1.9, 50.3)]
SOMME_OISE = [(2.1, 49.72), (2.5, 49.62), (2.8, 49.6)]
AISNE_OISE = [(3.1, 49.5), (3.05, 49.3), (3.15, 49.05)]
NORD_AISNE = [(3.6, 50.0), (4.0, 49.97), (4.2, 50.0)]
AUTHIE = (1.6, 50.37)

OUTLINES = {
    "59": [E, (2.37, 51.05), (2.55, 51.09), (2.9, 50.9), (3.1, 50.78), (3.3, 50.55),
           (3.7, 50.45), (4.1, 50.35), (4.2, 50.1), *reversed(NORD_AISNE), B, A,
           *reversed(NORD_62)],
    "62": [AUTHIE, (1.57, 50.6), (1.6, 50.87), (1.85, 50.96), E, *NORD_62, A,
           *SOMME_62],
    "80": [AUTHIE, (1.45, 50.15), (1.4, 50.05), (1.6, 49.95), D, *SOMME_OISE, C,
           (3.2, 49.85), B, A, *SOMME_62],
    "60": [D, *SOMME_OISE, C, *AISNE_OISE, (2.8, 49.1), (2.4, 49.15), (2.0, 49.2),
           (1.7, 49.25), (1.75, 49.45)],
    "02": [B, *NORD_AISNE, (4.25, 49.8), (4.05, 49.6), (3.9, 49.4), (3.6, 49.15),
           (3.45, 48.9), (3.3, 48.85), *reversed(AISNE_OISE), C, (3.2, 49.85)],
}  # fmt: skip
LABELS = {"59": (3.55, 50.3), "62": (2.25, 50.5), "80": (2.35, 49.9), "60": (2.45, 49.4),
          "02": (3.6, 49.55)}  # fmt: skip
VIEWBOX = "0 0 420 470"
SHADES = [(0, "shade-0"), (1, "shade-1"), (3, "shade-2"), (6, "shade-3")]
LEGEND = [
    ("shade-0", _("none")),
    ("shade-1", _("1 or 2")),
    ("shade-2", _("3 to 5")),
    ("shade-3", _("6 or more")),
]


def project(point):
    longitude, latitude = point
    return round((longitude - WEST) * SCALE_X, 1), round((NORTH - latitude) * SCALE_Y, 1)


def shade(count):
    return [name for threshold, name in SHADES if count >= threshold][-1]


def map_areas(counts, names):
    """What the template draws: each département's path, label position, count and shade."""
    areas = []
    for code, outline in OUTLINES.items():
        points = [project(point) for point in outline]
        path = "M" + " L".join(f"{x} {y}" for x, y in points) + " Z"
        x, y = project(LABELS[code])
        count = counts.get(code, 0)
        areas.append(
            {
                "code": code,
                "name": names.get(code, code),
                "path": path,
                "x": x,
                "y": y,
                "count": count,
                "shade": shade(count),
            }
        )
    return areas
