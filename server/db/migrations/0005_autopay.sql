CREATE TABLE `autopay_methods` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`payment_profile_id` text NOT NULL,
	`card_brand` text NOT NULL,
	`card_last4` text NOT NULL,
	`exp_month` integer,
	`exp_year` integer,
	`enrolled_by` text,
	`enrolled_at` text NOT NULL,
	`source_payment_id` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `gateway_customers` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`customer_profile_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `webhook_notifications` (
	`notification_id` text PRIMARY KEY NOT NULL,
	`event_type` text NOT NULL,
	`received_at` text NOT NULL,
	`result` text
);
