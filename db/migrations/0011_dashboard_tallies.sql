CREATE TABLE "event_message_lateness" (
	"event_id" uuid NOT NULL,
	"bucket" integer NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_message_tallies" (
	"event_id" uuid NOT NULL,
	"type" "message_type" NOT NULL,
	"channel" "message_channel" NOT NULL,
	"status" "message_status" NOT NULL,
	"n" integer NOT NULL,
	"delivered" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_message_lateness_event_idx" ON "event_message_lateness" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_message_tallies_event_idx" ON "event_message_tallies" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_messages_event_waiting_idx" ON "event_messages" USING btree ("event_id","scheduled_for") WHERE "event_messages"."status" in ('scheduled', 'sending');--> statement-breakpoint
-- Hand-written below (drizzle-kit does not model triggers; decision 0196): the tallies are
-- kept by statement-level triggers with transition tables, so every writer (the ORM, bulk
-- COPY, a cascade from a deleted event or attendee) keeps them right, and each statement
-- adds at most one row per key it changed.
CREATE FUNCTION tpx_lateness_bucket(actual timestamptz, scheduled timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN l < 3600 THEN floor(l)::integer ELSE (floor(l / 60) * 60)::integer END
  FROM (SELECT greatest(date_part('epoch', actual - scheduled), 0) AS l) s
$$;
--> statement-breakpoint
-- Rows added (INSERT, +1) or removed (DELETE, −1): each trigger names its transition table tpx_rows.
CREATE FUNCTION tpx_event_messages_tally_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign integer := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  INSERT INTO event_message_tallies (event_id, type, channel, status, n, delivered)
  SELECT event_id, type, channel, status, sign * count(*), sign * count(*) FILTER (WHERE delivery_status = 'delivered')
  FROM tpx_rows WHERE event_id IS NOT NULL GROUP BY 1, 2, 3, 4;
  INSERT INTO event_message_lateness (event_id, bucket, n)
  SELECT event_id, tpx_lateness_bucket(actual_send_time, scheduled_for), sign * count(*)
  FROM tpx_rows WHERE event_id IS NOT NULL AND status = 'sent' AND actual_send_time IS NOT NULL GROUP BY 1, 2;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tpx_event_messages_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_message_tallies (event_id, type, channel, status, n, delivered)
  SELECT event_id, type, channel, status, sum(d)::integer, sum(dd)::integer
  FROM (
    SELECT event_id, type, channel, status, 1 AS d, (delivery_status IS NOT DISTINCT FROM 'delivered')::integer AS dd FROM tpx_new WHERE event_id IS NOT NULL
    UNION ALL
    SELECT event_id, type, channel, status, -1, -(delivery_status IS NOT DISTINCT FROM 'delivered')::integer FROM tpx_old WHERE event_id IS NOT NULL
  ) c
  GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 OR sum(dd) <> 0;
  INSERT INTO event_message_lateness (event_id, bucket, n)
  SELECT event_id, bucket, sum(d)::integer
  FROM (
    SELECT event_id, tpx_lateness_bucket(actual_send_time, scheduled_for) AS bucket, 1 AS d FROM tpx_new WHERE event_id IS NOT NULL AND status = 'sent' AND actual_send_time IS NOT NULL
    UNION ALL
    SELECT event_id, tpx_lateness_bucket(actual_send_time, scheduled_for), -1 FROM tpx_old WHERE event_id IS NOT NULL AND status = 'sent' AND actual_send_time IS NOT NULL
  ) c
  GROUP BY 1, 2 HAVING sum(d) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_messages_tally_insert AFTER INSERT ON event_messages
  REFERENCING NEW TABLE AS tpx_rows FOR EACH STATEMENT EXECUTE FUNCTION tpx_event_messages_tally_rows();
--> statement-breakpoint
CREATE TRIGGER event_messages_tally_update AFTER UPDATE ON event_messages
  REFERENCING OLD TABLE AS tpx_old NEW TABLE AS tpx_new FOR EACH STATEMENT EXECUTE FUNCTION tpx_event_messages_tally_update();
--> statement-breakpoint
CREATE TRIGGER event_messages_tally_delete AFTER DELETE ON event_messages
  REFERENCING OLD TABLE AS tpx_rows FOR EACH STATEMENT EXECUTE FUNCTION tpx_event_messages_tally_rows();
--> statement-breakpoint
-- The rows already there.
INSERT INTO event_message_tallies (event_id, type, channel, status, n, delivered)
SELECT event_id, type, channel, status, count(*), count(*) FILTER (WHERE delivery_status = 'delivered')
FROM event_messages WHERE event_id IS NOT NULL GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO event_message_lateness (event_id, bucket, n)
SELECT event_id, tpx_lateness_bucket(actual_send_time, scheduled_for), count(*)
FROM event_messages WHERE event_id IS NOT NULL AND status = 'sent' AND actual_send_time IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
-- TRUNCATE fires no row or statement DELETE trigger: it empties the tallies with it.
CREATE FUNCTION tpx_event_messages_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_message_tallies;
  DELETE FROM event_message_lateness;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_messages_tally_truncate AFTER TRUNCATE ON event_messages
  FOR EACH STATEMENT EXECUTE FUNCTION tpx_event_messages_tally_truncate();
