const DAY = 86_400_000;

/** Milliseconds from `now` until the next `HH:MM` (UTC); a time already passed today means tomorrow. */
export function msUntilNext(now: number, time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const today = new Date(now);
  const at = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), hours, minutes);
  return at > now ? at - now : at + DAY - now;
}

/**
 * Runs `job` every day at `time` (UTC) in this process, one run at a time; a failed run is
 * logged and the next day's goes ahead. Timers are re-armed each day, so the clock's drift
 * and daylight saving never add up.
 */
export function runDaily(time: string, job: () => Promise<void>, options: { now?: () => number; log?: (line: string) => void } = {}) {
  const now = options.now ?? Date.now;
  const log = options.log ?? console.error;
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    timer = setTimeout(() => {
      void job()
        .catch((err: unknown) => log(`[schedule] the ${time} run failed: ${String(err)}`))
        .finally(arm);
    }, msUntilNext(now(), time));
    timer.unref();
  };
  arm();
  return {
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}
