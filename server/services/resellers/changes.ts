/**
 * A counter of changes to reseller records made in this process, so what is derived from them
 * (the allowed origins) is read again at once. Changes made by another process (the CLI) are
 * seen when the derived copy's short life ends.
 */
let version = 0;

export const resellersVersion = () => version;

export function noteResellersChanged(): void {
  version++;
}
