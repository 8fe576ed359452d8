"""Who is asking: the visitor's address, behind as many proxies as PROXY_COUNT says."""

from django.conf import settings


def client_ip(request):
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
