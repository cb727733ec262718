"""Database tables, engine set-up, trend arithmetic and read queries (private to ``sinks``)."""
