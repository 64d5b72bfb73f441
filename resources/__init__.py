"""Icons, style sheets and desktop files, shipped as the package desktop.resources."""
