"""Pure-Python core: documents, loaders, comparison and annotation. Never imports Qt."""
