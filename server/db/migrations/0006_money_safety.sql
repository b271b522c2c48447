CREATE TABLE `payment_refunds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`refunded_at` text NOT NULL,
	`gateway_transaction_id` text NOT NULL,
	`voided_at` text,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_refunds_gateway_transaction_id_unique` ON `payment_refunds` (`gateway_transaction_id`);--> statement-breakpoint
CREATE INDEX `payment_refunds_payment_idx` ON `payment_refunds` (`payment_id`);--> statement-breakpoint
CREATE TABLE `process_leases` (
	`id` text PRIMARY KEY NOT NULL,
	`pid` integer NOT NULL,
	`host` text NOT NULL,
	`started_at` text NOT NULL,
	`renewed_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `payments_account_idempotency_unique`;--> statement-breakpoint
ALTER TABLE `payments` ADD `key_scope` text DEFAULT 'client' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `owner_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_account_idempotency_unique` ON `payments` (`account_id`,`key_scope`,`idempotency_key`);--> statement-breakpoint
ALTER TABLE `payment_allocations` ADD `refund_id` integer REFERENCES payment_refunds(id);--> statement-breakpoint
-- The autopay run's payments, keyed `autopay:<due date>` before it had a scope of its own, move to it.
UPDATE `payments` SET `key_scope` = 'autopay', `idempotency_key` = substr(`idempotency_key`, 9) WHERE `method` = 'Autopay' AND `idempotency_key` LIKE 'autopay:%';
