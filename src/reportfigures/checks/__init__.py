"""Stage 5, the checks: relations between claims rated on the scale, one rule family per module.

In: claims and relations. Out: findings (rating, sentence, what would settle it), derived
figures, targets beside results. findings → declared/sums/rates/changes/lists/misprints → run.
"""
