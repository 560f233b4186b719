"""The session file and nothing else. No Qt."""

from .errors import SessionFileError
from .schema import APPLICATION_ID, SCHEMA_VERSION
from .session import Session, create_file, lock_path

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "Session", "SessionFileError", "create_file",
           "lock_path"]
