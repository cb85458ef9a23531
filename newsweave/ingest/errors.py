"""Why an input was not used. The message is the one-line reason a user sees."""


class InputSkipped(Exception):
    """Raised by ingest helpers for an input that cannot be used; ``str(e)`` is the reason."""
