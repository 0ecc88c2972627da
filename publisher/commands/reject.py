"""`publisher reject DOC CLAIM-ID...`: reject drafted claims; they stay unpublished and are not
drafted again by `publisher suggest`."""

from __future__ import annotations

from publisher.commands._common import Subparsers, add_project_options
from publisher.commands.confirm import run


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "reject",
        help="reject drafted claims of a document (status: rejected; never published)",
        description=(
            "Sets `status: rejected` on the given claims in the mapping file of document DOC. A "
            "rejected claim is kept in the file, never published, and `publisher suggest` does "
            "not draft it again. To withdraw a confirmed claim, reject it too."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument("document", metavar="DOC", help="a document id")
    parser.add_argument("claims", nargs="*", metavar="CLAIM-ID", help="ids of the claims to reject")
    parser.add_argument(
        "--all", dest="every", action="store_true", help="reject every draft of the document"
    )
    parser.set_defaults(func=run, verdict="rejected")
