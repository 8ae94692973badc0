"""The two-factor screens, under the admin's address (rosario_intl/urls.py)."""

from django.urls import path

from rosario_intl.two_factor import views

app_name = "two_factor"
urlpatterns = [
    path("", views.VerifyView.as_view(), name="verify"),
    path("setup/", views.SetupView.as_view(), name="setup"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
]
