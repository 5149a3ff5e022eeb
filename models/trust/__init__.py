"""Operators, roles and PINs, the audit chain, retention, restores."""
