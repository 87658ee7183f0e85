"""Date logic on the model alone: parsing, working days, where a date falls, arithmetic, pace, month grids."""
