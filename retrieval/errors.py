"""The two error families: the user's to fix, and the backend's (maybe worth a retry)."""

from __future__ import annotations


class CrosscheckError(Exception):
    """Base of every error Crosscheck reports to a person."""


class UserError(CrosscheckError):
    """Bad input or configuration; the message says how to fix it."""


class ConfigError(UserError):
    """A setting is missing or wrong."""


class MissingDependencyError(UserError):
    """An optional dependency is not installed; the message names what to install."""


class InputError(UserError):
    """A file or question that cannot be used as given."""


class BackendError(CrosscheckError):
    """A model or store failed; ``retryable`` says whether trying again can help."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable
