import pytest


@pytest.fixture
def operator(branch):
    """A customer office operator of the first branch."""
    from gridportal.accounts.choices import StaffRole
    from gridportal.accounts.services import staff_user_create

    return staff_user_create(
        username="operator",
        password="correct-horse-battery",
        roles=[StaffRole.OFFICE_OPERATOR],
        branches=[branch],
        first_name="Мария",
    )


@pytest.fixture
def other_operator(other_branch):
    from gridportal.accounts.choices import StaffRole
    from gridportal.accounts.services import staff_user_create

    return staff_user_create(
        username="other-operator",
        password="correct-horse-battery",
        roles=[StaffRole.OFFICE_OPERATOR],
        branches=[other_branch],
    )
