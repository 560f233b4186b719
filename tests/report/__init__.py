"""Tests of the printed outputs (the council pack): PDFs read back with pypdf, no Qt."""
