"""CSV export and import, consolidation across terminals, and the year-end results tables."""
