ALTER TABLE "contractors" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "sms_daily_budget" integer DEFAULT 8 NOT NULL;