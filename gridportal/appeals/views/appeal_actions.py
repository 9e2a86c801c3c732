"""The staff actions on one appeal, as a table: form, service call, message."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gridportal.core.models import Branch

from .. import services
from ..forms import (
    AnswerForm,
    AssignForm,
    ExtendForm,
    InfoRequestForm,
    NoteForm,
    RedirectBranchForm,
    RedirectOutsideForm,
)
from ..models import AnswerTemplate


def _branch_staff(appeal):
    return (
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        # Staff of every branch (administrators) may take an appeal too: without them the
        # list of a branch with no officer of its own offered nobody at all.
        .filter(Q(branches=appeal.branch) | Q(all_branches=True))
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


def form_kwargs(request, appeal, action) -> dict:
    if action == "assign":
        return {"staff": _branch_staff(appeal)}
    if action == "redirect-branch":
        return {"branches": Branch.objects.exclude(pk=appeal.branch_id).order_by("name")}
    return {}


ACTIONS = {
    "assign": (
        AssignForm,
        lambda r, a, d: services.appeal_assign(
            appeal=a, assignee=d["assignee"], actor=r.user, request=r
        ),
        _("Assigned."),
    ),
    "note": (
        NoteForm,
        lambda r, a, d: services.appeal_note_add(appeal=a, text=d["text"], actor=r.user, request=r),
        _("Note added."),
    ),
    "info": (
        InfoRequestForm,
        lambda r, a, d: services.appeal_info_request(
            appeal=a, question=d["question"], actor=r.user, request=r
        ),
        _("Request sent; the clock is paused until the person answers."),
    ),
    "extend": (
        ExtendForm,
        lambda r, a, d: services.appeal_extend(
            appeal=a, days=d["days"], reason=d["reason"], actor=r.user, request=r
        ),
        _("Deadline extended; the person is told."),
    ),
    "redirect-branch": (
        RedirectBranchForm,
        lambda r, a, d: services.appeal_redirect_branch(
            appeal=a, branch=d["branch"], reason=d["reason"], actor=r.user, request=r
        ),
        _("Passed to the other branch."),
    ),
    "redirect-outside": (
        RedirectOutsideForm,
        lambda r, a, d: services.appeal_redirect_outside(
            appeal=a, body=d["body"], reason=d["reason"], actor=r.user, request=r
        ),
        _("Sent to the body responsible; the person is told."),
    ),
    "answer": (
        AnswerForm,
        lambda r, a, d: services.appeal_answer(
            appeal=a,
            answer=d["answer"],
            uploads=d["attachments"],
            justified=d.get("justified", ""),
            subject=d.get("subject", ""),
            actor=r.user,
            request=r,
        ),
        _("Answer sent and the appeal closed."),
    ),
}


def action_forms(request, appeal, bound: dict) -> dict:
    """One form per action for the page (a bound one, with its errors, after a refusal)."""
    forms = {}
    for action, (form_class, _run, _done) in ACTIONS.items():
        key = action.replace("-", "_") + "_form"
        forms[key] = bound.get(action) or form_class(**form_kwargs(request, appeal, action))
    template = request.GET.get("template")
    if template and template.isdigit():
        chosen = AnswerTemplate.objects.filter(pk=int(template)).first()
        if chosen is not None and "answer" not in bound:
            forms["answer_form"] = AnswerForm(initial={"answer": chosen.body})
    forms["templates"] = AnswerTemplate.objects.filter(topic__in=("", appeal.topic))
    return forms
