CREATE TABLE `reseller_accounts` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`reseller_id` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reseller_id`) REFERENCES `resellers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reseller_accounts_reseller_idx` ON `reseller_accounts` (`reseller_id`);--> statement-breakpoint
CREATE TABLE `reseller_origins` (
	`reseller_id` integer NOT NULL,
	`origin` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`reseller_id`, `origin`),
	FOREIGN KEY (`reseller_id`) REFERENCES `resellers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `resellers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_created_at` text NOT NULL,
	`brand_name` text,
	`logo_url` text,
	`logo_image` blob,
	`logo_type` text,
	`support_email` text,
	`support_phone` text,
	`support_url` text,
	`address` text,
	`color_primary` text,
	`color_header` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resellers_slug_unique` ON `resellers` (`slug`);--> statement-breakpoint
ALTER TABLE `one_time_tokens` ADD `account_id` integer REFERENCES accounts(id);--> statement-breakpoint
ALTER TABLE `one_time_tokens` ADD `reseller_id` integer REFERENCES resellers(id);