"""Stateless pieces shared by the pages: layout and navigation, drop zone, result cards, badges."""
