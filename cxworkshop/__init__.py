"""CX Workshop: a facilitator's desktop app for cross-department customer-experience workshops."""

__version__ = "0.1.0"
