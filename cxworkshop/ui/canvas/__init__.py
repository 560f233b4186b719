"""The board: a QGraphicsScene of notes, frames and links, and the view that zooms it."""
