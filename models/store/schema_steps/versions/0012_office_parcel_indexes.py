"""Version 12: an office keeps none of the parcel station's pick-up searches either.

By pick-up code, by room, by tracking number: the station's counter asks them, the office never
does (its dashboard and report count parcels by status and by the times they were received,
collected and delivered, which keep their indexes). At an office each cost every imported parcel
a B-tree insert. Gates keep them. Frozen: the names as they were at version 12.
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

GATE_ONLY = ("ix_parcel_code", "ix_parcel_room", "ix_parcel_tracking")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT value FROM meta WHERE key = 'mode'")).scalar() != "office":
        return
    for name in GATE_ONLY:
        op.execute(f"DROP INDEX IF EXISTS {name}")
