CREATE TABLE `usage_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`state` text NOT NULL,
	`first_record_after` integer NOT NULL,
	`started_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`finished_at` integer,
	`rows` integer DEFAULT 0 NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `usage_account_started_idx`;--> statement-breakpoint
ALTER TABLE `usage_records` ADD `import_id` integer;--> statement-breakpoint
CREATE INDEX `usage_unbilled_started_idx` ON `usage_records` (`started_at`) WHERE "usage_records"."invoice_id" is null;