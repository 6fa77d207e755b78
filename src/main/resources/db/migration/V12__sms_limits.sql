-- SMS counted per destination number and in all (against SMS pumping), and old rows forgotten by time
create index sms_sent_phone on sms_sent (phone, sent_at);
create index sms_sent_time on sms_sent (sent_at);
