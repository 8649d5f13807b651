/**
 * Injection token of the gateway's pino logger. A plain symbol in the core, so every door can ask for
 * the logger without importing the composition root (app/).
 */
export const GATEWAY_LOGGER = Symbol('GATEWAY_LOGGER');
