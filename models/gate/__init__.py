"""The gate desk: the five checks, the decision, visits, check-in posters."""
