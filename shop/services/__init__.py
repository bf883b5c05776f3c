"""Domain logic of the shop: what may be sold, to whom, at what price, from which stock.

Each function that writes runs in one `transaction.atomic()` block and raises
`PayloadError` (or an ExceptionGroup of them) for anything the buyer can fix, so a
mutation either happens entirely or not at all. GraphQL resolvers only parse input,
call these functions and shape the answer.
"""
