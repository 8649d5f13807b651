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
  /** Highest estimated cost: every field costs 1, times the size of the lists it sits in. */
  readonly maxComplexity: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxComplexity: 25_000 };

/** Assumed size of a list without a `first` argument (teams, items, incidents…). */
const DEFAULT_LIST_SIZE = 10;
/** The largest `first` the API serves; a bigger one is clamped by the resolvers anyway. */
const MAX_LIST_SIZE = 100;

/** A query rejected for its shape: carried as the original error, so its code survives Apollo's wrapping. */
export class QueryLimitError extends GraphQLError {
  constructor(code: typeof ErrorCodes.QUERY_TOO_DEEP | typeof ErrorCodes.QUERY_TOO_COMPLEX, message: string) {
    super(message, { extensions: { code } });
    this.name = 'QueryLimitError';
  }
}

interface Measure {
  readonly depth: number;
  readonly cost: number;
}

const isList = (type: GraphQLOutputType): boolean =>
  isListType(type) || (isNonNullType(type) && isListType(type.ofType));

function listSize(field: FieldNode): number {
  const first = field.arguments?.find((argument) => argument.name.value === 'first');
  if (first?.value.kind === Kind.INT) return Math.min(Math.max(Number(first.value.value), 0), MAX_LIST_SIZE);
  return first ? MAX_LIST_SIZE : DEFAULT_LIST_SIZE;
}

/** Walks a selection set (fragments included, each at most once per path) and measures depth and cost. */
function measure(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType | undefined,
  depth: number,
  fragmentsOnPath: ReadonlySet<string>,
): Measure {
  let deepest = depth;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure;
    if (selection.kind === Kind.FIELD) {
      // Introspection (__schema, __type, __typename) is the schema's business, not the data's.
      if (selection.name.value.startsWith('__')) continue;
      const fields =
        parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields() : {};
      const definition = fields[selection.name.value];
      const child = selection.selectionSet
        ? measure(
            context,
            selection.selectionSet,
            definition && getNamedType(definition.type),
            depth + 1,
            fragmentsOnPath,
          )
        : { depth: depth + 1, cost: 0 };
      const multiplier = definition && isList(definition.type) ? listSize(selection) : 1;
      inner = { depth: child.depth, cost: 1 + multiplier * child.cost };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? context.getSchema().getType(selection.typeCondition.name.value)
        : parentType;
      inner = measure(context, selection.selectionSet, type ?? undefined, depth, fragmentsOnPath);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || fragmentsOnPath.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value) ?? undefined;
      inner = measure(context, fragment.selectionSet, type, depth, new Set([...fragmentsOnPath, name]));
    }
    deepest = Math.max(deepest, inner.depth);
    cost += inner.cost;
  }
  return { depth: deepest, cost };
}

/** Validation rules rejecting operations deeper or costlier than the limits (QUERY_TOO_DEEP, QUERY_TOO_COMPLEX). */
export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation) ?? undefined;
      const { depth, cost } = measure(context, operation.selectionSet, root, 0, new Set());
      if (depth > limits.maxDepth) {
        context.reportError(
          new QueryLimitError(
            ErrorCodes.QUERY_TOO_DEEP,
            `The query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`,
          ),
        );
      } else if (cost > limits.maxComplexity) {
        context.reportError(
          new QueryLimitError(
            ErrorCodes.QUERY_TOO_COMPLEX,
            `The query's estimated cost is ${cost}; at most ${limits.maxComplexity} is allowed (ask for smaller pages or fewer fields)`,
          ),
        );
      }
      return false;
    },
  });
  return [rule];
}
