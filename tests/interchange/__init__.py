"""Tests of INTERCHANGE v1: the JSON twin of a workshop file."""
