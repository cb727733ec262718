"""The ``civicpulse`` command line and the wiring of the rooms: it resolves settings and the
broker address, then calls factories from ingest, workers and sinks. ``up`` supervises the
embedded broker, a worker and the intake API together."""
