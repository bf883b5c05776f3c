"""The demo museum loaded by `manage.py load_demo`: data, generated images, loader."""
