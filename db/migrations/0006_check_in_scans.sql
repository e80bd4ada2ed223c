CREATE TABLE "check_in_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"attendee_id" uuid,
	"agenda_item_id" uuid,
	"device_id" text NOT NULL,
	"user_id" uuid,
	"nonce" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_in_scans" ADD CONSTRAINT "check_in_scans_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_scans" ADD CONSTRAINT "check_in_scans_attendee_id_event_attendees_id_fk" FOREIGN KEY ("attendee_id") REFERENCES "public"."event_attendees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_scans" ADD CONSTRAINT "check_in_scans_agenda_item_id_event_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."event_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_scans" ADD CONSTRAINT "check_in_scans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_scans_nonce_key" ON "check_in_scans" USING btree ("event_id","nonce");--> statement-breakpoint
CREATE INDEX "check_in_scans_event_idx" ON "check_in_scans" USING btree ("event_id","outcome");--> statement-breakpoint
CREATE INDEX "check_in_scans_attendee_idx" ON "check_in_scans" USING btree ("attendee_id");