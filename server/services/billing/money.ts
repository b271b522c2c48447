/**
 * Integer money arithmetic. Amounts are cents; per-minute prices are millicents (1/1000 cent);
 * tax rates are parts per million. Every division rounds half up (halves away from zero),
 * once, at the line it produces.
 */

/** numerator / denominator, rounded half up; both integers, denominator positive. */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`Cannot divide ${numerator} by ${denominator} exactly.`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / denominator);
  const remainder = magnitude - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

export const millicentsToCents = (millicents: number) => divideRounded(millicents, 1000);

/** `cents` × rate (ppm), rounded half up to the cent. */
export const applyRatePpm = (cents: number, ppm: number) => divideRounded(cents * ppm, 1_000_000);

/** A percentage as parts per million: 1.5 → 15000, 8.625 → 86250. */
export const percentToPpm = (percent: number) => Math.round(percent * 10_000);

/** Parts per million as a percentage text: 86250 → "8.625%". */
export const ppmText = (ppm: number) => `${(ppm / 10_000).toFixed(4).replace(/\.?0+$/, '')}%`;
