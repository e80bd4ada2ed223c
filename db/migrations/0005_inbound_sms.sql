ALTER TYPE "public"."message_type" ADD VALUE 'sms_reply';--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_sid" text NOT NULL,
	"from_phone" text NOT NULL,
	"body" text NOT NULL,
	"contractor_id" uuid,
	"event_id" uuid,
	"attendee_id" uuid,
	"intents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"handled_as" text,
	"prompt_message_id" uuid,
	"reply_message_id" uuid,
	"needs_staff" boolean DEFAULT false NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"processing_ms" integer,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractors" ADD COLUMN "email_bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "wifi_info" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_attendee_id_event_attendees_id_fk" FOREIGN KEY ("attendee_id") REFERENCES "public"."event_attendees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_prompt_message_id_event_messages_id_fk" FOREIGN KEY ("prompt_message_id") REFERENCES "public"."event_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_reply_message_id_event_messages_id_fk" FOREIGN KEY ("reply_message_id") REFERENCES "public"."event_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_messages_provider_sid_key" ON "inbound_messages" USING btree ("provider_sid");--> statement-breakpoint
CREATE INDEX "inbound_messages_attendee_idx" ON "inbound_messages" USING btree ("attendee_id","received_at");--> statement-breakpoint
CREATE INDEX "inbound_messages_event_staff_idx" ON "inbound_messages" USING btree ("event_id","needs_staff");--> statement-breakpoint
CREATE INDEX "inbound_messages_prompt_idx" ON "inbound_messages" USING btree ("prompt_message_id");