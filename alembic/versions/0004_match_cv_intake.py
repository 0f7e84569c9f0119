"""Intake in the runners: match_cv_file (a CV's bytes until it is read), match_cv.read_at, text_fingerprint

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('match_cv', schema=None) as batch_op:
        batch_op.add_column(sa.Column('read_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('text_fingerprint', sa.String(length=64), nullable=True))
    # CVs stored before this revision were read at submission.
    op.execute("UPDATE match_cv SET read_at = created_at")
    op.create_table(
        'match_cv_file',
        sa.Column('cv_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['cv_id'], ['match_cv.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('cv_id'),
    )


def downgrade() -> None:
    op.drop_table('match_cv_file')
    with op.batch_alter_table('match_cv', schema=None) as batch_op:
        batch_op.drop_column('text_fingerprint')
        batch_op.drop_column('read_at')
