-- back office: the people search's exact e-mail match, and the dashboard's registrations and decisions per day over
-- the last 30 days, each an index range instead of a scan of the whole table.
create index party_email_lower on party (lower(email)) where email is not null;
create index party_individual_created_at on party (created_at) where not is_group;
create index procedure_processed_at on procedure (processed_at) where processed_at is not null;
