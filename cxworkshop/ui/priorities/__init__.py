"""The Priorities stage screen."""
