"""The compound, its gates, this station and its settings."""
