app_name = "funding"

# The funding pages arrive with the funding issue.
urlpatterns = []
