import { ErrorCodes } from '@tminus/contracts';
import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type FieldNode,
} from 'graphql';

export interface QueryLimits {
  /** Deepest field nesting allowed (introspection fields not counted). */
  readonly maxDepth: number;
  /** Highest estimated cost: each field its weight (FIELD_COSTS, else 1), times the size of its lists. */
  readonly maxComplexity: number;
  /** Most aliased fields in one operation (fragments counted where they are spread). */
  readonly maxAliases?: number;
  /** Most top-level fields in one operation (aliases of one field count apart). */
  readonly maxRootFields?: number;
}

export const DEFAULT_QUERY_LIMITS: Required<QueryLimits> = {
  maxDepth: 12,
  maxComplexity: 50_000,
  maxAliases: 50,
  maxRootFields: 30,
};

/**
 * Most tokens a document may have: the parser stops there (GRAPHQL_PARSE_FAILED), so a 1 MiB body
 * costs a bounded parse (the largest query the CLI sends has a few hundred tokens).
 */
export const MAX_QUERY_TOKENS = 50_000;

/**
 * What a field costs beyond 1, in units of one stored field read: fields computed from many documents
 * or replayed from events weigh what they do. Calibrated so the default limit allows about one page of
 * 100 launches with their readiness, or 20 as-of replays, per request.
 */
const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.gate': 250,
  'Query.launchAsOf': 2_500,
  'Launch.readiness': 200,
  'Launch.history': 50,
  'Launch.lastGateEvaluations': 20,
  'LaunchTeam.readiness': 50,
  'Subscription.readinessChanged': 200,
};

/** Assumed size of a list without a `first` argument (teams, items, incidents…). */
const DEFAULT_LIST_SIZE = 10;
/** The largest `first` the API serves; a bigger one is clamped by the resolvers anyway. */
const MAX_LIST_SIZE = 100;

type QueryLimitCode =
  | typeof ErrorCodes.QUERY_TOO_DEEP
  | typeof ErrorCodes.QUERY_TOO_COMPLEX
  | typeof ErrorCodes.TOO_MANY_ALIASES
  | typeof ErrorCodes.TOO_MANY_ROOT_FIELDS;

/** A query rejected for its shape: carried as the original error, so its code survives Apollo's wrapping. */
export class QueryLimitError extends GraphQLError {
  constructor(code: QueryLimitCode, message: string) {
    super(message, { extensions: { code } });
    this.name = 'QueryLimitError';
  }
}

interface Measure {
  readonly depth: number;
  readonly cost: number;
  readonly aliases: number;
  /** Fields directly in the measured selection set (fragments expanded). */
  readonly fields: number;
}

const isList = (type: GraphQLOutputType): boolean =>
  isListType(type) || (isNonNullType(type) && isListType(type.ofType));

/** The page size a field asks for with `first` (a variable: the largest); null without `first`. */
function pageSize(field: FieldNode): number | null {
  const first = field.arguments?.find((argument) => argument.name.value === 'first');
  if (!first) return null;
  if (first.value.kind === Kind.INT) return Math.min(Math.max(Number(first.value.value), 0), MAX_LIST_SIZE);
  return MAX_LIST_SIZE;
}

/** A connection's `first` sizes its `edges`/`nodes` list one level down. */
const PAGED_LISTS: ReadonlySet<string> = new Set(['edges', 'nodes']);

/** Where the walk is: the type whose fields are selected, and the page size a connection passed down. */
interface Position {
  readonly parentType: GraphQLNamedType | undefined;
  readonly depth: number;
  readonly page: number | null;
}

