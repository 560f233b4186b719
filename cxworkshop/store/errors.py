"""The one exception a caller of the store needs to show a person."""


class SessionFileError(Exception):
    """A session file cannot be opened, created or copied; the message is one sentence that
    names the file and says what is wrong, fit to show as it is."""
