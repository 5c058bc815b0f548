"""Small subclasses of the stock search backends, where they fall short for three languages (see database.py)."""
