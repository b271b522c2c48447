/** Work done after the reply has gone; tracked so tests and shutdown can wait for it. */
export function createBackground(log: (line: string) => void = console.error) {
  const pending = new Set<Promise<void>>();
  return {
    run(label: string, job: () => Promise<void> | void) {
      const task = Promise.resolve()
        .then(job)
        .catch((err: unknown) => log(`[background] ${label} failed: ${String(err)}`))
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    async idle() {
      while (pending.size) await Promise.all(pending);
    },
  };
}

export type Background = ReturnType<typeof createBackground>;
