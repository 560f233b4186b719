"""The Discover stage: board, capture bar, barrier summary."""
