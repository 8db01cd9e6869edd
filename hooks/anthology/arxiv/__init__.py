"""arXiv identifiers, the query API and its cache: what the arXiv check and `anthology add` use.

`identifiers` and `metadata` are pure and import nothing heavy; `client` imports requests
only when a lookup actually goes to the network.
"""
