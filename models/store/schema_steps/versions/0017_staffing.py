"""Version 17: staffing (下沉干部与志愿者): the people who take posts, the posts and shifts of the
compound's rota, who is on which shift, and their check-ins at the post. Frozen as made."""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
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
        "volunteer", *_record(),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("sent_by", sa.String(60), nullable=False),
        sa.Column("posts", sa.String(60), nullable=False),
        sa.Column("card_no", sa.Integer(), nullable=False),
        sa.Column("pin_hash", sa.String(200), nullable=False),
        sa.Column("guard_id", sa.String(36), nullable=True),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_volunteer_sent_by", "volunteer", ["sent_by"])
    op.create_index("ix_volunteer_left", "volunteer", ["left_at"])
    op.create_table(
        "duty_post", *_record(),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("critical", sa.Boolean(), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"))
    op.create_table(
        "rota_shift", *_record(),
        sa.Column("post_id", sa.String(36), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("min_people", sa.Integer(), nullable=False),
        sa.Column("max_people", sa.Integer(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["post_id"], ["duty_post.id"]))
    op.create_index("ix_rota_shift_day", "rota_shift", ["day", "post_id"])
    op.create_index("ix_rota_shift_starts", "rota_shift", ["starts_at"])
    op.create_table(
        "shift_assignment", *_record(),
        sa.Column("shift_id", sa.String(36), nullable=False),
        sa.Column("volunteer_id", sa.String(36), nullable=False),
        sa.Column("how", sa.String(12), nullable=False),
        sa.Column("reserve", sa.Boolean(), nullable=False),
        sa.Column("cut_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cut_reason", sa.String(60), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["shift_id"], ["rota_shift.id"]),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"]))
    op.create_index("ix_shift_assignment_shift", "shift_assignment", ["shift_id", "volunteer_id"])
    op.create_index("ix_shift_assignment_person", "shift_assignment", ["volunteer_id"])
    op.create_table(
        "shift_checkin", *_record(),
        sa.Column("shift_id", sa.String(36), nullable=False),
        sa.Column("volunteer_id", sa.String(36), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("in_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("out_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("auto_closed", sa.Boolean(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["shift_id"], ["rota_shift.id"]),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"]))
    op.create_index("ix_shift_checkin_shift", "shift_checkin", ["shift_id", "volunteer_id"])
    op.create_index("ix_shift_checkin_open", "shift_checkin", ["out_at"])
    op.create_index("ix_shift_checkin_in", "shift_checkin", ["in_at"])
