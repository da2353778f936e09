"""The access tokens of the view server: one random view token a show (in the QR code), and an optional,
separate operator token that also lets a device press next and the markers. Compared in constant time."""

from __future__ import annotations

import hmac
import secrets
import threading
from enum import StrEnum

TOKEN_BYTES = 16  # 128 random bits, 22 URL-safe characters


class Access(StrEnum):
    VIEW = "view"
    OPERATOR = "operator"


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class AccessTokens:
    """Read by the server's thread, changed by the director's: a lock keeps each pair consistent."""

    def __init__(self, view: str | None = None) -> None:
        self._lock = threading.Lock()
        self._view = view or new_token()
        self._operator: str | None = None

    @property
    def view(self) -> str:
        with self._lock:
            return self._view

    @property
    def operator(self) -> str | None:
        with self._lock:
            return self._operator

    def renew_view(self) -> str:
        """A new view token (on request and at every new show); the old one stops working at once."""
        with self._lock:
            self._view = new_token()
            return self._view

    def enable_operator(self) -> str:
        """A fresh operator token (a second device's keys); replaces any earlier one."""
        with self._lock:
            self._operator = new_token()
            return self._operator

    def revoke_operator(self) -> None:
        with self._lock:
            self._operator = None

    def check(self, given: str | None) -> Access | None:
        """What `given` allows: the operator's keys, viewing only, or nothing (None)."""
        if not given:
            return None
        with self._lock:
            view, operator = self._view, self._operator
        candidate = given.encode()
        # both comparisons always run, so the time taken says nothing about which token was close
        is_operator = operator is not None and hmac.compare_digest(candidate, operator.encode())
        is_view = hmac.compare_digest(candidate, view.encode())
        if is_operator:
            return Access.OPERATOR
        return Access.VIEW if is_view else None
