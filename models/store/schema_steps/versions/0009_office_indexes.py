"""Version 9: an office keeps only the indexes its own screens and reports use.

The gate's searches (name, phone and ID tails, kind, decision) and its on-site list are the
gate's; at an office every one of them cost each imported visit a B-tree insert and was never
read. Gates keep them. Frozen: the names as they were at version 9.
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

GATE_ONLY = ("ix_visit_name", "ix_visit_phone_tail", "ix_visit_id_tail", "ix_visit_kind", "ix_visit_decision",
             "ix_visit_onsite")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT value FROM meta WHERE key = 'mode'")).scalar() != "office":
        return
    for name in GATE_ONLY:
        op.execute(f"DROP INDEX IF EXISTS {name}")
