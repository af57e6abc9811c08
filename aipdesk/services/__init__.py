"""Use cases: one unit of work per call, validated by the domain rules, logged, and
answered with a `Changes` value that says what changed."""

from aipdesk.services.base import Actor, Changes

__all__ = ["Actor", "Changes"]
