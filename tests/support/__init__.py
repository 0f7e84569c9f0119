"""Helpers shared by the test suites: running the real app, making accounts and CV files."""
