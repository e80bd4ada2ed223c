CREATE TYPE "public"."matcher_weight_status" AS ENUM('active', 'superseded', 'reverted', 'insufficient');--> statement-breakpoint
CREATE TABLE "matcher_weights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer" text NOT NULL,
	"kind" "recommendation_kind" NOT NULL,
	"status" "matcher_weight_status" NOT NULL,
	"weights" jsonb NOT NULL,
	"defaults" jsonb NOT NULL,
	"n_outcomes" integer NOT NULL,
	"n_acted" integer NOT NULL,
	"event_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fitted_at" timestamp with time zone NOT NULL,
	"fitted_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "success_score" real;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "acted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matcher_weights" ADD CONSTRAINT "matcher_weights_fitted_by_users_id_fk" FOREIGN KEY ("fitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matcher_weights" ADD CONSTRAINT "matcher_weights_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matcher_weights_organizer_idx" ON "matcher_weights" USING btree ("organizer","kind","fitted_at");