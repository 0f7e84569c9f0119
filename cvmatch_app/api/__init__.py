"""The REST API (FastAPI), mounted into the Reflex app; thin adapters over cvmatch_app.services."""
