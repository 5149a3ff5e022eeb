"""Version 13: the compound's testing rounds (全员核酸): a round, one line per person due, and the
corrections made once it is closed. An office keeps no index by resident (only the gate's scan
path asks it). Frozen as made."""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
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
        "testing_round", *_record(),
        sa.Column("compound_id", sa.String(36), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("title", sa.String(100), nullable=False),
        sa.Column("points", sa.String(300), nullable=False),
        sa.Column("buildings", sa.String(300), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["compound_id"], ["compound.id"]))
    op.create_index("ix_testing_round_day", "testing_round", ["day"])
    op.create_table(
        "round_person", *_record(),
        sa.Column("round_id", sa.String(36), nullable=False),
        sa.Column("resident_id", sa.String(36), nullable=True),
        sa.Column("building", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("floor", sa.String(10), nullable=False),
        sa.Column("room", sa.String(20), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("on_spot", sa.Boolean(), nullable=False),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("at_home", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(20), nullable=True),
        sa.Column("note", sa.String(100), nullable=False),
        sa.Column("sampled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("point", sa.String(30), nullable=True),
        sa.Column("sampled_by", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["round_id"], ["testing_round.id"]))
    op.create_index("ix_round_person_place", "round_person", ["round_id", "building", "unit", "room"])
    op.create_index("ix_round_person_created", "round_person", ["created_at"])
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT value FROM meta WHERE key = 'mode'")).scalar() != "office":
        op.create_index("ix_round_person_resident", "round_person", ["round_id", "resident_id"])
    op.create_table(
        "round_correction", *_record(),
        sa.Column("round_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(30), nullable=False),
        sa.Column("old_value", sa.String(100), nullable=False),
        sa.Column("new_value", sa.String(100), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["round_id"], ["testing_round.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["round_person.id"]))
    op.create_index("ix_round_correction_round_id", "round_correction", ["round_id"])
