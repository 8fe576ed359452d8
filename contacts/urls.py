app_name = "contacts"

# The contact page and form arrive with the contacts issue.
urlpatterns = []
