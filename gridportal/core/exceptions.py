class ApplicationError(Exception):
    """A business rule refused the action; the message is shown to the person who asked."""

    def __init__(self, message, *, code: str = "invalid", extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.extra = extra or {}
