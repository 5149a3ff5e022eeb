"""Version 15: gates' bundles kept as the gates signed them, for an office that relays them to the
office above (format-4 office bundles). Frozen as made."""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_relayed",
        sa.Column("receipt_id", sa.String(64), nullable=False),
        sa.Column("station_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_key", sa.String(44), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("forwarded_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("receipt_id"))
    op.create_index("ix_sync_relayed_pending", "sync_relayed", ["forwarded_seq", "received_at"])
