-- access module: a user's sessions are bound to access_version, bumped whenever what the user may do changes
-- (roles, password, disabled); a session saved with an older one no longer works.
alter table app_user add column access_version integer not null default 0;
