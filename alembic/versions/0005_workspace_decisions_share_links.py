"""recruiter's workspace: candidate identity on match_cv, blind review on match_job,
candidate_decision (shortlist/hold/reject, stars, notes) and share_link tables

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 13:20:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("match_cv", schema=None) as batch_op:
        batch_op.add_column(sa.Column("candidate", sa.JSON(), nullable=True))
    with op.batch_alter_table("match_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("blind_review", sa.Boolean(), nullable=False, server_default=sa.false()))

    op.create_table(
        "candidate_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("cv_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cv_id"],
            ["match_cv.id"],
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["match_job.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("cv_id"),
    )
    with op.batch_alter_table("candidate_decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidate_decision_job_id"), ["job_id"], unique=False)

    op.create_table(
        "share_link",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["match_job.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("share_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_link_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_share_link_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("share_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_link_user_id"))
        batch_op.drop_index(batch_op.f("ix_share_link_job_id"))
    op.drop_table("share_link")
    with op.batch_alter_table("candidate_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_decision_job_id"))
    op.drop_table("candidate_decision")
    with op.batch_alter_table("match_job", schema=None) as batch_op:
        batch_op.drop_column("blind_review")
    with op.batch_alter_table("match_cv", schema=None) as batch_op:
        batch_op.drop_column("candidate")
