"""Reader comments, from the form to the moderation desk.

- ``forms``: the comment form and what it accepts;
- ``defences``: refusing a post before anything is stored (honeypot, signed form token,
  rate limits);
- ``services``: every write: posting (with the rules that publish or hold a comment),
  moderation, bans, a commenter's export and erasure; each purges the pages it changes;
- ``selectors``: who may see which comments, the thread on the page, when threads close;
- ``rendering``: a comment's plain text as safe HTML;
- ``views``: posting and the comment permalink.

The moderation desk is articles/admin/comment.py.
"""
