"""The community office: the dashboard and the daily report."""
