"""The editors' desk: one declarative ModelAdmin per model."""
