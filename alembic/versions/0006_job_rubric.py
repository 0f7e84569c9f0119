"""the recruiter's rubric: match_job.rubric / rubric_version, match_cv.rubric_version and the
match_rubric_version table (each version's requirements and the ranking it gave)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 15:45:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("match_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rubric", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("rubric_version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("match_cv", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rubric_version", sa.Integer(), nullable=True))

    op.create_table(
        "match_rubric_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("requirements", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ranking", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["match_job.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job_id", "version", name="uq_match_rubric_version"),
    )
    with op.batch_alter_table("match_rubric_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_rubric_version_job_id"), ["job_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("match_rubric_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_rubric_version_job_id"))
    op.drop_table("match_rubric_version")
    with op.batch_alter_table("match_cv", schema=None) as batch_op:
        batch_op.drop_column("rubric_version")
    with op.batch_alter_table("match_job", schema=None) as batch_op:
        batch_op.drop_column("rubric_version")
        batch_op.drop_column("rubric")
