"""Form definitions as TOML data, their validation, and the scoring engine (pure: no UI, no database)."""
