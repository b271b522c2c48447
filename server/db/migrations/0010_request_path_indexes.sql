DROP INDEX `payments_account_idx`;--> statement-breakpoint
CREATE INDEX `payments_account_received_idx` ON `payments` (`account_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `payments_account_status_idx` ON `payments` (`account_id`,`status`,`amount_cents`);--> statement-breakpoint
DROP INDEX `payment_allocations_invoice_idx`;--> statement-breakpoint
CREATE INDEX `payment_allocations_invoice_idx` ON `payment_allocations` (`invoice_id`,`amount_cents`);--> statement-breakpoint
CREATE INDEX `invoices_account_state_idx` ON `invoices` (`account_id`,`state`,`due_date`,`total_cents`);