"""The Ambition stage screen."""
