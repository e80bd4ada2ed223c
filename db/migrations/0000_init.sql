CREATE TYPE "public"."user_role" AS ENUM('admin', 'staff');--> statement-breakpoint
CREATE TYPE "public"."agenda_item_type" AS ENUM('session', 'keynote', 'panel', 'break', 'lunch', 'networking');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('draft', 'published', 'live', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."check_in_method" AS ENUM('qr_code', 'manual', 'self');--> statement-breakpoint
CREATE TYPE "public"."profile_completion_status" AS ENUM('pending', 'completed');--> statement-breakpoint
CREATE TYPE "public"."message_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('scheduled', 'sending', 'sent', 'skipped', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."message_type" AS ENUM('registration_confirmation', 'check_in_reminder_night_before', 'check_in_reminder_1_hour', 'check_in_reminder_event_start', 'profile_completion_reminder', 'check_in_confirmation', 'agenda_ready', 'speaker_alert', 'sponsor_recommendation', 'peer_introduction', 'peer_match_attendance', 'speaker_pcr_request', 'sponsor_batch_check', 'event_pcr_request', 'post_event_thank_you', 'connection_summary', 'feedback_request', 're_engagement', 'event_invitation');--> statement-breakpoint
CREATE TYPE "public"."peer_match_status" AS ENUM('suggested', 'introduced', 'accepted', 'met', 'declined');--> statement-breakpoint
CREATE TYPE "public"."rating_source" AS ENUM('sms', 'web');--> statement-breakpoint
CREATE TYPE "public"."rating_subject" AS ENUM('speaker', 'session', 'sponsor', 'event');--> statement-breakpoint
CREATE TYPE "public"."recommendation_kind" AS ENUM('speaker', 'sponsor', 'peer');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contractors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text,
	"last_name" text,
	"email" text NOT NULL,
	"phone" text,
	"company_name" text,
	"business_type" text,
	"service_area" text,
	"revenue_tier" text,
	"team_size" integer,
	"focus_areas" text[] DEFAULT '{}' NOT NULL,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sms_opt_in" boolean DEFAULT false NOT NULL,
	"sms_opted_out_at" timestamp with time zone,
	"email_unsubscribed_at" timestamp with time zone,
	"last_interaction_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"key" text NOT NULL,
	"type" "agenda_item_type" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"room" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"speaker_id" uuid,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"company" text,
	"bio" text,
	"focus_areas" text[] DEFAULT '{}' NOT NULL,
	"pcr_score" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_sponsors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"booth_number" text,
	"offerings" text[] DEFAULT '{}' NOT NULL,
	"focus_areas" text[] DEFAULT '{}' NOT NULL,
	"target_revenue_tiers" text[] DEFAULT '{}' NOT NULL,
	"special_offer" text,
	"talking_points" text[] DEFAULT '{}' NOT NULL,
	"pcr_score" real,
	"removed_at" timestamp with time zone,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text,
	"venue" text,
	"address" text,
	"timezone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"check_in_closes_at" timestamp with time zone,
	"organizer_name" text,
	"organizer_email" text,
	"organizer_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"contractor_id" uuid NOT NULL,
	"registration_date" timestamp with time zone NOT NULL,
	"profile_completion_status" "profile_completion_status" DEFAULT 'pending' NOT NULL,
	"profile_auto_approved" boolean DEFAULT false NOT NULL,
	"qr_code_data" text NOT NULL,
	"access_token" text NOT NULL,
	"check_in_time" timestamp with time zone,
	"check_in_method" "check_in_method",
	"checked_in_by" uuid,
	"check_in_nonce" text,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"attendee_id" uuid,
	"contractor_id" uuid NOT NULL,
	"type" "message_type" NOT NULL,
	"channel" "message_channel" NOT NULL,
	"dedupe_key" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"status" "message_status" DEFAULT 'scheduled' NOT NULL,
	"status_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"claimed_at" timestamp with time zone,
	"provider" text,
	"provider_message_id" text,
	"uncertain_since" timestamp with time zone,
	"personalization" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rendered_subject" text,
	"rendered_body" text,
	"rendered_html" text,
	"to_address" text,
	"actual_send_time" timestamp with time zone,
	"delivery_status" text,
	"delivery_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_conversation_memory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contractor_id" uuid NOT NULL,
	"event_id" uuid,
	"role" text NOT NULL,
	"channel" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_learning_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_type" text NOT NULL,
	"contractor_id" uuid,
	"event_id" uuid,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"action" text,
	"outcome" text,
	"success_score" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"attendee_a_id" uuid NOT NULL,
	"attendee_b_id" uuid NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"common_ground" text,
	"status" "peer_match_status" DEFAULT 'suggested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"attendee_id" uuid NOT NULL,
	"subject" "rating_subject" NOT NULL,
	"subject_id" uuid,
	"score" integer NOT NULL,
	"comment" text,
	"source" "rating_source" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"attendee_id" uuid NOT NULL,
	"kind" "recommendation_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"why_text" text,
	"talking_point" text,
	"text_source" text,
	"engagement" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_agenda_items" ADD CONSTRAINT "event_agenda_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_agenda_items" ADD CONSTRAINT "event_agenda_items_speaker_id_event_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."event_speakers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_speakers" ADD CONSTRAINT "event_speakers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sponsors" ADD CONSTRAINT "event_sponsors_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendees" ADD CONSTRAINT "event_attendees_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendees" ADD CONSTRAINT "event_attendees_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendees" ADD CONSTRAINT "event_attendees_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_messages" ADD CONSTRAINT "event_messages_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_messages" ADD CONSTRAINT "event_messages_attendee_id_event_attendees_id_fk" FOREIGN KEY ("attendee_id") REFERENCES "public"."event_attendees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_messages" ADD CONSTRAINT "event_messages_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_conversation_memory" ADD CONSTRAINT "ai_conversation_memory_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_conversation_memory" ADD CONSTRAINT "ai_conversation_memory_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_learning_events" ADD CONSTRAINT "ai_learning_events_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_learning_events" ADD CONSTRAINT "ai_learning_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_matches" ADD CONSTRAINT "peer_matches_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_matches" ADD CONSTRAINT "peer_matches_attendee_a_id_event_attendees_id_fk" FOREIGN KEY ("attendee_a_id") REFERENCES "public"."event_attendees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_matches" ADD CONSTRAINT "peer_matches_attendee_b_id_event_attendees_id_fk" FOREIGN KEY ("attendee_b_id") REFERENCES "public"."event_attendees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_attendee_id_event_attendees_id_fk" FOREIGN KEY ("attendee_id") REFERENCES "public"."event_attendees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_attendee_id_event_attendees_id_fk" FOREIGN KEY ("attendee_id") REFERENCES "public"."event_attendees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_prefix_idx" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "contractors_email_key" ON "contractors" USING btree ("email");--> statement-breakpoint
CREATE INDEX "contractors_phone_idx" ON "contractors" USING btree ("phone");--> statement-breakpoint
CREATE UNIQUE INDEX "event_agenda_items_event_key" ON "event_agenda_items" USING btree ("event_id","key");--> statement-breakpoint
CREATE INDEX "event_agenda_items_event_start_idx" ON "event_agenda_items" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_speakers_event_key" ON "event_speakers" USING btree ("event_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "event_sponsors_event_key" ON "event_sponsors" USING btree ("event_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "events_slug_key" ON "events" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "event_attendees_event_contractor_key" ON "event_attendees" USING btree ("event_id","contractor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_attendees_qr_key" ON "event_attendees" USING btree ("qr_code_data");--> statement-breakpoint
CREATE UNIQUE INDEX "event_attendees_token_key" ON "event_attendees" USING btree ("access_token");--> statement-breakpoint
CREATE INDEX "event_attendees_event_checkin_idx" ON "event_attendees" USING btree ("event_id","check_in_time");--> statement-breakpoint
CREATE UNIQUE INDEX "event_messages_identity_key" ON "event_messages" USING btree ("attendee_id","type","channel","dedupe_key");--> statement-breakpoint
CREATE INDEX "event_messages_due_idx" ON "event_messages" USING btree (coalesce("next_attempt_at", "scheduled_for")) WHERE "event_messages"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "event_messages_event_status_idx" ON "event_messages" USING btree ("event_id","status","type");--> statement-breakpoint
CREATE INDEX "event_messages_contractor_idx" ON "event_messages" USING btree ("contractor_id","created_at");--> statement-breakpoint
CREATE INDEX "event_messages_provider_id_idx" ON "event_messages" USING btree ("provider_message_id");--> statement-breakpoint
CREATE INDEX "ai_conversation_memory_contractor_idx" ON "ai_conversation_memory" USING btree ("contractor_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_learning_events_contractor_idx" ON "ai_learning_events" USING btree ("contractor_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_learning_events_event_idx" ON "ai_learning_events" USING btree ("event_id","event_type");--> statement-breakpoint
CREATE UNIQUE INDEX "peer_matches_pair_key" ON "peer_matches" USING btree ("attendee_a_id","attendee_b_id");--> statement-breakpoint
CREATE INDEX "peer_matches_event_idx" ON "peer_matches" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "ratings_subject_idx" ON "ratings" USING btree ("subject","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_attendee_kind_rank_key" ON "recommendations" USING btree ("attendee_id","kind","rank");--> statement-breakpoint
CREATE INDEX "recommendations_event_idx" ON "recommendations" USING btree ("event_id","kind");