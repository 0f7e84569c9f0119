"""match_job.priority ('standard' | 'batch') and match_job.batch_id (Claude Message Batches)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 18:10:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('match_job', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('priority', sa.String(length=20), nullable=False, server_default='standard')
        )
        batch_op.add_column(sa.Column('batch_id', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('match_job', schema=None) as batch_op:
        batch_op.drop_column('batch_id')
        batch_op.drop_column('priority')
