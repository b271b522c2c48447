CREATE TABLE `usage_totals` (
	`account_id` integer NOT NULL,
	`period` text NOT NULL,
	`subscriber_number` text NOT NULL,
	`category` text NOT NULL,
	`minutes` integer NOT NULL,
	`calls` integer NOT NULL,
	`last_call_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `period`, `subscriber_number`, `category`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `usage_totals` (`account_id`, `period`, `subscriber_number`, `category`, `minutes`, `calls`, `last_call_at`)
SELECT `account_id`, strftime('%Y-%m', `started_at`, 'unixepoch'), `subscriber_number`, `category`, sum((`duration_seconds` + 59) / 60), count(*), max(`started_at`)
FROM `usage_records` WHERE `import_id` IS NULL OR `import_id` IN (SELECT `id` FROM `usage_imports` WHERE `state` = 'committed')
GROUP BY 1, 2, 3, 4;
