import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data):
    """A JSON-LD block; escaped like json_script so no text can close the tag."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag(takes_context=True)
def breadcrumb_jsonld(context, breadcrumbs):
    request = context["request"]
    items = [("Accueil", "/"), *breadcrumbs]
    return jsonld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": index,
                    "name": str(name),
                    "item": request.build_absolute_uri(url or request.path),
                }
                for index, (name, url) in enumerate(items, start=1)
            ],
        }
    )


@register.simple_tag(takes_context=True)
def organization_jsonld(context):
    request = context["request"]
    site_settings = context["site_settings"]
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": site_settings.organisation_name,
        "url": request.build_absolute_uri("/"),
        "logo": request.build_absolute_uri(context.get("logo_url", "/")),
    }
    if site_settings.tagline:
        data["description"] = site_settings.tagline
    if site_settings.social_links:
        data["sameAs"] = [url for _label, url in site_settings.social_links]
    return jsonld(data)


SITE_NAME = "Lianes coopération"


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Still safe: what the template escaped while rendering is not escaped twice.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """`{% capture name %}…{% endcapture %}` renders its content once, on one line, into a
    variable: the base template uses a page's title and description blocks for the <title>,
    the meta description and the Open Graph card alike, and a block renders only once."""
    try:
        _tag, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("capture takes one variable name") from None
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name)


@register.filter(is_safe=True)
def page_title(title):
    """« <title of the page> – Lianes coopération », or the site's name alone: the base
    template adds the suffix, so no page repeats it."""
    title = " ".join(str(title).split())
    return f"{title} – {SITE_NAME}" if title else SITE_NAME


@register.filter(is_safe=True)
def one_line(text):
    """Text on one line, its runs of whitespace as single spaces: lets a template spread a
    meta description over lines."""
    return " ".join(str(text).split())
