"""Reflex states: thin adapters that call the services and keep only what the pages show."""
