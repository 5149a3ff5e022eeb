"""The application: the Desk and its services, the demo, record counts."""
