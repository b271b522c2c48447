CREATE TABLE `ticket_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`stored_name` text NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `ticket_messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_attachments_stored_name_unique` ON `ticket_attachments` (`stored_name`);--> statement-breakpoint
CREATE INDEX `ticket_attachments_message_idx` ON `ticket_attachments` (`message_id`);--> statement-breakpoint
CREATE TABLE `ticket_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`side` text NOT NULL,
	`internal` integer DEFAULT false NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ticket_messages_ticket_idx` ON `ticket_messages` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `ticket_reads` (
	`ticket_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`last_read_message_id` integer NOT NULL,
	PRIMARY KEY(`ticket_id`, `user_id`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_reads_user_idx` ON `ticket_reads` (`user_id`,`ticket_id`,`last_read_message_id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`subject` text NOT NULL,
	`service` text NOT NULL,
	`subscription_id` integer,
	`invoice_id` integer,
	`invoice_line_position` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`assignee_id` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`last_activity_at` text NOT NULL,
	`waiting_since` text,
	`last_customer_message_id` integer DEFAULT 0 NOT NULL,
	`last_staff_message_id` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tickets_account_activity_idx` ON `tickets` (`account_id`,`last_activity_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_queue_idx` ON `tickets` (("waiting_since" is null),`waiting_since`,"last_activity_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `tickets_status_queue_idx` ON `tickets` (`status`,("waiting_since" is null),`waiting_since`,"last_activity_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `tickets_activity_idx` ON `tickets` (`last_activity_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_account_unread_idx` ON `tickets` (`account_id`,`last_staff_message_id`);