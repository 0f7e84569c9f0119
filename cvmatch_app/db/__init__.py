"""Database tables and sessions: the single source of truth for accounts, jobs, results and credits."""
