CREATE TABLE "sms_pacing" (
	"sender" text PRIMARY KEY NOT NULL,
	"next_free_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_messages" ADD COLUMN "schedule_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_messages" ADD COLUMN "pacing_wait_ms" integer DEFAULT 0 NOT NULL;