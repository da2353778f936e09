"""Plain HTTP for the view-server tests: GET and POST that return 4xx instead of raising, a free port."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request


def http_get(url: str, timeout: float = 5.0) -> tuple[int, bytes, dict]:
    """(status, body, headers) without raising on 4xx."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def http_post(url: str, payload: dict, timeout: float = 5.0) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
