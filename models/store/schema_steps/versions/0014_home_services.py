"""Version 14: the home-service ledger (上门服务台账): residents who need help at home and the services
done for them. Frozen as made."""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _record() -> list[sa.Column]:
    return [sa.Column("id", sa.String(36), nullable=False),
            sa.Column("station_id", sa.String(36), nullable=False),
            sa.Column("gate_id", sa.String(36), nullable=True),
            sa.Column("operator_id", sa.String(36), nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("rev", sa.Integer(), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "home_need", *_record(),
        sa.Column("resident_id", sa.String(36), nullable=True),
        sa.Column("building", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("room", sa.String(20), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("note", sa.String(100), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.Column("since", sa.String(10), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_home_need_open", "home_need", ["ended_at", "building", "unit", "room"])
    op.create_index("ix_home_need_created", "home_need", ["created_at"])
    op.create_table(
        "home_service", *_record(),
        sa.Column("need_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("due_on", sa.String(10), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("volunteer", sa.String(40), nullable=True),
        sa.Column("parcel_id", sa.String(36), nullable=True),
        sa.Column("note", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["need_id"], ["home_need.id"]),
        sa.ForeignKeyConstraint(["parcel_id"], ["parcel.id"]))
    op.create_index("ix_home_service_need", "home_service", ["need_id", "done_at"])
    op.create_index("ix_home_service_open", "home_service", ["done_at", "due_on"])
    op.create_index("ix_home_service_created", "home_service", ["created_at"])
