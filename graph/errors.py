"""Errors a user can cause and fix.  The CLI prints them as one clear line (no traceback)."""

from __future__ import annotations


class UserError(Exception):
    """A mistake in what the user asked for (bad path, malformed query, endpoint down ...)."""

    exit_code = 2


class ValidationFailed(UserError):
    """The graph does not conform to the shapes."""

    exit_code = 1
