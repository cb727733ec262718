"""One APIRouter per resource the web side serves (FastAPI "bigger applications")."""

from web.routes.followups import followup_router
from web.routes.rating_links import rating_link_router
from web.routes.review import Explainer, review_router

__all__ = ("Explainer", "followup_router", "rating_link_router", "review_router")
