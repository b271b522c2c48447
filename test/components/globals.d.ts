// Mocha globals (describe, it) for the browser tests, which web-test-runner runs with Mocha.
/// <reference types="mocha" />
