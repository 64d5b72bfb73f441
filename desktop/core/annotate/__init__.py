"""Finding quotations and dates in article text."""
