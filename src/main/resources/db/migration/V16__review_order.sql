-- "Next" in the review queue walks the pending procedures in review order and stops at the first it can hand out.
-- That order is: prioritized within the priority window, then prioritized earlier, then never prioritized (by
-- creation); each part is read from its own index in order, so Next reads a few rows instead of sorting the whole
-- backlog. (procedure_pending_review, by type first, stays for the queue page's filter by type.)
create index procedure_review_prioritized on procedure (prioritized_at, created_at, id)
    where state = 'pending' and prioritized_at is not null;
create index procedure_review_unprioritized on procedure (created_at, id)
    where state = 'pending' and prioritized_at is null;
