"""`anthology import-legacy`: migrate a registry from the older year-keyed format.

The research file (papers in lists keyed by year) becomes one v1 paper file per paper;
the registry its build step published gives the ids to keep, because they are public.
"""
