"""An empty URLconf named on API responses that must not be redirected (see api.py)."""

urlpatterns = []
