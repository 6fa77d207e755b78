-- access module: failed logins counted per login, per client address and per (login, address), shared by every
-- instance (LoginThrottle). One row per counter: a login's row has address '', an address's row has login '', a
-- pair's row has both. attempts = failures in the window plus attempts being checked right now (an attempt is
-- reserved before its password is checked, so parallel guesses cannot overshoot a limit). limits names the settings
-- the row was counted under, so changed settings start afresh. A row whose window has ended counts as absent and is
-- removed by the clean-up. Replaces login_throttle (Bucket4j buckets, checked and counted in separate steps).
create table login_failures (
    limits      text        not null,
    login       text        not null,
    address     text        not null,
    attempts    integer     not null check (attempts >= 0),
    window_ends timestamptz not null,
    primary key (limits, login, address)
);
create index login_failures_window_ends on login_failures (window_ends);

drop table login_throttle;
