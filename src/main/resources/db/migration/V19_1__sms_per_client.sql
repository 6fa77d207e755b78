-- verification module: the Census client (its origin) each SMS was sent for, so every client has a budget of its
-- own (POPULUS_SMS_CLIENT_MAX per POPULUS_SMS_GLOBAL_WINDOW); null for SMS sent before, or by the registry itself.
alter table sms_sent add column client text;
create index sms_sent_client on sms_sent (client, sent_at) where client is not null;
