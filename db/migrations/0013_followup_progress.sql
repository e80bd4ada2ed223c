ALTER TABLE "events" ADD COLUMN "followup_planning_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "followup_planned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "ai_learning_events_attendee_idx" ON "ai_learning_events" USING btree (("context"->>'attendeeId'));--> statement-breakpoint
-- Events completed before this migration planned their follow-up in one transaction: it is done.
UPDATE "events" SET "followup_planned_at" = "updated_at" WHERE "status" = 'completed';