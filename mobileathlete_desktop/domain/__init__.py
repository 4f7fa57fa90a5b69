"""Pure clinical logic: the catalogue, interpretation and recommendations (no Qt, no database)."""
