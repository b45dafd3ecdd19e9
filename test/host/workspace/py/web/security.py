"""Security settings of the web app: the host test applies Talisman here and takes it away again."""
from web.app import app

__all__ = ["app"]
