import type { DynamicModule, Type } from '@nestjs/common';

/**
 * Feature modules mounted next to GraphQL: the REST release gate (src/gates) and the GitHub deployment
 * protection rule (src/github) go here. They can inject anything GatewayCoreModule exports.
 */
export const FEATURE_MODULES: (Type | DynamicModule)[] = [];
