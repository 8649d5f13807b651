export * from './decider-spec';
export * from './eventually';
export * from './infra/test-infra';
