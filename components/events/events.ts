/**
 * The kit's events, each a class with its `eventName`, `bubbles` and `composed`, and a typed
 * `detail`. They are in modules by the elements that fire them, so the code a page loads for
 * one element carries no other element's events.
 */
export * from './login.ts';
export * from './host.ts';
export * from './payment.ts';
export * from './invoice.ts';
export * from './ticket.ts';
