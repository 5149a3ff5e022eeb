"""Version 8: the office's organisation units (district, sub-district, community, grid), where
each compound sits among them, and the unit an office account is limited to.

Frozen as the tables were made: later changes are steps of their own. An office that already
holds compounds gets them placed by the names their gates gave.
"""
import re
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_unit",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("level", sa.String(12), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("parent_id", sa.String(36), nullable=False),
        sa.Column("merged_into", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("uq_org_unit_name", "org_unit", ["level", "parent_id", "name"], unique=True)
    op.create_table(
        "org_compound",
        sa.Column("compound_id", sa.String(36), nullable=False),
        sa.Column("unit_id", sa.String(36), nullable=False),
        sa.Column("by_office", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("compound_id"))
    op.create_index("ix_org_compound_unit", "org_compound", ["unit_id"])
    op.create_table(
        "operator_scope",
        sa.Column("operator_id", sa.String(36), nullable=False),
        sa.Column("unit_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("operator_id"))
    _place_imported_compounds(op.get_bind())


_AROUND_CJK = re.compile(r"\s*([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])\s*")


def _place_imported_compounds(conn) -> None:
    """Each compound a gate sent, in the lowest unit its set-up named (as the import does now)."""
    units: dict[tuple[str, str, str], str] = {}
    compounds = conn.execute(sa.text(
        "SELECT id, district, subdistrict, community FROM compound "
        "WHERE station_id IN (SELECT station_id FROM sync_station) ORDER BY id")).all()
    for compound_id, *names in compounds:
        parent = ""
        for level, name in zip(("district", "subdistrict", "community"), names):
            name = _AROUND_CJK.sub(r"\1", " ".join((name or "").split()))[:100]
            if not name:
                continue
            key = (level, parent, name)
            if key not in units:
                units[key] = str(uuid.uuid4())
                conn.execute(sa.text("INSERT INTO org_unit (id, level, name, parent_id, merged_into) "
                                     "VALUES (:i, :l, :n, :p, NULL)"),
                             {"i": units[key], "l": level, "n": name, "p": parent})
            parent = units[key]
        if parent:
            conn.execute(sa.text("INSERT INTO org_compound (compound_id, unit_id, by_office) VALUES (:c, :u, :b)"),
                         {"c": compound_id, "u": parent, "b": False})
