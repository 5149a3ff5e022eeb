"""Version 11: the office's registrations per gate and local day (visit_day), and at an office the
index they are recounted by (visits by gate and time). The figures themselves are counted at the
first read after the upgrade, in the office's time zone. Frozen as made."""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_day",
        sa.Column("gate_id", sa.String(36), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("isolated", sa.Integer(), nullable=False),
        sa.Column("fevers", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("gate_id", "day"))
    op.create_index("ix_visit_day_day", "visit_day", ["day"])
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT value FROM meta WHERE key = 'mode'")).scalar() == "office":
        op.execute("CREATE INDEX IF NOT EXISTS ix_visit_gate_day ON visit (gate_id, created_at)")
