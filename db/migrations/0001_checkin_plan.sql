CREATE TYPE "public"."plan_status" AS ENUM('none', 'pending', 'ready', 'failed');--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "peer_batch_ran_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_attendees" ADD COLUMN "plan_status" "plan_status" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_attendees" ADD COLUMN "plan_built_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_attendees" ADD COLUMN "plan_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_attendees" ADD COLUMN "plan_error" text;--> statement-breakpoint
CREATE INDEX "event_attendees_plan_idx" ON "event_attendees" USING btree ("plan_status");