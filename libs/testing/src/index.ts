export * from './decider-spec';
export * from './infra/test-infra';
