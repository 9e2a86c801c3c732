from django.contrib.auth.models import Group
from django.db import transaction

from .models import ConsentRecord, User


@transaction.atomic
def staff_user_create(
    *,
    username: str,
    password: str,
    roles: list[str],
    branches=(),
    all_branches=False,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    is_superuser=False,
) -> User:
    user = User.objects.create_user(
        username=username,
        password=password,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_staff=True,
        is_superuser=is_superuser,
        all_branches=all_branches,
    )
    user.groups.set(Group.objects.filter(name__in=roles))
    user.branches.set(branches)
    return user


@transaction.atomic
def customer_register(*, email: str, password: str, first_name: str = "") -> User:
    email = email.strip().lower()
    user = User.objects.create_user(
        username=email, email=email, password=password, first_name=first_name, is_staff=False
    )
    return user


def customer_confirm_email(*, user: User) -> User:
    if not user.email_confirmed:
        user.email_confirmed = True
        user.save(update_fields=["email_confirmed"])
    return user


def consent_record(*, subject: str, text_version: str, request=None, user=None, contact=""):
    """Record a consent to personal-data processing given with a form (152-FZ)."""
    return ConsentRecord.objects.create(
        subject=subject,
        text_version=text_version,
        ip_address=(request.META.get("REMOTE_ADDR") if request else None),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request else ""),
        user=user if (user is not None and user.is_authenticated) else None,
        contact=contact[:200],
    )
