"""Version 16: supervision (督导): standards as versioned templates of items, the teams' visits to
compounds with their answers and photos, the findings to be put right, and the compounds' census;
the compounds a team may visit; an office tells an inspection station from a gate. Frozen as made."""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
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
        "standard", *_record(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("pass_mark", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(100), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_standard_name", "standard", ["name", "version"])
    op.create_table(
        "standard_item", *_record(),
        sa.Column("standard_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(60), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("text", sa.String(200), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("veto", sa.Boolean(), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["standard_id"], ["standard.id"]))
    op.create_index("ix_standard_item_standard", "standard_item", ["standard_id", "position"])
    op.create_table(
        "inspection", *_record(),
        sa.Column("compound_id", sa.String(36), nullable=False),
        sa.Column("compound_name", sa.String(100), nullable=False),
        sa.Column("standard_id", sa.String(36), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("announced", sa.Boolean(), nullable=False),
        sa.Column("gate_name", sa.String(100), nullable=False),
        sa.Column("team", sa.String(200), nullable=False),
        sa.Column("met", sa.String(200), nullable=False),
        sa.Column("note", sa.String(500), nullable=False),
        sa.Column("follows_id", sa.String(36), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("points", sa.Integer(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["standard_id"], ["standard.id"]),
        sa.ForeignKeyConstraint(["follows_id"], ["inspection.id"]))
    op.create_index("ix_inspection_compound", "inspection", ["compound_id", "day"])
    op.create_index("ix_inspection_day", "inspection", ["day"])
    op.create_index("ix_inspection_created", "inspection", ["created_at"])
    op.create_table(
        "inspection_answer", *_record(),
        sa.Column("inspection_id", sa.String(36), nullable=False),
        sa.Column("item_id", sa.String(36), nullable=False),
        sa.Column("answer", sa.String(4), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["standard_item.id"]))
    op.create_index("ix_inspection_answer_item", "inspection_answer", ["inspection_id", "item_id"], unique=True)
    op.create_table(
        "finding", *_record(),
        sa.Column("inspection_id", sa.String(36), nullable=False),
        sa.Column("compound_id", sa.String(36), nullable=False),
        sa.Column("compound_name", sa.String(100), nullable=False),
        sa.Column("gate_name", sa.String(100), nullable=False),
        sa.Column("item_id", sa.String(36), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("text", sa.String(200), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("party", sa.String(20), nullable=False),
        sa.Column("party_name", sa.String(100), nullable=False),
        sa.Column("due_on", sa.String(10), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_in", sa.String(36), nullable=True),
        sa.Column("times_found", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["standard_item.id"]),
        sa.ForeignKeyConstraint(["closed_in"], ["inspection.id"]))
    op.create_index("ix_finding_compound", "finding", ["compound_id", "status"])
    op.create_index("ix_finding_due", "finding", ["status", "due_on"])
    op.create_index("ix_finding_created", "finding", ["created_at"])
    op.create_table(
        "inspection_photo", *_record(),
        sa.Column("inspection_id", sa.String(36), nullable=False),
        sa.Column("item_id", sa.String(36), nullable=True),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["standard_item.id"]))
    op.create_index("ix_inspection_photo_visit", "inspection_photo", ["inspection_id"])
    op.create_index("ix_inspection_photo_created", "inspection_photo", ["created_at"])
    op.create_table(
        "compound_census", *_record(),
        sa.Column("compound_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("property_company", sa.String(100), nullable=False),
        sa.Column("pledge_day", sa.String(10), nullable=True),
        sa.Column("pledge_by", sa.String(100), nullable=False),
        sa.Column("pledge_scan", sa.LargeBinary(), nullable=True),
        sa.Column("plan", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_compound_census_compound", "compound_census", ["compound_id"], unique=True)
    # The stations an office hears from: a gate, or a supervision team's inspection station.
    op.add_column("sync_station", sa.Column("kind", sa.String(12), nullable=False, server_default="gate"))
    op.create_table(
        "compound_listed",
        sa.Column("compound_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("community", sa.String(100), nullable=False),
        sa.Column("subdistrict", sa.String(100), nullable=False),
        sa.Column("district", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(10), nullable=True),
        sa.Column("property_company", sa.String(100), nullable=False),
        sa.Column("listed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("compound_id"))
