"""Serializer pieces that depend on who asks: staff-only fields within the asker's branches."""

from gridportal.api.serializers import StaffFieldsMixin

from .scoping import object_branch_id, user_branch_ids

_BRANCH_IDS = "_branch_scope_ids"


class BranchStaffFieldsMixin(StaffFieldsMixin):
    """Staff-only fields of a branch's object go to staff of that branch only.

    The rows themselves may be public (the network, confirmed incidents); what staff see
    beyond the public is their own branches' business (decision 0013).
    """

    def shows_staff_fields(self, instance) -> bool:
        request = self.context.get("request")
        if request is None:
            return True
        # The context is the root serializer's: one look-up of the branches for a whole page.
        if _BRANCH_IDS not in self.context:
            self.context[_BRANCH_IDS] = user_branch_ids(request.user)
        branch_ids = self.context[_BRANCH_IDS]
        return branch_ids is None or object_branch_id(instance) in branch_ids
