"""Engine tests of cloud-sql-pg."""
