class ApplicationError(Exception):
    """A business rule refused the action; the message is shown to the person who asked.

    `status` is the HTTP status every interface answers with (pages, REST API, Open311).
    """

    status = 400

    def __init__(self, message, *, code: str = "invalid", extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.extra = extra or {}


class RateLimited(ApplicationError):
    """Too many submissions from one sender, contact or place in the current window."""

    status = 429

    def __init__(self, message, *, code: str = "rate_limited", extra: dict | None = None):
        super().__init__(message, code=code, extra=extra)
