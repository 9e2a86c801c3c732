"""Which branches a staff member may see, as the API plumbing learns it from accounts.

`gridportal.api` sits below `accounts` (docs/architecture.md, «Layers»), so it cannot call
`accounts.scoping` itself: accounts hands its decision down in `AccountsConfig.ready()`
with `branch_scope_set(user_sees_branch)`. Until then nobody sees any branch's staff data.
"""

from collections.abc import Callable

_sees_branch: Callable[[object, int], bool] | None = None


def branch_scope_set(sees_branch: Callable[[object, int], bool]) -> None:
    global _sees_branch
    _sees_branch = sees_branch


def request_sees_branch(request, branch_id) -> bool:
    """Whether the user of `request` may see staff data of the branch; memoized per request."""
    if request is None or branch_id is None or _sees_branch is None:
        return False
    memo = request.__dict__.setdefault("_gridportal_branches_seen", {})
    if branch_id not in memo:
        memo[branch_id] = bool(_sees_branch(request.user, branch_id))
    return memo[branch_id]
