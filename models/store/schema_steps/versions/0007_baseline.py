"""Version 7: the schema as the hand-written steps leave it, and as a new database is created.

Nothing to do: a database reaches version 7 through models/store/migrations.py or is created
whole. Later steps follow this one.
"""
revision = "0007"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass
