"""The Diagnostics screen: scoring grid and projected results."""
