import * as ts from 'typescript';

/** An environment variable some code reads; `required` when the app refuses to start without it. */
export interface EnvRead {
  readonly name: string;
  readonly required: boolean;
}

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Calls in a zod chain that make a key optional. */
const ZOD_OBJECTS = new Set(['object', 'strictObject', 'looseObject']);
const OPTIONAL_MAKERS = new Set(['default', 'optional', 'nullish', 'catch', 'prefault']);

/**
 * The environment variables a source file reads:
 * - `process.env.X`, `process.env['X']`, `const { X } = process.env` (optional: no schema says more);
 * - the same on a parameter named `env` (the loaders take `env: NodeJS.ProcessEnv`);
 * - the keys of a zod env schema, `z.object({ X: ..., Y: ... })` whose keys are all UPPER_SNAKE:
 *   required unless the key's chain (or the same-file const or arrow helper it uses) has
 *   .default/.optional/...
 */
export function envReadsOf(sourceText: string, fileName = 'source.ts'): EnvRead[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.ES2022, true);
  const consts = constInitializers(source);
  const reads: EnvRead[] = [];
  const visit = (node: ts.Node): void => {
    const accessed = envPropertyName(node);
    if (accessed) reads.push({ name: accessed, required: false });
    reads.push(...destructuredFromEnv(node), ...zodEnvSchemaKeys(node, consts));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return mergeReads(reads);
}

/** One entry per name; a name required anywhere is required. Sorted by name. */
export function mergeReads(reads: readonly EnvRead[]): EnvRead[] {
  const byName = new Map<string, boolean>();
  for (const { name, required } of reads) byName.set(name, (byName.get(name) ?? false) || required);
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, required]) => ({ name, required }));
}

const isEnvObject = (node: ts.Expression): boolean =>
  (ts.isIdentifier(node) && node.text === 'env') ||
  (ts.isPropertyAccessExpression(node) &&
    node.name.text === 'env' &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'process');

function envPropertyName(node: ts.Node): string | null {
  if (ts.isPropertyAccessExpression(node) && isEnvObject(node.expression)) {
    return ENV_NAME.test(node.name.text) ? node.name.text : null;
  }
  if (ts.isElementAccessExpression(node) && isEnvObject(node.expression)) {
    const key = node.argumentExpression;
    return ts.isStringLiteralLike(key) && ENV_NAME.test(key.text) ? key.text : null;
  }
  return null;
}

function destructuredFromEnv(node: ts.Node): EnvRead[] {
  if (!ts.isVariableDeclaration(node) || !node.initializer || !isEnvObject(node.initializer)) return [];
  if (!ts.isObjectBindingPattern(node.name)) return [];
  return node.name.elements
    .map((element) => (element.propertyName ?? element.name).getText())
    .filter((name) => ENV_NAME.test(name))
    .map((name) => ({ name, required: false }));
}

function zodEnvSchemaKeys(node: ts.Node, consts: ReadonlyMap<string, ts.Expression>): EnvRead[] {
  if (!ts.isCallExpression(node) || node.getFirstToken()?.getText() !== 'z') return [];
  if (!ts.isPropertyAccessExpression(node.expression) || !ZOD_OBJECTS.has(node.expression.name.text))
    return [];
  const [shape] = node.arguments;
  if (!shape || !ts.isObjectLiteralExpression(shape)) return [];
  const entries = shape.properties.filter(ts.isPropertyAssignment);
  const names = entries.map((entry) => entry.name.getText().replace(/^['"]|['"]$/g, ''));
  if (entries.length === 0 || !names.every((name) => ENV_NAME.test(name))) return [];
  return entries.map((entry, i) => ({
    name: names[i],
    required: !isOptionalChain(entry.initializer, consts),
  }));
}

/** True when a zod expression (following same-file consts) calls .default(), .optional(), ... */
function isOptionalChain(expression: ts.Expression, consts: ReadonlyMap<string, ts.Expression>): boolean {
  const seen = new Set<string>();
  const check = (node: ts.Node): boolean => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      if (OPTIONAL_MAKERS.has(node.expression.name.text)) return true;
      return check(node.expression.expression);
    }
    // A same-file helper that builds the schema: `const port = (fallback) => z.string().optional()...`.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) return check(node.expression);
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return check(node.body);
    if (ts.isPropertyAccessExpression(node)) return check(node.expression);
    if (ts.isParenthesizedExpression(node)) return check(node.expression);
    if (ts.isIdentifier(node) && consts.has(node.text) && !seen.has(node.text)) {
      seen.add(node.text);
      return check(consts.get(node.text) as ts.Expression);
    }
    return false;
  };
  return check(expression);
}

function constInitializers(source: ts.SourceFile): Map<string, ts.Expression> {
  const consts = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) {
        consts.set(declaration.name.text, declaration.initializer);
      }
    }
  }
  return consts;
}
