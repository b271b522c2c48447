ALTER TABLE `invoices` ADD `notified_at` text;--> statement-breakpoint
CREATE INDEX `invoices_to_notify_idx` ON `invoices` (`id`) WHERE "invoices"."notified_at" is null;--> statement-breakpoint
-- Invoices issued before notices existed are not mailed now, months late.
UPDATE `invoices` SET `notified_at` = `issue_date`;
