// A project-level `testTimeout` is ignored by jest when projects are used: set it per tier here.
jest.setTimeout(240_000);
