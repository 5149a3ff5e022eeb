"""The isolation point, the parcel station and the daily readiness check."""
