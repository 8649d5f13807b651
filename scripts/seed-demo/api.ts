import { GraphqlClient } from '../../apps/embedded/src/client/graphql-client';

/**
 * The public GraphQL API as the seed uses it. Every mutation takes one `input` argument; the input
 * type names are read from the schema once, so the seed follows the server's naming.
 */
export class DemoApi {
  private inputTypes: Promise<Map<string, string>> | undefined;

  constructor(
    readonly client: GraphqlClient,
    private readonly url: string,
  ) {}

  /** The same API with another user's token. */
  as(token: string): DemoApi {
    const api = new DemoApi(new GraphqlClient({ url: this.url, token }), this.url);
    api.inputTypes = this.inputTypes;
    return api;
  }

  query<Data>(document: string, variables: Record<string, unknown> = {}): Promise<Data> {
    return this.client.request<Data>(document, variables);
  }

  /** Runs `mutation { <name>(input: $input) { <selection> } }` and returns the mutation's field. */
  async mutate<Result>(name: string, input: Record<string, unknown>, selection: string): Promise<Result> {
    const inputType = (await this.mutationInputTypes()).get(name);
    if (inputType === undefined) throw new Error(`The server has no mutation ${name}(input: ...)`);
    const document = `mutation Seed($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`;
    const data = await this.client.request<Record<string, Result>>(document, { input });
    return data[name];
  }

  private mutationInputTypes(): Promise<Map<string, string>> {
    this.inputTypes ??= this.client
      .request<{ __schema: { mutationType: { fields: MutationField[] } | null } }>(MUTATION_INPUTS)
      .then(({ __schema }) => {
        const types = new Map<string, string>();
        for (const field of __schema.mutationType?.fields ?? []) {
          const input = field.args.find((arg) => arg.name === 'input');
          const named = input && namedType(input.type);
          if (named) types.set(field.name, named);
        }
        return types;
      });
    return this.inputTypes;
  }
}

interface TypeRef {
  readonly name: string | null;
  readonly ofType: TypeRef | null;
}

interface MutationField {
  readonly name: string;
  readonly args: readonly { readonly name: string; readonly type: TypeRef }[];
}

const namedType = (type: TypeRef): string | undefined =>
  type.name ?? (type.ofType ? namedType(type.ofType) : undefined);

const MUTATION_INPUTS = `query SeedMutationInputs {
  __schema { mutationType { fields { name args { name type { name ofType { name ofType { name } } } } } } }
}`;