/** Walks a selection set (fragments included, each at most once per path) and measures it. */
function measure(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  at: Position,
  fragmentsOnPath: ReadonlySet<string>,
): Measure {
  let deepest = at.depth;
  let cost = 0;
  let aliases = 0;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure;
    if (selection.kind === Kind.FIELD) {
      // Introspection (__schema, __type, __typename) is the schema's business, not the data's.
      if (selection.name.value.startsWith('__')) continue;
      inner = measureField(context, selection, at, fragmentsOnPath);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? context.getSchema().getType(selection.typeCondition.name.value)
        : at.parentType;
      inner = measure(
        context,
        selection.selectionSet,
        { ...at, parentType: type ?? undefined },
        fragmentsOnPath,
      );
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || fragmentsOnPath.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value) ?? undefined;
      inner = measure(
        context,
        fragment.selectionSet,
        { ...at, parentType: type },
        new Set([...fragmentsOnPath, name]),
      );
    }
    deepest = Math.max(deepest, inner.depth);
    cost += inner.cost;
    aliases += inner.aliases;
    fields += inner.fields;
  }
  return { depth: deepest, cost, aliases, fields };
}

function measureField(
  context: ValidationContext,
  field: FieldNode,
  at: Position,
  fragmentsOnPath: ReadonlySet<string>,
): Measure {
  const { parentType } = at;
  const definitions =
    parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields() : {};
  const definition = definitions[field.name.value];
  const page = pageSize(field);
  const child = field.selectionSet
    ? measure(
        context,
        field.selectionSet,
        { parentType: definition && getNamedType(definition.type), depth: at.depth + 1, page },
        fragmentsOnPath,
      )
    : { depth: at.depth + 1, cost: 0, aliases: 0, fields: 0 };
  const inherited = PAGED_LISTS.has(field.name.value) ? at.page : null;
  const multiplier = definition && isList(definition.type) ? (page ?? inherited ?? DEFAULT_LIST_SIZE) : 1;
  const weight = 1 + (parentType ? (FIELD_COSTS[`${parentType.name}.${field.name.value}`] ?? 0) : 0);
  return {
    depth: child.depth,
    cost: weight + multiplier * child.cost,
    aliases: (field.alias ? 1 : 0) + child.aliases,
    fields: 1,
  };
}

/** The first limit an operation breaks, as the error to report; null when it keeps them all. */
function breach(measured: Measure, limits: Required<QueryLimits>): QueryLimitError | null {
  if (measured.aliases > limits.maxAliases)
    return new QueryLimitError(
      ErrorCodes.TOO_MANY_ALIASES,
      `The query has ${measured.aliases} aliased fields; at most ${limits.maxAliases} are allowed`,
    );
  if (measured.fields > limits.maxRootFields)
    return new QueryLimitError(
      ErrorCodes.TOO_MANY_ROOT_FIELDS,
      `The query asks for ${measured.fields} top-level fields; at most ${limits.maxRootFields} are allowed`,
    );
  if (measured.depth > limits.maxDepth)
    return new QueryLimitError(
      ErrorCodes.QUERY_TOO_DEEP,
      `The query is ${measured.depth} levels deep; at most ${limits.maxDepth} are allowed`,
    );
  if (measured.cost > limits.maxComplexity)
    return new QueryLimitError(
      ErrorCodes.QUERY_TOO_COMPLEX,
      `The query's estimated cost is ${measured.cost}; at most ${limits.maxComplexity} is allowed (ask for smaller pages or fewer fields)`,
    );
  return null;
}

/**
 * Validation rules rejecting operations with too many aliases or top-level fields, nested too deep,
 * or costlier than the limits (TOO_MANY_ALIASES, TOO_MANY_ROOT_FIELDS, QUERY_TOO_DEEP,
 * QUERY_TOO_COMPLEX). One walk of the document, before anything runs; HTTP and WebSocket share them.
 */
export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  const effective: Required<QueryLimits> = { ...DEFAULT_QUERY_LIMITS, ...limits };
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation) ?? undefined;
      const measured = measure(
        context,
        operation.selectionSet,
        { parentType: root, depth: 0, page: null },
        new Set(),
      );
      const error = breach(measured, effective);
      if (error) context.reportError(error);
      return false;
    },
  });
  return [rule];
}
