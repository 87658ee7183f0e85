"""Schedule files to a checked catalog and back: schema, merge, rules, cache, writing and editing."""
