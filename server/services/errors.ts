/**
 * A request the domain refuses for a reason the caller can fix (a taken number, an unknown
 * account). The CLI prints the message and exits 1; routes answer 4xx with it.
 */
export class InputError extends Error {
  override name = 'InputError';
}
