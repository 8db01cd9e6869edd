"""The static browsing page: one self-contained HTML file built from the registry."""
