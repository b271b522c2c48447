/**
 * A request the domain refuses for a reason the caller can fix (a taken number, an unknown
 * account). The CLI prints the message and exits 1; routes answer 4xx with it.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** The work cannot start now because other work holds what it needs (an import, a billing run). Try later. */
export class BusyError extends InputError {
  override name = 'BusyError';
}
