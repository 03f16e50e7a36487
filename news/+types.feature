Content types Conference (an event, with format, organizer, tracks and a
coverage note), Talk Recap and Resource List, each with its own add
permission, and the review workflow ``confrecap_review_workflow`` for recaps
and resource lists.
