-- access module: failed-login buckets (Bucket4j's PostgreSQL proxy manager), per login and per client address,
-- shared by every instance. expires_at (epoch millis) lets full buckets be removed.
create table login_throttle (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index login_throttle_expires_at on login_throttle (expires_at);
