"""The addresses the director can offer the view server on: this machine's IPv4 LAN addresses (the one
with the default route first) and 127.0.0.1. Found with the socket module alone; nothing is sent."""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK = "127.0.0.1"
ANY_ADDRESS = ("0.0.0.0", "::")
_PROBE = ("192.0.2.1", 9)  # a documentation address: connecting a UDP socket only picks the route


def _routed_address() -> str | None:
    """The address this machine would use to reach the network (None without a network)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE)
            return probe.getsockname()[0]
    except OSError:
        return None


def lan_addresses() -> list[str]:
    """IPv4 addresses of this machine other than loopback, most likely first (may be empty)."""
    found: list[str] = []
    routed = _routed_address()
    if routed:
        found.append(routed)
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if address not in found:
            found.append(address)
    return [
        a
        for a in found
        if not ipaddress.ip_address(a).is_loopback and not ipaddress.ip_address(a).is_unspecified
    ]


def choices() -> list[str]:
    """What the director picks from: the LAN addresses, then this machine only."""
    return [*lan_addresses(), LOOPBACK]


def shown_host(bound: str) -> str:
    """The address to put in a URL for a server bound to `bound` (a wildcard shows a LAN address)."""
    if bound in ANY_ADDRESS:
        lan = lan_addresses()
        return lan[0] if lan else LOOPBACK
    return bound
