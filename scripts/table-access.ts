/**
 * Which part owns which table, read from the store's schema files (src/store/schema/{part}-tables.ts, each
 * with one `…Tables` interface naming its tables), and which tables a source file reads or writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** The schema file of the tables every part may use, each with its own keys (src/store/schema/shared-tables.ts). */
export const SHARED = 'shared';

/** Kysely's builder methods whose first argument names a table (or a list of tables). */
const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'using',
]);

/** Driver calls that take SQL text (node:sqlite's `prepare` and `exec`, pg's `query`). */
const SQL_TEXT_METHODS = new Set(['prepare', 'exec', 'query']);

/** A table named after an SQL keyword that reads or writes it. */
const SQL_TABLE = /\b(?:from|join|into|update|using)\s+"?([a-z_][a-z0-9_]*)"?/gi;

/** Maps every table name to the part that owns it (`shared` for the tables every part may use). */
export function readTableOwners(schemaDir: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const name of readdirSync(schemaDir)) {
    const part = /^([a-z]+)-tables\.ts$/.exec(name)?.[1];
    if (part === undefined) continue;
    const text = readFileSync(join(schemaDir, name), 'utf8');
    for (const [, body] of text.matchAll(/export interface \w+Tables\s*\{([^}]*)\}/g)) {
      for (const [, table] of body!.matchAll(/^\s*(\w+)\s*:/gm)) owners.set(table!, part);
    }
  }
  return owners;
}

/** One use of a table in a source file. */
export interface TableUse {
  /** The table, or undefined when a variable or computed text names it, so that its owner cannot be read. */
  readonly table: string | undefined;
  readonly line: number;
}

/** An argument that names a table through a variable or computed text rather than literally. */
const isComputedName = (node: ts.Expression): boolean =>
  ts.isIdentifier(node) ||
  ts.isPropertyAccessExpression(node) ||
  ts.isElementAccessExpression(node) ||
  ts.isTemplateExpression(node) ||
  ts.isBinaryExpression(node) ||
  ts.isConditionalExpression(node);

/**
 * The known tables a file names in Kysely's table methods (`selectFrom('x as y')`, joins, …), in `sql`
 * templates (`FROM x`, `JOIN x`, a template that is only a table name, `sql.table('x')`) and in SQL text
 * given to a driver; and, with no table, every table method given a variable instead of a name (a
 * subquery or callback is read through the calls inside it).
 */
export function tablesUsedIn(fileName: string, text: string, known: ReadonlySet<string>): TableUse[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: { readonly table: string | undefined; readonly at: number }[] = [];
  const add = (table: string | undefined, node: ts.Node) => {
    if (table === undefined || known.has(table)) found.push({ table, at: node.getStart(source) });
  };
  const addFromSql = (sqlText: string, node: ts.Node) => {
    if (known.has(sqlText.trim())) add(sqlText.trim(), node);
    for (const [, table] of sqlText.matchAll(SQL_TABLE)) add(table!.toLowerCase(), node);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first] = node.arguments;
      const isSqlTable = method === 'table' && node.expression.expression.getText(source) === 'sql';
      if (first !== undefined && (TABLE_METHODS.has(method) || isSqlTable)) {
        const names = ts.isArrayLiteralExpression(first) ? first.elements : [first];
        for (const name of names) {
          if (ts.isStringLiteralLike(name)) add(name.text.trim().split(/\s+/)[0]!, name);
          else if (isComputedName(name)) add(undefined, name);
        }
      } else if (first !== undefined && SQL_TEXT_METHODS.has(method) && ts.isStringLiteralLike(first)) {
        addFromSql(first.text, first);
      }
    } else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'sql') {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template.text]
        : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
      addFromSql(parts.join(' ? '), node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A chain is visited from its last call; report in the order of the text.
  return found
    .sort((x, y) => x.at - y.at)
    .map(({ table, at }) => ({ table, line: source.getLineAndCharacterOfPosition(at).line + 1 }));
}
