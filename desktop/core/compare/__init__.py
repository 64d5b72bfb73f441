"""Comparing two versions of an article."""
