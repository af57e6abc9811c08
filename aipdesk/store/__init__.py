"""Storage: SQLAlchemy models, engine set-up, queries that return domain values, backup."""
