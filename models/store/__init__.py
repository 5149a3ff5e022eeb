"""Storage: the engine, units of work, migrations, files, backups, the clock."""
