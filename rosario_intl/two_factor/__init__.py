"""Two-factor login for staff, with django-otp: after the password, a 6-digit code from an
authenticator app (TOTP) or a single-use recovery code.

Superusers and publishers must use it, editors may. ``devices`` holds the rules and every
write, ``middleware`` keeps a session that has not passed the second step out of the admin,
``views`` are the code, set-up and recovery-code screens (templates/two_factor/).
"""
