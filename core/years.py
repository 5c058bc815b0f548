"""The years a practice of the region can carry: the bounds every parameter, form and model applies.

Here rather than in practices/choices.py because the parameter rule (core/params.py) checks years
too, and core imports nothing of the project (practices.choices re-exports these names).
"""

FIRST_YEAR = 1984  # the Cartagena Declaration: no asylum practice in the region predates it
LAST_YEAR = 2100
