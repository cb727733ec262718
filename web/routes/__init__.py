"""One APIRouter per resource the web side serves (FastAPI "bigger applications")."""

from web.routes.review import Explainer, review_router

__all__ = ("Explainer", "review_router")
