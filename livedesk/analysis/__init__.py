"""pandas analysis of a session: metric dictionary, attribution, per-product and per-role review, findings."""
