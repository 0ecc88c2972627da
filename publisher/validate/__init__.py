"""SHACL validation: the one engine call (shacl.py), validation unit by unit with only a unit's
own nodes as targets (units.py, unitstore.py), and the report read back with the input line of
each finding (report.py, origins.py)."""
