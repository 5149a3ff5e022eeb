"""Helpers with no tables of their own: checking typed text, masking, drawing pages, fonts."""
