"""The store: sqlmodel tables, engine creation and repositories that speak domain objects."""
