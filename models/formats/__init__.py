"""Files that come from outside or go out: the bundle container, wire records, spreadsheets."""
