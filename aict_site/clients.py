"""Who is asking: the visitor's address, behind as many proxies as PROXY_COUNT says, and the
network that limits count."""

import ipaddress

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


def client_network(request):
    """What rate limits and the admin's lock-out count: an IPv4 address, or the /64 an IPv6
    address belongs to (written as its first address), since one household or one server
    holds a whole /64 and could change address for every request."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)
